"""Chat history in SQLite (WAL) under the data home: sessions, messages, Markdown export.

Each message is committed as soon as it exists (the question when it is sent, the answer when it
ends or is cancelled), so a crash or kill loses at most the answer being generated. The store never
deletes or rewrites a file it cannot read: it says what is wrong and leaves the file alone.

When the file cannot be opened, or fails while in use (a damaged page, a full or read-only disk),
the store carries on in memory: the chat keeps every question and answer until the user quits, and
`problem` (also passed to `on_problem`) says why and what to do with the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import wraps
from pathlib import Path

from bedside.core.prompts import Exchange
from bedside.core.safety import DISCLAIMER

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    mode TEXT,
    content TEXT NOT NULL,
    sources TEXT NOT NULL DEFAULT '[]',
    stats TEXT NOT NULL DEFAULT '{}',
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_session ON messages(session_id, id);
"""
# Upgrade steps, one per schema version (`PRAGMA user_version`): step i takes a file from version i to
# i + 1, in one transaction with the version bump, so a file is at one version or the next, never between.
UPGRADES: tuple[str, ...] = (
    # 1: the model's own words of an answer, kept apart from what was shown (advice, notices and the
    # disclaimer around it), so follow-up prompts never carry them. Older answers fall back to
    # stripping them from the shown text.
    "ALTER TABLE messages ADD COLUMN model_text TEXT",
)
SCHEMA_VERSION = len(UPGRADES)
TITLE_CHARS = 60


