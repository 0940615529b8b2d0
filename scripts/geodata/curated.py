"""Curated additions for what GeoNames lacks, reviewed by hand. derive.py writes them to
geodata/curated/ and geodata/regions.tsv; edit them here, never in the written files.

Every row carries its source and whether it is approximate. Facts come from
shared/design/kobane-facts.md (cited as "kobane-facts.md"); anything estimated from those
facts is marked approximate and its reasoning is in the comment next to it.
"""

import math

FACTS = "kobane-facts.md"

# --- Kobane reference frame ---------------------------------------------------------------
# GeoNames 172256 (‘Ayn al ‘Arab / Kobane), PPLA2, Aleppo governorate.
KOBANE_ID = 172256
KOBANE_LAT = 36.89095
KOBANE_LON = 38.35347
# The Syria–Turkey border along the old Baghdad railway on the town's northern edge
# (kobane-facts.md: approx. 36.897 N at 38.35 E), taken as a straight east–west line here.
BORDER_LAT = 36.897
# Built-up area: roughly 3.5 km east–west by 3 km north–south (kobane-facts.md), the border on
# its northern edge, so the town extends 3 km south of the border; centred east–west on the
# GeoNames point. Southern corners cut by 0.5 km to avoid a square-cornered box.
OUTLINE_EW_KM = 3.5
OUTLINE_NS_KM = 3.0
OUTLINE_CHAMFER_KM = 0.5
# Sector split (approx.): the southern third is the southern district; the rest is split at the
# GeoNames point's meridian into west and east; the security quarter ("Kurdish headquarters
# compound", north-east; dw.com a-17986419 as cited in kobane-facts.md) is a ~0.7 km x 0.6 km
# block in the north-east corner, cut out of the eastern district so sectors never overlap.
SOUTH_SPLIT_FRACTION = 1.0 / 3.0
QUARTER_EW_KM = 0.7
QUARTER_NS_KM = 0.6

KM_PER_DEG_LAT = 110.95  # at ~37 N (WGS84 meridian arc)
KM_PER_DEG_LON = 111.32 * math.cos(math.radians(KOBANE_LAT))

OUTLINE_SOURCE = (f"{FACTS}: built-up area ~3.5 km E-W x 3 km N-S, Turkish border on the "
                  "northern edge (approx. 36.897 N); GeoNames 172256 point; approx.")


def _r(x):
    return round(x + 0.0, 5)


def _box_lon(km):
    return km / KM_PER_DEG_LON


def _box_lat(km):
    return km / KM_PER_DEG_LAT


def kobane_frame():
    west = KOBANE_LON - _box_lon(OUTLINE_EW_KM / 2)
    east = KOBANE_LON + _box_lon(OUTLINE_EW_KM / 2)
    north = BORDER_LAT
    south = BORDER_LAT - _box_lat(OUTLINE_NS_KM)
    cx = _box_lon(OUTLINE_CHAMFER_KM)
    cy = _box_lat(OUTLINE_CHAMFER_KM)
    split_lat = south + (north - south) * SOUTH_SPLIT_FRACTION
    q_west = east - _box_lon(QUARTER_EW_KM)
    q_south = north - _box_lat(QUARTER_NS_KM)
    return dict(west=west, east=east, north=north, south=south, cx=cx, cy=cy,
                split_lat=split_lat, mid_lon=KOBANE_LON, q_west=q_west, q_south=q_south)


def _ring(points):
    """Closes a ring of (lon, lat) and makes it counter-clockwise (RFC 7946 exterior)."""
    pts = [(_r(lon), _r(lat)) for lon, lat in points]
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))
    if area < 0:
        pts.reverse()
    return pts + [pts[0]]


def centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    a *= 0.5
    return cy / (6 * a), cx / (6 * a)  # lat, lon


def kobane_outline_ring():
    f = kobane_frame()
    return _ring([
        (f["west"], f["north"]),
        (f["west"], f["south"] + f["cy"]),
        (f["west"] + f["cx"], f["south"]),
        (f["east"] - f["cx"], f["south"]),
        (f["east"], f["south"] + f["cy"]),
        (f["east"], f["north"]),
    ])


