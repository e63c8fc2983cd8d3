#!/usr/bin/env python3
"""Regenerates data/generate/countries.json: the names, places and formats `pc-onboard generate`
draws its synthetic customers from.

The per-country tables (cities with postcodes and phone templates, streets, people's names,
industries, legal forms, native-script forms) come from the table in scripts/make_samples.py, so
the bundled samples and the generator speak the same language. This script adds what the
generator needs on top: country weights, postcode patterns (the tail of each city's postcode
becomes random), a second city where a country had one, extra industries where a country had few,
brand-name syllables in five scripts, native name formats, education name formats and the ways
each country is written.

Every postcode pattern and phone template is checked here (postcodes against Google's address
metadata in data/address/, phones with the `phonenumbers` package); the Rust side checks every
generated value again.

Usage:  pip install openpyxl python-stdnum phonenumbers pycountry
        python3 scripts/gen_generator_data.py
Deterministic: the same inputs give the same file.
"""
from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
from pathlib import Path

import phonenumbers
import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "generate" / "countries.json"

spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
ms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ms)

ADDRESS = json.loads((ROOT / "data" / "address" / "countries.json").read_text(encoding="utf-8"))["countries"]

# Share of rows per country: a global CSP partner, heavier in its big markets; every one of the
# 24 registration-ID countries appears.
WEIGHTS = {
    "US": 12, "GB": 6, "DE": 6, "FR": 4, "CA": 3, "AU": 3, "IN": 4, "BR": 4, "JP": 3, "CN": 3,
    "NL": 2, "ES": 2, "IT": 2, "PL": 3, "RU": 4, "TR": 3, "MX": 2, "ZA": 2, "AE": 2, "SA": 2,
    "UA": 2, "KZ": 1.5, "TH": 1.5, "VN": 1.5, "HU": 1.5, "SE": 1, "CH": 1, "AT": 1, "BE": 1,
    "IE": 1, "PT": 1, "NO": 0.7, "DK": 0.7, "FI": 0.7, "CZ": 1, "SG": 1, "NZ": 1, "AR": 1,
    "VE": 0.8, "BY": 0.8, "AM": 0.6, "AZ": 0.6, "MD": 0.6, "KG": 0.5, "TJ": 0.5, "UZ": 0.7,
    "IQ": 0.7, "SS": 0.3, "KE": 0.8, "MM": 0.5,
}

# Second cities for countries the samples give one: (name, native, state, native state, postcode, phone template)
EXTRA_CITIES = {
    "BY": [("Gomel", "Гомель", "", None, "246050", "232NXXXXX")],
    "AM": [("Gyumri", None, "", None, "3101", "312NXXXX")],
    "AZ": [("Gəncə", None, "", None, "2000", "22NXXXXXX")],
    "MD": [("Bălți", None, "", None, "3100", "231NXXXX")],
    "KG": [("Osh", "Ош", "", None, "723500", "3222NXXXXX")],
    "TJ": [("Khujand", None, "", None, "735700", "3422NXXXXX")],
    "UZ": [("Samarkand", None, "", None, "140100", "66NXXXXXXX")],
    "MM": [("Mandalay", None, "", None, "05011", "2NXXXXX")],
    "FI": [("Tampere", None, "", None, "33100", "3NXXXXXX")],
    "KE": [("Mombasa", None, "", None, "80100", "41NXXXXXX")],
    "SG": [],
    "SS": [],
    # More cities where the samples have few, so same-city coincidences stay rare.
    "JP": [("Yokohama", "横浜市", "Kanagawa", "神奈川県", "220-0012", "45NXXXXXX"),
           ("Nagoya", "名古屋市", "Aichi", "愛知県", "450-0002", "52NXXXXXX"),
           ("Fukuoka", "福岡市", "Fukuoka", "福岡県", "810-0001", "92NXXXXXX"),
           ("Sapporo", "札幌市", "Hokkaido", "北海道", "060-0001", "11NXXXXXX")],
    "CN": [("Guangzhou", "广州", "Guangdong", "广东省", "510000", "20NXXXXXXX"),
           ("Hangzhou", "杭州", "Zhejiang", "浙江省", "310000", "571NXXXXXXX"),
           ("Chengdu", "成都", "Sichuan", "四川省", "610000", "28NXXXXXXX")],
    "TH": [("Phuket", "ภูเก็ต", "", None, "83000", "76NXXXXX")],
    "AE": [("Sharjah", "الشارقة", "Sharjah", "Sharjah", "", "6NXXXXXX")],
    "SA": [("Dammam", "الدمام", "", None, "32241", "138XXXXXX")],
    "KZ": [("Shymkent", "Шымкент", "", None, "160000", "7252XXXXXX")],
    "VN": [("Đà Nẵng", None, "", None, "50000", "236NXXXXXX")],
}

