"""ORG spans, boundaries and canonicals on short sentences."""
import pytest


def orgs(doc):
    return [(doc.text[c.start:c.end], c.attrs.get("canonical")) for c in doc._.csr_entities if c.label == "ORG"]


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "Selon l'agence Finn, le marché progresse.", "Finn"),
    ("fr", "La banque Belfius a prêté davantage.", "Belfius"),
    ("fr", "Le contrat revient à Dubois Constructions SA depuis mars.", "Dubois Constructions SA"),
    ("en", "A loan from the bank KBC was signed.", "KBC"),
    ("en", "Shares of Northbay Minerals Inc. rose.", "Northbay Minerals Inc."),
    ("en", "said its chief executive, Calectra Inc. “The funds will help.”", "Calectra Inc."),
    ("en", "Tesco's stores donated food.", "Tesco"),
    # after a descriptor with its own article, a capitalised article opens the name
    ("fr", "La laiterie Le Garrec produit 5 500 t de beurre.", "Le Garrec"),
    ("fr", "La coopérative La Cigalière rénove 273 appartements.", "La Cigalière"),
    ("fr", "Le chantier de la coopérative avance.", None),
])
def test_org_boundaries(nlps, lang, text, name):
    """Descriptors, articles and possessives stay out; legal suffixes stay in."""
    found = [n for n, _c in orgs(nlps[lang](text))]
    assert name in found if name else found == []


def test_acronym_shares_canonical(nlp_fr):
    """A defined acronym gets the full name's canonical."""
    doc = nlp_fr("Le Centre pour la Cybersécurité Belgique (CCB) alerte. Le CCB a reçu 300 signalements.")
    found = orgs(doc)
    assert ("Centre pour la Cybersécurité Belgique", "Centre pour la Cybersécurité Belgique") in found
    assert ("CCB", "Centre pour la Cybersécurité Belgique") in found


def test_mentions_share_fullest_name(nlp_en):
    """All mentions of one organisation share the fullest name used."""
    doc = nlp_en("Proximus Group reported results. Later, Proximus said it would hire.")
    assert {c for _n, c in orgs(doc)} == {"Proximus Group"}


@pytest.mark.parametrize("lang,text,bad", [
    ("fr", "La pandémie de Covid a freiné #inspire2022.", "Covid"),
    ("fr", "Le Bel 20 a progressé de 2 %.", "Bel 20"),
    ("en", "The FTSE 100 rose while ESG funds grew.", "ESG"),
])
def test_not_orgs(nlps, lang, text, bad):
    """Diseases, hashtags, indices and acronyms of concepts are not organisations."""
    assert bad not in [n for n, _c in orgs(nlps[lang](text))]


def test_rule_is_named(nlp_en):
    """Every span says which rule or model produced it."""
    doc = nlp_en("The bank KBC and Tesco plc signed.")
    assert all(c.rule.startswith("orgs:") for c in doc._.csr_entities if c.label == "ORG")


@pytest.mark.parametrize("short,long_,names,same", [
    ("Chamois", "Chamois Environnement", ["Chamois Environnement", "Chamois"], True),
    ("Food Bank", "Food Bank Brussels-Brabant", ["Food Bank Brussels-Brabant", "Food Bank"], True),
    ("Trussell", "Trussell Trust", ["Trussell Trust", "Trussell"], True),
    ("Vent Vert", "Vent Vert Energie", ["Vent Vert Energie", "Vent Vert Services", "Vent Vert"], False),
    ("Food Bank", "Food Bank in the city", ["Food Bank in the city"], False),
])
def test_a_name_opening_one_longer_name_is_its_short_form(short, long_, names, same):
    from pipeline.components.canonicals import opens_one_name
    assert opens_one_name(short, long_, names) is same


@pytest.mark.parametrize("short,long_,names,same", [
    ("Chimay", "Bières de Chimay", ["Chimay", "Bières de Chimay"], True),
    ("Restos du Cœur", "Fédération des Restos du Cœur de Belgique",
     ["Fédération des Restos du Cœur de Belgique", "Restos du Cœur"], True),
    ("Oxfam", "Friends of Oxfam", ["Oxfam", "Friends of Oxfam", "Oxfam Shops of Oxfam"], False),
    ("Namur", "Province de Namur", ["Province de Namur", "Namur"], False),
    ("Tesco", "Tesco Bank", ["Tesco", "Tesco Bank"], False),
])
def test_a_name_after_the_link_word_of_one_longer_name_is_its_short_form(short, long_, names, same):
    from pipeline.components.canonicals import ends_one_name
    assert ends_one_name(short, long_, names, {"Namur"}) is same


@pytest.mark.parametrize("lang,text,short,full", [
    ("en", "Modular builder Framespace will hire 150 people. Framespace Solutions makes panels.",
     "Framespace", "Framespace Solutions"),
    ("fr", "La société Chamois a recyclé 300 tonnes. Chamois Environnement emploie 40 personnes.",
     "Chamois", "Chamois Environnement"),
])
def test_a_business_word_continues_a_known_name(nlps, lang, text, short, full):
    """The designator joins the name it follows, and every mention takes the fuller name."""
    found = orgs(nlps[lang](text))
    assert (full, full) in found and (short, full) in found