def kobane_sector_rings():
    """Four sectors that partition the outline exactly: west, east, security quarter, south."""
    f = kobane_frame()
    w, e, n, s, cx, cy = f["west"], f["east"], f["north"], f["south"], f["cx"], f["cy"]
    m, sp, qw, qs = f["mid_lon"], f["split_lat"], f["q_west"], f["q_south"]
    assert s + cy < sp, "chamfer must stay inside the southern district"
    return {
        "west": _ring([(w, n), (w, sp), (m, sp), (m, n)]),
        "east": _ring([(m, n), (m, sp), (e, sp), (e, qs), (qw, qs), (qw, n)]),
        "security-quarter": _ring([(qw, n), (qw, qs), (e, qs), (e, n)]),
        "south": _ring([(w, sp), (w, s + cy), (w + cx, s), (e - cx, s), (e, s + cy), (e, sp)]),
    }


# --- curated places ----------------------------------------------------------------------
# id, name, alternate names, lat, lon (None: computed from the sectors), kind,
# parent geonameid, approximate, source
PLACES = [
    dict(id="frontline:kobane-mishtanour-hill", name="Mishtanour hill",
         alt=["Mishtanour", "Mistanour", "Mishtenur", "Mistenur", "Mishtanur",
              "Tell Mishtanour", "Tall Mishtanour", "Tel Mishtanour"],
         # kobane-facts.md: approx. 2 km south-east of the town centre; the point is the
         # Frontline dev corpus estimate (1.6 km SE of the GeoNames point).
         lat=36.880, lon=38.366, kind="hill", parent=KOBANE_ID, approximate=True,
         source=f"{FACTS} (approx. 2 km SE of the centre); point: Frontline dev corpus estimate, approx."),
    dict(id="frontline:kobane-tel-shair-hill", name="Tel Shair hill",
         alt=["Tel Shair", "Tell Shair", "Tall Shair", "Tal Shair", "Tel Sha'ir"],
         # kobane-facts.md: approx. west of the town; placed 4 km due west of the GeoNames point.
         lat=_r(KOBANE_LAT), lon=_r(KOBANE_LON - 4.0 / KM_PER_DEG_LON), kind="hill",
         parent=KOBANE_ID, approximate=True,
         source=f"{FACTS} (west of the town; YPG took it 15 Oct 2014 per independent.co.uk); "
                "placed ~4 km due west, approx."),
    dict(id="frontline:kobane-mursitpinar-crossing", name="Mürşitpınar border crossing",
         alt=["Mürşitpınar crossing", "Mursitpinar crossing", "Mursitpinar border crossing",
              "Mürşitpınar border gate", "Mursitpinar border gate", "Mürşitpınar border post",
              "Mursitpinar border post", "Mürşitpınar gate", "Mursitpinar gate",
              "Kobane border crossing", "Kobani border crossing"],
         # On the border line (36.897 N) south of the village (GeoNames 304089), at the
         # north end of the town between the village's and the town's meridians.
         lat=BORDER_LAT, lon=38.35, kind="crossing", parent=304089, approximate=True,
         source=f"{FACTS} (on the border north of the centre; Mürşitpınar village GeoNames 304089); "
                "placed on the border ~0.7 km S of the village, approx."),
    dict(id="frontline:kobane-east", name="eastern Kobane",
         alt=["east Kobane", "eastern Kobani", "east Kobani", "eastern Kobanî", "eastern Kobanê",
              "eastern districts of Kobane", "eastern districts of Kobani",
              "eastern part of Kobane", "eastern part of Kobani"],
         lat=None, lon=None, sector="east", kind="district", parent=KOBANE_ID, approximate=True,
         source=f"{FACTS} (ISIS held three eastern districts on 6 Oct 2014, dw.com a-17979321); "
                "sector of the approx. outline, approx."),
    dict(id="frontline:kobane-west", name="western Kobane",
         alt=["west Kobane", "western Kobani", "west Kobani", "western Kobanî", "western Kobanê",
              "western districts of Kobane", "western districts of Kobani",
              "western part of Kobane", "western part of Kobani"],
         lat=None, lon=None, sector="west", kind="district", parent=KOBANE_ID, approximate=True,
         source=f"{FACTS} (sectors for the eastern, western and southern districts); "
                "sector of the approx. outline, approx."),
    dict(id="frontline:kobane-south", name="southern Kobane",
         alt=["south Kobane", "southern Kobani", "south Kobani", "southern Kobanî", "southern Kobanê",
              "southern districts of Kobane", "southern districts of Kobani",
              "southern part of Kobane", "southern part of Kobani"],
         lat=None, lon=None, sector="south", kind="district", parent=KOBANE_ID, approximate=True,
         source=f"{FACTS} (sectors for the eastern, western and southern districts); "
                "sector of the approx. outline, approx."),
    dict(id="frontline:kobane-security-quarter", name="Kobane security quarter",
         alt=["security quarter", "Kobani security quarter", "security compound",
              "Kurdish headquarters", "Kurdish headquarters compound", "security headquarters",
              "Kurdish security headquarters"],
         lat=None, lon=None, sector="security-quarter", kind="quarter", parent=KOBANE_ID,
         approximate=True,
         source=f"{FACTS} (ISIS took the Kurdish headquarters compound, north-east, 10 Oct 2014, "
                "dw.com a-17986419); NE block of the approx. outline, approx."),
]

