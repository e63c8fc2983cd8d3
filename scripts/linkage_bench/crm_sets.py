"""The CRM-variation sets: a duplicates list, and a list with a Partner Center export.

Look-alikes that are *not* the same company are mixed in: a sibling sharing the brand word
(`Barnett Logistics Ltd` beside `Barnett Group PLC`) and a namesake in another city. Rows are
shuffled so that a duplicate never sits next to its original by construction.
"""

from __future__ import annotations

import random
from pathlib import Path

from common import EXPORT_COLUMNS, FIRST_DATA_ROW, LIST_COLUMNS, DataSet, account_id, guid, write_csv, write_truth
from crm_variation import Rec, vary
from crm_world import Company, World

SEED = 2024
LIST_KEYS = ["id", "name", "addr1", "city", "state", "postcode", "country", "phone", "email"]
EXPORT_KEYS = ["id", "name", "domain", "addr1", "city", "state", "postcode", "country"]


def _entities(world: World, n_base: int, n_siblings: int, n_namesakes: int) -> tuple[list[Company], dict[str, str]]:
    r = world.rng
    base = [world.company() for _ in range(n_base)]
    lookalike: dict[str, str] = {}
    out = list(base)
    for c in r.sample(base, n_siblings):
        s = world.brand_sibling(c)
        lookalike[s.entity] = f"brand sibling of {c.entity}"
        out.append(s)
    for c in r.sample(base, n_namesakes):
        s = world.namesake(c)
        lookalike[s.entity] = f"namesake of {c.entity} in another city"
        out.append(s)
    return out, lookalike


def _n_variations(r: random.Random) -> int:
    return r.choices([1, 2, 3], [50, 35, 15])[0]


def crm_dedup_sets(root: Path) -> list[DataSet]:
    world = World(SEED)
    r = world.rng
    entities, lookalike = _entities(world, 1500, 200, 100)
    recs: list[tuple[Rec, str, str]] = []  # record, entity, note
    for c in entities:
        note = lookalike.get(c.entity, "")
        recs.append((Rec(c), c.entity, f"original {c.entity}" + (f"; {note}" if note else "")))
        n_dups = r.choices([0, 1, 2], [62, 30, 8])[0]
        for _ in range(n_dups):
            rec, kinds = vary(c, r, _n_variations(r), with_contact=True)
            recs.append((rec, c.entity, f"duplicate of {c.entity}: {'+'.join(kinds)}"))
    r.shuffle(recs)
    out = []
    for name, keys, desc in [
        ("crm_dedup", LIST_KEYS, "CRM-variation duplicates (Faker, 9 countries): name, address, city, state, postcode, country, phone, e-mail; brand siblings and namesakes mixed in"),
        ("crm_dedup_no_contact", [k for k in LIST_KEYS if k not in ("phone", "email")], "crm_dedup without phone and e-mail"),
    ]:
        folder = root / name
        ds = DataSet(name=name, kind="dedup", description=desc, folder=folder, list_csv=folder / "list.csv")
        used: set[str] = set()
        ids = random.Random(SEED)
        rows = []
        for i, (rec, entity, note) in enumerate(recs):
            cells = dict(rec.cells(), id=account_id(ids, used))
            rows.append({LIST_COLUMNS[k]: cells.get(k, "") for k in keys})
            ds.truth[FIRST_DATA_ROW + i] = entity
            ds.notes[FIRST_DATA_ROW + i] = note
        write_csv(ds.list_csv, [LIST_COLUMNS[k] for k in keys], rows)
        write_truth(ds)
        out.append(ds)
    return out


def crm_link_sets(root: Path) -> list[DataSet]:
    world = World(SEED + 1)
    r = world.rng
    entities, lookalike = _entities(world, 1500, 250, 150)
    list_recs: list[tuple[Rec, str, str]] = []
    export_recs: list[tuple[Rec, str, str]] = []
    for c in entities:
        in_list, in_export = r.random() < 0.85, r.random() < 0.6
        lkinds: list[str] = []
        ekinds: list[str] = []
        lrec, erec = Rec(c), Rec(c)
        if r.random() < 0.5:
            lrec, lkinds = vary(c, r, _n_variations(r), with_contact=True)
        if r.random() < 0.5:
            erec, ekinds = vary(c, r, _n_variations(r), with_contact=False)
        if in_export:
            export_recs.append((erec, c.entity, "+".join(ekinds)))
        if in_list:
            note = f"{c.entity} list: {'+'.join(lkinds) or '-'}"
            if in_export:
                note += f"; export: {'+'.join(ekinds) or '-'}"
            if c.entity in lookalike:
                note += f"; {lookalike[c.entity]}"
            list_recs.append((lrec, c.entity, note))
    r.shuffle(list_recs)
    r.shuffle(export_recs)
    folder = root / "crm_link"
    ds = DataSet(name="crm_link", kind="link", folder=folder, list_csv=folder / "list.csv",
                 export_csv=folder / "export.csv",
                 description="CRM-variation list vs a Partner Center export (name, domain, address, city, state, postcode, country), look-alikes mixed in")
    gids = random.Random(SEED)
    customer_of: dict[str, str] = {}
    erows = []
    for i, (rec, entity, _) in enumerate(export_recs):
        cid = guid(gids)
        customer_of[entity] = cid
        ds.export_row_of[cid] = FIRST_DATA_ROW + i
        cells = dict(rec.cells(), id=cid)
        erows.append({EXPORT_COLUMNS[k]: cells.get(k, "") for k in EXPORT_KEYS})
    write_csv(ds.export_csv, [EXPORT_COLUMNS[k] for k in EXPORT_KEYS], erows)
    used: set[str] = set()
    rows = []
    for i, (rec, entity, note) in enumerate(list_recs):
        cells = dict(rec.cells(), id=account_id(gids, used))
        rows.append({LIST_COLUMNS[k]: cells.get(k, "") for k in LIST_KEYS})
        ds.truth[FIRST_DATA_ROW + i] = customer_of.get(entity, "")
        ds.notes[FIRST_DATA_ROW + i] = note
    write_csv(ds.list_csv, [LIST_COLUMNS[k] for k in LIST_KEYS], rows)
    write_truth(ds)
    return [ds]
