"""End-to-end: the `extract` command on corpus files and on bad inputs."""
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import CORPUS

from pipeline.cli import extract_main
from pipeline.schema import output_schema

FR = str(CORPUS / "fr-telecom-tarif-social.txt")
EN = str(CORPUS / "en-retail-tesco-food-waste.txt")


def run(capsys, *args):
    code = extract_main(["--quiet", *args])
    out = capsys.readouterr()
    return code, [json.loads(line) for line in out.out.splitlines() if line.strip()], out.err


def check_record(rec, text):
    jsonschema.validate(rec, output_schema())
    starts = [s["start"] for s in rec["spans"]]
    assert starts == sorted(starts)
    for a, b in zip(rec["spans"], rec["spans"][1:], strict=False):
        assert a["end"] <= b["start"]
    for s in rec["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["rule"]


def test_extract_two_languages(capsys):
    """French and English in one run, JSONL on stdout, each record valid."""
    code, recs, _ = run(capsys, FR, EN)
    assert code == 0
    assert [r["lang"] for r in recs] == ["fr", "en"]
    assert recs[0]["published"] == "2023-03"
    for path, rec in zip((FR, EN), recs, strict=True):
        check_record(rec, open(path, encoding="utf-8").read())
        assert rec["facts"]


def test_every_corpus_file_has_exact_offsets():
    """text[start:end] == span.text for every span of every corpus file."""
    from pipeline.runner import process_paths
    paths = sorted(str(p) for p in CORPUS.glob("*.txt"))
    for path, rec in zip(paths, process_paths(paths), strict=True):
        check_record(rec, open(path, encoding="utf-8").read())


def test_bad_inputs_give_error_records(tmp_path, capsys):
    """Empty, binary, missing and folder inputs: error records, exit 1, the rest processed."""
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\t ")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\xff\xfe" * 20)
    (tmp_path / "cp.txt").write_bytes("Le groupe a investi 5 € « net » l’an dernier, soit 30 %.".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf date 2022-11 Proximus a 300 clients.")
    paths = [str(tmp_path / n) for n in ("empty.txt", "blank.txt", "bin.txt", "cp.txt", "bom.txt")]
    code, recs, err = run(capsys, *paths, str(tmp_path / "missing.txt"))
    assert code == 1
    assert [("error" in r) for r in recs] == [False, False, True, False, False, True]
    assert recs[3]["encoding"] == "cp1252" and any(s["label"] == "PERCENT" for s in recs[3]["spans"])
    assert recs[4]["published"] == "2022-11" and recs[4]["spans"][0]["text"] == "Proximus"
    assert "Traceback" not in err
    for rec in recs:
        jsonschema.validate(rec, output_schema())


def test_usage_errors(capsys, tmp_path):
    """No input, conflicting or impossible options: exit 2, one line, no traceback."""
    assert extract_main([]) == 2
    assert extract_main([FR, "-o", "x.jsonl", "--out-dir", "y"]) == 2
    assert extract_main(["--bogus"]) == 2
    assert extract_main([FR, "--batch-size", "0"]) == 2
    assert extract_main([FR, "-o", "/no/such/dir/x.jsonl"]) == 2
    assert extract_main([FR, "--facts-csv", "/no/such/dir/x.csv"]) == 2
    assert extract_main([FR, "--resume"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "/no/such/dir does not exist" in err
    assert not Path("/no/such/dir").exists()


def test_a_glob_matching_nothing_alone_fails_without_aborting(capsys, tmp_path):
    assert extract_main([str(tmp_path / "*.nothing")]) == 1
    assert "no file matches" in capsys.readouterr().err


def test_out_dir_resume_and_csv(tmp_path, capsys):
    """--out-dir writes one JSON per input; --resume skips finished ones; --facts-csv is a table."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(FR, src)
    shutil.copy(EN, src)
    out = tmp_path / "out"
    csv_path = tmp_path / "facts.csv"
    assert extract_main(["--quiet", str(src), "--out-dir", str(out), "--facts-csv", str(csv_path)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["en-retail-tesco-food-waste.json", "fr-telecom-tarif-social.json"]
    assert csv_path.read_text().splitlines()[0].startswith("document,org,date,value")
    (out / "en-retail-tesco-food-waste.json").unlink()
    assert extract_main([str(src), "--out-dir", str(out), "--resume"]) == 0
    assert "1 of 2 input(s) already done" in capsys.readouterr().err
    assert (out / "en-retail-tesco-food-waste.json").exists()


def test_workers_keep_order(capsys):
    """--workers 2 gives the same records in the same order as one process."""
    paths = sorted(str(p) for p in CORPUS.glob("*.txt"))[:6]
    _, one, _ = run(capsys, *paths, "--batch-size", "2")
    _, two, _ = run(capsys, *paths, "--batch-size", "2", "--workers", "2")
    assert one == two


def test_schema_flag(capsys):
    """--schema prints the JSON Schema of the output."""
    assert extract_main(["--schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("csr-facts")


def test_long_text_is_processed_whole(monkeypatch):
    """A text past the chunk size is split at paragraphs and keeps exact offsets."""
    import pipeline.extract as ex
    para = open(FR, encoding="utf-8").read().split("\n\n", 1)[1]
    text = " date 2023-03 " + "\n\n".join([para] * 8)
    monkeypatch.setattr(ex, "CHUNK_CHARS", 3000)
    rec = ex.extract_text(text, doc_id="long")
    check_record(rec, text)
    single = ex.extract_text(" date 2023-03 " + para)
    assert len(rec["spans"]) >= 7 * len(single["spans"])


@pytest.mark.parametrize("limit", [50, 200, 1000])
def test_split_chunks_covers_text(limit):
    """Chunks cover the text exactly, in order, each within the limit."""
    from pipeline.extract import split_chunks
    text = ("Une phrase courte. " * 30 + "\n\n") * 5 + "x" * 120
    chunks = split_chunks(text, limit)
    assert "".join(c for _o, c in chunks) == text
    assert all(len(c) <= limit for _o, c in chunks)
    assert [o for o, _c in chunks] == [sum(len(c) for _o, c in chunks[:i]) for i in range(len(chunks))]


def test_pipe_groups_bound_docs_and_characters():
    """nlp.pipe batches keep the input order, hold at most max_docs texts and max_chars
    characters, and a text longer than max_chars is a batch of its own."""
    from pipeline.extract import pipe_groups
    jobs = [(i, 0, "x" * n) for i, n in enumerate([10, 10, 10, 50, 10, 200, 10, 10, 10, 10, 10])]
    groups = pipe_groups(jobs, max_docs=3, max_chars=60)
    assert [job for g in groups for job in g] == jobs
    assert [[job[0] for job in g] for g in groups] == [[0, 1, 2], [3, 4], [5], [6, 7, 8], [9, 10]]
    assert pipe_groups([]) == []


def test_dask_local_matches_local(capsys):
    """--dask local (a LocalCluster with 2 workers) gives byte-identical records."""
    pytest.importorskip("dask.distributed")
    paths = sorted(str(p) for p in CORPUS.glob("*.txt"))[:4]
    _, local, _ = run(capsys, *paths)
    _, dask, _ = run(capsys, *paths, "--dask", "local", "--batch-size", "2")
    assert json.dumps(local) == json.dumps(dask)


def test_single_huge_line(tmp_path, monkeypatch, capsys):
    """A 200,000-character line with no newline is split at spaces and extracted whole."""
    import pipeline.extract as ex
    monkeypatch.setattr(ex, "CHUNK_CHARS", 50_000)
    unit = "Proximus a aidé 1.500 familles en 2021 et investi 3 millions d'euros "
    text = unit * (200_000 // len(unit) + 1)
    path = tmp_path / "long.txt"
    path.write_text(text)
    code, recs, _ = run(capsys, str(path), "--lang", "fr")
    assert code == 0
    check_record(recs[0], text)
    money = [s for s in recs[0]["spans"] if s["label"] == "MONEY"]
    assert len(money) == text.count("3 millions d'euros")


def _interrupted_run(tmp_path, sig, extra=()):
    """Start extract on 40 copies of a text, stop it with `sig` once 2 records are written. The child
    gets SIGINT's default handling back: a shell that starts the tests in the background
    (`bash .ci/run &`) ignores SIGINT, the child inherits that, and Ctrl-C would never arrive."""
    import subprocess
    import sys
    import time
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for i in range(40):
        shutil.copy(FR, src / f"doc{i:02d}.txt")
    out = tmp_path / "out.jsonl"
    import signal
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(src), "-o", str(out),
                             "--batch-size", "2", *extra], stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    part = tmp_path / "out.jsonl.part"
    deadline = time.time() + 120
    while time.time() < deadline and not (part.exists() and part.read_text().count("\n") >= 2):
        time.sleep(0.2)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err, src, out, part


@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_interrupt_keeps_the_previous_output(tmp_path, signame):
    """Ctrl-C, SIGTERM or kill -9: the previous complete output is left as it was, the finished
    records are in FILE.part, and --resume then writes exactly what an uninterrupted run writes."""
    import signal
    out = tmp_path / "out.jsonl"
    out.write_text('{"previous": "complete output"}\n')
    code, err, src, out, part = _interrupted_run(tmp_path, getattr(signal, signame))
    if signame == "SIGKILL":
        assert code == -signal.SIGKILL  # no chance to say anything
    else:
        assert code == 1
        assert "interrupted" in err and "previous outputs left as they were" in err and "Traceback" not in err
    assert out.read_text() == '{"previous": "complete output"}\n'
    done = [line for line in part.read_text().splitlines() if line.endswith("}")]  # kill -9 may cut the last
    assert 2 <= len(done) < 40 and all(json.loads(line)["id"].startswith("doc") for line in done)
    assert extract_main(["--quiet", str(src), "-o", str(out), "--resume"]) == 0
    whole = tmp_path / "whole.jsonl"
    assert extract_main(["--quiet", str(src), "-o", str(whole)]) == 0
    assert out.read_text() == whole.read_text()
    assert not part.exists()


def test_output_to_a_device_is_not_replaced(tmp_path, capsys):
    """-o /dev/null writes into the device; the atomic rename is for regular files only."""
    import os
    import stat
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    assert extract_main(["--quiet", FR, "-o", str(fifo)]) == 0
    reader.join(timeout=60)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(got[0].splitlines()[0])["id"] == "fr-telecom-tarif-social"


def test_inputs_that_give_nothing_do_not_abort_the_batch(tmp_path, capsys):
    """An empty folder, a folder named x.txt, an empty argument: reported, the good inputs still done."""
    empty = tmp_path / "empty"
    empty.mkdir()
    odd = tmp_path / "x.txt"
    odd.mkdir()
    upper = tmp_path / "upper"
    upper.mkdir()
    shutil.copy(FR, upper / "A.TXT")
    code, recs, err = run(capsys, str(empty), str(odd), "", FR, str(upper), FR)
    assert code == 1
    assert [r["id"] for r in recs if "error" not in r] == ["fr-telecom-tarif-social", "A"]  # FR twice: once
    assert [r["error"] for r in recs if "error" in r] == ["is a directory"]  # the folder named x.txt
    assert "holds no .txt file" in err and "empty argument" in err and "Traceback" not in err


def test_standard_input(monkeypatch, capsys):
    import io
    raw = Path(FR).read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw)))
    code, recs, _ = run(capsys, "-")
    assert code == 0 and recs[0]["id"] == "stdin" and recs[0]["spans"]


def test_name_clashes_get_distinct_ids_and_files(tmp_path, capsys):
    """a/report.txt and b/report.txt: two ids, two out-dir files, and a warning."""
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(FR if sub == "a" else EN, tmp_path / sub / "report.txt")
    out = tmp_path / "out"
    assert extract_main([str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt"),
                         "--out-dir", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["a__report.json", "b__report.json"]
    assert "share a file name" in capsys.readouterr().err
    code, recs, _ = run(capsys, str(tmp_path / "a" / "report.txt"), str(tmp_path / "b" / "report.txt"))
    assert [r["id"] for r in recs] == ["a/report", "b/report"]


def test_resume_redoes_errors_and_edited_inputs(tmp_path, capsys):
    """An error record is retried; an input edited since its record was written is redone."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(FR, src / "one.txt")
    shutil.copy(EN, src / "two.txt")
    (src / "bad.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out.jsonl"
    assert extract_main(["--quiet", str(src), "-o", str(out)]) == 1
    (src / "bad.txt").write_text(" date 2022-11 Proximus a investi 3 millions d'euros.", encoding="utf-8")
    (src / "two.txt").write_text(" date 2022-11 Tesco cut food waste by 45% last year.", encoding="utf-8")
    assert extract_main([str(src), "-o", str(out), "--resume"]) == 0
    assert "1 of 3 input(s) already done" in capsys.readouterr().err
    recs = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert "error" not in recs["bad"] and recs["two"]["spans"][0]["text"] == "Tesco"


def test_facts_csv_is_written_atomically(tmp_path):
    csv_path = tmp_path / "facts.csv"
    csv_path.write_text("previous,table\n")
    assert extract_main(["--quiet", FR, "-o", str(tmp_path / "o.jsonl"), "--facts-csv", str(csv_path)]) == 0
    assert csv_path.read_text().startswith("document,org,date")
    assert not (tmp_path / "facts.csv.part").exists()


def test_long_text_reports_characters_done(monkeypatch):
    """A text longer than a piece reports each parsed piece, for the progress bar."""
    import pipeline.extract as ex
    monkeypatch.setattr(ex, "CHUNK_CHARS", 2_000)
    seen = []
    monkeypatch.setattr(ex, "chunk_progress", seen.append)
    text = "Proximus a aidé 1.500 familles en 2021.\n\n" * 200
    ex.extract_text(text, lang="fr")
    assert sum(seen) == len(text) and len(seen) > 1