# --- extra names for GeoNames places -------------------------------------------------------
# Spellings from kobane-facts.md that GeoNames (cities500 as shipped) lacks. derive.py drops a
# row whose name GeoNames already has (case-insensitively) and says so; it fails if the
# geonameid is missing.  geonameid, name, approximate, source
NAMES = [
    (172256, "Kobanê", False, FACTS),
    (172256, "Ayn al-Arab", False, FACTS),
    (172256, "Ain al-Arab", False, FACTS),
    (172256, "Arab Pinar", False, FACTS),
    (172256, "Arab Punar", False, FACTS),
    (163750, "Tal Abyad", False, FACTS),
    (163750, "Girê Spî", False, FACTS),
    (163750, "Gire Spi", False, f"{FACTS} (ASCII form of Girê Spî)"),
    # kobane-facts.md "Sarrin (Sirrin), ISIS base south of the canton": GeoNames has Sirrin as
    # 164071 Şirrīn ash Shamālīyah (36.588 N 38.298 E), ~34 km south of Kobane; the match of
    # "Sarrin" to this row is approximate (it is the only Sirrin in cities500; the name
    # "ash Shamaliyah", northern, suggests a southern twin that cities500 lacks).
    (164071, "Sarrin", True, f"{FACTS}; identified with GeoNames Sirrin (164071), approx."),
]