# Phone templates of the samples that give too many invalid numbers for random digits.
PHONE_FIX = {
    ("GB", "Leeds"): "1132XXXXXX", ("GB", "Bristol"): "1173XXXXXX", ("BE", "Gent"): "92XXXXXX",
    ("BE", "Liège"): "42XXXXXX", ("NO", "Oslo"): "22XXXXXX", ("NO", "Bergen"): "55XXXXXX",
    ("DK", "Aarhus"): "86XXXXXX", ("KZ", "Almaty"): "7272XXXXXX", ("KZ", "Astana"): "7172XXXXXX",
    ("AZ", "Gəncə"): "2225XXXXX", ("KG", "Osh"): "3222XXXXX", ("TJ", "Dushanbe"): "372XXXXXX",
    ("TJ", "Khujand"): "3422XXXXX", ("UZ", "Samarkand"): "662XXXXXX", ("MM", "Yangon"): "12XXXXXX",
    ("MM", "Mandalay"): "25XXXXX",
}

GENERIC_INDUSTRIES = ["Technologies", "Trading", "Consulting", "Systems", "Solutions", "Engineering",
                      "Logistics", "Software", "Services", "Holdings"]

# Brand names are three syllables; every script has exactly as many syllables as the Latin list
# so that a brand has the same identity whatever script it is written in.
LATIN = ["al", "an", "ar", "ba", "bel", "bo", "bri", "da", "del", "do", "el", "en", "fa", "fer", "fi",
         "ga", "gal", "gen", "ka", "kel", "kor", "la", "len", "li", "lo", "lu", "ma", "mar", "mi",
         "mo", "na", "nel", "no", "nor", "ol", "or", "pa", "pe", "pri", "ra", "ren", "ri", "ro", "sa",
         "sel", "si", "sol", "ta", "ten", "ti", "tor", "tra", "va", "vel", "vi", "zen"]
CYR = dict(zip("abdefgiklmnoprstuvz", "абдефгиклмнопрстувз"))
AR_CONS = [("b", "ب"), ("t", "ت"), ("j", "ج"), ("d", "د"), ("r", "ر"), ("z", "ز"), ("s", "س"),
           ("sh", "ش"), ("f", "ف"), ("q", "ق"), ("k", "ك"), ("l", "ل"), ("m", "م"), ("n", "ن")]
AR_VOW = [("a", "ا"), ("i", "ي"), ("u", "و"), ("an", "ان")]
HAN = ("华hua 信xin 达da 天tian 云yun 帆fan 星xing 河he 龙long 腾teng 诚cheng 东dong 方fang 瑞rui "
       "丰feng 鼎ding 盛sheng 金jin 海hai 恒heng 泰tai 安an 宏hong 伟wei 博bo 远yuan 鑫xin 昌chang "
       "隆long 润run 嘉jia 新xin 启qi 明ming 光guang 辉hui 中zhong 正zheng 德de 和he 祥xiang 福fu "
       "康kang 美mei 佳jia 力li 创chuang 智zhi 科ke 航hang 通tong 万wan 联lian 汇hui 卓zhuo 越yue").split()
KANA = ("アa イi ウu エe オo カka キki クku ケke コko サsa シshi スsu セse ソso タta チchi ツtsu "
        "テte トto ナna ニni ヌnu ネne ノno ハha ヒhi フfu ヘhe ホho マma ミmi ムmu メme モmo ヤya "
        "ユyu ヨyo ラra リri ルru レre ロro ワwa ガga ギgi グgu ゲge ゴgo ザza ジji ズzu ゼze ダda "
        "デde ドdo").split()
TH_CONS = [("k", "ก"), ("ch", "จ"), ("d", "ด"), ("t", "ต"), ("th", "ท"), ("n", "น"), ("b", "บ"),
           ("p", "ป"), ("ph", "พ"), ("m", "ม"), ("r", "ร"), ("l", "ล"), ("w", "ว"), ("s", "ส")]


def split_han(tok: str) -> list[str]:
    return [tok[:1], tok[1:]]