@pytest.mark.parametrize("text,name", [
    ("La société Varnelo énergie a installé 20 centrales solaires.", "Varnelo énergie"),
    ("Le bureau d’études Tarvic ingénierie a remporté l’appel d’offres.", "Tarvic ingénierie"),
])
def test_a_lower_case_business_word_continues_a_french_name(nlp_fr, text, name):
    """French writes names in sentence case: "Solvéo énergie", "BRL ingénierie"."""
    assert name in [n for n, _c in orgs(nlp_fr(text))]


def test_a_lower_case_verb_after_a_name_is_no_designator(nlp_fr):
    found = [n for n, _c in orgs(nlp_fr("La société Varnelo a installé 20 centrales. Varnelo construit une usine."))]
    assert "Varnelo" in found and not any(n.startswith("Varnelo ") for n in found)


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "La Communauté de Communes du Toulois en Meurthe-et-Moselle a inauguré 2 chaufferies.",
     "Communauté de Communes du Toulois"),
    ("fr", "La Communauté urbaine de Lyon a investi 3 millions d'euros.", "Communauté urbaine de Lyon"),
])
def test_where_a_body_is_stays_out_of_its_name(nlps, lang, text, name):
    assert name in [n for n, _c in orgs(nlps[lang](text))]


def test_a_business_word_alone_makes_no_name(nlp_en):
    assert "Solutions" not in [n for n, _c in orgs(nlp_en("The plan offers Solutions for 40 homes."))]


@pytest.mark.parametrize("lang,text,name", [
    ("fr", "La Fédération wallonne pour l’agriculture durable compte 300 membres.",
     "Fédération wallonne pour l’agriculture durable"),
    ("fr", "Le Centre belge de cybersécurité a reçu 300 signalements en 2022.", "Centre belge de cybersécurité"),
    ("fr", "La Coopérative d’énergie renouvelable du Nord-Ouest a présenté son projet de 20 mégawatts.",
     "Coopérative d’énergie renouvelable du Nord-Ouest"),  # a compass region closes the name
    ("fr", "L'Institut belge des services postaux et des télécommunications a publié 3 rapports.",
     "Institut belge des services postaux et des télécommunications"),
    ("en", "Staff at McDonald’s restaurants raised £12,000. McDonald’s said it was proud.", "McDonald’s"),
    ("en", "Bath and North East Somerset Council will invest £5m in solar panels.", "Bath and North East Somerset Council"),
    ("fr", "Le Syndicat intercommunal d'énergie et d'équipement de la Gironde pose 40 bornes.",
     "Syndicat intercommunal d'énergie et d'équipement de la Gironde"),
    ("fr", "La Caisse populaire Desjardins du Bas–Saint-Maurice a versé 9 000 $.",
     "Caisse populaire Desjardins du Bas–Saint-Maurice"),
    ("fr", "Elle a reçu une aide de la Commission communautaire française de la Région bruxelloise cette année.",
     "Commission communautaire française de la Région bruxelloise"),
])
def test_names_with_lower_case_words_and_apostrophes(nlps, lang, text, name):
    assert name in [n for n, _c in orgs(nlps[lang](text))]


@pytest.mark.parametrize("lang,text,bad", [
    ("en", "The Irish Government’s plan costs £2m.", "Irish Government’s"),
    ("en", "GENEROUS donors gave £30,000 to the Bramley Food Bank last month.", "GENEROUS"),
])
def test_not_names_nor_boundaries(nlps, lang, text, bad):
    assert bad not in [n for n, _c in orgs(nlps[lang](text))]


def test_a_body_and_its_committee_keep_their_own_canonicals(nlp_en):
    doc = nlp_en("West Yorkshire Combined Authority funds buses. The West Yorkshire Combined Authority Transport "
                 "Committee met.")
    assert ("West Yorkshire Combined Authority", "West Yorkshire Combined Authority") in orgs(doc)


def test_names_spaced_differently_share_a_canonical(nlp_fr):
    doc = nlp_fr("BEP Environnement teste un camion. Chez BEPEnvironnement, on compte 105 véhicules. "
                 "BEP Environnement est satisfait.")
    assert {c for n, c in orgs(doc) if n.startswith("BEP")} == {"BEP Environnement"}


@pytest.mark.parametrize("lang,text,prefix,usual", [
    ("en", "Save-Now-Stores opened. Save-now-Stores gave £500. Save-Now-Stores hired 30 people.", "Save", "Save-Now-Stores"),
    ("en", "Brook Meal served 2m meals. Brook Meal grew. Brook Meals said so. Brook Meal hired 4 staff.",
     "Brook", "Brook Meal"),
    ("fr", "La société Valdor Énergies investit 3 M€. Valdor Énergie compte 40 salariés. Valdor Énergie recrute.",
     "Valdor", "Valdor Énergie"),
])
def test_spellings_of_one_name_take_the_usual_one(nlps, lang, text, prefix, usual):
    """A case or a letter apart is one name spelled two ways, not a fuller name: the spelling the
    text uses most is the canonical."""
    assert {c for n, c in orgs(nlps[lang](text)) if n.startswith(prefix)} == {usual}