# --- regions ---------------------------------------------------------------------------
# kind=direction: a modifier that, put before a country or admin-1 name, names a part of it
#   ("northern Syria" = direction N of country SY). The country names of countries.tsv must be
#   matched first, so that "North Korea", "South Sudan", "East Timor", "Western Sahara",
#   "Central African Republic" are not read as directions.
# kind=admin1-group: a named region made of whole admin-1 units (admin1.tsv codes).
# kind=country-group: a named region made of whole countries (ISO2).
# id, name, alternate names, kind, countries, admin1 codes, direction, approximate, source
REGIONS = [
    ("frontline:dir-n", "northern", ["north", "the north of"], "direction", [], [], "N", False, "convention"),
    ("frontline:dir-s", "southern", ["south", "the south of"], "direction", [], [], "S", False, "convention"),
    ("frontline:dir-e", "eastern", ["east", "the east of"], "direction", [], [], "E", False, "convention"),
    ("frontline:dir-w", "western", ["west", "the west of"], "direction", [], [], "W", False, "convention"),
    ("frontline:dir-ne", "north-eastern", ["northeastern", "north-east", "northeast", "north east"], "direction", [], [], "NE", False, "convention"),
    ("frontline:dir-nw", "north-western", ["northwestern", "north-west", "northwest", "north west"], "direction", [], [], "NW", False, "convention"),
    ("frontline:dir-se", "south-eastern", ["southeastern", "south-east", "southeast", "south east"], "direction", [], [], "SE", False, "convention"),
    ("frontline:dir-sw", "south-western", ["southwestern", "south-west", "southwest", "south west"], "direction", [], [], "SW", False, "convention"),
    ("frontline:dir-c", "central", ["centre of", "center of", "the centre of", "the center of"], "direction", [], [], "C", False, "convention"),
    ("frontline:iraqi-kurdistan", "Iraqi Kurdistan",
     ["Kurdistan Region", "Kurdistan Region of Iraq", "Kurdistan region", "KRI", "Southern Kurdistan", "northern Iraq's Kurdish region"],
     "admin1-group", ["IQ"], ["IQ.08", "IQ.11", "IQ.05", "IQ.19"], "", False,
     "the constitutional Kurdistan Region: Duhok, Erbil, Sulaymaniyah, Halabja governorates"),
    ("frontline:rojava", "Rojava",
     ["Syrian Kurdistan", "Western Kurdistan", "Kurdish region of Syria", "Kurdish-controlled northern Syria",
      "Autonomous Administration of North and East Syria", "AANES"],
     "admin1-group", ["SY"], ["SY.01", "SY.09", "SY.04"], "", True,
     "Kurdish-held north of Hasakah, Aleppo (Kobane, Afrin) and Raqqa governorates; only parts of these units, approx."),
    ("frontline:turkish-kurdistan", "Turkish Kurdistan",
     ["Northern Kurdistan", "Kurdish south-east of Turkey", "Kurdish southeast of Turkey"],
     "admin1-group", ["TR"],
     ["TR.02", "TR.04", "TR.12", "TR.13", "TR.21", "TR.49", "TR.62", "TR.63", "TR.65", "TR.70",
      "TR.72", "TR.74", "TR.76", "TR.80"], "", True,
     "Kurdish-majority provinces of south-eastern Turkey (usual list of 14), approx."),
    ("frontline:kurdistan", "Kurdistan", ["Greater Kurdistan"], "country-group", ["TR", "IQ", "SY", "IR"], [], "", True,
     "Kurdish-inhabited parts of Turkey, Iraq, Syria and Iran; only parts of these countries, approx."),
    ("frontline:donbas", "Donbas", ["Donbass", "Donets Basin", "the Donbas", "the Donbass"],
     "admin1-group", ["UA"], ["UA.05", "UA.14"], "", False, "Donetsk and Luhansk oblasts (the usual definition)"),
    ("frontline:crimea", "Crimea", ["Crimean Peninsula", "the Crimea", "Krym"],
     "admin1-group", ["UA"], ["UA.11", "UA.20"], "", False, "Autonomous Republic of Crimea and Sevastopol"),
    ("frontline:gaza", "Gaza Strip", ["Gaza", "the Gaza Strip"], "admin1-group", ["PS"], ["PS.GZ"], "", False, "GeoNames admin-1 PS.GZ"),
    ("frontline:west-bank", "West Bank", ["the West Bank", "Judea and Samaria"], "admin1-group", ["PS"], ["PS.WE"], "", False, "GeoNames admin-1 PS.WE"),
    ("frontline:middle-east", "Middle East", ["the Middle East", "Mideast"], "country-group",
     ["BH", "CY", "EG", "IQ", "IR", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"], [], "", True,
     "usual extent; definitions vary, approx."),
    ("frontline:levant", "Levant", ["the Levant"], "country-group", ["SY", "LB", "IL", "PS", "JO"], [], "", True,
     "usual extent; definitions vary (sometimes with CY and southern TR), approx."),
    ("frontline:gulf-states", "Gulf states", ["Gulf Arab states", "Persian Gulf states", "Arab Gulf states", "GCC states"],
     "country-group", ["BH", "KW", "OM", "QA", "SA", "AE"], [], "", False, "Gulf Cooperation Council members"),
    ("frontline:caucasus", "Caucasus", ["the Caucasus", "South Caucasus", "Transcaucasia"], "country-group",
     ["AM", "AZ", "GE"], [], "", True, "South Caucasus states; the North Caucasus is part of Russia, approx."),
    ("frontline:balkans", "Balkans", ["the Balkans", "Western Balkans"], "country-group",
     ["AL", "BA", "BG", "HR", "XK", "ME", "MK", "RS", "SI", "GR", "RO"], [], "", True, "usual extent; definitions vary, approx."),
    ("frontline:central-asia", "Central Asia", [], "country-group", ["KZ", "KG", "TJ", "TM", "UZ"], [], "", False, "the five post-Soviet Central Asian states"),
    ("frontline:maghreb", "Maghreb", ["the Maghreb"], "country-group", ["DZ", "LY", "MA", "MR", "TN"], [], "", True,
     "Arab Maghreb Union members, approx."),
    ("frontline:horn-of-africa", "Horn of Africa", ["the Horn of Africa"], "country-group", ["DJ", "ER", "ET", "SO"], [], "", False, "usual extent"),
    ("frontline:sahel", "Sahel", ["the Sahel"], "country-group", ["SN", "MR", "ML", "BF", "NE", "TD", "SD", "ER"], [], "", True,
     "countries crossed by the Sahel belt; only parts of them, approx."),
]

# --- Continents ---------------------------------------------------------------------------
# Gazetteers used to score geoparsers put a continent at GeoNames' CONT feature point; the same
# points are used here so that "Europe" lands where any GeoNames-based reader expects it.
# (id, name, alternate names, lat, lon, source)
CONTINENTS = [
    (6255146, "Africa", ["the African continent"], 7.1881, 21.09375, "GeoNames CONT 6255146"),
    (6255147, "Asia", ["the Asian continent"], 29.84064, 89.29688, "GeoNames CONT 6255147"),
    (6255148, "Europe", ["the European continent", "continental Europe"], 48.69096, 9.14062, "GeoNames CONT 6255148"),
    (6255149, "North America", [], 46.07323, -100.54688, "GeoNames CONT 6255149"),
    (6255150, "South America", [], -14.60485, -57.65625, "GeoNames CONT 6255150"),
    (6255151, "Oceania", ["Australasia"], -18.31281, 138.51562, "GeoNames CONT 6255151"),
    (6255152, "Antarctica", [], -78.15856, 16.40626, "GeoNames CONT 6255152"),
]

# --- Country points -----------------------------------------------------------------------
# world-countries' `latlng` is a conventional point per country (the one GeoNames also uses for
# most). Where it is a coarse rounding of a well-defined centre, the centre is used instead.
# (iso2, lat, lon, source)
COUNTRY_POINTS = [
    ("US", 39.76, -98.5, "geographic centre of the contiguous United States (U.S. National Geodetic "
                          "Survey, near Lebanon, Kansas), the point GeoNames gives the country; "
                          "world-countries rounds it to 38 N 97 W"),
]

# --- First-level abbreviations ------------------------------------------------------------
# News style (AP) abbreviations of US states and Canadian provinces ("Calif.", "B.C.") match
# anywhere; postal codes ("CA", "TX") collide with words and initialisms, so they only count
# right after "City, " (kind `postal`).
AP_STATES = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."],
    "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."],
    "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."],
    "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D.", "N.Dak."],
    "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D.", "S.Dak."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
