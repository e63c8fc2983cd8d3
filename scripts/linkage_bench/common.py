"""Shared shapes of the linkage benchmark: a data set on disk, its truth, CSV helpers.

A data set is a folder holding what a user would hand pc-onboard (`list.csv`, and for
existing-customer sets `export.csv`) plus `truth.csv`, which neither tool reads.
Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is 2.
"""

from __future__ import annotations

import csv
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path

# Column names of the legacy list, as a CRM export would call them.
LIST_COLUMNS = {
    "id": "Account ID",
    "name": "Company Name",
    "addr1": "Address Line 1",
    "addr2": "Address Line 2",
    "city": "City",
    "state": "State",
    "postcode": "Postal Code",
    "country": "Country",
    "phone": "Phone",
    "email": "Contact Email",
}

# Column names of the Partner Center export (the richer shape: export joined with billing
# profiles), and of the real UI export (Customers -> Export customers).
EXPORT_COLUMNS = {
    "id": "Customer ID",
    "name": "Company Name",
    "domain": "Primary Domain Name",
    "addr1": "Address Line 1",
    "city": "City",
    "state": "State",
    "postcode": "Postal Code",
    "country": "Country/Region",
}
UI_EXPORT_COLUMNS = {
    "id": "Microsoft ID",
    "name": "Company name",
    "domain": "Primary domain name",
    "relationship": "Relationship",
    "tags": "Tags",
}

FIRST_DATA_ROW = 2


@dataclass
class DataSet:
    """One benchmark data set as written to disk."""

    name: str
    kind: str  # "dedup" or "link"
    description: str
    folder: Path
    list_csv: Path
    export_csv: Path | None = None
    # dedup: spreadsheet row -> entity label; link: spreadsheet row -> customer ID or "".
    truth: dict[int, str] = field(default_factory=dict)
    # Optional per-row notes for the error files (e.g. the variations a duplicate carries).
    notes: dict[int, str] = field(default_factory=dict)
    # link sets: customer ID -> export row, for printing the true / predicted customer.
    export_row_of: dict[str, int] = field(default_factory=dict)


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    """Writes rows (dicts keyed by header names) as UTF-8 CSV, as a CRM export would."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({h: r.get(h, "") for h in header})


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Reads a CSV (BOM tolerated) into its header and rows of strings."""
    with path.open(newline="", encoding="utf-8-sig") as f:
        r = csv.DictReader(f)
        rows = list(r)
        return list(r.fieldnames or []), rows


def write_truth(ds: DataSet) -> None:
    """Writes truth.csv beside the inputs, for people studying the results."""
    col = "entity" if ds.kind == "dedup" else "customer_id"
    rows = [{"row": str(k), col: v, "note": ds.notes.get(k, "")} for k, v in sorted(ds.truth.items())]
    write_csv(ds.folder / "truth.csv", ["row", col, "note"], rows)


def guid(rng: random.Random) -> str:
    """A made-up customer GUID, reproducible from the seeded generator."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def account_id(rng: random.Random, used: set[str]) -> str:
    """A made-up CRM account ID that carries no information about the truth."""
    while True:
        v = f"ACC-{rng.randrange(10**7):07d}"
        if v not in used:
            used.add(v)
            return v


def strip_guard(v: str) -> str:
    """Removes the leading `'` formula guard pc-onboard puts on human-facing cells."""
    return v[1:] if v.startswith("'") else v
