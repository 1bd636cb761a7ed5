"""Chat history: persists across reopen (and a killed writer), WAL, rename/delete, export, errors."""

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from bedside.core.history import HistoryError, HistoryStore
from bedside.core.prompts import Exchange

SOURCES = [
    {"number": 1, "title": "Q. Headache after starting new glasses", "cited": True},
    {"number": 2, "title": "Q. Why do I get headaches on weekends only?", "cited": False},
]


def test_messages_persist_across_reopen_in_wal_mode(tmp_path):
    path = tmp_path / "history.db"
    store = HistoryStore(path)
    chat = store.new_session()
    store.add_message(chat, "user", "I get headaches every evening after work. What can I do?")
    store.add_message(
        chat,
        "assistant",
        "Hi, thanks for your query. Regular breaks help [1].",
        mode="rag",
        sources=SOURCES,
        stats={"ttft_s": 0.5},
    )
    store.close()

    reopened = HistoryStore(path)
    [info] = reopened.sessions()
    assert info.title == "I get headaches every evening after work. What can I do?" and info.messages == 2
    messages = reopened.messages(chat)
    assert [m.role for m in messages] == ["user", "assistant"]
    assert messages[1].sources == SOURCES and messages[1].stats == {"ttft_s": 0.5} and messages[1].mode == "rag"
    assert reopened.exchanges(chat) == [Exchange(messages[0].content, messages[1].content)]
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_killed_writer_loses_nothing_it_had_saved(tmp_path):
    path = tmp_path / "history.db"
    writer = textwrap.dedent(f"""
        import os, signal
        from bedside.core.history import HistoryStore
        store = HistoryStore({str(path)!r})
        chat = store.new_session()
        store.add_message(chat, "user", "saved question")
        store.add_message(chat, "assistant", "saved answer", mode="base")
        os.kill(os.getpid(), signal.SIGKILL)  # no close(), no clean exit
    """)
    result = subprocess.run([sys.executable, "-c", writer], capture_output=True)
    assert result.returncode == -9
    store = HistoryStore(path)
    [info] = store.sessions()
    assert [m.content for m in store.messages(info.id)] == ["saved question", "saved answer"]


def test_rename_delete_and_long_titles(tmp_path):
    store = HistoryStore(tmp_path / "h.db")
    first, second = store.new_session(), store.new_session()
    store.add_message(second, "user", "word " * 40)
    assert next(s for s in store.sessions() if s.id == second).title.endswith("…")
    store.rename(first, "  Ankle   sprain  ")
    assert next(s for s in store.sessions() if s.id == first).title == "Ankle sprain"
    with pytest.raises(HistoryError, match="at least one character"):
        store.rename(first, "   ")
    store.delete(second)
    assert [s.id for s in store.sessions()] == [first]
    assert store.messages(second) == []  # messages went with their session
    with pytest.raises(HistoryError, match="no chat session"):
        store.add_message(second, "user", "into a deleted chat")


def test_export_markdown_has_questions_answers_modes_and_sources(tmp_path):
    store = HistoryStore(tmp_path / "h.db")
    chat = store.new_session()
    store.add_message(chat, "user", "Could my new glasses cause headaches?")
    store.add_message(chat, "assistant", "Hi, thanks for your query. They can [1].", mode="rag", sources=SOURCES)
    text = store.export_markdown(chat)
    assert text.startswith("# Could my new glasses cause headaches?\n")
    assert "## You\n\nCould my new glasses cause headaches?" in text
    assert "## Bedside (rag)\n\nHi, thanks for your query. They can [1]." in text
    assert "- [1] Q. Headache after starting new glasses (cited)" in text
    assert "- [2] Q. Why do I get headaches on weekends only?\n" in text


def test_unreadable_history_is_reported_left_untouched_and_the_chat_goes_on_in_memory(tmp_path):
    path = tmp_path / "history.db"
    path.write_bytes(b"this is not sqlite, it is someone's notes" * 100)
    before = path.read_bytes()
    store = HistoryStore(path)
    assert store.in_memory and "left untouched" in store.problem and "move the file aside" in store.problem
    session = store.new_session()
    store.add_message(session, "user", "Is a rash after amoxicillin an allergy?")
    assert [m.content for m in store.messages(session)] == ["Is a rash after amoxicillin an allergy?"]
    assert path.read_bytes() == before


