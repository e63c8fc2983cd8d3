"""Scoring both tools the same way, and writing pc-onboard's errors for people to study.

Duplicates are scored pairwise: every pair of rows inside one predicted cluster is a predicted
pair, every pair inside one true entity is a true pair. Existing links are scored per list row:
a row linked to the right customer is a true positive; to a wrong one, a false positive and a
false negative; to none while it has one, a false negative.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from common import DataSet, read_csv, write_csv


@dataclass
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pairs_of_clusters(label_of: dict[int, str]) -> set[tuple[int, int]]:
    """All unordered row pairs (low, high) that share a label."""
    groups: dict[str, list[int]] = defaultdict(list)
    for row, label in label_of.items():
        if label != "":
            groups[label].append(row)
    out: set[tuple[int, int]] = set()
    for rows in groups.values():
        out.update(combinations(sorted(rows), 2))
    return out


def score_dedup(pred: set[tuple[int, int]], truth: set[tuple[int, int]]) -> Score:
    tp = len(pred & truth)
    return Score(tp=tp, fp=len(pred) - tp, fn=len(truth) - tp)


def score_links(pred: dict[int, str], truth: dict[int, str]) -> Score:
    tp = fp = fn = 0
    for row in set(pred) | set(truth):
        p, t = pred.get(row, ""), truth.get(row, "")
        if p and p == t:
            tp += 1
            continue
        if p:
            fp += 1
        if t:
            fn += 1
    return Score(tp=tp, fp=fp, fn=fn)


def _row_cells(rows: list[dict[str, str]], header: list[str], row: int, prefix: str) -> dict[str, str]:
    rec = rows[row - 2] if 2 <= row < len(rows) + 2 else {}
    return {f"{prefix}{h}": rec.get(h, "") for h in header}


def write_dedup_errors(
    ds: DataSet, pred: set[tuple[int, int]], truth: set[tuple[int, int]], splink_pairs: set[tuple[int, int]]
) -> tuple[Path, Path]:
    """misses.csv (true pairs pc-onboard did not put together) and false_matches.csv, both records
    side by side, with whether Splink found the pair."""
    header, rows = read_csv(ds.list_csv)
    cols = ["row_a", "row_b", "found_by_splink", "note_a", "note_b"]
    cols += [f"a_{h}" for h in header] + [f"b_{h}" for h in header]

    def lines(pairs: set[tuple[int, int]]) -> list[dict[str, str]]:
        out = []
        for a, b in sorted(pairs):
            line = {"row_a": str(a), "row_b": str(b), "found_by_splink": "yes" if (a, b) in splink_pairs else "no"}
            line["note_a"], line["note_b"] = ds.notes.get(a, ""), ds.notes.get(b, "")
            line.update(_row_cells(rows, header, a, "a_"))
            line.update(_row_cells(rows, header, b, "b_"))
            out.append(line)
        return out

    misses, false = ds.folder / "pc_onboard_misses.csv", ds.folder / "pc_onboard_false_matches.csv"
    write_csv(misses, cols, lines(truth - pred))
    write_csv(false, cols, lines(pred - truth))
    return misses, false


def write_link_errors(
    ds: DataSet, pred: dict[int, str], truth: dict[int, str], splink_pred: dict[int, str]
) -> tuple[Path, Path]:
    """misses.csv (rows whose customer pc-onboard did not find) and false_matches.csv (rows linked
    to a customer that is not theirs), the list row beside the export row."""
    assert ds.export_csv is not None
    lheader, lrows = read_csv(ds.list_csv)
    eheader, erows = read_csv(ds.export_csv)
    cols = ["list_row", "true_customer", "pc_onboard_customer", "splink_customer", "note"]
    cols += [f"list_{h}" for h in lheader] + [f"export_{h}" for h in eheader]

    def line(row: int, shown: str) -> dict[str, str]:
        out = {
            "list_row": str(row),
            "true_customer": truth.get(row, ""),
            "pc_onboard_customer": pred.get(row, ""),
            "splink_customer": splink_pred.get(row, ""),
            "note": ds.notes.get(row, ""),
        }
        out.update(_row_cells(lrows, lheader, row, "list_"))
        out.update(_row_cells(erows, eheader, ds.export_row_of.get(shown, 0), "export_"))
        return out

    missed = [line(r, t) for r, t in sorted(truth.items()) if t and pred.get(r, "") != t]
    # A false match shows the customer pc-onboard chose, so the two records can be compared.
    false = [line(r, p) for r, p in sorted(pred.items()) if p and p != truth.get(r, "")]
    misses, false_path = ds.folder / "pc_onboard_misses.csv", ds.folder / "pc_onboard_false_matches.csv"
    write_csv(misses, cols, missed)
    write_csv(false_path, cols, false)
    return misses, false_path


def _kinds(note: str, part: str) -> list[str]:
    # Notes read "duplicate of E00012: legal_form+upper" or "E00012 list: upper; export: -".
    for piece in note.split(";"):
        piece = piece.strip()
        if piece.startswith(part):
            ks = piece.split(":", 1)[1].strip()
            return [] if ks in ("", "-") else ks.split("+")
    return []


def recall_by_kind(ds: DataSet, found: dict[str, set]) -> dict[str, dict[str, tuple[int, int]]]:
    """For the CRM sets: per variation kind, (found, total) of the true pairs / links carrying it,
    for each tool in `found` (dedup: a set of pairs; link: a set of correctly linked rows)."""
    out: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    items: list[tuple[object, list[str]]] = []
    if ds.kind == "dedup":
        for a, b in pairs_of_clusters(ds.truth):
            na, nb = ds.notes.get(a, ""), ds.notes.get(b, "")
            if na.startswith("original") and nb.startswith("duplicate"):
                items.append(((a, b), _kinds(nb, "duplicate")))
            elif nb.startswith("original") and na.startswith("duplicate"):
                items.append(((a, b), _kinds(na, "duplicate")))
    else:
        for row, cid in ds.truth.items():
            if cid:
                note = ds.notes.get(row, "")
                ks = set(_kinds(note.split(" ", 1)[-1], "list")) | set(_kinds(note, "export"))
                items.append((row, sorted(ks) or ["none"]))
    for tool, got in found.items():
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for key, ks in items:
            for k in ks or ["none"]:
                tally[k][1] += 1
                tally[k][0] += key in got
        for k, (f, t) in tally.items():
            out[k][tool] = (f, t)
    return dict(out)
