"""QUANTITY, MONEY and PERCENT on short sentences, both languages."""
import pytest
from conftest import marked

FIGURES = ("QUANTITY", "MONEY", "PERCENT")

CASES = [
    # "half" stands bare in English; a count "a year" is no duration
    ("en", "which makes [half] the fleet zero emission", [("QUANTITY", 0.5, "ratio")]),
    ("en", "compared to [25,581] a year earlier", [("QUANTITY", 25581, None)]),
    ("en", "it costs [€2] a week", [("MONEY", 2, "EUR")]),
    # a range's bare first number is what the second is (gold/README: a unit is inherited)
    ("fr", "un surcoût de l’ordre de [20] à [25%]", [("PERCENT", 20, None), ("PERCENT", 25, None)]),
    ("fr", "un coût entre [3] et [5 millions d'euros]", [("MONEY", 3000000, "EUR"), ("MONEY", 5000000, "EUR")]),
    ("en", "a capacity of [8,000] to [9,000 MW]", [("QUANTITY", 8000, "MW"), ("QUANTITY", 9000, "MW")]),
    ("en", "it lowered use by [40 percent] and saved [$100,000]", [("PERCENT", 40, None), ("MONEY", 100000, "USD")]),
    # an amount that omits the currency just given is a sum in that currency
    ("fr", "un chiffre d'affaires de [10,5 millions d'euros] en 2017, contre [9,5 millions] en 2016",
     [("MONEY", 10500000, "EUR"), ("MONEY", 9500000, "EUR")]),
    ("fr", "notre équipe a protégé quelque [1.131.110] clients", [("QUANTITY", 1131110, None)]),
    # a capitalised number word inside a sentence is a name ("a loan with Thirteen"); opening one, a count
    ("en", "NatWest agreed a [£30m] loan with Thirteen, which lets Thirteen retrofit [900] homes. [Thirteen] homes were done first.",
     [("MONEY", 30000000, "GBP"), ("QUANTITY", 900, None), ("QUANTITY", 13, None)]),
    # a greenhouse gas after "d'émission(s) de" or as "gaz carbonique" stays in the span
    ("fr", "soit [600 tonnes d’émission de CO2] évitées", [("QUANTITY", 600, "tCO2e")]),
    ("fr", "un arbre séquestrera [180 kg de gaz carbonique]", [("QUANTITY", 180, "kgCO2e")]),
    ("fr", "cela évite le rejet de [778 tonnes de CO²] par an", [("QUANTITY", 778, "tCO2e")]),
    ("fr", "Elle évite [4.213 Teq CO2]/an", [("QUANTITY", 4213, "tCO2e")]),
    ("fr", "soit [12 t eq CO2] par an", [("QUANTITY", 12, "tCO2e")]),
    ("fr", "des ventes de [12,4 millions] l'an dernier", [("QUANTITY", 12400000, None)]),
    ("fr", "une capacité de [15 000 T] d’effluents et de [100 000 t métriques] de granules",
     [("QUANTITY", 15000, "t"), ("QUANTITY", 100000, "t")]),
    # approximate counts with a noun of number (gold/README); plurals stay vague
    ("fr", "Walvert emploie une [dizaine] de personnes et des dizaines de bénévoles", [("QUANTITY", 10, None)]),
    ("fr", "une [cinquantaine] de membres et une [centaine] de clients", [("QUANTITY", 50, None), ("QUANTITY", 100, None)]),
    ("en", "A [dozen] staff gave money while dozens of people came", [("QUANTITY", 12, None)]),
    # labels that contain "zero" are not counts
    ("en", "net zero by 2040 with [20] zero-emission buses and zero waste", [("QUANTITY", 20, None)]),
    ("fr", "objectif zéro émission et net zéro, avec [12] bus", [("QUANTITY", 12, None)]),
    ("en", "it joined the Race to Zero campaign with [3] partners", [("QUANTITY", 3, None)]),
    # a hyphen between a number and its scale word; "40-year" is a duration; "multi-million" is vague
    ("en", "a [$250-thousand] donation to feed [35-thousand] people", [("MONEY", 250000, "USD"), ("QUANTITY", 35000, None)]),
    ("en", "a 40-year partnership and a multi-million pound upgrade with [6 Megawatt]", [("QUANTITY", 6, "MW")]),
    ("en", "an annual saving of [175 tonnes of C02e]", [("QUANTITY", 175, "tCO2e")]),  # a zero for the O
    # a unit joined by a hyphen or after a glued scale; "MWe" and "KWp" are power
    ("en", "the [34-megawatt] wind farm", [("QUANTITY", 34, "MW")]),
    ("en", "buses ran [6m km] in a year", [("QUANTITY", 6000000, "km")]),
    ("en", "plants of [40,000 MWe] and [250KWp]", [("QUANTITY", 40000, "MW"), ("QUANTITY", 250, "kW")]),
    ("fr", "un réseau de [20 kms]", [("QUANTITY", 20, "km")]),
    # hyphenated energy units, decibels, "kilo tonnes" in two words; "emissions" after CO2 is no unit
    ("fr", "une performance de [90 kilowatt-heures] et un bruit de [65 décibels]", [("QUANTITY", 90, "kWh"), ("QUANTITY", 65, None)]),
    ("en", "it treats [750 kilo tonnes] of waste at [45 decibels]", [("QUANTITY", 750, "kt"), ("QUANTITY", 45, None)]),
    ("en", "saving [3,200 tonnes of CO2] emissions a year", [("QUANTITY", 3200, "tCO2e")]),
    # masses in grams, thicknesses in microns, inches: measures with no SPEC symbol; "KW" in capitals is kW
    ("fr", "des sacs de [4,5 grammes] et de [15 microns] sur un tuyau de [44 pouces]",
     [("QUANTITY", 4.5, None), ("QUANTITY", 15, None), ("QUANTITY", 44, None)]),
    ("en", "bags of [4.5 grams] and [15 microns] in a [12-inch] pipe", [("QUANTITY", 4.5, None), ("QUANTITY", 15, None), ("QUANTITY", 12, None)]),
    ("fr", "une turbine de [60 KW] et [190 KWc] de panneaux", [("QUANTITY", 60, "kW"), ("QUANTITY", 190, "kW")]),
    # "pounds" is money unless "of" a thing that is no money follows
    ("en", "a grant of [5,000 pounds] of funding and [20 pounds] each", [("MONEY", 5000, "GBP"), ("MONEY", 20, "GBP")]),
    ("fr", "un don de [20 livres sterling]", [("MONEY", 20, "GBP")]),
    # a scaled amount "du gouvernement" names its payer, not what it counts: the sum's currency
    ("fr", "un coût de [80 millions de dollars], dont [27 millions] de la Ville et [42,2 millions] du gouvernement",
     [("MONEY", 80000000, "USD"), ("MONEY", 27000000, "USD"), ("MONEY", 42200000, "USD")]),
    # peak power and capitalised energy units
    ("fr", "la centrale produit [5'300’000 KWh] et [11,87 MWc]", [("QUANTITY", 5300000, "kWh"), ("QUANTITY", 11.87, "MW")]),
    ("en", "a [5MWp] solar array", [("QUANTITY", 5, "MW")]),
    ("fr", "[160.000] familles bénéficient du tarif", [("QUANTITY", 160000, None)]),
    ("fr", "avec [50 Go] de données mobiles", [("QUANTITY", 50, "GB")]),
    ("fr", "soit [1,5 million de tonnes] de déchets", [("QUANTITY", 1500000, "t")]),
    ("fr", "évité [1,2 million de tonnes de CO2] en un an", [("QUANTITY", 1200000, "tCO2e")]),
    ("fr", "soit [3,1 milliards de tonnes d'équivalent CO2]", [("QUANTITY", 3.1e9, "tCO2e")]),
    ("fr", "une capacité de [3 000 MW] installée", [("QUANTITY", 3000, "MW")]),
    ("fr", "[Dix-neuf] autres sociétés ont signé", [("QUANTITY", 19, None)]),
    ("fr", "un budget de [3,2 milliards d'euros] en tout", [("MONEY", 3.2e9, "EUR")]),
    ("fr", "Engie investit [un milliard d'euros] dans l'hydrogène", [("MONEY", 1e9, "EUR")]),
    ("fr", "un prêt de [€ 500.000] accordé", [("MONEY", 500000, "EUR")]),
    ("fr", "un fonds de [10 M€] pour les PME", [("MONEY", 1e7, "EUR")]),
    ("fr", "un don de [CHF 12 millions] cette fois", [("MONEY", 1.2e7, "CHF")]),
    ("fr", "une baisse de [30 %] des émissions", [("PERCENT", 30, None)]),
    ("fr", "une baisse de [-30 %] des émissions", [("PERCENT", -30, None)]),
    ("fr", "soit [30 pour cent] du total", [("PERCENT", 30, None)]),
    ("fr", "une hausse de [2 points de pourcentage] sur un an", [("PERCENT", 2, "pp")]),
    ("fr", "[un tiers] des salariés", [("QUANTITY", 0.3333, "ratio")]),
    ("fr", "[trois sur dix] des clients", [("QUANTITY", 0.3, "ratio")]),
    ("fr", "plus de la [moitié] des sites", [("QUANTITY", 0.5, "ratio")]),
    ("fr", "de [70] à [90] bâtiments", [("QUANTITY", 70, None), ("QUANTITY", 90, None)]),
    ("fr", "diviser par [deux] les émissions", [("QUANTITY", 2, "ratio")]),
    ("fr", "la consommation de [40'000] ménages", [("QUANTITY", 40000, None)]),
    ("fr", "[1 500] collaborateurs formés", [("QUANTITY", 1500, None)]),
    ("fr", "[12\u202f400] ménages raccordés", [("QUANTITY", 12400, None)]),
    ("fr", "[une tonne] de plastique", [("QUANTITY", 1, "t")]),
    ("fr", "[100 Mbit/s] partout", [("QUANTITY", 100, "Mbps")]),
    ("fr", "[2,5 kWh] par jour", [("QUANTITY", 2.5, "kWh")]),
    ("fr", "[7.000 tonnes] de déchets", [("QUANTITY", 7000, "t")]),
    ("fr", "[Nonante] bénévoles", [("QUANTITY", 90, None)]),
    ("en", "it cut [1.2 million tonnes of CO2e] in a year", [("QUANTITY", 1.2e6, "tCO2e")]),
    ("en", "it will spend [£3.5bn] on the grid", [("MONEY", 3.5e9, "GBP")]),
    ("en", "[Two thirds] of our [12,500] employees", [("QUANTITY", 0.6667, "ratio"), ("QUANTITY", 12500, None)]),
    ("en", "a loan of [EUR 1.2bn] was signed", [("MONEY", 1.2e9, "EUR")]),
    ("en", "a [$5 million] grant", [("MONEY", 5e6, "USD")]),
    ("en", "[50 percent] of sites", [("PERCENT", 50, None)]),
    ("en", "[17,000 metric tonnes of carbon dioxide] avoided", [("QUANTITY", 17000, "tCO2e")]),
    ("en", "[508,000kg of CO2] saved", [("QUANTITY", 508000, "kgCO2e")]),
    ("en", "about [40 ktCO2e] a year", [("QUANTITY", 40, "ktCO2e")]),
    ("en", "[one in five] customers", [("QUANTITY", 0.2, "ratio")]),
    ("en", "[half] of staff", [("QUANTITY", 0.5, "ratio")]),
    ("en", "up [3 percentage points] on last year", [("PERCENT", 3, "pp")]),
    ("en", "[4.5 GW] of capacity", [("QUANTITY", 4.5, "GW")]),
    ("en", "a [£20m] fund", [("MONEY", 2e7, "GBP")]),
    ("en", "[twelve] sites were closed", [("QUANTITY", 12, None)]),
    ("en", "[320] passenger trips", [("QUANTITY", 320, None)]),
    # currencies beyond EUR/USD/GBP/CHF, codes in any case, glued or scaled
    ("fr", "un prêt de [5 millions de yens] signé", [("MONEY", 5e6, "JPY")]),
    ("fr", "[100 milliards de yuans] investis", [("MONEY", 1e11, "CNY")]),
    ("fr", "[treize euros et quarante-cinq cents] seulement", [("MONEY", 13.45, "EUR")]),
    ("en", "[125 million australian dollars] of bonds", [("MONEY", 1.25e8, "AUD")]),
    ("en", "it paid [USD115] for it", [("MONEY", 115, "USD")]),
    ("en", "a [48.5 MGBP] purchase price", [("MONEY", 4.85e7, "GBP")]),
    ("en", "they lost [75 USD million] in three years", [("MONEY", 7.5e7, "USD")]),
    ("en", "it costs [half a million dollars] now", [("MONEY", 5e5, "USD")]),
    ("en", "it costs [20 usd] now", [("MONEY", 20, "USD")]),
    # fractions and compounds
    ("fr", "il y a [un million et demi] de possibilités", [("QUANTITY", 1.5e6, None)]),
    ("fr", "[3 millions et demi] de clients", [("QUANTITY", 3.5e6, None)]),
    ("fr", "[Un demi-million] d'arbres", [("QUANTITY", 5e5, None)]),
    ("fr", "[trois cinquièmes] des sites", [("QUANTITY", 0.6, "ratio")]),
    ("en", "[five and a half million] trees", [("QUANTITY", 5.5e6, None)]),
    ("en", "[3/4] of sites", [("QUANTITY", 0.75, "ratio")]),
    ("en", "only [¾] of sites", [("QUANTITY", 0.75, "ratio")]),
    ("en", "a rate of [.08] today", [("QUANTITY", 0.08, None)]),
    ("en", "[one and a half tonnes] per day", [("QUANTITY", 1.5, "t")]),
    ("en", "a change of [minus five percent] on the year", [("PERCENT", -5, None)]),
    ("en", "[two out of five hundred] homes", [("QUANTITY", 0.004, "ratio")]),
    ("en", "[13 lakh] homes", [("QUANTITY", 1.3e6, None)]),
    # digits with several scale words, decimals said as a word
    ("en", "[4 thousand 3 hundred and 21] is a number", [("QUANTITY", 4321, None)]),
    ("en", "[3 hundred and one] homes", [("QUANTITY", 301, None)]),
    ("en", "[1 million] and [200] sites", [("QUANTITY", 1e6, None), ("QUANTITY", 200, None)]),
    ("en", "[two hundred point seventy-one] in all", [("QUANTITY", 200.71, None)]),
    ("en", "it equals [naught point five] today", [("QUANTITY", 0.5, None)]),
    ("en", "[two point five million tonnes] of waste", [("QUANTITY", 2.5e6, "t")]),
]

