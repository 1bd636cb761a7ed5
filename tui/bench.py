"""`just bench-tui`: start-up time to a usable prompt in a real terminal (tmux), and decode tokens/s
inside the chat UI against headless `Engine.ask` on the same engine, same question, greedy, median of 5
(run it on an idle machine)."""

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


async def tui_decode(engine: Engine, settings, runs: int) -> list[float]:
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
    inside = asyncio.run(tui_decode(engine, settings, runs))
    print(f"decode tok/s headless: {[round(r, 1) for r in headless]}  median {statistics.median(headless):.1f}")
    print(f"decode tok/s in TUI:   {[round(r, 1) for r in inside]}  median {statistics.median(inside):.1f}")
    print(f"TUI / headless: {statistics.median(inside) / statistics.median(headless):.3f}  (target >= 0.95)")
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
