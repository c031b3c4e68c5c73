"""bandit finds no high-severity problem in src/ (pip-audit needs the network: `make audit`, CI)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_bandit_finds_no_high_severity_issue() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bandit", "-r", str(SRC), "--severity-level", "high", "--format", "json", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    report = json.loads(result.stdout)
    high = [
        f"{item['filename']}:{item['line_number']} {item['test_id']} {item['issue_text']}"
        for item in report["results"]
        if item["issue_severity"] == "HIGH"
    ]
    assert report["metrics"]["_totals"]["loc"] > 1000  # bandit really read the code
    assert high == []