# a bare dollar takes the currency of the country the text is about
DOLLAR_CASES = [
    ("fr", "Desjardins, au Québec et au Canada, investit [850 M$] et [12,5 milliards $].", ["CAD", "CAD"]),
    ("fr", "À Montréal et en Ontario, [4 millions de dollars] et [5 millions $ US].", ["CAD", "USD"]),
    ("en", "Hydro-Québec in Quebec, Canada, will spend [$185 billion] and [US$3 billion].", ["CAD", "USD"]),
    ("en", "The Toronto plant of a US group in the United States, the U.S. unit: [$5 million].", ["USD"]),
    ("fr", "Le canadien Enbridge a obtenu [5 millions de dollars].", ["USD"]),
    ("en", "In Toronto and Ottawa they paid [C$ 4 million] and [€2 million].", ["CAD", "EUR"]),
]


@pytest.mark.parametrize("lang,markup,units", DOLLAR_CASES)
def test_dollar_country_hint(nlps, lang, markup, units):
    """`$`, "dollars", "M$" are CAD in Canadian texts (two or more Canadian place or
    demonym words, outnumbering US ones); written codes (US$, $ US, C$) never change."""
    text, offsets = marked(markup)
    doc = nlps[lang](text)
    got = [c for c in doc._.csr_entities if c.label == "MONEY"]
    assert [(c.start, c.end) for c in got] == offsets
    assert [c.attrs["unit"] for c in got] == units
    assert all(("currency_country_hint" in c.rule) == (u == "CAD" and "C$" not in doc.text[c.start:c.end])
               for c, u in zip(got, units, strict=True))