CA_PROVINCES = {
    "CA.01": ("AB", ["Alta."]), "CA.02": ("BC", ["B.C."]), "CA.03": ("MB", ["Man."]),
    "CA.04": ("NB", ["N.B."]), "CA.05": ("NL", ["Nfld.", "N.L."]), "CA.07": ("NS", ["N.S."]),
    "CA.08": ("ON", ["Ont."]), "CA.09": ("PE", ["P.E.I."]), "CA.10": ("QC", ["Que.", "Qué."]),
    "CA.11": ("SK", ["Sask."]), "CA.12": ("YT", []), "CA.13": ("NT", ["N.W.T."]), "CA.14": ("NU", []),
}
ABBREVIATION_SOURCE = "AP Stylebook state and province abbreviations; USPS and Canada Post codes"


def admin1_abbreviations():
    """(admin1 code, abbreviation, kind) rows, kind `news` or `postal`."""
    rows = []
    for st, forms in AP_STATES.items():
        rows += [(f"US.{st}", f, "news") for f in forms]
    for st in ["AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN",
               "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ",
               "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA",
               "WI", "WV", "WY"]:
        rows.append((f"US.{st}", st, "postal"))
    for code, (postal, forms) in CA_PROVINCES.items():
        rows += [(code, f, "news") for f in forms]
        rows.append((code, postal, "postal"))
    return sorted(rows)
