#!/usr/bin/env python3
"""Check data/actors.toml and data/sources.toml, and report alias frequencies.

Checks (errors make the exit status 1):
  * ids unique, lowercase ascii with dashes; required keys present; kinds known;
    country is "" or an ISO 3166-1 alpha-2 code; parent points at an existing actor;
  * every Arabic alias contains Arabic letters;
  * no alias (after the engine's folding: alef/hamza forms, ta marbuta, alef maqsura,
    diacritics, tatweel) is shared by two actors (or two sources) unless both carry a `note`;
  * plain common words (COMMON below) are used only on `contextual` or catch-all
    (GENERIC_ACTOR_IDS) actors / `generic` sources.
Warnings: an alias repeated inside one entry after folding.

Also writes data/alias-frequency.tsv (kind, id, alias, count): how often each actor alias
occurs in the unannotated corpus as a whole word (optionally behind the proclitics
و ف ب ك ل, and ل+ال written لل), counted on folded text.

Usage: python3 scripts/check_dictionaries.py [--corpus PATH] [--no-freq]
Standard library only (Python >= 3.11 for tomllib).
"""
import argparse
import json
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTOR_KINDS = {"state-forces", "rebels", "militia", "external-forces", "civilians",
               "protesters", "media", "government", "organization", "unknown"}
