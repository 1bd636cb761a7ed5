"""Bedside's Textual app: holds the conversation (core.chat), which owns the mode, the session and
the turns; the screens only render what it sends them.

Mode keys are app-wide bindings with ids (remappable from config [keys]) and also commands in the
palette (Ctrl+P). The engine loads in a worker after the first frame, so the prompt is usable at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding

from bedside.core.chat import Conversation
from bedside.core.config import Settings, resolve_llm_gguf
from bedside.core.engine import Engine, ModeUnavailable, Turn
from bedside.core.engine_process import EngineProcess
from bedside.core.history import HistoryStore
from bedside.core.modes import ORDER, Mode
from bedside.core.privacy import write_private
from bedside.tui.events import EngineFailed, EngineReady, ModeChanged

MODE_KEYS = {Mode.RAG: "f2", Mode.FT: "f3", Mode.HYBRID: "f4", Mode.BASE: "f5"}


class BedsideApp(App):
    TITLE = "Bedside"
    CSS_PATH = "bedside.tcss"
    # priority: the question box (a TextArea) binds F5-F7 itself; these keys must win everywhere.
    BINDINGS = [
        *(
            Binding(key, f"set_mode('{mode.value}')", mode.label, id=f"mode.{mode.value}", priority=True)
            for mode, key in MODE_KEYS.items()
        ),
        Binding("ctrl+t", "cycle_mode", "Next mode", id="mode.cycle", priority=True),
        Binding("f6", "compare", "Compare", id="app.compare", priority=True),
        Binding("f7", "sessions", "Chats", id="app.sessions", priority=True),
    ]

    def __init__(
        self,
        settings: Settings,
        engine: Engine | EngineProcess | None = None,
        check_setup: bool = True,
        start_mode: Mode = Mode.RAG,
    ) -> None:
        super().__init__()
        self.settings = settings
        # The model generates in a child process: decode never waits for the screen (just bench-tui).
        self.engine = engine or EngineProcess(settings)
        # A damaged history file never stops the chat: the store goes on in memory and says why.
        self.history = HistoryStore(settings.paths.history_db, on_problem=self.history_problem)
        self.conversation = Conversation(self.engine, self.history)
        self.start_mode = start_mode
        self.model_name = resolve_llm_gguf(settings).name
        self.offload = "loading model…"
        self.check_setup = check_setup
        self.setting_up = False  # first-run set-up in progress: questions wait for it
        self.chat = None  # the ChatScreen, once mounted
        self.last_refusal = ""

    def on_mount(self) -> None:
        from bedside.tui.chat_screen import ChatScreen

        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        if self.history.problem:  # found while opening, before the app could show it
            self.history_problem(self.history.problem)
        self.chat = ChatScreen()
        self.push_screen(self.chat)
        if self.check_setup:
            from bedside.core.first_run import setup_needed
            from bedside.tui.setup_screen import SetupScreen

            needed = setup_needed(self.settings)
            if needed:
                self.push_screen(SetupScreen(needed), callback=lambda run: self._after_choice(needed, run))
                return
        self.warm_up()

    def _after_choice(self, needed: list[str], run: bool | None) -> None:
        """Set-up runs behind the chat, not in front of it: questions typed meanwhile wait for it."""
        if not run:
            self.warm_up()
            return
        self.setting_up = True
        self.offload = "setting up…"
        self.chat.refresh_status()
        self.run_worker(lambda: self._set_up(needed), thread=True, group="setup")

    def _set_up(self, needed: list[str]) -> None:
        from bedside.core import first_run

        def say(text: str) -> None:
            self.offload = f"setting up: {text}"
            self.call_from_thread(self.chat.refresh_status)

        def progress(done: int, total: int) -> None:
            say(f"indexing the sample corpus {done}/{total}")

        try:
            first_run.run_setup(self.settings, needed, say, progress)
        except Exception as error:  # noqa: BLE001 - say what failed; triage still works without it
            self.call_from_thread(self.notify, f"Set-up failed: {error}", severity="error", timeout=20, markup=False)
        self.setting_up = False
        self._load_engine()

    def warm_up(self) -> None:
        self.run_worker(self._load_engine, thread=True, group="engine")

    @property
    def mode(self) -> Mode:
        return self.conversation.mode

    @property
    def session_id(self) -> int | None:
        return self.conversation.session_id

    def _load_engine(self) -> None:
        try:
            self.offload = self.conversation.warm_up()
        except Exception as error:  # noqa: BLE001 - the chat stays up: triage needs no model
            self.offload = "model not loaded"
            self.chat.post_message(EngineFailed(Turn(error=error).error_text))
            return
        self.chat.post_message(EngineReady(self.offload))
        if self.start_mode != self.mode:
            self._prepare(self.start_mode)

    # -- modes -----------------------------------------------------------------------------------
    def action_set_mode(self, value: str) -> None:
        # The check and the adapter swap may wait for an answer in progress: a worker does them, and
        # the mode itself changes on this (the UI) thread once they are done.
        self.run_worker(lambda: self._prepare(Mode(value)), thread=True, group="mode")

    def action_cycle_mode(self) -> None:
        self.action_set_mode(ORDER[(ORDER.index(self.mode) + 1) % len(ORDER)].value)

    def _prepare(self, mode: Mode) -> None:
        try:
            self.conversation.prepare_mode(mode)
        except Exception as error:  # noqa: BLE001 - no adapter, no index, no model: say why, keep the mode
            reason = str(error) if isinstance(error, ModeUnavailable) else Turn(error=error).error_text
            self.call_from_thread(self.refuse_mode, mode, reason)
            return
        self.call_from_thread(self._mode_ready, mode)

    def _mode_ready(self, mode: Mode) -> None:
        self.conversation.mode = mode
        self.chat.post_message(ModeChanged(mode))

    def refuse_mode(self, mode: Mode, reason: str) -> None:
        self.last_refusal = reason
        self.notify(reason, title=f"{mode.label} is not available", severity="error", timeout=12, markup=False)

    # -- history ---------------------------------------------------------------------------------
    def history_problem(self, problem: str) -> None:
        if self.is_running:
            self.notify(problem, title="Chat history not saved", severity="error", timeout=30, markup=False)

    def export_session(self, session_id: int) -> Path:
        text = self.history.export_markdown(session_id)
        title = next((s.title for s in self.history.sessions() if s.id == session_id), "chat")
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "chat"
        folder = self.settings.paths.home / "exports"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / f"chat-{session_id}-{slug}.md"
        write_private(path, text)
        return path

    # -- screens ---------------------------------------------------------------------------------
    def action_compare(self) -> None:
        from bedside.tui.compare_screen import CompareScreen

        question = self.chat.last_question or self.chat.query_one("#prompt").text
        self.push_screen(CompareScreen(question.strip()))

    def action_sessions(self) -> None:
        from bedside.tui.sessions_screen import SessionsScreen

        self.push_screen(SessionsScreen())

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for mode in ORDER:
            yield SystemCommand(
                f"Mode: {mode.label}", f"Answer in {mode.label} mode", lambda m=mode: self.action_set_mode(m.value)
            )
        yield SystemCommand("Next mode", "Cycle RAG → FT → Hybrid → Base", self.action_cycle_mode)
        yield SystemCommand("Compare modes", "The last question answered in every mode", self.action_compare)
        yield SystemCommand("Chats", "Open, rename, delete or export saved chats", self.action_sessions)
        chat = self.chat
        if screen is chat:
            yield SystemCommand("Export chat", "Write this chat as Markdown", chat.action_export)
            yield SystemCommand("New chat", "Start a new conversation", chat.action_new_chat)
            yield SystemCommand("Toggle sources", "Show or hide retrieved answers", chat.action_toggle_sources)

    def on_unmount(self) -> None:
        self.history.close()
        if isinstance(self.engine, EngineProcess):
            self.engine.close()
