"""Build `pipeline/data/first_names.json`: given names that make "First Last" a person's name.

Run at development time only (Faker is not a run-time dependency):

    pip install faker
    python scripts/build_first_names.py

Source: the person providers of Faker (https://github.com/joke2k/faker, MIT licence), for the
locales whose people the corpus's press names: English (Great Britain, Ireland, the United
States, New Zealand), French (France, Belgium, Switzerland, Canada), Dutch (Belgium, the
Netherlands), German, Italian, Spanish, Portuguese and Polish. One list for both languages:
French press names English speakers and the other way round.
"""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import faker

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "first_names.json"
LOCALES = ["en_GB", "en_IE", "en_US", "en_NZ", "fr_FR", "fr_BE", "fr_CH", "fr_CA", "nl_BE", "nl_NL",
           "de_DE", "it_IT", "es_ES", "pt_PT", "pl_PL"]
FIELDS = ("first_names", "first_names_male", "first_names_female")


def first_names() -> list[str]:
    names: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for field in FIELDS:
            value = getattr(provider, field, ())
            names.update(value.keys() if isinstance(value, dict) else value)
    # one capitalised word of letters: "Jean-Pierre" stays, initials and particles go
    return sorted(n for n in names if n[:1].isupper() and n.replace("-", "").isalpha() and len(n) > 2)


def main() -> None:
    names = first_names()
    payload = {"_doc": "Given names (scripts/build_first_names.py, from Faker's person providers, MIT): "
                       "a capitalised pair that opens with one reads as a person's name unless evidence "
                       "says a body (components/org_evidence.py).",
               "source": f"faker {faker.VERSION}: " + ", ".join(LOCALES),
               "first_names": names}
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(names)} first names -> {OUT}")


if __name__ == "__main__":
    main()