@pytest.mark.parametrize("lang,markup,expected", CASES)
def test_figures(nlps, lang, markup, expected):
    """Span, label, value and unit of each figure."""
    text, offsets = marked(markup)
    doc = nlps[lang](text)
    got = [c for c in doc._.csr_entities if c.label in FIGURES]
    assert [(c.start, c.end) for c in got] == offsets
    for c, (label, value, unit) in zip(got, expected, strict=True):
        assert c.label == label
        assert c.attrs["value"] == pytest.approx(value, rel=1e-3)
        assert c.attrs["unit"] == unit
        assert c.rule.startswith("figures:")


NOT_FIGURES = [
    # "neuf" the adjective, a time, a house number after its street, durations given as a range or an alternative
    ("fr", "Des menuisiers remettent à neuf des meubles dans un hall flambant neuf."),
    ("fr", "Le pain part par le funiculaire de 12 h 45."),
    ("fr", "Au chemin de Montelly 34 à 44, les bâtiments seront rénovés."),
    ("fr", "L'opération devrait s'échelonner sur trois à quatre mois."),
    ("fr", "La ville aura amorti ses investissements dans six ou sept ans."),
    ("en", "The plans should be figured out in the next month or two."),
    ("en", "Staff ran half marathons for the charity."),
    # street addresses
    ("en", "The array is located at 179 Observatory Rd. near the town."),
    ("fr", "Le siège est situé au 12 rue de la Gare."),
    # ages, and a French fraction noun without a determiner (an adjective)
    ("en", "Among those to benefit are John, 83, and Dorothy Philips, 77, who live in Norfolk."),
    ("en", "The service benefited children aged 17 and under."),
    ("fr", "Le conseil compte des membres âgés de 25 à 35 ans."),
    ("fr", "Le dispositif du tiers investisseur finance les travaux."),
    ("fr", "la pandémie de covid-19 a ralenti les chantiers"),
    ("fr", "les émissions de CO2 du Scope 3 sont suivies"),
    ("fr", "certifié ISO 14001 depuis longtemps"),
    ("fr", "le Bel 20 a reculé"),
    ("fr", "le troisième trimestre a été bon"),
    ("fr", "pendant deux ans le projet a avancé"),
    ("fr", "un client sur le site"),
    ("fr", "des milliers de personnes"),
    ("fr", "En 2021 la société a grandi"),
    ("fr", "la réunion est à 14h30"),
    ("fr", "appelez le 02 123 45 67"),
    ("en", "the FTSE 100 fell"),
    ("en", "a top 25 ranking"),
    ("en", "the first site opened"),
    ("en", "for three years the plan ran"),
    ("en", "thousands of people came"),
    ("en", "one of the largest banks"),
    ("en", "the G20 met"),
    ("en", "it took two and a half years"),
    # ordinals that are also fraction words
    ("fr", "la quatrième et la cinquième génération de brasseurs"),
    ("fr", "la dixième épicerie sociale a ouvert"),
    ("en", "the third phase of the works"),
    # round-the-clock idioms, French département numbers, day numbers of a date
    ("fr", "Le service tourne 24 heures sur 24 et 7 jours sur 7."),
    ("en", "hot water 24 hours a day, seven days a week"),
    ("fr", " date 2023-06 Inauguration à Fontaine-Française (21) vendredi."),
    ("fr", " date 2024-03-01 Ils proposeront ces 15 et 16 mars des points de collecte."),
    ("en", " date 2019-06-05 At the ceremony on May 29, the foundation spoke."),
]