def syllables() -> dict:
    assert len(LATIN) == 56 and len(set(LATIN)) == 56
    cyr = [["".join(CYR[ch] for ch in s), s] for s in LATIN]
    arabic = [[c[1] + v[1], c[0] + v[0]] for c in AR_CONS for v in AR_VOW]
    han = [split_han(t) for t in HAN]
    kana = [[t[0], t[1:]] for t in KANA]
    thai = []
    for lat, th in TH_CONS:
        thai += [[th + "า", lat + "a"], [th + "ี", lat + "i"], [th + "ู", lat + "u"], ["เ" + th, lat + "e"]]
    out = {"latin": [[s, s] for s in LATIN], "cyrillic": cyr, "arabic": arabic, "han": han,
           "katakana": kana, "thai": thai}
    for k, v in out.items():
        assert len(v) == 56, (k, len(v))
        assert len({x[0] for x in v}) == 56, k
    return out


# Native-script company names (the brand is written in the country's script).
NATIVE = {
    "RU": dict(script="cyrillic", share=0.7, formats=["{legal} «{brand} {ind}»", '{legal} "{brand} {ind}"']),
    "UA": dict(script="cyrillic", share=0.6, formats=["{legal} «{brand} {ind}»", '{legal} "{brand} {ind}"']),
    "KZ": dict(script="cyrillic", share=0.5, formats=['{legal} "{brand} {ind}"']),
    "BY": dict(script="cyrillic", share=0.6, formats=['{legal} "{brand} {ind}"']),
    "SA": dict(script="arabic", share=0.4, formats=["شركة {brand} {ind}"]),
    "AE": dict(script="arabic", share=0.2, formats=["مؤسسة {brand} {ind}", "شركة {brand} {ind} ذ.م.م"]),
    "IQ": dict(script="arabic", share=0.5, formats=["شركة {brand} {ind}"]),
    "CN": dict(script="han", share=0.6, formats=["{city}{brand}{ind}有限公司", "{brand}{ind}有限公司"]),
    "JP": dict(script="katakana", share=0.6, formats=["株式会社{brand}{ind}", "{brand}{ind}株式会社"]),
    "TH": dict(script="thai", share=0.5, formats=["บริษัท {brand}{ind} จำกัด"]),
    "VN": dict(script="latin", share=0.5, formats=["Công ty TNHH {ind} {brand}", "Công ty Cổ phần {ind} {brand}"]),
}
NATIVE_INDUSTRIES = {
    "TH": [["ซอฟต์แวร์", "software"], ["โลจิสติกส์", "logistics"], ["เทคโนโลยี", "technology"],
           ["เทรดดิ้ง", "trading"], ["คอนซัลติ้ง", "consulting"]],
    "BY": [["Дата", "data"], ["Софт", "soft"], ["Системы", "sistemy"], ["Логистик", "logistik"]],
    "KZ": [["Технолоджис", "tekhnolodzhis"], ["Логистикс", "logistiks"], ["Системс", "sistems"], ["Трейд", "treid"]],
}

# Education institutions, per country ({brand} is the brand, {city} the city).
EDU = {
    "default": ["{brand} University", "University of {brand}", "{brand} College", "{brand} Institute of Technology"],
    "DE": ["Hochschule {brand}", "Universität {brand}", "{brand}-Gymnasium"],
    "AT": ["Universität {brand}", "Fachhochschule {brand}"], "CH": ["Hochschule {brand}", "École {brand}"],
    "FR": ["École {brand}", "Université {brand}", "Lycée {brand}"], "BE": ["Université {brand}", "Hogeschool {brand} College"],
    "ES": ["Universidad {brand}", "Escuela {brand}"], "MX": ["Universidad {brand}", "Escuela {brand}"],
    "AR": ["Universidad {brand}"], "VE": ["Universidad {brand}"],
    "PT": ["Universidade {brand}", "Escola {brand}"], "BR": ["Universidade {brand}", "Escola {brand}"],
    "IT": ["Università {brand}", "Liceo {brand}"], "PL": ["Uniwersytet {brand}", "Szkoła {brand}"],
    "HU": ["{brand} Egyetem"], "TR": ["{brand} Üniversitesi"], "NL": ["Universiteit {brand}"],
    "CZ": ["Univerzita {brand}"], "SE": ["{brand} Academy"], "RU": ["{brand} Academy", "{brand} University"],
}
NATIVE_EDU = {
    "cyrillic": {"RU": ["Университет «{brand}»", "Школа «{brand}»"], "UA": ["Університет «{brand}»"],
                 "KZ": ["Университет «{brand}»"], "BY": ["Школа «{brand}»"]},
    "arabic": ["جامعة {brand}", "مدرسة {brand}"], "han": ["{brand}大学", "{brand}学院"],
    "katakana": ["{brand}大学", "{brand}学院"], "thai": ["มหาวิทยาลัย{brand}"],
    "latin": ["Trường Đại học {brand}"],
}