def test_the_canonical_is_not_the_shouted_spelling(nlp_en):
    doc = nlp_en("FOYLE Foodbank is being aided by Tesco. Foyle Foodbank said 200 families came.")
    assert {c for n, c in orgs(doc) if n.lower().startswith("foyle")} == {"Foyle Foodbank"}


@pytest.mark.parametrize("lang,text,full", [
    ("fr", "Le ministère de l'Économie, de l'Innovation et de l'Énergie soutient le projet. "
           "Le MEIE a versé 2 millions de dollars.", "ministère de l'Économie, de l'Innovation et de l'Énergie"),
    ("fr", "Trevalor Gestion internationale d'actifs gère 850 M$ pour ses clients. En 2022, la filiale TGIA a investi 3 M$.",
     "Trevalor Gestion internationale d'actifs"),
    # plain words, but defined in parentheses for an acronym other evidence made an organisation
    ("en", "Go North East (GNE) has officially opened its new £8.5m depot. Kevin Carr, GNE MD, said it employs 500 people.",
     "Go North East"),
])
def test_an_acronym_takes_the_expansion_the_text_spells_out(nlps, lang, text, full):
    """No parentheses needed: the words' initials, link words left out (SPEC: the fullest name)."""
    found = orgs(nlps[lang](text))
    assert (full, full) in found
    assert any(n.isupper() and c == full for n, c in found)


@pytest.mark.parametrize("lang,text,term", [
    ("en", "Homes need a Building Energy Rating of B2. The BER agency said 40 homes passed.", "Building Energy Rating"),
    ("fr", "La coopérative a signé un contrat avec SAS + AAX specific, et SAS a livré 3 plans.", "SAS + AAX specific"),
])
def test_a_term_is_no_expansion(nlps, lang, text, term):
    assert term not in [n for n, _c in orgs(nlps[lang](text))]


@pytest.mark.parametrize("text,name", [
    ("Les panneaux sont installés sur les ateliers de l’ASBL Jean Gielen, à Waremme.", "ASBL Jean Gielen"),
    ("Ils ont créé en 2020 la SCIC Enervallée pour porter 3 projets.", "SCIC Enervallée"),
])
def test_a_legal_form_before_the_name_opens_it(nlp_fr, text, name):
    """gold/README: the form stays in the span, even when the name is a person's."""
    assert name in [n for n, _c in orgs(nlp_fr(text))]


@pytest.mark.parametrize("lang,text,name", [
    ("en", "The Department for Business, Energy and Industrial Strategy (BEIS) gave £3m. BEIS said 40 homes benefit.",
     "Department for Business, Energy and Industrial Strategy"),
    ("fr", "Le réseau a été inauguré en présence de la Présidente de l'Assemblée Nationale, qui a salué 835 mètres de tuyaux.",
     "Assemblée Nationale"),
])
def test_heads_before_an_expansion_and_titles_before_a_body(nlps, lang, text, name):
    """The department's head belongs to its acronym's expansion; a person's title does not belong to the body."""
    assert name in [n for n, _c in orgs(nlps[lang](text))]


def test_a_place_after_every_mention_is_part_of_the_name():
    from pipeline.candidates import Candidate
    from pipeline.components.resolve import extend_with_constant_place
    text = "Velocar Bruxelles fête ses 20 ans. Velocar Bruxelles compte 884 voitures. Velocar Namur aussi."
    kept = [Candidate(m, m + 7, "ORG", "orgs:ner") for m in (0, 35)]
    extend_with_constant_place(text, kept, "fr")
    assert [text[c.start:c.end] for c in kept] == ["Velocar Bruxelles", "Velocar Bruxelles"]
    kept = [Candidate(m, m + 7, "ORG", "orgs:ner") for m in (0, 35, 74)]
    extend_with_constant_place(text, kept, "fr")
    assert [text[c.start:c.end] for c in kept] == ["Velocar"] * 3
    # a place named by a common word is the word: "the NHS Forest" twice is no "NHS" of Forest
    text = "Trees came from the NHS Forest. We add 1,000 trees to the NHS Forest."
    kept = [Candidate(m, m + 3, "ORG", "orgs:gazetteer") for m in (20, 58)]
    extend_with_constant_place(text, kept, "en")
    assert [text[c.start:c.end] for c in kept] == ["NHS", "NHS"]


