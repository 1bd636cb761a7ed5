"""`just bench-tui`: start-up time to a usable prompt in a real terminal (tmux), and decode tokens/s
inside the chat UI against headless `Engine.ask`, same question and settings, greedy, median of 5 (run
it on an idle machine). The UI is measured both ways: generating in a child process (the chat's
default, EngineProcess) and in a thread of the UI's own process (the engine passed in)."""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bedside.core.config import load_settings
from bedside.core.engine import Engine
from bedside.core.engine_process import EngineProcess
from bedside.core.first_run import run_setup, setup_needed
from bedside.core.modes import Mode

QUESTION = "I have had a dull headache every evening after work for two weeks. What can I do?"


def startup_seconds(env: dict, runs: int = 3) -> list[tuple[float, float]]:
    """(prompt drawn, engine loaded) seconds from launching `bedside chat`, per run."""
    out = []
    for i in range(runs):
        session = f"bedside-bench-{os.getpid()}-{i}"
        started = time.perf_counter()
        # The settings go on the command line: a tmux server already running would start the command
        # with its own (stale) environment.
        assignments = " ".join(f"{shlex.quote(k)}={shlex.quote(v)}" for k, v in env.items() if k.isidentifier())
        command = f"env -i {assignments} {sys.executable} -m bedside chat"
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "150", "-y", "45", command], check=True)
        drawn = loaded = None
        while loaded is None and time.perf_counter() - started < 60:
            pane = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            now = time.perf_counter() - started
            if drawn is None and "Mode: RAG" in pane:
                drawn = now
            if "CPU only" in pane or "GPU" in pane:
                loaded = now
            time.sleep(0.02)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        out.append((drawn or float("nan"), loaded or float("nan")))
    return out


async def tui_decode(engine: Engine | EngineProcess, settings, runs: int) -> list[float]:
    from bedside.tui.app import BedsideApp

    rates = []
    app = BedsideApp(settings, engine=engine, check_setup=False)
    async with app.run_test(size=(150, 45)) as pilot:
        for _ in range(runs):
            before = app.chat.last_answer
            app.chat.query_one("#prompt").text = QUESTION
            await pilot.press("enter")
            while app.chat.last_answer is before or app.chat.generating:
                await asyncio.sleep(0.05)  # not pilot.pause: that forces a full refresh each time
            rates.append(app.chat.last_answer.stats.tokens_per_s)
            await app.chat.action_new_chat()  # same prompt every run: no history
    return rates


def child_answer(child: EngineProcess, question: str, mode: Mode):
    from bedside.core.engine import run_turn

    return run_turn(child.stream(question, mode)).answer


def main() -> None:
    home = tempfile.mkdtemp(prefix="bedside-bench-tui-")
    env = {**os.environ, "BEDSIDE_HOME": home, "BEDSIDE_CONFIG": os.path.join(home, "config.toml")}
    os.environ.update(env)
    os.environ["BEDSIDE_MAX_TOKENS"] = env["BEDSIDE_MAX_TOKENS"] = "200"
    os.environ["BEDSIDE_TEMPERATURE"] = env["BEDSIDE_TEMPERATURE"] = "0"
    settings = load_settings()
    run_setup(settings, setup_needed(settings), lambda _: None, lambda *_: None)
    engine = Engine(settings)
    engine.ask(QUESTION, Mode.RAG)  # warm-up
    runs = 5
    headless = [engine.ask(QUESTION, Mode.RAG).stats.tokens_per_s for _ in range(runs)]
    child = EngineProcess(settings)
    child.warm_up()
    child_answer(child, QUESTION, Mode.RAG)  # warm-up, as headless had
    in_child = asyncio.run(tui_decode(child, settings, runs))
    child.close()
    in_thread = asyncio.run(tui_decode(engine, settings, runs))
    base = statistics.median(headless)
    print(f"decode tok/s headless:            {[round(r, 1) for r in headless]}  median {base:.1f}")
    for label, rates in (("in the UI, child process", in_child), ("in the UI, thread (before)", in_thread)):
        median = statistics.median(rates)
        print(f"decode tok/s {label}: {[round(r, 1) for r in rates]}  median {median:.1f} = {median / base:.3f}x")
    print("target: the chat's default (child process) >= 0.95x headless")
    if shutil.which("tmux"):
        times = startup_seconds(env)
        drawn = statistics.median(t[0] for t in times)
        loaded = statistics.median(t[1] for t in times)
        print(
            f"start-up to prompt drawn: {drawn:.2f} s, to model loaded: {loaded:.2f} s  (target <= 2 s; runs {times})"
        )
    else:
        print("start-up: tmux not installed, not measured")


if __name__ == "__main__":
    main()