def test_a_history_damaged_while_in_use_keeps_the_question_being_asked(tmp_path):
    path = tmp_path / "history.db"
    store = HistoryStore(path)
    kept = store.new_session()
    store.add_message(kept, "user", "An earlier question")
    for _ in range(40):  # enough pages that one can break while the others stay readable
        store.add_message(store.new_session(), "user", "filler " * 300)
    current = store.new_session()
    store.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:  # every page after the first damaged, from page 3 on
        handle.seek(2 * 4096)
        handle.write(b"\xff" * (size - 2 * 4096))
    broken = path.read_bytes()
    problems: list[str] = []
    store = HistoryStore(path, on_problem=problems.append)  # opens: the first page is intact
    assert not store.in_memory
    # The next messages written or read meet the damage; the question being asked must not be lost.
    store.add_message(current, "user", "My question right now")
    store.sessions()
    store.add_message(current, "assistant", "An answer")
    assert store.in_memory and len(problems) == 1 and "stopped working" in problems[0]
    assert "My question right now" in [m.content for m in store.messages(current)]
    assert path.read_bytes() == broken  # never written after it failed
    store.close()


def test_follow_up_context_is_the_models_own_words_not_advice_or_disclaimer(tmp_path):
    from bedside.core.safety import DISCLAIMER

    store = HistoryStore(tmp_path / "history.db")
    session = store.new_session()
    store.add_message(session, "user", "Crushing chest pain and my left arm hurts")
    shown = f"⚠ Call your local emergency number now.\n\nHi, thanks for your query. Sit down.\n\n_{DISCLAIMER}_"
    store.add_message(session, "assistant", shown, mode="base")
    store.add_message(session, "user", "My stroke question")
    store.add_message(session, "assistant", f"⚠ Advice.\n\n**Could not answer:** no model\n\n_{DISCLAIMER}_")
    exchanges = store.exchanges(session)
    assert [e.answer for e in exchanges] == ["Hi, thanks for your query. Sit down."]
    store.close()


def test_the_history_file_is_private(tmp_path):
    path = tmp_path / "history.db"
    store = HistoryStore(path)
    store.add_message(store.new_session(), "user", "private question")
    assert path.stat().st_mode & 0o777 == 0o600
    store.close()
    path.chmod(0o644)  # one made by an older Bedside
    HistoryStore(path).close()
    assert path.stat().st_mode & 0o777 == 0o600


def test_onnxruntime_telemetry_is_off_before_it_loads():
    code = (
        "import sys, os, bedside; assert 'onnxruntime' not in sys.modules; print(os.environ['ORT_DISABLE_TELEMETRY'])"
    )
    clean = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}  # not inherited from this run
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=clean)
    assert result.stdout == "1\n"


def test_the_data_home_is_made_private_with_a_notice_once(home, tmp_path):
    # A real `bedside config` in a subprocess, as a user runs it.
    ours = tmp_path / "bedside"
    (ours / "runs").mkdir(parents=True)
    ours.chmod(0o755)
    (ours / "runs").chmod(0o755)
    command = [sys.executable, "-m", "bedside", "config"]

    def run(folder):
        env = {**os.environ, "BEDSIDE_HOME": str(folder)}
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)

    first = run(ours)
    assert first.returncode == 0, first.stderr
    assert f"made {ours} private (was 755, now 700)" in first.stderr
    assert ours.stat().st_mode & 0o777 == 0o700 and (ours / "runs").stat().st_mode & 0o777 == 0o700
    assert "private" not in run(ours).stderr  # already private: nothing to say

    fresh = tmp_path / "fresh-home"
    assert run(fresh).returncode == 0 and fresh.stat().st_mode & 0o777 == 0o700

    # A folder that is not Bedside's own keeps its mode; Bedside's folders in it are made private.
    shared = tmp_path / "shared"
    (shared / "index").mkdir(parents=True)
    shared.chmod(0o755)
    (shared / "index").chmod(0o755)
    assert run(shared).returncode == 0
    assert shared.stat().st_mode & 0o777 == 0o755 and (shared / "index").stat().st_mode & 0o777 == 0o700


def test_a_history_from_before_versioning_is_upgraded_without_losing_a_chat(tmp_path):
    from bedside.core.history import SCHEMA, SCHEMA_VERSION
    from bedside.core.safety import DISCLAIMER

    path = tmp_path / "history.db"
    old = sqlite3.connect(path)  # the schema every earlier Bedside wrote: user_version 0, no model_text
    old.executescript(SCHEMA)
    old.execute("INSERT INTO sessions VALUES (1, 'Old chat', 1.0, 2.0)")
    shown = f"⚠ Call now.\n\nHi, rest the ankle.\n\n_{DISCLAIMER}_"
    old.executemany(
        "INSERT INTO messages (session_id, role, mode, content, created) VALUES (1, ?, ?, ?, 1.5)",
        [("user", None, "I twisted my ankle"), ("assistant", "rag", shown)],
    )
    old.commit()
    old.close()

    store = HistoryStore(path)
    assert not store.in_memory
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [m.content for m in store.messages(1)] == ["I twisted my ankle", shown]
    assert [e.answer for e in store.exchanges(1)] == ["Hi, rest the ankle."]  # old rows: stripped as before
    store.add_message(1, "user", "And now?")
    store.add_message(1, "assistant", f"⚠ Advice.\n\nKeep it raised.\n\n_{DISCLAIMER}_", model_text="Keep it raised.")
    assert [e.answer for e in store.exchanges(1)][-1] == "Keep it raised."
    store.close()
    HistoryStore(path).close()  # opening an upgraded file again changes nothing
    assert [s.title for s in HistoryStore(path).sessions()] == ["Old chat"]