@pytest.mark.parametrize("text,name", [
    ("Brendan is a senior figure with the Society of Vincent de Paul in Cork and gave 40 hours.", "Society of Vincent de Paul"),
    ("SRC employees volunteered 1,100 hours at the Saskatoon Food Bank & Learning Centre.",
     "Saskatoon Food Bank & Learning Centre"),
])
def test_particles_and_ampersands_inside_english_names(nlp_en, text, name):
    assert name in [n for n, _c in orgs(nlp_en(text))]


def test_an_acronym_drops_the_accents_of_its_initials(nlp_fr):
    doc = nlp_fr("Un million est alloué par le ministère de l'Énergie et des Ressources naturelles (MERN). "
                 "Le MERN a aussi prêté 3 M$.")
    found = orgs(doc)
    full = "ministère de l'Énergie et des Ressources naturelles"
    assert (full, full) in found and ("MERN", full) in found


@pytest.mark.parametrize("text,full,short", [
    ("Le Syndicat départemental d’énergie et des déchets de la Haute-Marne (SDED 52) trie 4 000 tonnes. "
     "Le SDED 52 signe.", "Syndicat départemental d’énergie et des déchets de la Haute-Marne", "SDED 52"),
    ("Le Syndicat de valorisation des déchets de la Marne (Syvalom) trie 4 000 tonnes. Le Syvalom investit.",
     "Syndicat de valorisation des déchets de la Marne", "Syvalom"),
])
def test_acronyms_with_a_departement_number_or_built_from_syllables(nlp_fr, text, full, short):
    """"(SDED 52)": the number stands for the place that closes the name; "(Syvalom)": the starts of
    some of the name's words. Every mention of the short form, and no figure "52"."""
    doc = nlp_fr(text)
    found = orgs(doc)
    assert (full, full) in found and found.count((short, full)) == 2
    assert not [c for c in doc._.csr_entities if c.label == "QUANTITY" and doc.text[c.start:c.end] == "52"]



@pytest.mark.parametrize("lang,text,bad", [
    ("fr", "La société d’économie mixte (SEM) du syndicat d’énergie investit 3 M€. La SEM vise 48 MWc.", "SEM"),
    ("fr", "La société d’économie mixte (SEM) du syndicat d’énergie investit 3 M€.", "société d’économie mixte"),
    ("fr", "Elle ne veut plus expédier ses ordures dans la MRC voisine, explique la MRC de Sept-Rivières.", "MRC"),
    ("fr", "Le Foyer Lermontois, société immobilière de service public (SISP), rénove 65 logements. "
           "La SISP isole ses immeubles.", "société immobilière de service public"),
    ("fr", "Le Foyer Lermontois, société immobilière de service public (SISP), rénove 65 logements. "
           "La SISP isole ses immeubles.", "SISP"),
    ("en", "The business, which operates from the Greystone Industrial Estate, installed 400 panels.",
     "Greystone Industrial Estate"),
    ("en", "The company owns the systems and gets Feed-In Tariff revenues for 20 years.", "Feed-In Tariff"),
])
def test_kinds_of_bodies_estates_and_tariffs_are_no_names(nlps, lang, text, bad):
    """A lower-case expansion defines a kind of company, not one; a legal form or a body type alone
    ("la MRC voisine") is a common noun; an industrial estate is a place, a tariff a policy."""
    assert bad not in [n for n, _c in orgs(nlps[lang](text))]


@pytest.mark.parametrize("lang,text,bad", [
    ("en", "The fund covers the Greater Fenwick Area, Halton and Hamilton, and the Niagara region.", "Greater Fenwick Area"),
    ("en", "The project will restore 1,680 hectares of damaged peatland on Bodwick Moor.", "Bodwick Moor"),
    ("en", "Turbines will be built in locations including Larne and Ballymena.", "Larne"),
])
def test_regions_and_listed_places_are_no_organisations(nlps, lang, text, bad):
    """Areas, moors and valleys, and the model's ORG that the place list knows, are places."""
    assert bad not in [n for n, _c in orgs(nlps[lang](text))]


@pytest.mark.parametrize("lang,text,name", [
    ("en", "Grants went to the Irish League of Credit Unions Foundation last year.", "Irish League of Credit Unions Foundation"),
    ("en", "Two partners joined, Corrib Simon Community and Velmont Centre for Research, this year.",
     "Velmont Centre for Research"),
    ("en", "Southern Kings and Queens Food Bank served 210 families.", "Southern Kings and Queens Food Bank"),
    ("en", "Circle K has raised €470,000 for the Jack and Jill Children’s Foundation since 2015.",
     "Jack and Jill Children’s Foundation"),  # "for the" after a figure opens a name, not another name's tail
    ("en", "Tiziana Marr of Co-operative Alternatives said the offer opened.", "Co-operative Alternatives"),
])
def test_of_and_and_inside_head_final_names(nlps, lang, text, name):
    """"of" joins a name after a body's head ("League of"), not after a person; three capitalised
    words before "and" make a name of their own, one or two belong to the name after it."""
    assert name in [n for n, _c in orgs(nlps[lang](text))]


