"""`samplan serve` as a user runs it: a process of its own on a free port of 127.0.0.1,
for tests/test_serve.py and the browser tests."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

START = "from samplan.cli import main; main()"


class Server:
    """A running `samplan serve`: its base URL and everything it printed so far."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.printed: list[str] = []
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        line = self.read_line(30)
        while not line.startswith("serving "):
            line = self.read_line(30)
        self.url = line.split()[1]

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def read_line(self, timeout: float) -> str:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"samplan serve printed nothing more: {self.printed}") from None
        self.printed.append(line)
        return line

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=5) as answer:
                return answer.status, answer.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8")

    def stop(self) -> tuple[int, str]:
        """Ctrl-C: the exit code and the rest of what it printed."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=20)
        time.sleep(0.1)
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return code, "\n".join(rest)


@contextmanager
def serving(repo: Path, *args: str) -> Iterator[Server]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-c", START, "serve", "--port", "0", *args]
    process = subprocess.Popen(
        command, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        yield Server(process)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=20)


def wait_for(check: Callable[[], bool], timeout: float = 15) -> float:
    """Seconds until `check()` holds; fails after `timeout`."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not within {timeout} s")
        time.sleep(0.05)
    return time.monotonic() - started
