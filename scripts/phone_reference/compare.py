#!/usr/bin/env python3
"""pc-onboard's phone verdicts beside Python `phonenumbers` (the port of Google's libphonenumber
that follows it most closely), on the phones of a CSV list.

    python compare.py LIST.csv --phone "Phone" --country "Billing Country" [--bin PATH] [--show N]

Runs `examples/phone_reference` (built with `cargo build --release --example phone_reference`,
or --bin) on every (country, phone) of the list, makes the same verdict with `phonenumbers`
(valid for the country, valid but another country's, invalid; and the E.164 form), and prints
how often the two agree, with the first disagreements. Needs `pip install phonenumbers` (the
speed yardstick's venv has it: scripts/speed_yardstick/setup.sh).
"""
import argparse
import collections
import csv
import subprocess
import sys

import phonenumbers


def reference(cc, raw):
    """The verdict libphonenumber gives, in pc-onboard's terms."""
    if not raw.strip():
        return "empty", ""
    try:
        n = phonenumbers.parse(raw, cc)
    except phonenumbers.NumberParseException:
        return "invalid", ""
    e164 = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_number_for_region(n, cc):
        return "valid", e164
    if phonenumbers.is_valid_number(n):
        return "other_country", e164
    return "invalid", ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("list")
    ap.add_argument("--phone", required=True, help="the phone column's header")
    ap.add_argument("--country", required=True, help="the country column's header")
    ap.add_argument("--bin", default="target/release/examples/phone_reference")
    ap.add_argument("--show", type=int, default=15, help="disagreements to print")
    a = ap.parse_args()
    with open(a.list, newline="", encoding="utf-8") as f:
        pairs = [(r[a.country], r[a.phone]) for r in csv.DictReader(f)]
    # Tabs and line breaks inside cells would break the line protocol: such cells are left out.
    pairs = [(c, p) for c, p in pairs if not any(ch in c + p for ch in "\t\r\n")]
    stdin = "".join(f"{c}\t{p}\n" for c, p in pairs)
    got = subprocess.run([a.bin], input=stdin, capture_output=True, text=True, check=True).stdout
    lines = got.splitlines()
    assert len(lines) == len(pairs), (len(lines), len(pairs))
    tally = collections.Counter()
    shown = 0
    for line in lines:
        cc, raw, verdict, e164 = line.split("\t")
        if verdict == "no_country":
            tally["no country"] += 1
            continue
        want, want_e164 = reference(cc, raw)
        same = verdict == want and (verdict not in ("valid", "other_country") or e164 == want_e164)
        tally["agree" if same else "disagree"] += 1
        tally[(verdict, want)] += 1
        if not same and shown < a.show:
            shown += 1
            print(f"  {cc} {raw!r}: pc-onboard {verdict} {e164}, phonenumbers {want} {want_e164}")
    judged = tally["agree"] + tally["disagree"]
    print(f"{judged} phones judged ({tally['no country']} without a recognised country): "
          f"{tally['agree']} agree ({100 * tally['agree'] / max(judged, 1):.3f}%), {tally['disagree']} disagree")
    print("pc-onboard verdict / phonenumbers verdict: count")
    for k, v in sorted(((k, v) for k, v in tally.items() if isinstance(k, tuple)), key=lambda kv: -kv[1]):
        print(f"  {k[0]:>13} / {k[1]:<13} {v}")
    return 1 if tally["disagree"] else 0


if __name__ == "__main__":
    sys.exit(main())
