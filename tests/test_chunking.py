"""Chunking long answers to the embedder's 256-token window, with overlap and the parent id."""

from bedside.index.chunking import chunk_dialogue
from bedside.index.clean import CleanDialogue


def long_answer(sentences: int) -> str:
    return " ".join(
        f"Sentence {i} explains that gentle stretching and regular walking help recovery of the lower back."
        for i in range(sentences)
    )


def dialogue(doctor: str, title: str = "Q. Lower back pain for months") -> CleanDialogue:
    return CleanDialogue("d1", title, "my back hurts", doctor, "test")


def test_short_answer_is_one_chunk_with_title(embedder):
    [chunk] = chunk_dialogue(dialogue("Rest and fluids help."), embedder.tokenizer, 256, 48)
    assert chunk.text == "Q. Lower back pain for months\nRest and fluids help."
    assert chunk.chunk_id == "d1-0" and chunk.dialogue_id == "d1"


def test_long_answer_chunks_fit_the_window_overlap_and_cover_everything(embedder):
    answer = long_answer(60)  # ~1,100 word pieces
    chunks = chunk_dialogue(dialogue(answer), embedder.tokenizer, 256, 48)
    assert len(chunks) >= 5
    real_counts = embedder.count_tokens([c.text for c in chunks])
    assert max(real_counts) <= 256
    assert all(abs(real - c.tokens) <= 2 for real, c in zip(real_counts, chunks, strict=True))
    assert [c.chunk_no for c in chunks] == list(range(len(chunks)))
    assert {c.dialogue_id for c in chunks} == {"d1"}
    bodies = [c.text.split("\n", 1)[1] for c in chunks]
    assert all(c.text.startswith("Q. Lower back pain for months\n") for c in chunks)
    # Consecutive chunks overlap, and together they cover every sentence of the answer.
    for previous, current in zip(bodies, bodies[1:], strict=False):
        assert current[:30] in previous
    for i in range(60):
        assert any(f"Sentence {i} " in body for body in bodies), i
    # Chunks prefer to end at a sentence boundary.
    assert all(body.endswith(".") for body in bodies)


def test_huge_title_is_left_out_rather_than_squeezing_the_answer(embedder):
    chunks = chunk_dialogue(dialogue(long_answer(20), title="word " * 300), embedder.tokenizer, 256, 48)
    assert max(embedder.count_tokens([c.text for c in chunks])) <= 256
    assert not chunks[0].text.startswith("word")
