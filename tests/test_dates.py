"""DATE spans and values on short sentences, both languages."""
import pytest
from conftest import marked

CASES = [
    ("fr", " date 2022-11 En [2020], le groupe a investi.", ["2020"]),
    ("fr", " date 2022-11 Les résultats de [fin 2021] et [mi-2023].", ["2021", "2023"]),
    ("fr", " date 2022-11 Comme [l'an dernier] et [cette année], puis en [avril dernier].", ["2021", "2022", "2022-04"]),
    ("fr", " date 2022-11 Signé le [15 mars 2023] et le [1er janvier 2024].", ["2023-03-15", "2024-01-01"]),
    ("fr", " date 2022-11 Au [T1 2023] et au [premier trimestre 2023], puis au [premier semestre 2022].", ["2023-Q1", "2023-Q1", "2022-H1"]),
    ("fr", " date 2022-11 De [2019 à 2021], puis entre [2019 et 2021] et sur [2019-2021].", ["2019/2021"] * 3),
    ("fr", " date 2022-11 D'ici [2030], sur l'[exercice 2018].", ["2030", "2018"]),
    # real press (gold/README): "ce" stays outside a weekday; a day before "août dernier"
    ("fr", " date 2023-01-27 Ce [vendredi], puis le [9 août dernier] et le [1er juin dernier].", ["2023-01-27", "2022-08-09", "2022-06-01"]),
    # "today" with a past or announcing verb is a day; with a present verb it means nowadays
    ("fr", " date 2022-11-17 Proximus a annoncé [aujourd'hui] 300 emplois. Nous employons aujourd'hui 78 personnes.", ["2022-11-17"]),
    ("fr", " date 2022-11-17 Proximus annonce [aujourd'hui] un plan. Vingt sites sont aujourd'hui actifs.", ["2022-11-17"]),
    ("en", " date 2022-11-17 Tesco [today] announced a plan. The chain today employs 300,000 people.", ["2022-11-17"]),
    # present or perfect: the day only for what is announced or handed over that day, else "by now"
    ("fr", " date 2022-11-17 Le projet a aujourd’hui franchi toutes les étapes. Elle a remis [aujourd’hui] un chèque.", ["2022-11-17"]),
    ("fr", " date 2022-11-17 Ces outils permettent aujourd’hui la vente de 1,7 million de litres.", []),
    ("en", " date 2022-11-17 Many of our buses on the road today have exceeded their life. The fund has [today] announced £5m.",
     ["2022-11-17"]),
    ("en", " date 2022-11-17 The scheme has won a national award at a ceremony in London [today].", ["2022-11-17"]),
    # an infinitive, a gerund or a first person keeps the day
    ("en", " date 2022-11-17 Is there any time to visit the site at lunchtime [today]?", ["2022-11-17"]),
    ("fr", " date 2022-11-17 Nous reviendrons [aujourd’hui] à Namur.", ["2022-11-17"]),
    # a plain year noun stays outside, a fiscal marker stays in (SPEC, 2026-12-02)
    ("fr", " date 2022-11 Au cours de l'année [2019], puis sur l'[exercice fiscal 2020].", ["2019", "2020"]),
    # a fiscal marker after a range of years stays in too; "later" before a relative date stays out (gold/README)
    ("en", " date 2023-05 The fund opened within the [2024/25 financial year] and ends in the [2027-28 Fiscal Year].",
     ["2024/2025", "2027/2028"]),
    ("en", " date 2023-05 The depot will open later [this year].", ["2023"]),
    ("en", " date 2022-11 In the year [2019] and in [FY 2020], the [financial year 2021].", ["2019", "2020", "2021"]),
    ("fr", " date 2022-11 Dans les [années 1990], le [15/03/2023].", ["1990/1999", "2023-03-15"]),
    ("fr", " date 2022-11-17 Le groupe a annoncé [jeudi] un plan.", ["2022-11-17"]),
    ("en", " date 2023-03-14 Since [March 2020] and [early 2022], unlike [last year] and [this year].", ["2020-03", "2022", "2022", "2023"]),
    ("en", " date 2023-03-14 By [2030], in [Q1 2023] and the [third quarter of 2022].", ["2030", "2023-Q1", "2022-Q3"]),
    ("en", " date 2023-03-14 In [H1 2023], the [first half of 2023], between [2019 and 2021].", ["2023-H1", "2023-H1", "2019/2021"]),
    ("en", " date 2023-03-14 In [fiscal 2022] and [FY22], on [March 15, 2023] and [15 March 2023].", ["2022", "2022", "2023-03-15", "2023-03-15"]),
    ("en", " date 2023-03-14 On [Monday] it said, by the [end of 2025] and [mid-2023].", ["2023-03-13", "2025", "2023"]),
    ("en", " date 2023-03-14 The firm announced [today] a new plan, up from [last month].", ["2023-03-14", "2023-02"]),
    # numeric and mixed formats
    ("fr", " date 2022-11 Au [03/2021], en [2015-12] et le [15.05.99].", ["2021-03", "2015-12", "1999-05-15"]),
    ("en", " date 2023-03-14 In [2019 H2], [2017-Q1], [Dec-2018] and on [05-Aug-2016].", ["2019-H2", "2017-Q1", "2018-12", "2016-08-05"]),
    ("en", " date 2023-03-14 It sold IVAC on [Dec. 31 , 1994] and on [July 4th of 1995].", ["1994-12-31", "1995-07-04"]),
    # yearless dates take the publication year; ranges take the year written at their end
    ("fr", " date 2022-11 Le [22/04] et du [3 au 12 septembre 2021].", ["2022-04-22", "2021-09-03/2021-09-12"]),
    ("fr", " date 2022-11 Le salon se tient du [3 mars au 5 avril 2021].", ["2021-03-03/2021-04-05"]),
    ("en", " date 2022-11 Between [January and June], then [July last year] and the [end of September].", ["2022-01/2022-06", "2021-07", "2022-09"]),
    ("en", " date 2022-11 On [November 18-19] and from [Nov to March].", ["2022-11-18/2022-11-19", "2021-11/2022-03"]),
    ("en", " date 2022-11 From [26 June to 28 June 2020].", ["2020-06-26/2020-06-28"]),
    # relative weekdays and quarters, holidays
    ("en", " date 2019-01-31 On [next Friday] or [last Wednesday], in the [previous quarter].", ["2019-02-08", "2019-01-23", "2018-Q4"]),
    ("fr", " date 2022-11-17 Il l'a dit [mardi dernier] et le dira [lundi prochain].", ["2022-11-15", "2022-11-21"]),
    ("en", " date 2022-11 Sales at [Christmas] and on [black friday 2010].", ["2022-12-25", "2010-11-26"]),
    ("fr", " date 2022-11 Les ventes de [Pâques 2019] et de [fin septembre].", ["2019-04-21", "2022-09"]),
    # days and years in words, two-digit years, spaced numeric dates
    ("en", " date 2019-06-05 On the [fourth of July 1995] and the [twenty third day of September].", ["1995-07-04", "2019-09-23"]),
    ("en", " date 2019-06-05 Back [May twenty nine].", ["2019-05-29"]),
    ("en", " date 2019-06-05 In [October two thousand and five] and on [13 Sept nineteen seventy two].", ["2005-10", "1972-09-13"]),
    ("en", " date 2019-06-05 Meet on [tuesday the eleventh] or on [May 9]. Then leave.", ["2019-06-11", "2019-05-09"]),
    ("en", " date 2019-06-05 Born in [April of 87], on [15 April of 87].", ["1987-04", "1987-04-15"]),
    ("fr", " date 2019-06-05 Née le [quatre octobre à dix neuf soixante douze], revenue [Mai vingt-neuf].", ["1972-10-04", "2019-05-29"]),
    ("fr", " date 2019-06-05 En [juillet 98], le [02 04 2009] et le [vingt-cinq mai 2020].", ["1998-07", "2009-04-02", "2020-05-25"]),
    ("en", " date 2019-06-05 On [2016 10 16], the conference started.", ["2016-10-16"]),
    # a weekday before a day-precise date takes that date; holidays with last/next
    ("en", " date 2019-05-08 Done [this friday 5/12] or [Monday, May 13].", ["2019-05-12", "2019-05-13"]),
    ("fr", " date 2019-05-08 Le [jeudi 12/05] et le [samedi 23/06/18].", ["2019-05-12", "2018-06-23"]),
    ("en", " date 2019-06-05 Since [last Easter] and until [next new year day].", ["2019-04-21", "2020-01-01"]),
    ("fr", " date 2019-06-05 Depuis [Noël dernier].", ["2018-12-25"]),
    # counted back from the header; weeks have no value form
    ("en", " date 2022-07-15 A leader [200 years ago], it opened [two years ago] and [three weeks ago].", ["1822", "2020", None]),
    # a qualifier before the count stays in the span, as "il y a presque 10 ans" does
    ("en", " date 2016-05 It began the strategy [more than three years ago].", ["2013"]),
    ("fr", " date 2020-01-03 [Il y a presque 10 ans], puis [il y a deux mois].", ["2010", "2019-11"]),
    # weeks and seasons: DATEs with no value form
    ("en", " date 2021-11-03 [Last week] it grew; due to open [this fall].", [None, None]),
    ("fr", " date 2021-11-03 [La semaine dernière], elle a grandi et [cet été], elle a investi.", [None, None]),
    ("fr", " date 2023-06-22 Fixée à l’[hiver 2022-2023].", [None]),
]


