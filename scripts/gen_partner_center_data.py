#!/usr/bin/env python3
"""Regenerate data/partner_center/markets.json from Microsoft's Partner Center developer docs.

Source: the Markdown of Microsoft's Partner Center developer documentation, folder `develop/` of
the public GitHub repository https://github.com/xdmushui/partner-center-sdk (a copy of
MicrosoftDocs' partner-center-pr "develop" pages). Clone it (or take any git copy, a bare mirror
works) and pass its path:

    git clone https://github.com/xdmushui/partner-center-sdk /tmp/partner-center-sdk
    python3 scripts/gen_partner_center_data.py /tmp/partner-center-sdk [REV]

The files are read with `git show REV:path` (REV defaults to HEAD), and the commit is recorded in
the header, so the output says exactly which text it came from. Only the standard library is
needed. Output is deterministic for a given commit. See data/partner_center/README.md.

What is taken from where:
- `partner-center-supported-languages-and-locales.md`: the table of countries and regions with
  their supported cultures, in the order listed (the first is the default);
- `get-market-specific-validation-data.md`: the example CountryInformation response (US): postal
  code and phone patterns, the state list, required fields, cultures and languages;
- `validate-an-address.md`: the countries whose state is checked against a list.
"""

import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "partner_center", "markets.json")
SOURCE = "https://github.com/xdmushui/partner-center-sdk"
LOCALES = "develop/partner-center-supported-languages-and-locales.md"
MARKET = "develop/get-market-specific-validation-data.md"
VALIDATE = "develop/validate-an-address.md"

# Not from the docs, and said so in the output: Canada shares the North American Numbering Plan
# with the US (country calling code 1, 3-digit area code, 7-digit number), so the US phone
# pattern is the one pattern that can describe Canadian numbers. The docs publish no CA response.
SHARED_PHONE_PATTERN = {"CA": "US"}


def show(repo, rev, path):
    out = subprocess.run(["git", "-C", repo, "show", f"{rev}:{path}"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"cannot read {path} at {rev} in {repo}: {out.stderr.strip()}")
    return out.stdout


def commit_of(repo, rev):
    out = subprocess.run(["git", "-C", repo, "rev-parse", rev], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{repo} is not a git repository with {rev}: {out.stderr.strip()}")
    return out.stdout.strip()


def cultures(md):
    """{alpha2: [culture, ...]} and {country name: alpha2} from the locales table."""
    table, names = {}, {}
    header_seen = False
    for line in md.splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == "Country/Region":
            header_seen = True
            continue
        if not header_seen or set(cells[0]) <= {"-", ":"}:
            continue
        name, alpha2, _alpha3, listed = cells[:4]
        if not re.fullmatch(r"[A-Z]{2}", alpha2):
            sys.exit(f"unexpected ISO code in the locales table: {line}")
        values = [c.strip() for c in listed.split("/")]
        for v in values:
            if not re.fullmatch(r"[a-z]{2,3}(-[A-Z][a-z]{3})?-[A-Z]{2}", v):
                sys.exit(f"{alpha2}: unexpected culture {v!r}")
        table[alpha2] = values
        names[name] = alpha2
    if len(table) < 200:
        sys.exit(f"only {len(table)} rows read from the locales table")
    return table, names


def repair_json(text):
    """The docs' example response is not valid JSON as printed: the page's formatter broke the
    postal pattern's `{5}` across lines, and `\\(` is not a JSON escape. Undo both."""
    text = re.sub(r"\{\s*(\d+)\s*\}", r"{\1}", text)
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt in '"\\/bfnrtu':
                out.append(text[i : i + 2])
                i += 2
                continue
            out.append("\\\\")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def market_example(md):
    """The CountryInformation object of the docs' response example."""
    start = md.index("## REST response")
    body = md[md.index("{", md.index("HTTP/1.1 200 OK", start)) :]
    body = body[: body.index("```")].strip()
    info = json.loads(repair_json(body))
    flat = lambda v: v["value"] if isinstance(v, dict) else v  # the wrapped and the flat shape
    return {
        "default_culture": info["defaultCulture"],
        "cultures": flat(info["supportedCultures"]),
        "languages": flat(info["supportedLanguages"]),
        "state_required": info["isStateRequired"],
        "states": flat(info["states"]),
        "postal_code_required": info["isPostalCodeRequired"],
        "postal_code_regex": info["postalCodeRegex"],
        "city_required": info["isCityRequired"],
        "phone_regex": info["phoneNumberRegex"],
        "calling_codes": flat(info["countryCallingCodes"]),
    }, info["iso2Code"]


def state_list_countries(md, names):
    m = re.search(r"if the country is (.+?), the state field is validated against a list", md)
    if not m:
        sys.exit(f"{VALIDATE}: the sentence naming the state-list countries was not found")
    words = re.split(r",\s*(?:or\s+)?|\s+or\s+", m.group(1))
    codes = []
    for w in words:
        w = re.sub(r"^the\s+", "", w.strip())
        if w not in names:
            sys.exit(f"{VALIDATE}: {w!r} is not a country of the locales table")
        codes.append(names[w])
    return sorted(codes)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    repo, rev = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "HEAD")
    commit = commit_of(repo, rev)
    table, names = cultures(show(repo, commit, LOCALES))
    example, example_cc = market_example(show(repo, commit, MARKET))
    if example["cultures"] != table[example_cc]:
        sys.exit(f"{example_cc}: the example response and the table disagree on cultures")
    state_lists = state_list_countries(show(repo, commit, VALIDATE), names)

    header = {
        "source": SOURCE,
        "commit": commit,
        "files": [LOCALES, MARKET, VALIDATE],
        "generator": "scripts/gen_partner_center_data.py",
        "shared_phone_pattern_note": "not from the docs: CA uses the US pattern (one numbering plan)",
    }

    def dump(obj):
        return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    lines = [f'"{cc}":{dump(v)}' for cc, v in sorted(table.items())]
    text = (
        '{"header":' + dump(header) + ",\n"
        + '"state_lists":' + dump(state_lists) + ",\n"
        + '"shared_phone_pattern":' + dump(SHARED_PHONE_PATTERN) + ",\n"
        + '"markets":{' + f'"{example_cc}":' + dump(example) + "},\n"
        + '"cultures":{\n' + ",\n".join(lines) + "\n}}\n"
    )
    json.loads(text)  # sanity: valid JSON
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {OUT}: {len(table)} countries, state lists {state_lists}, market {example_cc}, commit {commit[:12]}")


if __name__ == "__main__":
    main()
