"""The variations a duplicate CRM record carries, each a small function of a record.

Each kind returns the changed record, or None where it cannot apply (no `Group` in the name,
a street type without an abbreviation, ...), so the caller draws another kind.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from crm_world import COUNTRIES, KEYBOARD, Company


@dataclass(frozen=True)
class Rec:
    """The cells of one output row, before rendering; `upper` writes the name in capitals."""

    c: Company
    upper: bool = False
    blank: str = ""  # the one field left blank

    def cells(self) -> dict[str, str]:
        name = self.c.name
        out = {"name": name.upper() if self.upper else name, "addr1": self.c.addr1, "city": self.c.city,
               "state": self.c.state, "postcode": self.c.postcode, "country": self.c.country,
               "phone": self.c.phone, "email": self.c.email, "domain": f"{self.c.tenant}.onmicrosoft.com"}
        if self.blank:
            out[self.blank] = ""
        return out


def typo(word: str, r: random.Random) -> str:
    """One keyboard-style typo: a neighbouring key, a dropped, doubled or swapped letter."""
    if len(word) < 4:
        return word
    i = r.randrange(1, len(word) - 1)
    op = r.randrange(4)
    ch = word[i]
    if op == 0 and ch.lower() in KEYBOARD:
        sub = r.choice(KEYBOARD[ch.lower()])
        return word[:i] + (sub.upper() if ch.isupper() else sub) + word[i + 1:]
    if op == 1:
        return word[:i] + word[i + 1:]
    if op == 2:
        return word[:i] + ch + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def legal_form(rec: Rec, r: random.Random) -> Rec | None:
    spellings = COUNTRIES[rec.c.country][1][rec.c.lf_group]
    others = [s for s in spellings if s != rec.c.lf]
    if not others:
        return None
    return replace(rec, c=replace(rec.c, lf=r.choice(others)))


def _sub_base(rec: Rec, pattern: str, repl: str) -> Rec | None:
    if not re.search(pattern, rec.c.base):
        return None
    return replace(rec, c=replace(rec.c, base=re.sub(pattern, repl, rec.c.base, count=1)))


def group(rec: Rec, r: random.Random) -> Rec | None:
    return _sub_base(rec, r"\bGroup\b", "Grp")


def intl(rec: Rec, r: random.Random) -> Rec | None:
    return _sub_base(rec, r"\bInternational\b", r.choice(["Intl", "Intl.", "Int'l"]))


def ampersand(rec: Rec, r: random.Random) -> Rec | None:
    word = r.choice(["and", COUNTRIES[rec.c.country][2]])
    return _sub_base(rec, r" & ", f" {word} ")


def upper(rec: Rec, r: random.Random) -> Rec | None:
    return None if rec.upper else replace(rec, upper=True)


def typo_name(rec: Rec, r: random.Random) -> Rec | None:
    words = rec.c.base.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 4]
    if not idx:
        return None
    i = r.choice(idx)
    words[i] = typo(words[i], r)
    return replace(rec, c=replace(rec.c, base=" ".join(words)))


def typo_address(rec: Rec, r: random.Random) -> Rec | None:
    if r.random() < 0.5 and len(rec.c.city) >= 4:
        return replace(rec, c=replace(rec.c, city=typo(rec.c.city, r)))
    if len(rec.c.street_root) >= 4:
        return replace(rec, c=replace(rec.c, street_root=typo(rec.c.street_root, r)))
    return None


def street_abbrev(rec: Rec, r: random.Random) -> Rec | None:
    _, abbrev = COUNTRIES[rec.c.country][3][rec.c.street_type]
    if abbrev is None or rec.c.street_abbrev:
        return None
    return replace(rec, c=replace(rec.c, street_abbrev=True))


def phone_format(rec: Rec, r: random.Random) -> Rec | None:
    return replace(rec, c=replace(rec.c, phone_style=r.randrange(1, 5)))


def blank_field(rec: Rec, r: random.Random, fields: tuple[str, ...]) -> Rec | None:
    return None if rec.blank else replace(rec, blank=r.choice(fields))


KINDS = {
    "legal_form": legal_form, "group_grp": group, "intl": intl, "and_amp": ampersand, "upper": upper,
    "typo_name": typo_name, "typo_address": typo_address, "street_abbrev": street_abbrev,
    "phone_format": phone_format,
}
# Kinds that need a phone or e-mail; an export without those columns does not show them.
CONTACT_KINDS = {"phone_format"}


def vary(c: Company, r: random.Random, n: int, with_contact: bool) -> tuple[Rec, list[str]]:
    """A copy of `c` carrying `n` different applicable variations, and their names."""
    rec, done = Rec(c), []
    kinds = list(KINDS) + ["blank"]
    if not with_contact:
        kinds = [k for k in kinds if k not in CONTACT_KINDS]
    # Name-shape kinds (Group/Grp, Intl, &) are drawn first when they apply, so that they
    # occur often enough to be measured although few names contain those words.
    shape = [k for k in ("group_grp", "intl", "and_amp") if KINDS[k](rec, r) is not None]
    order = r.sample(kinds, len(kinds))
    if shape and r.random() < 0.7:
        order = [r.choice(shape)] + [k for k in order if k not in shape]
    blank_fields = ("addr1", "city", "postcode", "phone", "email") if with_contact else ("addr1", "city", "postcode")
    for k in order:
        if len(done) == n:
            break
        new = blank_field(rec, r, blank_fields) if k == "blank" else KINDS[k](rec, r)
        if new is not None:
            rec = new
            done.append(k if k != "blank" else f"blank_{new.blank}")
    return rec, done
