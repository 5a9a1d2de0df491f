"""Real press texts: every one has its source, none is reserved for independent evaluation."""
import json
import re
import subprocess
import sys

import pytest
from conftest import CORPUS, GOLD, ROOT

SPLITS = json.loads((GOLD / "splits.json").read_text())
REAL = sorted(set(SPLITS.get("real-dev", [])) | set(SPLITS.get("real-test", [])))
SOURCES = CORPUS / "SOURCES.md"
RESERVED = ROOT.parent / "shared" / "tools" / "reserved.py"


def source_rows() -> dict[str, tuple[str, str]]:
    """file stem -> (url, publication date) from the table in corpus/SOURCES.md."""
    rows = {}
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].startswith("corpus/") and cells[0].endswith(".txt"):
            rows[cells[0][len("corpus/"):-4]] = (cells[1], cells[2])
    return rows


@pytest.mark.parametrize("doc_id", REAL)
def test_real_text_has_a_source(doc_id):
    """Listed in SOURCES.md with a URL and a date that agrees with the text's header."""
    rows = source_rows()
    assert doc_id in rows, f"{doc_id} missing from corpus/SOURCES.md"
    url, date = rows[doc_id]
    assert re.match(r"https?://\S+$", url), url
    header = re.match(r" date (\d{4}-\d{2}(?:-\d{2})?) ", (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8"))
    if header:
        assert date.startswith(header.group(1)), (doc_id, date, header.group(1))


def test_sources_lists_only_real_texts():
    assert set(source_rows()) <= set(REAL)


def test_no_outlet_dominates():
    """No outlet gives more than 4 % of the real texts (4 at least are allowed), so that rules
    cannot fit one outlet's house style (corpus/SOURCES.md)."""
    hosts = [re.sub(r"^www\.", "", url.split("/")[2]) for url, _d in source_rows().values()]
    assert max(hosts.count(h) for h in set(hosts)) <= max(4, int(0.04 * len(hosts)))


@pytest.mark.skipif(not RESERVED.exists(), reason="../shared/tools/reserved.py not present")
def test_no_corpus_text_is_reserved():
    """Texts and source URLs reserved for independent evaluation never enter the corpus."""
    texts = sorted(str(p) for p in CORPUS.glob("*.txt"))
    urls = [arg for url, _d in source_rows().values() for arg in ("--url", url)]
    run = subprocess.run([sys.executable, str(RESERVED), *texts, *urls], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