# Street name templates ({w} is a surname or regional word of the country), so a city has
# hundreds of streets rather than a handful (two companies on one street are rare).
EN_STREETS = ["{w} Street", "{w} Road", "{w} Avenue", "{w} Lane", "{w} Drive"]
STREET_TEMPLATES = {
    "US": EN_STREETS + ["{w} Boulevard"], "CA": EN_STREETS + ["Rue {w}"], "GB": EN_STREETS[:4] + ["{w} Close"],
    "IE": EN_STREETS[:4], "AU": EN_STREETS + ["{w} Parade"], "NZ": EN_STREETS[:4], "ZA": EN_STREETS[:4],
    "KE": EN_STREETS[:4], "SS": EN_STREETS[:3], "SG": EN_STREETS[:3], "AM": EN_STREETS[:3], "KG": EN_STREETS[:3],
    "TJ": EN_STREETS[:3], "MM": EN_STREETS[:3], "IN": EN_STREETS[:3] + ["{w} Marg"], "SA": EN_STREETS[:3],
    "AE": EN_STREETS[:3], "IQ": EN_STREETS[:3], "TH": ["{w} Road", "Soi {w}"], "CN": ["{w} Road", "{w} Street"],
    "JP": ["{w}"], "DE": ["{w}straße", "{w}weg", "{w}allee", "{w}platz"], "AT": ["{w}gasse", "{w}straße", "{w}weg"],
    "CH": ["{w}strasse", "{w}weg", "Rue {w}"], "FR": ["rue {w}", "avenue {w}", "boulevard {w}", "allée {w}"],
    "BE": ["Rue {w}", "{w}straat", "Avenue {w}"], "NL": ["{w}straat", "{w}laan", "{w}weg", "{w}gracht"],
    "ES": ["Calle {w}", "Avenida {w}", "Plaza {w}"], "PT": ["Rua {w}", "Avenida {w}", "Travessa {w}"],
    "BR": ["Rua {w}", "Avenida {w}", "Travessa {w}"], "IT": ["Via {w}", "Viale {w}", "Corso {w}"],
    "SE": ["{w}gatan", "{w}vägen"], "NO": ["{w} gate", "{w}veien"], "DK": ["{w}gade", "{w}vej"],
    "FI": ["{w}katu", "{w}tie"], "PL": ["ul. {w}", "al. {w}"], "HU": ["{w} utca", "{w} út", "{w} tér"],
    "CZ": ["{w}ova", "Na {w}"], "TR": ["{w} Cad.", "{w} Sok.", "{w} Bulvarı"], "RU": ["ul. {w}", "prospekt {w}"],
    "UA": ["vul. {w}"], "KZ": ["ul. {w}"], "BY": ["ul. {w}"], "AZ": ["{w} küçəsi", "{w} prospekti"],
    "MD": ["str. {w}", "bd. {w}"], "UZ": ["{w} ko'chasi"], "VN": ["Đường {w}", "Phố {w}"],
    "MX": ["Calle {w}", "Avenida {w}"], "AR": ["Calle {w}", "Avenida {w}"], "VE": ["Calle {w}", "Avenida {w}"],
}
NATIVE_STREET_TEMPLATES = {
    "RU": ["ул. {w}", "пр. {w}", "пер. {w}"], "BY": ["ул. {w}", "пр. {w}"], "KZ": ["ул. {w}", "пр. {w}"],
    "UA": ["вул. {w}", "просп. {w}"], "SA": ["شارع {w}", "طريق {w}"], "AE": ["شارع {w}"], "IQ": ["شارع {w}"],
    "TH": ["ถนน{w}", "ซอย{w}"], "CN": ["{w}路", "{w}大街"], "JP": ["{w}町"], "VN": ["Đường {w}", "Phố {w}"],
}


def street_words(P: dict, native: bool) -> list[str]:
    if native:
        words = [w for w, _ in P.get("last_n", [])] + [w for w, _ in P.get("stems_n", [])]
    else:
        words = list(P["last"]) + list(P["stems"])
    out = []
    for w in words:
        if w and w not in out and " " not in w.strip():
            out.append(w.strip())
    return out