@pytest.mark.parametrize("lang,text,label,unit", [
    ("en", "sales grew 2 over 2019", "QUANTITY", None),
    ("en", "a team of three won the prize", "QUANTITY", None),
])
def test_not_ratio_nor_money(nlps, lang, text, label, unit):
    """A year is no denominator; "won" is a verb, not a currency."""
    doc = nlps[lang](text)
    figs = [c for c in doc._.csr_entities if c.label in FIGURES]
    assert [(c.label, c.attrs["unit"]) for c in figs] == ([(label, unit)] if label else [])


@pytest.mark.parametrize("lang,text", NOT_FIGURES)
def test_not_figures(nlps, lang, text):
    """Codes, ordinals, durations, years, vague amounts and lone articles are not figures."""
    doc = nlps[lang](text)
    assert [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label in FIGURES] == []


@pytest.mark.parametrize("lang,markup,counted", [
    ("fr", "[160.000] familles", "famille"),
    # measures SPEC gives no symbol: the words in the span, unit null (gold/README)
    ("fr", "il fait [8 degrés] ce matin", "degré"),
    ("fr", "une économie de [995 tonnes équivalent pétrole] par an", "tonne équivalent pétrole"),
    ("en", "a [28,000 sq. ft] factory", "square foot"),
    ("en", "the [24-acre] site", "acre"),
    ("en", "homes kept at [18 degrees] all day", "degree"),
    # imperial and electrical measures, hyphenated or glued to the number
    ("en", "an [8,000-gallon] cistern", "gallon"),
    ("en", "a [170,000-square-foot] hospital", "square foot"),
    ("en", "the island lies [eight miles] offshore", "mile"),
    ("en", "a chimney [500 feet] high", "foot"),
    ("en", "a [39ft] ferry", "foot"),
    ("en", "volunteers packed [48 pounds] of food", "pound"),
    ("en", "the plant sorts [120,000 lbs] a day", "pound"),
    ("en", "a new [33kV] cable", "kilovolt"),
    ("en", "a [15MVA] substation", "megavolt ampere"),
    ("fr", "une tour de [53 pieds] de haut", "pied"),
    ("fr", "des ampoules de [1.000 watts]", "watt"),
    ("fr", "la banque distribue [500 livres] de nourriture", "livre"),
    ("en", "the ferry sails at [20 knots]", "knot"),
    ("fr", "une vitesse moyenne de [23 noeuds]", "noeud"),
    ("fr", "[4.800] ordinateurs portables", "ordinateur"),
    ("en", "[320] passenger trips", "trip"),
    ("en", "our [12,500] employees", "employee"),
])
def test_counted(nlps, lang, markup, counted):
    """`counted` is the lemma of the counted noun's head."""
    text, _ = marked(markup)
    doc = nlps[lang](text)
    fig = next(c for c in doc._.csr_entities if c.label == "QUANTITY")
    assert fig.attrs["counted"] == counted