class HistoryError(RuntimeError):
    """The history database cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class SessionInfo:
    id: int
    title: str
    created: float
    updated: float
    messages: int


@dataclass(frozen=True)
class StoredMessage:
    id: int
    role: str
    mode: str | None
    content: str
    sources: list[dict]
    stats: dict
    created: float
    model_text: str | None = None  # an answer's own words, without what Bedside added around them


def model_part(shown: str) -> str:
    """The model's own words in a stored answer: without the emergency advice, notices, failure
    lines and the disclaimer Bedside added. Fed back as the model's earlier turn, those would teach
    it to write disclaimers and emergency paragraphs itself."""
    kept = [
        paragraph
        for paragraph in shown.split("\n\n")
        if not paragraph.startswith(("⚠", "**Could not answer:**", "_(Stopped:"))
        and paragraph.strip() != f"_{DISCLAIMER}_"
    ]
    return "\n\n".join(kept).strip()


def _upgrade(db: sqlite3.Connection, path: Path | str) -> None:
    """Create the tables, or bring an older file up to SCHEMA_VERSION step by step."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise HistoryError(
            f"{path} was written by a newer Bedside (chat history version {version}, this one knows "
            f"{SCHEMA_VERSION}); it was left as it is: upgrade Bedside to use it"
        )
    fresh = db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages'").fetchone()[0] == 0
    if fresh:  # the tables of version 0; the steps below bring them to the current version
        db.executescript(SCHEMA)
        version = 0
    for number in range(version, SCHEMA_VERSION):
        # The step and its version number commit together (sqlite3 opens no transaction for ALTER or
        # PRAGMA by itself, so it is begun here): a crash leaves the file at one version or the next.
        db.execute("BEGIN IMMEDIATE")
        try:
            if not _already_applied(db, number):
                db.execute(UPGRADES[number])
            db.execute(f"PRAGMA user_version = {number + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _already_applied(db: sqlite3.Connection, number: int) -> bool:
    """A column a step adds that is already there (a file written by a copy of this version that
    crashed before its version number): the step is not run twice."""
    step = UPGRADES[number].split()
    if step[:2] != ["ALTER", "TABLE"] or "ADD" not in step:
        return False
    table, column = step[2], step[step.index("COLUMN") + 1]
    return any(row[1] == column for row in db.execute(f"PRAGMA table_info({table})"))


# The columns copied from a failing file: those of version 0, then any a later step added.
_COPIED = {
    "sessions": ("id", "title", "created", "updated"),
    "messages": ("id", "session_id", "role", "mode", "content", "sources", "stats", "created", "model_text"),
}


def _copy_readable(source: sqlite3.Connection, memory: sqlite3.Connection) -> None:
    """Whatever of each table can still be read, into the in-memory store (never a failure itself)."""
    memory.execute("PRAGMA foreign_keys=OFF")  # messages whose session is on a damaged page are kept too
    for table, wanted in _COPIED.items():
        try:
            present = {row[1] for row in source.execute(f"PRAGMA table_info({table})")}
            columns = ", ".join(c for c in wanted if c in present)
            rows = source.execute(f"SELECT {columns} FROM {table}").fetchall()  # noqa: S608 - fixed names
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                with memory:
                    memory.executemany(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608
        except sqlite3.Error:
            continue  # the damaged part: later chats still work, this part is still in the file
    memory.execute("PRAGMA foreign_keys=ON")


# Failures of the file itself, not of Bedside's SQL: these move the store to memory.
def _file_failure(error: sqlite3.DatabaseError) -> bool:
    return not isinstance(error, sqlite3.IntegrityError | sqlite3.ProgrammingError)


def _survives_file_failure(method):
    """Run a store method; if the file fails under it, move to memory and run it there."""

    @wraps(method)
    def guarded(self: HistoryStore, *args, **kwargs):
        # One connection serves the UI thread and the answer's worker: one call at a time, so two
        # transactions never interleave on it.
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except sqlite3.DatabaseError as error:
                if self.in_memory or not _file_failure(error):
                    raise
                self._fail_over(f"{self.path} stopped working ({error})")
                return method(self, *args, **kwargs)

    return guarded


class HistoryStore:
    def __init__(self, path: Path, on_problem: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.problem = ""  # why chats are only kept in memory, once the file has failed
        self.on_problem = on_problem
        self.in_memory = False
        self._lock = threading.RLock()
        self._deleted: set[int] = set()  # chats deleted in this run: never brought back in memory
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open_file()
        except HistoryError as error:
            # A file that opens but cannot be upgraded (read-only, a full disk) still shows its chats.
            self._fail_over(str(error), copy=True)

    def _open_file(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Chats are private: the file is created owner-only (SQLite gives its -wal/-shm files the same
        # mode), and an existing one made readable by others is tightened.
        if not self.path.exists():
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        for file in (
            self.path,
            self.path.with_name(self.path.name + "-wal"),
            self.path.with_name(self.path.name + "-shm"),
        ):
            try:
                if file.exists() and file.stat().st_mode & 0o077:
                    file.chmod(0o600)
            except OSError:
                pass  # not ours to change (another user's file): reading it still works
        try:
            db = sqlite3.connect(self.path, check_same_thread=False)
            self._db = db  # kept for reading, should what follows fail
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            _upgrade(db, self.path)
        except sqlite3.DatabaseError as err:
            raise HistoryError(f"{self.path} is not a readable chat history ({err})") from err
        return db

    def _fail_over(self, why: str, copy: bool = True) -> None:
        """Carry on in memory, with whatever of the file can still be read; never write the file."""
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        memory.execute("PRAGMA foreign_keys=ON")
        _upgrade(memory, ":memory:")
        if copy and self._db is not None:
            _copy_readable(self._db, memory)
            with suppress(sqlite3.Error):
                self._db.close()
        self._db = memory
        self.in_memory = True
        self.problem = (
            f"{why}. It was left untouched: chats are kept in memory until you quit (export one to save it); "
            "move the file aside to start a new history, or restore it from a backup."
        )
        if self.on_problem:
            self.on_problem(self.problem)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._db:  # one transaction, committed on exit
            yield self._db

    @_survives_file_failure
    def new_session(self, title: str = "New chat") -> int:
        now = time.time()
        with self._write() as db:
            return db.execute(
                "INSERT INTO sessions (title, created, updated) VALUES (?, ?, ?)", (title, now, now)
            ).lastrowid

    @_survives_file_failure
    def add_message(
        self,
        session_id: int,
        role: str,
        content: str,
        *,
        mode: str | None = None,
        sources: list[dict] | None = None,
        stats: dict | None = None,
        model_text: str | None = None,
    ) -> int:
        """`content` is what the user was shown; `model_text` (answers only) is what the model itself
        wrote, fed back to it in follow-up questions."""
        now = time.time()
        with self._write() as db:
            if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
                if not self.in_memory or session_id in self._deleted:
                    raise HistoryError(f"no chat session {session_id}")
                # The chat on screen began in the file, which could not be read back: go on with it.
                db.execute("INSERT INTO sessions VALUES (?, 'Chat (not saved)', ?, ?)", (session_id, now, now))
            message_id = db.execute(
                "INSERT INTO messages (session_id, role, mode, content, sources, stats, created, model_text) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (session_id, role, mode, content, json.dumps(sources or []), json.dumps(stats or {}), now, model_text),
            ).lastrowid
            # A new chat is named after its first question.
            first = db.execute("SELECT COUNT(*) FROM messages WHERE session_id = ?", (session_id,)).fetchone()[0] == 1
            if first and role == "user":
                title = content if len(content) <= TITLE_CHARS else content[: TITLE_CHARS - 1].rstrip() + "…"
                db.execute("UPDATE sessions SET title = ? WHERE id = ? AND title = 'New chat'", (title, session_id))
            db.execute("UPDATE sessions SET updated = ? WHERE id = ?", (now, session_id))
            return message_id

    @_survives_file_failure
    def rename(self, session_id: int, title: str) -> None:
        title = " ".join(title.split())
        if not title:
            raise HistoryError("a chat needs a title with at least one character")
        with self._write() as db:
            db.execute("UPDATE sessions SET title = ? WHERE id = ?", (title, session_id))

    @_survives_file_failure
    def delete(self, session_id: int) -> None:
        self._deleted.add(session_id)
        with self._write() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    @_survives_file_failure
    def sessions(self) -> list[SessionInfo]:
        rows = self._db.execute(
            "SELECT s.id, s.title, s.created, s.updated, COUNT(m.id) FROM sessions s "
            "LEFT JOIN messages m ON m.session_id = s.id GROUP BY s.id ORDER BY s.updated DESC, s.id DESC"
        ).fetchall()
        return [SessionInfo(*row) for row in rows]

    @_survives_file_failure
    def messages(self, session_id: int) -> list[StoredMessage]:
        rows = self._db.execute(
            "SELECT id, role, mode, content, sources, stats, created, model_text FROM messages "
            "WHERE session_id = ? ORDER BY id",
            (session_id,),
        ).fetchall()
        return [
            StoredMessage(i, role, mode, content, json.loads(src), json.loads(st), created, own)
            for i, role, mode, content, src, st, created, own in rows
        ]

    def exchanges(self, session_id: int) -> list[Exchange]:
        """Question/answer pairs for the engine's follow-up context (unanswered questions skipped)."""
        pairs, question = [], None
        for message in self.messages(session_id):
            if message.role == "user":
                question = message.content
            elif question is not None:
                answer = message.model_text if message.model_text is not None else model_part(message.content)
                answer = answer.strip()
                if answer:  # a turn that failed has no answer of the model's to show it
                    pairs.append(Exchange(question, answer))
                question = None
        return pairs

    def export_markdown(self, session_id: int) -> str:
        info = next((s for s in self.sessions() if s.id == session_id), None)
        if info is None:
            raise HistoryError(f"no chat session {session_id}")
        lines = [
            f"# {info.title}",
            "",
            f"_Exported from Bedside, {time.strftime('%Y-%m-%d %H:%M', time.localtime())}._",
        ]
        for message in self.messages(session_id):
            if message.role == "user":
                lines += ["", "## You", "", message.content]
                continue
            lines += ["", f"## Bedside ({message.mode or 'answer'})", "", message.content]
            if message.sources:
                lines += ["", "Sources:"]
                for source in message.sources:
                    cited = " (cited)" if source.get("cited") else ""
                    lines.append(f"- [{source.get('number')}] {source.get('title') or '(untitled)'}{cited}")
        return "\n".join(lines) + "\n"

    def close(self) -> None:
        with self._lock:
            self._db.close()
