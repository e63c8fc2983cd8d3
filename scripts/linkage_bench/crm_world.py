"""Company records of nine countries drawn with Faker, and the variations real CRM duplicates show.

Independent of pc-onboard's own generator on purpose: names, addresses and phones come from
Faker's locales, and the variations are written here from what duplicate CRM records look like
(legal form spelt another way, Group/Grp, International/Intl, &/and, upper case, one typo,
street abbreviations, phone formatting, one blank field).
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, replace

from faker import Faker

# country: (Faker locale, legal forms (each a list of spellings, first canonical), word for "&",
#           street types (full, abbreviation or None), street pattern, TLD, calling code,
#           area code, subscriber digits, trunk prefix)
COUNTRIES = {
    "GB": ("en_GB", [["Ltd", "Limited", "Ltd."], ["PLC", "Plc", "P.L.C."]], "and",
           [("Street", "St"), ("Road", "Rd"), ("Avenue", "Ave"), ("Lane", "Ln"), ("Close", None)],
           "{num} {root} {type}", "co.uk", "44", "20", 8, "0"),
    "US": ("en_US", [["Inc.", "Inc", "Incorporated"], ["LLC", "L.L.C."], ["Corp.", "Corporation", "Corp"]], "and",
           [("Street", "St"), ("Avenue", "Ave"), ("Boulevard", "Blvd"), ("Drive", "Dr"), ("Way", None)],
           "{num} {root} {type}", "com", "1", "212", 7, "1"),
    "AU": ("en_AU", [["Pty Ltd", "Pty. Ltd.", "Proprietary Limited"], ["Ltd", "Limited"]], "and",
           [("Street", "St"), ("Road", "Rd"), ("Parade", "Pde"), ("Place", "Pl"), ("Crescent", "Cres")],
           "{num} {root} {type}", "com.au", "61", "2", 8, "0"),
    "DE": ("de_DE", [["GmbH", "G.m.b.H.", "Gmbh"], ["AG", "A.G."], ["GmbH & Co. KG", "GmbH & Co KG", "GmbH und Co. KG"]],
           "und", [("straße", "str."), ("weg", None), ("allee", None)], "{root}{type} {num}", "de", "49", "30", 8, "0"),
    "FR": ("fr_FR", [["SAS", "S.A.S."], ["SARL", "S.A.R.L.", "Sarl"], ["SA", "S.A."]], "et",
           [("rue", None), ("avenue", "av."), ("boulevard", "bd")], "{num} {type} {root}", "fr", "33", "1", 8, "0"),
    "NL": ("nl_NL", [["B.V.", "BV", "B.V"], ["N.V.", "NV"]], "en",
           [("straat", "str."), ("weg", None), ("laan", None)], "{root}{type} {num}", "nl", "31", "20", 7, "0"),
    "IT": ("it_IT", [["S.r.l.", "SRL", "Srl"], ["S.p.A.", "SpA", "S.P.A."]], "e",
           [("Via", None), ("Viale", "V.le"), ("Piazza", "P.za")], "{type} {root} {num}", "it", "39", "06", 8, ""),
    "ES": ("es_ES", [["S.L.", "SL", "S.L"], ["S.A.", "SA"]], "y",
           [("Calle", "C/"), ("Avenida", "Avda."), ("Plaza", "Pza.")], "{type} {root}, {num}", "es", "34", "91", 7, ""),
    "PL": ("pl_PL", [["Sp. z o.o.", "sp. z o.o.", "Sp. z o. o."], ["S.A.", "SA"]], "i",
           [("ulica", "ul."), ("aleja", "al.")], "{type} {root} {num}", "pl", "48", "22", 7, ""),
}
INDUSTRIES = ["Logistics", "Software", "Consulting", "Engineering", "Solutions", "Systems", "Trading", "Media",
              "Health", "Energy", "Foods", "Design", "Finance", "Construction", "Technologies", "Analytics"]
PATTERNS = [("plain", 25), ("group", 15), ("intl", 12), ("amp", 12), ("industry", 24), ("hyphen", 6), ("amp_industry", 6)]
KEYBOARD = dict(zip("qwertyuiopasdfghjklzxcvbnm", ["wa", "qes", "wrd", "etf", "ryg", "tuh", "yij", "uok", "ipl", "ol",
                                                    "qsz", "awdx", "sefc", "drgv", "fthb", "gyjn", "hukm", "jilm", "kop",
                                                    "asx", "zsdc", "xdfv", "cfgb", "vghn", "bhjm", "njk"]))


@dataclass(frozen=True)
class Company:
    """One record as a CRM would hold it; `base` is the name without its legal form."""

    entity: str
    country: str
    base: str
    lf_group: int
    lf: str
    street_root: str
    street_type: int
    street_abbrev: bool
    num: str
    city: str
    state: str
    postcode: str
    nsn: str  # national significant number, digits
    phone_style: int
    email: str
    tenant: str  # .onmicrosoft.com prefix

    @property
    def name(self) -> str:
        return f"{self.base} {self.lf}"

    @property
    def addr1(self) -> str:
        full, abbrev = COUNTRIES[self.country][3][self.street_type]
        t = abbrev if self.street_abbrev and abbrev else full
        return COUNTRIES[self.country][4].format(num=self.num, root=self.street_root, type=t)

    @property
    def phone(self) -> str:
        return format_phone(self.country, self.nsn, self.phone_style)


def format_phone(country: str, nsn: str, style: int) -> str:
    """The same number written as CRM users write it: international, compact, 00-prefixed, national."""
    cc, area, trunk = COUNTRIES[country][6], COUNTRIES[country][7], COUNTRIES[country][9]
    rest = nsn[len(area):]
    grouped = " ".join(rest[i:i + 4] for i in range(0, len(rest), 4))
    if country == "US":
        styles = [f"+1 {area} {rest[:3]} {rest[3:]}", f"({area}) {rest[:3]}-{rest[3:]}", f"{area}-{rest[:3]}-{rest[3:]}",
                  f"+1{nsn}", f"1-{area}-{rest[:3]}-{rest[3:]}"]
    else:
        styles = [f"+{cc} {area} {grouped}", f"+{cc}{nsn}", f"00{cc} {area} {rest}", f"{trunk}{area} {grouped}",
                  f"{trunk}{area}-{rest}"]
    return styles[style % len(styles)]


def ascii_slug(s: str) -> str:
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", s.lower())


def surname_word(surname: str) -> str:
    """One capitalised word of a surname: `van der Berg` gives `Berg`, `Smith-Jones` gives `Smith`."""
    words = [w for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", surname) if w[0].isupper()]
    return words[0] if words else surname.strip().title()


class World:
    """Draws companies; one Faker per locale, all seeded, so a seed gives the same world."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fakers = {}
        for i, (cc, spec) in enumerate(COUNTRIES.items()):
            f = Faker(spec[0])
            f.seed_instance(seed * 100 + i)
            self.fakers[cc] = f
        self.domains: set[str] = set()
        self.tenants: set[str] = set()
        self.count = 0

    def _unique(self, used: set[str], v: str) -> str:
        out, n = v, 2
        while out in used:
            out, n = f"{v}{n}", n + 1
        used.add(out)
        return out

    def _brand(self, cc: str) -> str:
        return surname_word(self.fakers[cc].last_name())

    def _base(self, cc: str, brand: str, pattern: str) -> str:
        r = self.rng
        other = self._brand(cc)
        ind = r.choice(INDUSTRIES)
        return {
            "plain": brand,
            "group": f"{brand} Group",
            "intl": f"{brand} International",
            "amp": f"{brand} & {other}",
            "industry": f"{brand} {ind}",
            "hyphen": f"{brand}-{other}",
            "amp_industry": f"{brand} {ind} & {r.choice([i for i in INDUSTRIES if i != ind])}",
        }[pattern]

    def _place(self, cc: str) -> dict:
        f = self.fakers[cc]
        state = f.state_abbr() if cc in ("US", "AU") else ""
        return {"city": f.city(), "postcode": f.postcode(), "state": state}

    def company(self, cc: str | None = None, brand: str | None = None, pattern: str | None = None,
                lf_group: int | None = None, place: dict | None = None, base: str | None = None) -> Company:
        r = self.rng
        cc = cc or r.choice(list(COUNTRIES))
        spec = COUNTRIES[cc]
        f = self.fakers[cc]
        brand = brand or self._brand(cc)
        pattern = pattern or r.choices([p for p, _ in PATTERNS], [w for _, w in PATTERNS])[0]
        base = base or self._base(cc, brand, pattern)
        lf_group = r.randrange(len(spec[1])) if lf_group is None else lf_group
        place = place or self._place(cc)
        area, digits = spec[7], spec[8]
        nsn = area + str(r.randrange(2, 10)) + "".join(str(r.randrange(10)) for _ in range(digits - 1))
        domain = self._unique(self.domains, ascii_slug(base)[:30] or "firma") + "." + spec[5]
        local = r.choice(["info", "office", "accounts", "it",
                          f"{ascii_slug(f.first_name())}.{ascii_slug(f.last_name())}"])
        self.count += 1
        return Company(
            entity=f"E{self.count:05d}", country=cc, base=base, lf_group=lf_group, lf=spec[1][lf_group][0],
            street_root=surname_word(f.last_name()), street_type=r.randrange(len(spec[3])),
            street_abbrev=False, num=str(r.randrange(1, 200)), city=place["city"], state=place["state"],
            postcode=place["postcode"], nsn=nsn, phone_style=0, email=f"{local}@{domain}",
            tenant=self._unique(self.tenants, ascii_slug(base)[:27] or "tenant"),
        )

    def brand_sibling(self, c: Company) -> Company:
        """Same brand word, another legal entity: another descriptor or legal form, another address."""
        r = self.rng
        brand = re.split(r"[ -]", c.base)[0]
        pattern = r.choice([p for p, _ in PATTERNS if p != "plain"] + ["plain"])
        groups = len(COUNTRIES[c.country][1])
        lf_group = r.randrange(groups)
        sib = self.company(cc=c.country, brand=brand, pattern=pattern, lf_group=lf_group,
                           place={"city": c.city, "postcode": c.postcode, "state": c.state} if r.random() < 0.5 else None)
        if sib.name == c.name:  # drew the same shape: force a different legal form or descriptor
            if groups > 1:
                sib = replace(sib, lf_group=(c.lf_group + 1) % groups, lf=COUNTRIES[c.country][1][(c.lf_group + 1) % groups][0])
            else:
                sib = replace(sib, base=f"{c.base} {r.choice(INDUSTRIES)}")
        return sib

    def namesake(self, c: Company) -> Company:
        """The same name in another city: another legal entity with its own address, phone and domain."""
        other = self.company(cc=c.country, base=c.base, lf_group=c.lf_group)
        return other