def test_a_titled_person_and_an_owner_with_its_programme(nlp_en):
    doc = nlp_en("The work is led by Morag Angus, South West Water’s Exmoor Mires partnership manager. "
                 "South West Water said 1,680 hectares were damaged, said Professor Abhay Pandit.")
    found = [n for n, _c in orgs(doc)]
    assert "South West Water’s Exmoor Mires" not in found and "Abhay Pandit" not in found


@pytest.mark.parametrize("lang,text,name,expected", [
    ("en", "The food bank is in downtown Kelbrook. Families near Kelbrook get help.", "Kelbrook", True),
    ("en", "The food bank is in downtown Kelbrook. Kelbrook said it needs volunteers.", "Kelbrook", False),
    ("fr", "L'atelier est installé à Tervane. Les bénévoles près de Tervane aident.", "Tervane", True),
])
def test_a_name_written_only_after_place_words_is_a_place(lang, text, name, expected):
    from pipeline.components.orgs import _always_after_place_word, rules_for
    assert _always_after_place_word(text, name, rules_for(lang)) is expected


@pytest.mark.parametrize("lang,text,name", [
    ("en", "It has partnered with charities including Irish Guide Dogs for the Blind and Irish Wheelchair "
           "Association this year.", "Irish Wheelchair Association"),
    ("en", "Tesco, Asda, Sainsbury’s and the Co-op all followed the example.", "Sainsbury’s"),
    ("en", "The government of Nova Scotia set objectives to cut emissions by 80%.", "government of Nova Scotia"),
])
def test_name_tails_brands_and_bodies_of_two_word_places(nlps, lang, text, name):
    """"for the Blind and …" ends another name; a brand's 's followed by "and" is the brand's; a
    body of a two-word place acts."""
    assert name in [n for n, _c in orgs(nlps[lang](text))]


def test_a_programme_after_a_body_head_is_no_organisation(nlp_en):
    doc = nlp_en("Staff raised funds as part of the co-op’s Charity of the Year Programme, with Aurivo matching them.")
    assert "Charity of the Year Programme" not in [n for n, _c in orgs(doc)]


@pytest.mark.parametrize("lang,text,bad", [
    ("fr", "Le groupe Varandeau exploite quinze carrières sur quatre départements : Charente, Charente-Maritime, "
           "Gironde et Haute-Vienne. Trois carrières sont en Charente.", "Charente"),
])
def test_places_listed_after_an_administrative_word_are_places(nlps, lang, text, bad):
    assert bad not in [n for n, _c in orgs(nlps[lang](text))]


def test_places_listed_before_a_coordinated_body_name_belong_to_it(nlp_en):
    doc = nlp_en("Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust is to plant 1,000 trees this month.")
    assert "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust" in [n for n, _c in orgs(doc)]


@pytest.mark.parametrize("lang,text,name,bad", [
    ("en", "NAPLES, Utah — Some Uintah School District students will ride electric buses.", "Uintah School District",
     "Some Uintah School District"),
    ("en", "“At University of Kelmore we are committed to saving water,” he said.", "University of Kelmore",
     "At University of Kelmore"),
])
def test_quantifiers_and_prepositions_opening_a_sentence_or_quote_are_not_the_name(nlps, lang, text, name, bad):
    found = [n for n, _c in orgs(nlps[lang](text))]
    assert name in found and bad not in found


def test_a_department_in_a_head_of_title_is_no_organisation(nlp_en):
    doc = nlp_en("The savings were explained by Michael Curran, Head of Building Services, Energy and Utilities.")
    found = [n for n, _c in orgs(doc)]
    assert "Building Services" not in found and "Energy and Utilities" not in found


def test_a_function_word_after_a_head_does_not_continue_the_name(nlp_fr):
    doc = nlp_fr("C’est au siège du Département que Guillaume Collin, président d’Emmaüs Connect, a remis 400 ordinateurs.")
    assert not [n for n, _c in orgs(doc) if "que" in n.split()]


@pytest.mark.parametrize("text,name", [
    ("La chaufferie du CHU de Vernac produit 66 % des besoins du site.", "CHU de Vernac"),
    ("Le CPAS de Lermont a distribué 400 colis.", "CPAS de Lermont"),
    ("Le CHR de Vernac rénove ses bâtiments.", "CHR de Vernac"),
])
def test_a_kind_of_public_body_written_as_acronym_of_place(nlp_fr, text, name):
    """French public institutions are named "KIND de PLACE" with the kind as an acronym, like
    "Ville de X": the whole is the name."""
    assert name in [n for n, _c in orgs(nlp_fr(text))]


def test_the_kind_alone_is_no_short_form(nlp_fr):
    doc = nlp_fr("La chaufferie du CHU de Vernac produit 66 % des besoins. Le CHU souhaitait réduire sa facture.")
    assert [n for n, _c in orgs(doc)] == ["CHU de Vernac"]