def postal_pattern(cc: str, code: str) -> str:
    """The city's postcode with its second half made random: digits become #, letters @."""
    if not code:
        return ""
    keep = (len(code) + 1) // 2
    tail = "".join("#" if ch.isdigit() else "@" if ch.isalpha() else ch for ch in code[keep:])
    pat = code[:keep] + tail
    regex = ADDRESS[cc].get("postal_regex")
    if regex:
        rx = re.compile(f"^(?:{regex})$", re.I)
        rnd = random.Random(cc + code)
        for _ in range(50):
            sample = "".join(str(rnd.randrange(10)) if ch == "#" else rnd.choice("ABEGHJLNPRTWXYZ") if ch == "@" else ch for ch in pat)
            if not rx.match(sample):
                # Keep the city's own code when the pattern cannot stay valid.
                return code
    return pat


def check_phone(cc: str, tmpl: str) -> None:
    rnd = random.Random(cc + tmpl)
    code = phonenumbers.country_code_for_region(cc)
    ok = 0
    for _ in range(40):
        nsn = "".join(str(rnd.randrange(2, 10)) if ch == "N" else str(rnd.randrange(10)) if ch == "X" else ch for ch in tmpl)
        n = phonenumbers.parse(f"+{code}{nsn}")
        ok += phonenumbers.is_valid_number(n) and phonenumbers.region_code_for_number(n) == cc
    if ok < 24:
        sys.exit(f"{cc}: phone template {tmpl} gives valid numbers only {ok}/40 times (the generator retries, but not that often)")


def written_forms(cc: str) -> list[str]:
    c = pycountry.countries.get(alpha_2=cc)
    forms = [c.name, c.alpha_3]
    forms += [k.strip() for k, (code, _warn) in ms.COUNTRY_WRITTEN.items() if code == cc and k.strip() not in forms]
    return forms


def pairs(v) -> list[list[str]]:
    return [[a, b] for a, b in v]


def country(cc: str) -> dict:
    P = ms.C[cc]
    cities = list(P["cities"]) + EXTRA_CITIES.get(cc, [])
    out_cities = []
    for name, native, state, native_state, postal, phone in cities:
        phone = PHONE_FIX.get((cc, name), phone)
        check_phone(cc, phone)
        out_cities.append({
            "name": name, "native": native or "", "state": state or "", "native_state": native_state or "",
            "postal": postal_pattern(cc, postal), "phone": phone,
        })
    industries = list(P["industries"])
    for g in GENERIC_INDUSTRIES:
        if len(industries) >= 6:
            break
        if g not in industries:
            industries.append(g)
    d = {
        "code": cc, "weight": WEIGHTS[cc], "tld": P["tld"], "legal": P["legal"], "legal_pos": P["legal_pos"],
        "street_fmt": P["street_fmt"], "streets": P["streets"], "line2": P.get("line2", ["Floor {n}"]),
        "first": P["first"], "last": P["last"], "industries": industries, "stems": P["stems"],
        "street_templates": STREET_TEMPLATES[cc], "street_words": street_words(P, False),
        "cities": out_cities, "written": written_forms(cc), "edu": EDU.get(cc, EDU["default"]),
    }
    if cc in NATIVE:
        n = NATIVE[cc]
        script = n["script"]
        native = {
            "script": script, "share": n["share"], "formats": n["formats"],
            "legal": P.get("legal_n", [""]),
            "industries": NATIVE_INDUSTRIES.get(cc, pairs(P.get("industries_n", []))),
            "streets": P.get("streets_n", P["streets"]), "street_fmt": P.get("street_fmt_n", P["street_fmt"]),
            "first": pairs(P.get("first_n", [])), "last": pairs(P.get("last_n", [])),
            "street_templates": NATIVE_STREET_TEMPLATES.get(cc, []), "street_words": street_words(P, True),
        }
        edu = NATIVE_EDU[script]
        native["edu"] = edu.get(cc, []) if isinstance(edu, dict) else edu
        if cc == "VN":
            native["industries"] = pairs(P["industries_n"])
        native["industries"] = [x for x in native["industries"] if x[0]]
        assert native["industries"], cc
        d["native"] = native
    return d


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "header": {"generator": "scripts/gen_generator_data.py", "source": "scripts/make_samples.py",
                   "phonenumbers": phonenumbers.__version__},
        "syllables": syllables(),
        "countries": [country(cc) for cc in ms.C],
    }
    missing = set(ms.REG24) - {c["code"] for c in data["countries"]}
    assert not missing, missing
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    # One country per line, so a regeneration gives a readable diff.
    text = text.replace(',{"code":', ',\n{"code":').replace('"countries":[{', '"countries":[\n{')
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['countries'])} countries")


if __name__ == "__main__":
    main()
