"""Language detection per document, short texts included (lingua, restricted to fr/en)."""
import pytest

import pipeline
from pipeline.cli import evaluate_main, extract_main
from pipeline.gold import gold_main
from pipeline.langid import detect


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