@pytest.mark.parametrize("lang,names", [
    ("fr", ["Verdalis Énergie", "SEM Verdalis Énergie"]),  # a legal prefix, as a suffix
    ("fr", ["SAS Pôle Biomasse Vernac", "Pôle Biomasse Vernac"]),
    ("en", ["Kelbank Foods Ltd", "Kelbank Foods"]),
    # word spellings ("Co-op" / "Co-operative", "&" / "and"), loose acronyms, inner words skipped
    ("en", ["Tarnwick Wind Energy Co-operative", "Tarnwick Wind Energy Co-op"]),
    ("en", ["Marlow Power and Light", "MP&L"]),
    ("en", ["Carbon-Based Pledges initiative", "CBPi"]),
    ("en", ["Wendaki Mitaq Agency Ltd", "WMA"]),
    ("fr", ["Fernwärme Wynefeld AG", "FEWAG"]),
    ("fr", ["Commission communautaire française de la Région bruxelloise", "COCOF"]),
    ("en", ["New Haddon Housing Trust Group", "New Haddon Group"]),
    ("en", ["Kolbe Special School", "Kolbe School"]),
])
def test_spellings_of_one_name_share_a_canonical(lang, names):
    from pipeline.candidates import Candidate
    from pipeline.components.canonicals import assign_canonicals
    text = " ; ".join(names)
    cands, pos = [], 0
    for n in names:
        start = text.index(n, pos)
        cands.append(Candidate(start, start + len(n), "ORG", "orgs:test", {}))
        pos = start + len(n)
    assign_canonicals(text, cands, lang, {})
    assert len({c.attrs["canonical"] for c in cands}) == 1


@pytest.mark.parametrize("short,long_,names,same", [
    ("New Haddon Group", "New Haddon Housing Trust Group", ["New Haddon Group", "New Haddon Housing Trust Group"], True),
    # a short name with a link word names a body of its own; two longer names: no telling which
    ("Bank of Ireland", "Bank of Northern Ireland", ["Bank of Ireland", "Bank of Northern Ireland"], False),
    ("Kolbe School", "Kolbe Special School", ["Kolbe School", "Kolbe Special School", "Kolbe Primary School"], False),
    ("Leeds Foundation", "Leeds building Foundation", ["Leeds Foundation", "Leeds building Foundation"], False),
])
def test_a_name_skipping_inner_words_of_one_longer_name_is_its_short_form(short, long_, names, same):
    from pipeline.components.canonicals import skips_inner_words
    assert skips_inner_words(short, long_, names) is same


@pytest.mark.parametrize("short,long_,same", [
    ("DP&L", "Dayton Power and Light", True),
    ("SBTi", "Science-Based Targets initiative", True),
    ("FEWAG", "Fernwärme Wynefeld AG", True),
    ("Ademe", "Agence de Développement Économique", False),  # no acronym's capitals
    ("FEW", "Fernwärme Wynefeld AG", False),  # starts of words need four letters at least
    ("ABCD", "Abbey Church", False),
])
def test_loose_acronyms(short, long_, same):
    from pipeline.components.canonicals import abbreviates_loosely
    assert abbreviates_loosely(short, long_, {"AG", "Ltd"}) is same


@pytest.mark.parametrize("short,long_,same", [
    ("MFT", "Manchester University NHS Foundation Trust", True),  # a word and an acronym left out
    ("ICHT", "Imperial College Healthcare NHS Trust", True),
    ("DfE", "Department for the Economy", True),  # link words written or not
    ("SACU", "St Anthony’s and Claddagh Credit Union", True),
    ("ACL", "Arctic Co-operatives Limited", True),  # the second half of a hyphenated word
    ("CHI", "Chartered Institute of Housing All Ireland", False),  # two words left out
    ("NHS", "Manchester University NHS Foundation Trust", False),  # first letter not the first word's
    ("DCU", "Dublin City Council", False),
    ("MCE", "Marlow Community Energy", True),  # no word left out: the exact initials
])
def test_acronyms_that_leave_out_words(short, long_, same):
    from pipeline.components.canonicals import abbreviates_skipping
    assert abbreviates_skipping(short, long_) is same


@pytest.mark.parametrize("lang,text,expected", [
    ("fr", "Mené par les entreprises Galvère et Duchamel, le chantier a coûté 3 millions d'euros.",
     ["Galvère", "Duchamel"]),
    ("en", "The charities Kelbank Trust, Orlan Aid and Merrow House received £5,000.",
     ["Kelbank Trust", "Orlan Aid", "Merrow House"]),
    # an acronym before "et" is a name of its own; a hyphenated word after the head stays in the name
    ("fr", "En avril 2023, le CRECQ et Promutuel Assurance Centre-Sud ont signé une entente.",
     ["CRECQ", "Promutuel Assurance Centre-Sud"]),
    # a managing director after the company's name is no part of it
    ("en", "The plastics are recovered, said Wrights Plastics MD Mike Wright.", ["Wrights Plastics"]),
])
def test_listed_names_hyphenated_heads_and_trailing_roles(nlps, lang, text, expected):
    """Every name after a plural descriptor; "X et Y Centre-Sud" split at the acronym; "MD" ends the name."""
    assert [n for n, _c in orgs(nlps[lang](text))] == expected