def test_a_history_from_a_newer_bedside_is_kept_as_it_is(tmp_path):
    path = tmp_path / "history.db"
    HistoryStore(path).close()
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA user_version = 99")
    newer.commit()
    newer.close()
    before = path.read_bytes()
    store = HistoryStore(path)
    assert store.in_memory and "newer Bedside" in store.problem
    store.add_message(store.new_session(), "user", "still works")
    assert path.read_bytes() == before


TURN_SCRIPT = textwrap.dedent(
    """
    import sys
    from bedside.core.chat import Conversation, Text
    from bedside.core.config import load_settings
    from bedside.core.engine import Engine
    from bedside.core.history import HistoryStore
    from bedside.core.modes import Mode

    settings = load_settings()
    engine = Engine(settings)
    conversation = Conversation(engine, HistoryStore(settings.paths.history_db), Mode.BASE)
    conversation.warm_up()
    engine.screen("warm up the embedder triage uses")
    pending = conversation.start(sys.argv[1])
    print("asked", flush=True)
    conversation.run(pending, lambda e: print("text", flush=True) if isinstance(e, Text) else None, max_tokens=48)
    print("done", flush=True)
    """
)


def test_a_kill_9_at_any_moment_of_a_turn_keeps_the_file_sound_and_the_question(home, base_gguf, tmp_path):
    import signal
    import time

    from bedside.core.config import load_settings

    history = load_settings().paths.history_db
    script = tmp_path / "turn.py"
    script.write_text(TURN_SCRIPT)
    env = {**os.environ, "BEDSIDE_LLM_GGUF": str(base_gguf), "BEDSIDE_TEMPERATURE": "0"}
    mid_answer = 0
    for point in range(10):  # from the moment the question is saved to past the end of the answer
        question = f"Kill point {point}: my knee has been swollen for two days"
        child = subprocess.Popen(
            [sys.executable, str(script), question], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            assert child.stdout.readline().strip() == "asked", child.stderr.read()
            time.sleep(point * 0.15)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait()
        said = child.stdout.read().split()
        mid_answer += "text" in said and "done" not in said  # killed while the answer was being written
        db = sqlite3.connect(history)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", point
        questions = [row[0] for row in db.execute("SELECT content FROM messages WHERE role = 'user'")]
        db.close()
        assert question in questions, point
    store = HistoryStore(history)  # and Bedside opens it again, every chat there
    assert len(store.sessions()) == 10 and not store.in_memory
    assert mid_answer >= 3, mid_answer  # the kills landed inside answers, not only before or after them


def test_a_half_upgraded_file_opens_and_a_fresh_one_fails_over_without_an_error(tmp_path):
    from bedside.core.history import SCHEMA, SCHEMA_VERSION

    # A crash between a step and its version number (an older sqlite3 left them in two transactions).
    path = tmp_path / "half.db"
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.execute("ALTER TABLE messages ADD COLUMN model_text TEXT")
    db.execute("INSERT INTO sessions VALUES (1, 'Kept', 1.0, 1.0)")
    db.commit()
    db.close()
    store = HistoryStore(path)
    assert not store.in_memory and [s.title for s in store.sessions()] == ["Kept"]
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    store.close()

    # A brand-new history (no message yet) that breaks at the first question: nothing to copy.
    path = tmp_path / "fresh.db"
    store = HistoryStore(path)
    session = store.new_session()
    store.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * (size - 4096))
    store = HistoryStore(path)
    store.add_message(session, "user", "The first question")  # must not raise
    assert store.in_memory and [m.content for m in store.messages(session)] == ["The first question"]


def test_a_chat_deleted_while_it_answered_does_not_come_back_in_memory(tmp_path):
    store = HistoryStore(tmp_path / "history.db")
    session = store.new_session()
    store.add_message(session, "user", "A question")
    store._fail_over("simulated failure")
    store.delete(session)
    with pytest.raises(HistoryError):
        store.add_message(session, "assistant", "A late answer")
    assert [s.id for s in store.sessions()] == []
