"""Index + search on real fastembed and LanceDB: kinds, dedupe, resumability, mismatches, errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from helpers import dialogues

from bedside.index.ingest import FIRST_COMMIT, ingest
from bedside.index.search import QueryError, Retriever
from bedside.index.sources import RawDialogue, SourceError, read_sample
from bedside.index.store import DialogueStore, StoreError


def raw(rows: list[dict]) -> list[RawDialogue]:
    return [RawDialogue(r["Description"], r["Patient"], r["Doctor"], "test") for r in rows]


def test_sample_index_has_every_dialogue_metadata_and_fts(sample_index, embedder):
    store, stats = sample_index
    info = store.info()
    assert info.dialogues == stats.clean.kept == 308
    assert info.rows == stats.chunks >= 308
    assert (info.embed_model, info.dim) == (embedder.model_id, 384)
    assert any(index.startswith("FTS") for index in info.indices)
    assert stats.as_dict()["docs_per_s"] > 0


# Floors, out of 10: keyword search alone misses when patient and doctor use different words
# (measured 6/10); vectors and the fused ranking should almost always find the source dialogue.
@pytest.mark.parametrize(("kind", "floor"), [("vector", 8), ("fts", 5), ("hybrid", 8)])
def test_each_kind_finds_the_dialogue_a_patient_question_came_from(sample_index, embedder, kind, floor):
    retriever = Retriever(sample_index[0], embedder)
    sample = read_sample()
    found = 0
    probes = sample[::31]  # ten questions spread over the complaints
    for dialogue in probes:
        hits = retriever.search(dialogue.patient, k=5, kind=kind)
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert len({h.dialogue_id for h in hits}) == len(hits) == 5
        assert all(a.score >= b.score for a, b in zip(hits, hits[1:], strict=False))
        found += hits[0].doctor == dialogue.doctor
    assert found >= floor, f"{kind}: own answer ranked first for only {found}/10 questions"


def test_hits_carry_the_full_dialogue(sample_index, embedder):
    [hit] = Retriever(sample_index[0], embedder).search("sprained my ankle playing football", k=1)
    assert hit.title and hit.patient and len(hit.doctor.split()) >= 60
    assert set(hit.to_json()) == {"rank", "score", "dialogue_id", "title", "patient", "doctor"}


def test_long_answers_become_chunks_but_search_returns_each_dialogue_once(tmp_path, embedder):
    long_doctor = " ".join(
        f"Point {i}: for a sprained ankle keep it raised, use ice wrapped in cloth and move it gently."
        for i in range(50)
    )
    long_doctor += " Finally, an ankle that still gives way after six weeks deserves a physiotherapy referral."
    rows = dialogues(6) + [{"Description": "Q. Ankle sprain", "Patient": "I twisted my ankle", "Doctor": long_doctor}]
    store = DialogueStore(tmp_path / "idx", "t")
    stats = ingest(raw(rows), store, embedder, overlap=48)
    assert stats.chunks > len(rows)  # the long answer was split
    retriever = Retriever(store, embedder)
    for kind in ("vector", "fts", "hybrid"):
        hits = retriever.search("sprained ankle ice raised", k=7, kind=kind)
        ids = [h.dialogue_id for h in hits]
        assert len(ids) == len(set(ids)), kind
        assert hits[0].doctor == long_doctor, kind  # the full answer, not a chunk
    # A hit on the last chunk still carries the whole dialogue, which is stored once, on chunk 0.
    [hit] = retriever.search("ankle still gives way after six weeks physiotherapy referral", k=1, kind="vector")
    assert "physiotherapy" in hit.chunk and not hit.chunk.split("\n", 1)[-1].startswith("Point 0:")
    assert hit.doctor == long_doctor and hit.patient == "I twisted my ankle"
    stored = store.table.search().where(f"dialogue_id = '{hit.dialogue_id}'").select(["doctor"]).to_list()
    assert len(stored) > 1 and sum(len(row["doctor"]) for row in stored) == len(long_doctor)


def test_ctrl_c_between_commits_then_rerun_completes_without_duplicates(tmp_path, embedder):
    rows = raw(dialogues(120))
    store = DialogueStore(tmp_path / "idx", "t")

    def interrupt_after_first_commit(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest(rows, store, embedder, overlap=48, per_commit=50, progress=interrupt_after_first_commit)
    first = DialogueStore(tmp_path / "idx", "t").count()
    assert first == FIRST_COMMIT  # exactly one complete batch, small: a kill loses seconds of work

    stats = ingest(rows, DialogueStore(tmp_path / "idx", "t"), embedder, overlap=48, per_commit=50)
    assert (stats.already_indexed, stats.added_dialogues) == (first, 120 - first)
    reopened = DialogueStore(tmp_path / "idx", "t")
    assert reopened.count() == 120 and len(reopened.dialogue_ids()) == 120
    assert Retriever(reopened, embedder).search("knee question", k=3)  # FTS index was built on resume

    again = ingest(rows, reopened, embedder, overlap=48)
    assert again.added_dialogues == 0 and reopened.count() == 120


def test_commits_grow_to_a_few_seconds_of_work_and_no_more(tmp_path, embedder):
    sizes = []
    ingest(raw(dialogues(120)), DialogueStore(tmp_path / "idx", "t"), embedder, overlap=48, per_commit=40,
           progress=lambda done, total: sizes.append(done - sum(sizes)))  # fmt: skip
    assert sizes[0] == FIRST_COMMIT and sum(sizes) == 120
    assert max(sizes) <= 40  # the cap holds; these tiny dialogues embed fast, so batches grow to it


def test_a_second_writer_is_refused_while_the_first_runs(tmp_path, embedder):
    # Two `bedside index` runs at once each added every row: the table held each dialogue twice.
    folder = tmp_path / "idx"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from bedside.index.store import WriterLock\n"
         "with WriterLock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)", str(folder)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match=rf"another `bedside index` \(pid {holder.pid}\) is writing"):
            ingest(raw(dialogues(5)), DialogueStore(folder, "t"), embedder, overlap=48)
    finally:
        holder.kill()
        holder.wait()
    # The holder died without unlocking: the OS released its lock, so the next run goes ahead.
    assert ingest(raw(dialogues(5)), DialogueStore(folder, "t"), embedder, overlap=48).added_dialogues == 5


def test_kill_9_during_ingest_leaves_a_valid_table_and_rerun_finishes(tmp_path, home, session_paths):
    from helpers import write_jsonl

    corpus = write_jsonl(tmp_path / "big.jsonl", dialogues(2500, answer_words=30))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "bedside", "index", "--input", str(corpus), "--json"]
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    index_dir = home / "index"
    deadline = time.monotonic() + 120
    rows_at_kill = 0
    try:
        while time.monotonic() < deadline and child.poll() is None:
            if (index_dir / "dialogues.lance").exists():
                rows_at_kill = DialogueStore(index_dir, "dialogues").count()
                if rows_at_kill:
                    break
            time.sleep(0.1)
        assert child.poll() is None, "ingest finished before it could be killed; use a bigger corpus"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
    assert 0 < rows_at_kill < 2500

    survivor = DialogueStore(index_dir, "dialogues")
    kept = survivor.count()
    # Whole dialogues only (no chunk of a dialogue without the rest), and nothing committed was lost.
    assert kept >= rows_at_kill and kept == len(survivor.dialogue_ids())

    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    final = DialogueStore(index_dir, "dialogues")
    assert final.count() == 2500 and len(final.dialogue_ids()) == 2500
    assert f'"already_indexed": {kept}' in finished.stdout


def test_rebuild_starts_fresh(tmp_path, embedder):
    store = DialogueStore(tmp_path / "idx", "t")
    ingest(raw(dialogues(10)), store, embedder, overlap=48)
    stats = ingest(raw(dialogues(4, prefix="new ")), store, embedder, overlap=48, rebuild=True)
    assert stats.already_indexed == 0 and DialogueStore(tmp_path / "idx", "t").count() == 4


def test_index_built_by_another_model_is_refused(tmp_path, embedder):
    store = DialogueStore(tmp_path / "idx", "t")
    store.create(384, "some-other-model")
    with pytest.raises(StoreError, match="--rebuild"):
        Retriever(store, embedder)
    with pytest.raises(StoreError, match="some-other-model"):
        ingest(raw(dialogues(3)), store, embedder, overlap=48)
    other_dim = DialogueStore(tmp_path / "idx", "u")
    other_dim.create(768, embedder.model_id)
    with pytest.raises(StoreError, match="dim 768"):
        Retriever(other_dim, embedder)


def test_missing_index_and_unfinished_index_say_what_to_run(tmp_path, embedder):
    with pytest.raises(StoreError, match="run `bedside index` first"):
        Retriever(DialogueStore(tmp_path / "none", "t"), embedder)
    store = DialogueStore(tmp_path / "idx", "t")
    store.create(embedder.dim, embedder.model_id)  # table exists, ingest never finished
    with pytest.raises(StoreError, match="run `bedside index` again"):
        Retriever(store, embedder)


@pytest.mark.parametrize("query", ["", "   ", "?!...", "¿¡ -- ?"])
def test_empty_or_punctuation_queries_are_refused(sample_index, embedder, query):
    with pytest.raises(QueryError, match="empty or only punctuation"):
        Retriever(sample_index[0], embedder).search(query)


def test_queries_with_search_syntax_characters_still_work(sample_index, embedder):
    hits = Retriever(sample_index[0], embedder).search('fever "39 C" (child) AND: -rash', k=3, kind="fts")
    assert hits


def test_corpus_with_only_empty_answers_is_an_error(tmp_path, embedder):
    rows = [{"Description": "t", "Patient": "q", "Doctor": "  "}]
    with pytest.raises(SourceError, match="no usable dialogues"):
        ingest(raw(rows), DialogueStore(tmp_path / "idx", "t"), embedder, overlap=48)


def test_embedder_folder_without_onnx_is_a_clear_error(tmp_path):
    from bedside.index.embedder import Embedder, EmbedderError

    (tmp_path / "empty-model").mkdir()
    with pytest.raises(EmbedderError, match="cannot load embedding model"):
        Embedder(str(tmp_path / "empty-model"))


def test_fusion_is_tuned_at_index_time_and_kept_in_the_table(tmp_path, embedder):
    from bedside.index.fusion import FTS_WEIGHTS

    store = DialogueStore(tmp_path / "idx", "t")
    stats = ingest(read_sample("sample", limit=120), store, embedder, overlap=48)
    assert "tuned on 120 of your dialogues" in stats.fusion
    kept = DialogueStore(tmp_path / "idx", "t").fusion()  # read back from the table's metadata
    assert kept.tuned and kept.fts_weight in FTS_WEIGHTS and kept.queries == 120
    measured = kept.measured
    # The tuned weight is never worse than either part on the questions it was tuned on.
    assert measured["tuned"]["mrr"] >= max(measured["vector"]["mrr"], measured["fts"]["mrr"])
    assert Retriever(DialogueStore(tmp_path / "idx", "t"), embedder).fusion == kept

    small = DialogueStore(tmp_path / "small", "t")
    assert "10 dialogues are too few" in ingest(read_sample("sample", limit=10), small, embedder, overlap=48).fusion
    assert not small.fusion().tuned


def test_greetings_and_filler_leave_the_full_text_query_only():
    from bedside.index.search import fts_query

    assert fts_query("Hello doctor, please help: sharp pain in my knee. Thanks in advance!") == "sharp pain in my knee"
    assert fts_query("Hello doctor, thanks") == "Hello doctor thanks"  # nothing else left: kept as typed
    assert fts_query("Hi, pain", clean=False) == "Hi pain"
