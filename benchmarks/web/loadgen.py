"""A small threaded HTTP load generator (used when ``wrk`` is not installed).

Each thread keeps one HTTP/1.1 connection open and sends GET requests back to back for the
given duration; latencies are measured per request.
"""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Load:
    requests: int
    seconds: float
    errors: int
    latencies_ms: list[float]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share / 100 * len(ordered)))] if ordered else float("nan")


def run_load(host: str, port: int, path: str, seconds: float, connections: int) -> Load:
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    deadline = time.perf_counter() + seconds

    def worker(index: int) -> None:
        connection = http.client.HTTPConnection(host, port, timeout=30)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors[index] += 1
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=30)
                continue
            latencies[index].append((time.perf_counter() - started) * 1000)
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(index,)) for index in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    flat = [value for values in latencies for value in values]
    return Load(len(flat), elapsed, sum(errors), flat)


def describe(load: Load) -> str:
    return (
        f"{load.throughput:.1f} req/s, p50 {load.percentile(50):.1f} ms, p95 {load.percentile(95):.1f} ms, "
        f"median {statistics.median(load.latencies_ms) if load.latencies_ms else float('nan'):.1f} ms"
    )