@pytest.mark.parametrize("lang,text,qualifier", [
    ("fr", "plus de 1.500 collaborateurs", "plus de"),
    ("fr", "quelque 1.131.110 clients", "quelque"),
    ("en", "more than 300 sites", "more than"),
    ("en", "around 40 percent", "around"),
])
def test_qualifier_outside_span(nlps, lang, text, qualifier):
    """Qualifiers are recorded as an attribute, never spanned."""
    doc = nlps[lang](text)
    fig = next(c for c in doc._.csr_entities if c.label in FIGURES)
    assert fig.attrs["qualifier"] == qualifier
    assert qualifier not in doc.text[fig.start:fig.end]


@pytest.mark.xfail(strict=True, reason="known gap: a unit the text just gave is not inherited yet")
def test_inherited_unit(nlp_en):
    """'21,900 in 2019' after a tonnage inherits the unit."""
    doc = nlp_en("Emissions fell to 18,200 tonnes of CO2 in 2021 from 21,900 in 2019.")
    figs = [c for c in doc._.csr_entities if c.label == "QUANTITY"]
    assert figs[-1].attrs["unit"] == "tCO2e"


@pytest.mark.parametrize("lang,text,value", [("fr", "vingt-quatre sites", 24), ("fr", "quatre-vingt-quinze écoles", 95)])
def test_hyphenated_number_words(nlps, lang, text, value):
    """Hyphenated French number words are one token and still read by text2num."""
    doc = nlps[lang](text)
    assert [c.attrs["value"] for c in doc._.csr_entities if c.label == "QUANTITY"] == [value]


