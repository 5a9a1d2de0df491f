"""Fact linking: organisation and date of a figure."""
import pytest


def facts_of(nlp, text):
    doc = nlp(text)
    return [(doc.text[f["span"][0]:f["span"][1]], f["org"], f["date"]) for f in doc._.csr_facts]


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", " date 2022-11 En 2021, Proximus a protégé 1.131.110 clients.", ("1.131.110", "Proximus", "2021")),
    ("fr", " date 2022-11 Proximus a lancé un plan. En 2021, notre équipe a formé 1.500 personnes.", ("1.500", "Proximus", "2021")),
    ("fr", " date 2022-11 Belfius vise -20 % d'émissions d'ici 2024 par rapport à 2018.", ("-20 %", "Belfius", "2024")),
    ("en", " date 2023-03 Tesco cut food waste by 45% in 2022.", ("45%", "Tesco", "2022")),
    ("en", " date 2023-03 Tesco said last year. In 2022 we donated 3,000 tonnes of food.", ("3,000 tonnes", "Tesco", "2022")),
    ("en", " date 2023-03 Emissions at Tesco fell 12% compared with 2019.", ("12%", "Tesco", None)),
])
def test_fact_linking(nlps, lang, text, expected):
    """Subject, possessive and pronoun resolution; target date over baseline."""
    assert expected in facts_of(nlps[lang], text)


@pytest.mark.parametrize("lang,text,figure", [
    ("fr", " date 2022-11 Proximus a grandi. Selon Finn, 30 % des ménages belges utilisent la fibre.", "30 %"),
    ("en", " date 2023-03 Tesco grew. According to Deloitte, 40% of UK households buy online.", "40%"),
])
def test_sources_are_not_the_org(nlps, lang, text, figure):
    """A source is never the organisation a figure describes."""
    found = facts_of(nlps[lang], text)
    assert all(org not in ("Finn", "Deloitte") for fig, org, _d in found if fig == figure)
