"""pc-onboard on a benchmark set, run as a user would, its answer read back from its outputs.

`pc-onboard run list.csv [--existing export.csv] --out DIR`, then `DIR/duplicates.csv`
(one line per duplicate row: its cluster and its survivor, who is the cluster's other member
with no line of its own) and `DIR/relationship_requests.csv` (a row and the Partner Center
customer it already is).
"""

from __future__ import annotations

import csv
import os
import subprocess
import time
from pathlib import Path

from common import DataSet, strip_guard


def default_binary() -> Path:
    target = os.environ.get("CARGO_TARGET_DIR") or str(Path(__file__).resolve().parents[2] / "target")
    return Path(os.environ.get("PC_ONBOARD") or Path(target) / "debug" / "pc-onboard")


def run(binary: Path, ds: DataSet, extra: list[str] | None = None) -> tuple[Path, float]:
    """Runs the binary; returns its output folder and the wall-clock seconds. Exit 0 and 1 are
    completed runs (1: the rejection share passed --fail-over); anything else is a failure."""
    out = ds.folder / "pc_onboard_out"
    cmd = [str(binary), "run", str(ds.list_csv)]
    if ds.export_csv is not None:
        cmd += ["--existing", str(ds.export_csv)]
    cmd += ["--out", str(out), "--quiet", "--no-progress", "--today", "2025-01-01"] + (extra or [])
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    (ds.folder / "pc_onboard_stderr.txt").write_text(proc.stderr)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    return out, secs


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8-sig") as f:
        return [{k: strip_guard(v or "") for k, v in r.items()} for r in csv.DictReader(f)]


def clusters(out: Path) -> dict[int, str]:
    """Cluster label per spreadsheet row, for the rows pc-onboard put in a duplicate cluster."""
    label: dict[int, str] = {}
    for r in _rows(out / "duplicates.csv"):
        cid = r["cluster_id"]
        label[int(r["source_row"])] = cid
        label[int(r["survivor_row"])] = cid
    return label


def links(out: Path) -> dict[int, str]:
    """Partner Center customer ID per spreadsheet row that pc-onboard routed to a relationship request."""
    return {int(r["source_row"]): r["pc_customer_id"] for r in _rows(out / "relationship_requests.csv")}