@pytest.mark.parametrize("lang,markup,values", CASES)
def test_dates(nlps, lang, markup, values):
    """Spans without leading prepositions, values resolved from the header."""
    text, offsets = marked(markup)
    doc = nlps[lang](text)
    got = [c for c in doc._.csr_entities if c.label == "DATE"]
    assert [(c.start, c.end) for c in got] == offsets
    assert [c.attrs["value"] for c in got] == values


@pytest.mark.parametrize("lang,text,mod", [("fr", "fin 2021", "END"), ("fr", "début 2022", "START"), ("fr", "mi-2023", "MID"),
                                           ("fr", "fin de cette année", "END"), ("en", "the end of this month", "END"),
                                           ("en", "early next year", "START"),
                                           ("en", "early 2022", "START"), ("en", "late 2021", "END"), ("en", "mid-2023", "MID")])
def test_mods(nlps, lang, text, mod):
    """Words that change a date's meaning stay in the span and set `mod`."""
    doc = nlps[lang]("Prévu pour " + text if lang == "fr" else "Planned for " + text)
    d = next(c for c in doc._.csr_entities if c.label == "DATE")
    assert d.attrs["mod"] == mod


NOT_DATES = [
    ("fr", "Proximus a lancé sa stratégie #inspire2022."),
    ("fr", "La pandémie de covid-19 a tout changé."),
    ("fr", "Le Plan 2025 et l'Agenda 2030 sont ambitieux."),
    ("fr", "Pendant deux ans, le chantier a avancé."),
    ("fr", "Aujourd'hui encore, la demande reste forte."),
    ("en", "The Vision 2030 programme and COP26 talks."),
    ("en", "For three years the team worked on it."),
    ("en", "In recent years, demand grew."),
    ("fr", "Le service est ouvert 24/7 et couvre 3/4 des sites."),
    ("en", "It works 24/7 on 3/4 of the sites."),
    # "the last year" is a duration
    ("en", " date 2021-11-03 We have seen over the last year a 24 percent increase."),
    # habitual holidays
    ("en", " date 2021-11-03 Every Christmas staff give, and a Christmas card campaign raised funds."),
    ("fr", " date 2021-11-03 La collecte a lieu chaque Noël et la campagne de Noël a rapporté 3 000 euros."),
]


@pytest.mark.parametrize("lang,text", NOT_DATES)
def test_not_dates(nlps, lang, text):
    """Hashtags, codes, plan names, durations and 'nowadays' are not dates."""
    doc = nlps[lang](text)
    assert [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "DATE"] == []


def test_header_is_never_a_span(nlp_fr):
    """The ` date YYYY-MM ` header is metadata."""
    doc = nlp_fr(" date 2022-11 En 2021, Proximus a grandi.")
    assert all(c.start >= 14 for c in doc._.csr_entities)


@pytest.mark.parametrize("lang,text,outside", [
    ("fr", "En mai vingt salariés ont signé.", "vingt"),
    ("en", "In May twenty firms joined.", "twenty"),
    ("en", "The March first quarter report.", "March first"),
    ("fr", "Il y a 1 500 2009 lignes.", "500"),
])
def test_words_left_out_of_dates(nlps, lang, text, outside):
    """A day in words after a month must end the clause ("in May twenty firms" counts
    firms); spaced numeric dates do not start inside a grouped number."""
    doc = nlps[lang](text)
    assert not any(outside in doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "DATE")
