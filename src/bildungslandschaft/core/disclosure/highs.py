"""A quiet HiGHS instance: no log lines on stdout, which may carry a CSV or JSON table."""

from __future__ import annotations

import ctypes
import os
import sys

import highspy

_banner_swallowed = False


def quiet_highs() -> highspy.Highs:
    """A new HiGHS solver that writes nothing to stdout."""
    global _banner_swallowed  # noqa: PLW0603 - the banner is printed once per process
    if _banner_swallowed:
        solver = highspy.Highs()  # type: ignore[no-untyped-call]
    else:
        solver = _construct_with_stdout_closed()
        _banner_swallowed = True
    solver.setOptionValue("output_flag", False)
    return solver


def _construct_with_stdout_closed() -> highspy.Highs:
    """HiGHS prints its banner from C++ on the first construction; send it to /dev/null."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no file descriptor 1 at all: nothing to protect
        return highspy.Highs()  # type: ignore[no-untyped-call]
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    try:
        solver = highspy.Highs()  # type: ignore[no-untyped-call]
        ctypes.CDLL(None).fflush(None)
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)
    return solver


def release_solver_threads() -> None:
    """Stop HiGHS's worker threads of this process (before a fork; the next solve starts new ones)."""
    highspy.Highs.resetGlobalScheduler(True)
