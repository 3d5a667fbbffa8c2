"""`samplan serve`: a live preview of the plans as they are edited.

Build's own steps (samplan.build.build, samplan.check.check) run in this process into a
temporary folder; a file watcher (watchfiles) reports each change, and only the plans
whose files changed are built and checked again (with the next year's plan, whose page
shows the changes since them), reusing one template environment. Anything else (a plan
folder added or removed, the repository's templates, samplan.yaml) rebuilds everything.
Pages are served on 127.0.0.1 only; each gets the check's findings at its top and a
script that reloads it after a rebuild (samplan.render.preview). A plan that does not
load is served as its located errors, never as its stale pages.
"""

from __future__ import annotations

import mimetypes
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from samplan import diagnostics as d
from samplan.build import build
from samplan.check import check
from samplan.config import Config, ConfigError, load_config
from samplan.registry import registry
from samplan.render import preview
from samplan.render.environment import make_environment
from samplan.repository import PlanRef, discover
from samplan.rules import RULES, UNUSED_SUPPRESSION

Key = tuple[str, int]  # (district, year)
Say = Callable[[str], None]


class Preview:
    """The built plans in a temporary folder, their findings, and a version number that
    changes with every rebuild."""

    def __init__(self, root: Path, data: Path, templates: Path, config: Path, say: Say) -> None:
        self.root, self.data, self.templates, self.config_path = root, data, templates, config
        self.say = say
        self.tmp = Path(tempfile.mkdtemp(prefix="samplan-serve-"))
        self.out = self.tmp / "out-0"
        self.version = 0
        self.lock = threading.Lock()
        self.refs: list[PlanRef] = []
        self.findings: dict[Key | None, list[d.Diagnostic]] = {}
        self.failed: set[Key] = set()
        self.env = make_environment(templates)
        self.config = Config()
        self.built_from: list[tuple[str, int, int]] = []

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def rebuild_all(self) -> float:
        """Everything again, into a fresh folder (so removed plans disappear)."""
        started = time.perf_counter()
        self.built_from = self.inputs()
        self.env = make_environment(self.templates)
        self.config = self._config()
        self.refs = discover(self.data, self.root)[0]
        out = self.tmp / f"out-{self.version + 1}"
        keys = {(r.district, r.year) for r in self.refs}
        keys |= {k for k in self.findings if k is not None}
        old = self.out
        self._run(out, None, None, keys)
        shutil.rmtree(old, ignore_errors=True)
        return time.perf_counter() - started

    def inputs(self) -> list[tuple[str, int, int]]:
        """Every input file with its modification time and size."""
        files = [self.config_path]
        for folder in (self.data, self.templates):
            files += sorted(folder.rglob("*")) if folder.is_dir() else []
        found = []
        for path in files:
            try:
                info = path.stat()
            except OSError:
                continue
            found.append((str(path), info.st_mtime_ns, info.st_size))
        return found

    def rebuild_plan(self, key: Key) -> float:
        """One plan again, and the district's next plan (its page shows the changes)."""
        started = time.perf_counter()
        later = sorted(r.year for r in self.refs if r.district == key[0] and r.year > key[1])
        years = {key[1], *later[:1]}
        self._run(self.out, years, {key[0]}, {(key[0], y) for y in years})
        return time.perf_counter() - started

    def _run(
        self, out: Path, years: set[int] | None, districts: set[str] | None, keys: set[Key]
    ) -> None:
        built = build(self.root, self.data, out, years, districts, self.templates, env=self.env)
        checked = check(self.root, self.data, self.config, years, districts)
        found = dict.fromkeys([*checked.diagnostics, *built.diagnostics])
        with self.lock:
            for key in keys:
                self.findings.pop(key, None)
                self.failed.discard(key)
            if districts is None:
                self.findings.pop(None, None)
            for diag in found:
                at = (diag.district, diag.year) if diag.district and diag.year else None
                self.findings.setdefault(at, []).append(diag)
            self.failed |= {(r.district, r.year) for r in built.failed}
            self.out = out
            self.version += 1

    def _config(self) -> Config:
        from samplan.diagnostics import LOADER_CODES

        known = {*RULES, UNUSED_SUPPRESSION[0], *(c.code for c in LOADER_CODES)}
        try:
            return load_config(self.config_path, known)
        except ConfigError as err:
            self.say(f"samplan.yaml is not used: {err}")
            return Config()

    def changed(self, paths: Iterable[Path]) -> list[str]:
        """Rebuild what the changed files touch; one line per rebuild, with its time."""
        keys, everything = self._affected(paths)
        try:
            if everything or discover(self.data, self.root)[0] != self.refs:
                return [f"rebuilt every plan in {self.rebuild_all():.2f} s"]
            return [self._rebuilt(k, self.rebuild_plan(k)) for k in sorted(keys)]
        except OSError as err:  # a folder removed while it was read: the next change retries
            return [f"cannot rebuild now: {err.strerror or err} ({err.filename})"]
        except Exception as err:  # the preview outlives any one rebuild; the next save retries
            return [f"cannot rebuild now: {type(err).__name__}: {err}"]

    def _rebuilt(self, key: Key, seconds: float) -> str:
        state = "does not load" if key in self.failed else "built"
        found = len(self.findings.get(key, []))
        return f"{key[0]} {key[1]}: {state} in {seconds:.2f} s, {found} finding(s)"

    def _affected(self, paths: Iterable[Path]) -> tuple[set[Key], bool]:
        known = {(r.district, r.year): r for r in self.refs}
        data = self.data.resolve()
        keys: set[Key] = set()
        for path in paths:
            if path.is_relative_to(data):
                parts = path.relative_to(data).parts
                year = int(parts[1]) if len(parts) >= 3 and parts[1].isdigit() else 0
                if not parts or (parts[0], year) not in known:
                    return keys, True
                keys.add((parts[0], year))
            elif self._is_setting(path):
                return keys, True
        return keys, False

    def _is_setting(self, path: Path) -> bool:
        templates = self.templates.resolve()
        return path == self.config_path.resolve() or path.is_relative_to(templates)

    def respond(self, url: str) -> tuple[int, str, bytes]:
        """Status, content type and body for a GET of `url`."""
        path = unquote(urlsplit(url).path)
        if path == preview.VERSION_PATH:
            return 200, "text/plain", str(self.version).encode()
        parts = [p for p in path.split("/") if p]
        if not parts or path.endswith("/"):
            parts.append("index.html")
        with self.lock:
            version, out = self.version, self.out
            key = (parts[0], int(parts[1])) if len(parts) == 3 and parts[1].isdigit() else None
            found = list(self.findings.get(key, []))
            failed = key in self.failed
        if failed and key is not None:  # never the stale files of a plan that does not load
            if not parts[-1].endswith(".html"):
                return 404, "text/plain", b"the plan does not load\n"
            district = registry().district(key[0])
            title = f"{district.name if district else key[0]} {key[1]}"
            return 200, "text/html", preview.error_page(title, found, version).encode()
        file = out.joinpath(*parts).resolve()
        if ".." in parts or not file.is_relative_to(out.resolve()) or not file.is_file():
            return 404, "text/plain", b"not found\n"
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        try:
            if not file.name.endswith(".html"):
                return 200, kind, file.read_bytes()
            page = file.read_text("utf-8")
        except OSError:  # replaced by a rebuild while it was read
            return 404, "text/plain", b"not found\n"
        return (
            200,
            "text/html",
            preview.inject(page, preview.findings_banner(found), version).encode(),
        )


class _Handler(BaseHTTPRequestHandler):
    preview: Preview

    def do_GET(self) -> None:
        status, kind, body = self.preview.respond(self.path)
        self.send_response(status)
        charset = "; charset=utf-8" if kind.startswith("text/") else ""
        self.send_header("Content-Type", kind + charset)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal shows rebuilds and findings, not every request."""


def serve(pages: Preview, port: int, ready: Callable[[str], None]) -> None:
    """Serve `pages` on 127.0.0.1:`port` and rebuild on every change until Ctrl-C."""
    from watchfiles import watch

    handler = type("Handler", (_Handler,), {"preview": pages})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    places = {pages.root.resolve(), pages.data.resolve()}
    watched = [p for p in places if not any(p != q and p.is_relative_to(q) for q in places)]
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    watching = watch(*watched, step=50, debounce=400, rust_timeout=250, yield_on_timeout=True)
    try:
        for number, changes in enumerate(watching):
            if number == 0:  # the watcher runs now: catch up on edits made before it did
                if pages.inputs() != pages.built_from:
                    pages.say(f"rebuilt every plan in {pages.rebuild_all():.2f} s")
                ready(url)
            for line in pages.changed(Path(path) for _, path in changes) if changes else []:
                pages.say(line)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
