"""Smoke test of benchmarks/web/loadgen.py: counts answered requests and their latencies, and errors."""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

LOADGEN = Path(__file__).resolve().parents[2] / "benchmarks" / "web" / "loadgen.py"


def loadgen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("web_loadgen", LOADGEN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


class QuietHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[int]:
    (tmp_path / "seite.html").write_text("<p>Seite</p>", encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


def test_load_counts_every_answered_request(server: int) -> None:
    load = loadgen().run_load("127.0.0.1", server, "/seite.html", 0.5, 2)
    assert load.requests > 0
    assert load.errors == 0
    assert len(load.latencies_ms) == load.requests
    assert 0 < load.percentile(50) <= load.percentile(95)


def test_missing_page_counts_as_errors(server: int) -> None:
    load = loadgen().run_load("127.0.0.1", server, "/fehlt.html", 0.3, 1)
    assert load.errors > 0
