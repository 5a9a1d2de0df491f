"""Language data: the same files and keys in every language."""
from importlib import resources

import pytest

from pipeline.resources import DATA_FILES, LANGS, load


@pytest.mark.parametrize("name", DATA_FILES)
def test_same_keys_in_every_language(name):
    """A new language is a copied folder: every file has the same top-level keys."""
    keys = {lang: set(load(lang, name)) for lang in LANGS}
    assert keys["fr"] == keys["en"]


def test_data_ships_as_package_data():
    """Data files are found through importlib.resources, not by path."""
    for lang in LANGS:
        folder = resources.files("pipeline") / "data" / lang
        assert {p.name for p in folder.iterdir() if p.name.endswith(".json")} >= {f"{n}.json" for n in DATA_FILES}


@pytest.mark.parametrize("lang", LANGS)
def test_units_map_to_spec_symbols(lang):
    """Every unit maps to a symbol SPEC names (or hl, kept for hectolitres)."""
    spec = {"t", "kt", "Mt", "kg", "km", "m", "h", "m2", "ha", "l", "m3", "kWh", "MWh", "GWh", "TWh", "kW", "MW",
            "GW", "GB", "TB", "Mbps", "Gbps", "kgCO2e", "tCO2e", "ktCO2e", "MtCO2e", "hl"}
    assert {sym for _pat, sym in load(lang, "figures")["units"]} <= spec