@pytest.mark.parametrize("lang,text,figure,unit", [
    ("fr", "La banque a versé 3 millions d'euros. La BEI a accordé un prêt de 250 millions à la société.",
     "250 millions", "EUR"),
    ("fr", "Les ventes passent de 11,4 millions d'euros en 2018 à 12,4 millions l'an dernier.", "12,4 millions", "EUR"),
    ("en", "The council spent £4m on buses. It also received a grant of nearly 2 million for heat pumps.",
     "2 million", "GBP"),
])
def test_amounts_after_money_nouns_or_before_a_period_take_the_texts_currency(nlps, lang, text, figure, unit):
    """A loan, an investment, a grant "de/of" an amount is money in the currency the text uses; "l'an
    dernier" after an amount is when, not what it counts."""
    doc = nlps[lang](text)
    found = {doc.text[c.start:c.end]: (c.label, c.attrs.get("unit")) for c in doc._.csr_entities if c.label in FIGURES}
    assert found.get(figure) == ("MONEY", unit)


def test_an_amount_before_a_preposition_counts_nothing(nlp_fr):
    doc = nlp_fr("Un total de 250 millions à la société, sans autre précision.")
    fig = next(c for c in doc._.csr_entities if c.label == "QUANTITY")
    assert fig.attrs.get("counted") is None


@pytest.mark.parametrize("text,span,value", [
    ("The brewery saves 5 680 litres of beer a year.", "5 680 litres", 5680),
    ("The grant is worth € 11 227 (£ 9 845).", "€ 11 227", 11227),
])
def test_english_space_grouped_thousands_are_one_number(nlp_en, text, span, value):
    doc = nlp_en(text)
    found = {doc.text[c.start:c.end]: c.attrs.get("value") for c in doc._.csr_entities}
    assert found.get(span) == value


def test_a_year_then_a_count_are_not_grouped(nlp_en):
    doc = nlp_en("In 2019 250 people came.")
    assert "2019 250" not in {doc.text[c.start:c.end] for c in doc._.csr_entities}
