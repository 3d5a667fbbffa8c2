"""Render a repository's templates under limits that no template can dodge.

The sandbox (samplan.render.sandbox) refuses what it sees; a template can still loop
without calling anything, or let a filter build a gigabyte before it is checked. So the
rendering of a repository's own templates runs in a worker process, forked from the
build (it inherits the loaded plan, nothing is sent to it), with

- an OS memory limit (RLIMIT_AS): `MAX_MEMORY` beyond what the build already holds, so
  a template that asks for more gets a MemoryError where it asked, with its line;
- a timer (`MAX_SECONDS`) that raises inside the running template, so that a loop that
  calls nothing is stopped on its line; and a wall clock in the build that kills the
  worker `GRACE_SECONDS` later if it does not answer (a C call that does not return).

Whatever happens in the worker comes back as the files it rendered or as one
diagnostic (SP016); a worker that dies or is killed is an SP016 too. Built-in templates
need no limits and render in the build's own process.
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import selectors
import signal
import time
from collections.abc import Callable, Mapping
from typing import Any

from jinja2.exceptions import SecurityError

from samplan import diagnostics as d
from samplan.render.sandbox import MAX_SECONDS

MAX_MEMORY = 512 * 1024 * 1024  # bytes a worker may add to what the build holds
GRACE_SECONDS = 5.0  # how long past its timer a worker may take to answer
PDF_SECONDS = 120.0  # the PDF's own time, after the templates' (allow())
_timer = {"running": False, "what": "the templates", "seconds": MAX_SECONDS}

Files = dict[str, str | bytes]
Outcome = Files | d.Diagnostic


class TemplateTimeout(SecurityError):
    """The worker's timer: raised in whatever template line is running."""


def run_limited(
    job: Callable[[], Mapping[str, str | bytes]],
    failed: Callable[[BaseException], d.Diagnostic],
    died: Callable[[str], d.Diagnostic],
    seconds: float = MAX_SECONDS,
    extra: float = 0.0,
) -> Outcome:
    """`job()` in a forked worker under the limits; `failed(err)` makes the diagnostic of
    an exception (in the worker, where its traceback is), `died(why)` that of a worker
    that never answered. `extra` is time the job may `allow()` itself after `seconds`."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        os.close(read)
        _work(write, job, failed, seconds)
    os.close(write)
    try:
        payload, killed = _collect(read, seconds + extra + GRACE_SECONDS, pid)
    finally:
        os.close(read)
    _, status = os.waitpid(pid, 0)
    if killed:
        return died(f"the templates took longer than {seconds + extra:.0f} seconds")
    try:
        return _decode(payload)
    except (ValueError, KeyError, TypeError):
        if os.WIFSIGNALED(status):
            why = f"was killed by signal {os.WTERMSIG(status)} (out of memory?)"
        else:
            why = f"stopped without an answer (exit status {os.WEXITSTATUS(status)})"
        return died(f"the worker rendering the templates {why}")


def _work(
    fd: int,
    job: Callable[[], Mapping[str, str | bytes]],
    failed: Callable[[BaseException], d.Diagnostic],
    seconds: float,
) -> None:
    """The worker's whole life: limits, the job, its answer, exit without cleanup."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _limit_memory(MAX_MEMORY)
        signal.signal(signal.SIGALRM, _expire)
        _timer.update(running=True, what="the templates", seconds=seconds)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            payload = _encode_files(job())
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except BaseException as err:  # a repository's templates are untrusted code
        try:
            payload = _encode_diagnostic(failed(err))
        except BaseException:
            payload = b""
    try:
        _write_all(fd, payload)
    finally:
        os._exit(0)


def _expire(signum: int, frame: object) -> None:
    raise TemplateTimeout(f"{_timer['what']} ran for more than {_timer['seconds']:.0f} seconds")


def allow(seconds: float, what: str) -> None:
    """In a worker, restart its timer: `what` (the PDF) may take `seconds` of its own;
    in the build's own process, nothing."""
    if _timer["running"]:
        _timer.update(what=what, seconds=seconds)
        signal.setitimer(signal.ITIMER_REAL, seconds)


def _limit_memory(extra: int) -> None:
    """Allow the address space the process has now, plus `extra` bytes."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = _address_space() + extra
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    if soft == resource.RLIM_INFINITY or wanted < soft:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


def _address_space() -> int:
    """The process's virtual memory size in bytes (Linux), or 0 where unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


def _collect(fd: int, seconds: float, pid: int) -> tuple[bytes, bool]:
    """Everything the worker writes until it closes its end; killed if it takes too long."""
    chunks: list[bytes] = []
    deadline = time.monotonic() + seconds
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                os.kill(pid, signal.SIGKILL)
                return b"", True
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks), False
            chunks.append(chunk)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _encode_files(files: Mapping[str, str | bytes]) -> bytes:
    header: list[list[Any]] = []
    blobs: list[bytes] = []
    for name, content in files.items():
        blob = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        header.append([name, isinstance(content, str), len(blob)])
        blobs.append(blob)
    return b"F" + json.dumps(header).encode() + b"\n" + b"".join(blobs)


def _encode_diagnostic(diag: d.Diagnostic) -> bytes:
    return b"D" + json.dumps(dataclasses.asdict(diag)).encode()


def _decode(payload: bytes) -> Outcome:
    kind, body = payload[:1], payload[1:]
    if kind == b"D":
        return d.Diagnostic(**json.loads(body))
    if kind != b"F":
        raise ValueError("no answer")
    head, _, rest = body.partition(b"\n")
    files: Files = {}
    offset = 0
    for name, is_text, size in json.loads(head):
        blob = rest[offset : offset + size]
        offset += size
        files[str(name)] = blob.decode("utf-8", "surrogatepass") if is_text else blob
    if offset != len(rest):
        raise ValueError("a truncated answer")
    return files
