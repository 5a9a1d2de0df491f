"""Language detection per document, short texts included (lingua, restricted to fr/en)."""
import pytest

import pipeline
from pipeline.cli import evaluate_main, extract_main
from pipeline.gold import gold_main
from pipeline.langid import detect, evidence_free


@pytest.mark.parametrize("text,lang", [
    ("It costs a quarter million us dollars.", "en"),
    ("Have a great week!", "en"),
    ("Le groupe a investi 3 millions d'euros.", "fr"),
    ("Bonne semaine à tous !", "fr"),
    (" date 2022-11 Proximus a lancé sa stratégie #inspire2022.", "fr"),
    (" date 2022-11 Tesco cut food waste by 45% last year.", "en"),
    ("9,2321312", "fr"),
    (",08", "fr"),
    ("192.", "en"),
    ("", "en"),
])
def test_detect(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("text,lang", [
    # headlines and captions: lingua reads them
    ("Le groupe a réduit ses émissions de 12 %", "fr"),
    ("Emissions down 12% in a year", "en"),
    ("Trois questions à notre directrice RSE", "fr"),
    ("Three questions for our CSR director", "en"),
    ("Merci à nos équipes", "fr"),
    ("Thanks to our teams", "en"),
    # lingua unsure, the number format decides
    ("Chiffre d'affaires : 2,33 milliards", "fr"),
    ("Revenue up 4.5% to $1,674.5 million", "en"),
    ("1 234 567 tonnes", "fr"),
    ("1,234,567 tonnes", "en"),
    ("Latitude 40.1693", "en"),
    # times and ordinals only one language writes
    ("Rendez-vous à 16h30", "fr"),
    ("Meet us at 4 pm", "en"),
    ("Le 3e rapport", "fr"),
    ("Our 3rd report", "en"),
    # number words only one language's reader takes (text2num)
    ("seize", "fr"),
    ("cent vingt", "fr"),
    ("Vingt-deux sites", "fr"),
    ("sixteen", "en"),
    ("Four new wind turbines", "en"),
    # formats both languages write are no evidence: lingua keeps its reading
    ("I'll leave for 3h", "en"),  # "3h" is also an English duration
    ("I'll go back on 22/04", "en"),  # day-first dates are British English too
])
def test_detect_short_texts(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("text,lang", [
    ("2,33 k", "fr"),  # decimal comma
    ("1 234 567", "fr"),  # thousands grouped by spaces
    ("1.234.567", "fr"),
    ("16h", "fr"),  # 24-hour clock with h
    ("29/2", "fr"),  # day-first: decides only where nothing else tells
    ("1,674,200.5 M", "en"),  # comma thousands, point decimal
    ("1,674.5", "en"),
    ("2/29", "en"),  # month-first
    ("+33 612 345 678", "en"),  # a phone number, not thousands grouped by spaces
])
def test_number_only_texts_decide_by_format(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("text", ["1", "3/4", "-4/5", "100%", "10k", "scp-173m", "q1-2019", "usd$ 15", "Tel: +86 138"])
def test_texts_without_language_get_the_default(text):
    """Digits, symbols, codes: no evidence, the default, whatever lingua would guess."""
    assert evidence_free(text)
    assert detect(text) == "en"
    assert detect(text, default="fr") == "fr"


@pytest.mark.parametrize("text", ["北京市朝阳区", "Привет мир"])
def test_letters_of_neither_language_get_the_default(text):
    assert detect(text) == "en"
    assert detect(text, default="fr") == "fr"


@pytest.mark.parametrize("text", ["Le groupe a réduit ses émissions", "seize", "2,33", "16h"])
def test_texts_with_language_are_not_evidence_free(text):
    assert not evidence_free(text)


def test_mixed_document_keeps_its_main_language():
    """An English quote inside a French article."""
    text = ("Le groupe a présenté jeudi son rapport de durabilité. Ses émissions ont baissé de 12 % "
            "par rapport à l'an dernier, et l'entreprise vise la neutralité carbone d'ici 2040. "
            "« We are proud of our people », a déclaré la directrice. Le plan prévoit 40 millions "
            "d'euros d'investissements dans les bâtiments et la flotte.")
    assert detect(text) == "fr"


@pytest.mark.parametrize("main", [extract_main, evaluate_main, gold_main])
def test_version(main, capsys):
    assert main(["--version"]) == 0
    assert pipeline.__version__ in capsys.readouterr().out


def test_markup_is_no_language():
    """Tags, scripts and entities say nothing of the text's language (a pasted web page)."""
    text = (" date 2023-05 <script>window.__pwned = 1</script> &amp; &lt;b&gt;gras&lt;/b&gt; "
            "Proximus a investi 5 millions d'euros en 2022 </script><!-- pour 1.200 clients.\n")
    assert detect(text) == "fr"
