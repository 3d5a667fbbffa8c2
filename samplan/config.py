"""Repository settings: read `samplan.yaml` (optional) into a Config.

The shape is samplan.settings' model, validated like a plan: every problem becomes a
located diagnostic (file:line:col, what is wrong, what to do), never a traceback. Here
is judged what the model cannot know: that a rule code exists, and that the logo is
an SVG or PNG file inside the repository.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samplan import diagnostics as d
from samplan.locale import Language, t

# The settings model, the YAML reader, the loader and pydantic are imported only when a
# samplan.yaml is there to read: a repository without one checks from the cache without
# any of them.
if TYPE_CHECKING:
    from samplan.settings import Settings, SiteSettings
    from samplan.validation_errors import DataPath
    from samplan.yamlsource import Mark

MAX_SETTINGS_BYTES = 256 * 1024
MAX_LOGO_BYTES = 2 * 1024 * 1024


class ConfigError(Exception):
    """samplan.yaml is unreadable or says something samplan does not understand."""

    def __init__(self, diagnostics: list[d.Diagnostic]) -> None:
        super().__init__("; ".join(x.message for x in diagnostics))
        self.diagnostics = diagnostics


@dataclass(frozen=True)
class Config:
    severity: dict[str, str] = field(default_factory=dict)
    words: tuple[str, ...] = ()  # the repository's own words, for the spelling rules
    site: SiteSettings | None = None  # None: samplan.yaml states no site settings
    lang: Language | None = None
    logo: Path | None = None  # the logo file, resolved

    def severity_of(self, code: str, default: str) -> str:
        return self.severity.get(code, default)


class _Reading:
    """One reading of samplan.yaml, collecting located diagnostics."""

    def __init__(self, path: Path, root: Path) -> None:
        self.path, self.root = path, root
        self.rel = d.repository_name(path, root)
        from samplan.loader import PlanSource

        self.source = PlanSource()
        self.diags: list[d.Diagnostic] = []

    def report(
        self, code: d.Code, message: str, mark: Mark | None, hint: str | None = None
    ) -> None:
        self.diags.append(
            d.Diagnostic(
                code.code,
                code.name,
                "error",
                message,
                file=self.rel,
                line=mark.line if mark else None,
                column=mark.column if mark else None,
                help=hint,
                snippet=self.source.snippet(self.rel, mark),
                width=mark.width if mark else 1,
            )
        )

    def at(self, code: d.Code, message: str, path: DataPath, hint: str | None = None) -> None:
        _, mark = self.source.locate(path, at_key=False)
        self.report(code, message, mark, hint)

    def data(self) -> Any:
        """The settings as YAML data, or None after reporting why they cannot be read."""
        from samplan.yamlsource import Mark

        try:
            with self.path.open("rb") as handle:
                raw = handle.read(MAX_SETTINGS_BYTES + 1)  # never read a huge file whole
            text = raw.decode("utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError) as err:
            reason = getattr(err, "strerror", None) or t("config.not-utf8")
            self.report(d.UNREADABLE_FILE, t("config.unreadable", reason=reason), Mark(1, 1))
            return None
        if len(raw) > MAX_SETTINGS_BYTES:
            self.report(d.LIMIT_EXCEEDED, t("config.too-large"), Mark(1, 1))
            return None
        self.source.lines[self.rel] = text.splitlines() or [""]
        from samplan.loader import PROBLEM_CODES
        from samplan.yamlsource import read_yaml

        doc = read_yaml(text)
        for problem in doc.problems:
            code = PROBLEM_CODES.get(problem.kind, d.LIMIT_EXCEEDED)
            if problem.kind != "comment-in-text":
                self.report(code, problem.message, problem.mark, problem.help)
        if self.diags:
            return None
        data = doc.data if doc.data is not None else {}
        if isinstance(data, dict):
            self.source.owner = {str(k): self.rel for k in data}
        self.source.keys, self.source.values = doc.keys, doc.values
        return data

    def settings(self, data: Any) -> Settings | None:
        from pydantic import ValidationError

        from samplan.settings import Settings
        from samplan.validation_errors import problems

        try:
            return Settings.model_validate(data)
        except ValidationError as err:
            errors = err.errors(include_url=False)
            for p in problems(errors, data, Settings):  # type: ignore[arg-type]
                _, mark = self.source.locate(p.path, p.at_key)
                self.report(p.code, p.message, mark, p.help)
            return None

    def severities(self, settings: Settings, known: set[str]) -> dict[str, str]:
        severity: dict[str, str] = dict(settings.severity or {})
        listed = ("ignore", 0) in self.source.values  # not a single code standing alone
        for index, code in enumerate(settings.ignore or []):
            where: DataPath = ("ignore", index) if listed else ("ignore",)
            if code not in known:
                self.at(
                    d.INVALID_VALUE, t("config.unknown-code", code=code), where, _hint(code, known)
                )
            severity[code] = "off"
        for code in settings.severity or {}:
            if code not in known:
                self.report(
                    d.INVALID_VALUE,
                    t("config.unknown-code", code=code),
                    self.source.keys.get(("severity", code)),
                    _hint(code, known),
                )
        return severity

    def logo(self, site: SiteSettings) -> Path | None:
        if site.logo is None:
            return None
        where: DataPath = ("site", "logo")
        path = (self.path.parent / site.logo).resolve()
        if not path.is_relative_to(self.path.parent.resolve()):
            self.at(d.INVALID_VALUE, t("config.logo-outside"), where, t("config.logo.help"))
            return None
        from samplan.settings import LOGO_SUFFIXES

        if path.suffix.lower() not in LOGO_SUFFIXES:
            self.at(d.INVALID_VALUE, t("config.logo-kind"), where, t("config.logo.help"))
            return None
        if not path.is_file() or path.stat().st_size > MAX_LOGO_BYTES:
            self.at(d.INVALID_VALUE, t("config.logo-missing"), where, t("config.logo.help"))
            return None
        return path


def _hint(code: str, known: set[str]) -> str:
    """'did you mean 'SP108'?' for a code in the wrong case, else where the codes are."""
    if code.strip().upper() in known:
        return t("did-you-mean", word=code.strip().upper())
    return t("config.unknown-code.help")


def load_config(path: Path, known_codes: set[str], root: Path | None = None) -> Config:
    """Read samplan.yaml; a missing file is the default configuration.

    Raises ConfigError with every located problem of the file.
    """
    if not path.is_file():
        return Config()
    reading = _Reading(path, root or Path.cwd())
    data = reading.data()
    settings = reading.settings(data) if data is not None else None
    if settings is None:
        raise ConfigError(reading.diags)
    severity = reading.severities(settings, known_codes)
    site = settings.site
    logo = reading.logo(site) if site is not None else None
    if reading.diags:
        raise ConfigError(reading.diags)
    return Config(severity, tuple(settings.words or ()), site, settings.lang, logo)