def test_a_programme_defined_for_an_acronym_is_no_expansion(nlp_en):
    """"Rural Energy for America Program (REAP)": a programme's name stays no organisation."""
    doc = nlp_en("The brewery received a grant under the Rural Energy for America Program (REAP). "
                 "REAP grants cover 50% of costs.")
    assert "Rural Energy for America Program" not in [n for n, _c in orgs(doc)]


def test_a_capital_article_inside_a_sentence_opens_the_name(nlp_en):
    """"between X and The Salvation Army": a capital "The" mid-sentence is the name's; at a
    sentence start it is an article; both mentions share one canonical."""
    doc = nlp_en("The shop is a joint venture between St Vincent De Paul and The Salvation Army. "
                 "The Salvation Army gave 300 parcels.")
    found = orgs(doc)
    assert ("The Salvation Army", "The Salvation Army") in found
    assert ("Salvation Army", "The Salvation Army") in found


def test_a_french_capital_article_inside_a_sentence_opens_the_name(nlp_fr):
    """French writes its articles in lower case inside a sentence: "La Varnelle" there is a name."""
    doc = nlp_fr("Le projet associe La Varnelle et le Grand Port. La Varnelle obtient une réduction de 216.000 euros.")
    assert "La Varnelle" in [n for n, _c in orgs(doc)]


def test_a_date_with_a_month_is_no_name(nlp_en):
    """"Last Friday 24th March, CHI won …": a weekday or month word with a day number is a date."""
    doc = nlp_en(" date 2023-03-29 Last Friday 24th March, Kelbank Housing won an award.")
    assert not [n for n, _c in orgs(doc) if "March" in n]