SOURCE_KINDS = {"media", "activists", "official", "witness", "organization", "anonymous"}
ISO2 = set("""AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ
EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK
HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC
NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB
SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split())
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
AR_LETTER = re.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]")

# Bare common words: allowed only on contextual actors / generic sources.
COMMON = """الجيش الأمن الشرطة القوات قوات الجنود جنود جندي مسلح مسلحون مسلحين المسلحون المسلحين
مسلحا الحكومة السلطات الرئيس المقاتلين المقاتلون مقاتلين مقاتلون الميليشيات المليشيات ميليشيات
مليشيات ميليشيا مليشيا الثوار ثوار المعارضة العشائر القبائل قبيلة عشيرة السكان سكان الأهالي أهالي
مدنيين المدنيين مواطنين المواطنين أطفال نساء طلاب الطلاب عمال العمال مجهولون مجهولين مجهول
المتمردين المتمردون الإرهابيين الإرهابيون الطيران البحرية الداخلية الدفاع المخابرات الاستخبارات
الحرس الحشد التحالف الحزب الهيئة الشرعية الحراك المتطوعين فتح حسم صالح ولاية""".split()


def fold(s: str) -> str:
    """Python twin of crates/marsad-core/src/normalize.rs (letters only)."""
    out = []
    for c in s:
        o = ord(c)
        if 0x0610 <= o <= 0x061A or 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06DC \
                or 0x06DF <= o <= 0x06E8 or 0x06EA <= o <= 0x06ED or o == 0x0640:
            continue
        if 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2060 <= o <= 0x2069 or o in (0xFEFF, 0x061C, 0xAD):
            continue
        if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFE or 0xFF01 <= o <= 0xFF5E:
            n = unicodedata.normalize("NFKC", c)
            out.append(fold(n) if n != c else c)
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ة": "ه", "ى": "ي", "ی": "ي",
             "ې": "ي", "ؤ": "و", "ئ": "ي", "ک": "ك", "ڤ": "ف", "گ": "ك",
             "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "}.get(c, c)
        out.append(c.lower() if c.isascii() else c)
    return "".join(out)


COMMON_F = {fold(w) for w in COMMON}
# Catch-all actors that stand for a category rather than a named group: like contextual
# entries they may carry bare common words.
GENERIC_ACTOR_IDS = {"unidentified-armed-group", "armed-militants"}


class Report:
    def __init__(self):
        self.errors, self.warnings = [], []

    def err(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)


def check_entries(entries, what, kinds, rep, *, is_actor):
    ids = set()
    owners = defaultdict(list)  # folded alias -> [(id, has_note)]
    for i, e in enumerate(entries):
        eid = e.get("id")
        where = f"{what}[{i}] {eid!r}"
        req = ["id", "name", "kind", "aliases_ar"] + (["country", "aliases_en"] if is_actor else [])
        for k in req:
            if k not in e:
                rep.err(f"{where}: missing key {k}")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            rep.err(f"{where}: id must be lowercase ascii with dashes")
        elif eid in ids:
            rep.err(f"{where}: duplicate id")
        ids.add(eid)
        if e.get("kind") not in kinds:
            rep.err(f"{where}: unknown kind {e.get('kind')!r}")
        if is_actor:
            c = e.get("country", "")
            if c != "" and c not in ISO2:
                rep.err(f"{where}: country {c!r} is not ISO 3166-1 alpha-2")
            allowed = {"id", "name", "kind", "country", "aliases_ar", "aliases_en", "parent", "contextual", "note"}
        else:
            allowed = {"id", "name", "kind", "aliases_ar", "generic", "note", "publisher_codes"}
        for k in e:
            if k not in allowed:
                rep.err(f"{where}: unknown key {k}")
        loose = bool((e.get("contextual") or eid in GENERIC_ACTOR_IDS) if is_actor else e.get("generic"))
        seen = set()
        al = e.get("aliases_ar", [])
        if not al:
            rep.err(f"{where}: no Arabic aliases")
        for a in al:
            if not isinstance(a, str) or not AR_LETTER.search(a):
                rep.err(f"{where}: alias {a!r} has no Arabic letters")
                continue
            if a != a.strip() or "  " in a:
                rep.err(f"{where}: alias {a!r} has stray spaces")
            f = fold(a)
            if f in seen:
                rep.warn(f"{where}: alias {a!r} repeated after folding")
                continue
            seen.add(f)
            owners[f].append((eid, "note" in e, a))
            if f in COMMON_F and not loose:
                rep.err(f"{where}: common word {a!r} only allowed on "
                        + ("contextual actors" if is_actor else "generic sources"))
    for f, own in owners.items():
        if len(own) > 1 and not all(n for _, n, _ in own):
            rep.err(f"{what}: alias {own[0][2]!r} shared by {[o[0] for o in own]} "
                    "without a note on each")
    return ids, owners


def count_aliases(corpus_path, aliases):
    texts = []
    with open(corpus_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                j = json.loads(line)
                texts.append((j.get("title") or "") + "\n" + j.get("text", ""))
    text = fold("\n".join(texts))
    letters = set(chr(o) for o in range(0x0621, 0x063B)) | set(chr(o) for o in range(0x0641, 0x064B)) \
        | set(chr(o) for o in range(0x0671, 0x06D4))
    clitics = {"", "و", "ف", "ب", "ك", "ل", "وب", "فب", "وك", "فك", "ول", "فل"}
    counts = {}
    for a in aliases:
        f = fold(a)
        if f.startswith("ال"):
            core, ok = f[1:], {p + "ا" for p in clitics if p[-1:] != "ل"} | {"ل", "ول", "فل"}
        else:
            core, ok = f, clitics
        n, i = 0, text.find(core)
        while i >= 0:
            j = i + len(core)
            if j >= len(text) or text[j] not in letters:
                k = i
                while k > 0 and text[k - 1] in letters and i - k < 4:
                    k -= 1
                if (k == 0 or text[k - 1] not in letters) and text[k:i] in ok:
                    n += 1
            i = text.find(core, i + 1)
        counts[a] = n
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--actors", default=ROOT / "data/actors.toml")
    ap.add_argument("--sources", default=ROOT / "data/sources.toml")
    ap.add_argument("--corpus", default="/work/shared/corpus/news-sample.jsonl")
    ap.add_argument("--out", default=ROOT / "data/alias-frequency.tsv")
    ap.add_argument("--no-freq", action="store_true")
    args = ap.parse_args()

    rep = Report()
    actors = tomllib.load(open(args.actors, "rb")).get("actor", [])
    sources = tomllib.load(open(args.sources, "rb")).get("source", [])
    aids, _ = check_entries(actors, "actor", ACTOR_KINDS, rep, is_actor=True)
    check_entries(sources, "source", SOURCE_KINDS, rep, is_actor=False)
    for a in actors:
        p = a.get("parent")
        if p is not None and p not in aids:
            rep.err(f"actor {a.get('id')!r}: parent {p!r} does not exist")
        if p == a.get("id"):
            rep.err(f"actor {a.get('id')!r}: parent is itself")

    by_kind = defaultdict(int)
    for a in actors:
        by_kind[a.get("kind")] += 1
    src_kind = defaultdict(int)
    for s in sources:
        src_kind[s.get("kind")] += 1
    n_ar = sum(len(a.get("aliases_ar", [])) for a in actors)
    print(f"actors: {len(actors)} ({n_ar} Arabic aliases, "
          f"{sum(1 for a in actors if a.get('contextual'))} contextual)")
    for k in sorted(by_kind):
        print(f"  {k:16} {by_kind[k]}")
    print(f"sources: {len(sources)} ({sum(len(s.get('aliases_ar', [])) for s in sources)} Arabic aliases, "
          f"{sum(1 for s in sources if s.get('generic'))} generic)")
    for k in sorted(src_kind):
        print(f"  {k:16} {src_kind[k]}")

    if not args.no_freq and Path(args.corpus).exists():
        all_aliases = list(dict.fromkeys(a for e in actors for a in e.get("aliases_ar", [])))
        counts = count_aliases(args.corpus, all_aliases)
        rows = []
        for e in actors:
            for a in e.get("aliases_ar", []):
                rows.append((e["kind"], e["id"], a, counts.get(a, 0)))
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write("kind\tid\talias\tcount\n")
            for r in rows:
                fh.write("\t".join(map(str, r)) + "\n")
        zero_ids = [e["id"] for e in actors
                    if all(counts.get(a, 0) == 0 for a in e.get("aliases_ar", []))]
        hit = sum(1 for r in rows if r[3] > 0)
        print(f"alias frequency: {hit}/{len(rows)} actor aliases occur in the corpus; "
              f"{len(zero_ids)} actors with no hit at all -> {args.out}")

    for w in rep.warnings:
        print("WARNING", w)
    for e in rep.errors:
        print("ERROR", e)
    print(f"{len(rep.errors)} errors, {len(rep.warnings)} warnings")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