@pytest.mark.parametrize("text,names", [
    # two names read as one, when the text also names one of them alone
    ("Brivallo Energy and Corvane Renewables built the farm. Brivallo Energy owns 60 % of it.",
     {"Brivallo Energy", "Corvane Renewables"}),
])
def test_joined_names_split_when_one_is_named_alone(nlp_en, text, names):
    doc = nlp_en(text)
    found = {doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"}
    assert names <= found


def test_a_joined_name_stays_whole_when_neither_side_is_named_alone(nlp_en):
    doc = nlp_en("Highlands and Islands Enterprise (HIE) gave £2m. HIE said the fund grows.")
    found = {doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"}
    assert "Highlands and Islands Enterprise" in found


def test_an_acronym_expansion_leaves_the_possessive_out(nlp_en):
    doc = nlp_en("Staff raised £5,000 for Queen Elizabeth Hospital Birmingham’s (QEHB) charity. QEHB thanked them.")
    found = {doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"}
    assert "Queen Elizabeth Hospital Birmingham" in found


@pytest.mark.parametrize("lang,text,bad_at", [
    # a recognised name is not propagated into a person's name or a site's name
    ("en", "Medebridge Energy signed a deal. The Medebridge Solar Farm in Essex opened in 2024.", "Medebridge Solar"),
    ("fr", "La boulangerie Hofmann a investi 30 000 francs. « Le four tourne », précise Olivier Hofmann.", "Olivier Hofmann"),
])
def test_names_are_not_propagated_into_sites_or_persons(nlps, lang, text, bad_at):
    doc = nlps[lang](text)
    pos = text.index(bad_at)
    assert not any(c.label == "ORG" and c.rule == "orgs:propagated" and pos <= c.start < pos + len(bad_at)
                   for c in doc._.csr_entities)


# a country or nation right after a name is the national arm's name
@pytest.mark.parametrize("lang,text,name", [
    ("en", "The society's charity partners are Teenage Cancer Trust Cymru and Alzheimer’s Society Cymru.",
     "Teenage Cancer Trust Cymru"),
    ("en", "Elsewhere, the Woodland Trust Northern Ireland has welcomed the plan.", "Woodland Trust Northern Ireland"),
    ("fr", "La société Kervalis Luxembourg collecte 300 tonnes de déchets.", "Kervalis Luxembourg"),
])
def test_a_nation_after_a_name_belongs_to_it(nlps, lang, text, name):
    doc = nlps[lang](text)
    assert name in [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"]


def test_a_nation_that_opens_a_longer_name_stays_outside(nlp_en):
    doc = nlp_en("The Woodland Trust and Northern Ireland Water planted 5,000 trees with the Ulster Wildlife Trust.")
    assert "Woodland Trust" in [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"]


@pytest.mark.parametrize("acr", ["CARV", "CA-RV"])
def test_a_hyphenated_acronym_takes_its_expansion_as_canonical(nlp_fr, acr):
    doc = nlp_fr(f"La Centrale alimentaire de la région vaudoise ({acr}) fête ses 20 ans. La {acr} a redistribué 1000 tonnes.")
    canon = {doc.text[c.start:c.end]: c.attrs.get("canonical") for c in doc._.csr_entities if c.label == "ORG"}
    assert canon.get(acr) == "Centrale alimentaire de la région vaudoise", canon


@pytest.mark.parametrize("text,bad", [
    ("Council leader James Stockan said it placed Orkney at the forefront.", "Council leader James Stockan"),
    ("Board member David Mackett said the plant would cut diesel use by 40%.", "Board member David Mackett"),
])
def test_a_body_head_word_then_a_role_is_a_person_not_a_body(nlp_en, text, bad):
    doc = nlp_en(text)
    assert bad not in [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"]


@pytest.mark.parametrize("text,fund", [
    ("Brennock Reuse received £40,000 from Zero Waste Scotland’s Recycling Improvement Fund. "
     "The Recycling Improvement Fund is open to councils.", "Recycling Improvement Fund"),
    ("Tallow Credit Union has launched its Community Support Fund for 2020. The Community Support Fund "
     "gives grants to clubs.", "Community Support Fund"),
])
def test_a_fund_its_owner_runs_is_a_programme(nlp_en, text, fund):
    doc = nlp_en(text)
    found = [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"]
    assert fund not in found and not any(n in fund for n in found)


def test_a_name_is_not_copied_into_a_longer_name(nlp_en):
    """"Hargreaves" is a company, but "Hargreaves Coal" and "Shaun Doran" are other names."""
    doc = nlp_en("Hargreaves Services has restored the site. Doran Hargreaves, Managing Director for "
                 "Hargreaves Coal, said the land is ready. Hargreaves Services employs 200 people.")
    found = [(c.start, doc.text[c.start:c.end]) for c in doc._.csr_entities if c.label == "ORG"]
    assert not any(name == "Hargreaves" for _s, name in found)


def test_a_name_is_copied_next_to_a_title(nlp_en):
    doc = nlp_en("Clean Tallow Ltd recycles 26 tonnes a day. The plant manager thanked Clean Tallow CEO Ann Byrne.")
    found = [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"]
    assert "Clean Tallow" in found


@pytest.mark.parametrize("text,term", [
    ("Les ETA wallonnes emploient 9 000 personnes, selon la fédération.", "ETA"),
    ("Le secteur du BTP a recyclé 80 % de ses déchets en 2022.", "BTP"),
    ("Le projet a été retenu dans le cadre de l’AMI lancé en 2023 par la Région.", "AMI"),
])
def test_sector_and_kind_acronyms_are_no_organisations(nlp_fr, text, term):
    doc = nlp_fr(text)
    assert term not in [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"]


def test_a_name_opening_in_lower_case_after_its_descriptor(nlp_fr):
    """"l’intercommunale inBW": a descriptor vouches for a name that opens before its capitals; the
    name is copied to its other mentions, even after a sentence's first word ("Selon inBW")."""
    doc = nlp_fr("Les déchets sont collectés par l’intercommunale inBW dans 27 recyparcs. Selon inBW, 40 % sont recyclés.")
    assert [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"] == ["inBW", "inBW"]


def test_a_model_name_in_lower_case_is_no_organisation(nlp_fr):
    doc = nlp_fr("Franprix a mis en service un eTGM de 26 tonnes. Le eTGM roule à Paris.")
    assert "eTGM" not in [doc.text[c.start:c.end] for c in doc._.csr_entities if c.label == "ORG"]


@pytest.mark.parametrize("text,fund,is_org", [
    ("The Brackley Community Fund offers grants of up to £7,500 to local groups.", "Brackley Community Fund", False),
    ("The Tarrow Challenge Fund will aim to support 30 community energy groups.", "Tarrow Challenge Fund", False),
    ("The Dunmore Pension Fund has a £3.3bn investment portfolio.", "Dunmore Pension Fund", True),
])
def test_a_grant_fund_is_a_scheme_and_a_pension_fund_a_body(nlp_en, text, fund, is_org):
    """English funds are bodies only when a word says what kind of body (pension, lottery, property,
    investment); grant funds are programmes, whatever verb they take."""
    assert (fund in [n for n, _c in orgs(nlp_en(text))]) is is_org


def test_a_french_bare_kind_that_opens_a_longer_name_is_no_name(nlp_fr):
    """"la Banque Alimentaire de Valdrec … la Banque Alimentaire": the kind alone names nothing."""
    doc = nlp_fr("La Banque Alimentaire de Valdrec et de la Morvane compte 25 salariés. "
                 "En 2022, la Banque Alimentaire a distribué 5090 tonnes de denrées.")
    found = [n for n, _c in orgs(doc)]
    assert "Banque Alimentaire" not in found and any(n.startswith("Banque Alimentaire de Valdrec") for n in found)


def test_an_english_short_form_of_a_longer_name_stays_a_name(nlp_en):
    doc = nlp_en("The Community Foundation for Valdrec gave £2,000. The Community Foundation said demand grew.")
    assert "Community Foundation" in [n for n, _c in orgs(doc)]
