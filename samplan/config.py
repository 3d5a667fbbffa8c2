"""Repository settings: `samplan.yaml` at the repository root (optional).

```yaml
severity:          # a rule's severity: error, warning, note, or off
  SP111: note
ignore: [SP116]    # the same as severity off
words: [TrykFonden, bandepakkerne]   # the repository's own words, for the spelling rules
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from samplan.yamlsource import read_yaml

SEVERITIES = ("error", "warning", "note", "off")


class ConfigError(Exception):
    """samplan.yaml is unreadable or says something samplan does not understand."""


@dataclass(frozen=True)
class Config:
    severity: dict[str, str] = field(default_factory=dict)
    words: tuple[str, ...] = ()

    def severity_of(self, code: str, default: str) -> str:
        return self.severity.get(code, default)


def load_config(path: Path, known_codes: set[str]) -> Config:
    """Read samplan.yaml; a missing file is the default configuration."""
    if not path.is_file():
        return Config()
    try:
        doc = read_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from err
    if doc.problems:
        p = doc.problems[0]
        raise ConfigError(f"{path}:{p.mark.line}:{p.mark.column}: {p.message}")
    data = doc.data or {}
    if not isinstance(data, dict) or set(data) - {"severity", "ignore", "words"}:
        raise ConfigError(f"{path}: the settings are 'severity', 'ignore' and 'words'")
    words = data.get("words") or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        where = doc.keys.get(("words",))
        at = f"{path}:{where.line}:{where.column}" if where else str(path)
        raise ConfigError(f"{at}: 'words' is a list of words, e.g. words: [TrykFonden]")
    severity = dict(data.get("severity") or {})
    for code in data.get("ignore") or []:
        severity[code] = "off"
    for code, level in severity.items():
        where = doc.values.get(("severity", code)) or doc.keys.get(("ignore",))
        at = f"{path}:{where.line}:{where.column}" if where else str(path)
        if code not in known_codes:
            raise ConfigError(f"{at}: unknown rule code '{code}' (see `samplan rules`)")
        if level not in SEVERITIES:
            raise ConfigError(f"{at}: severity of {code} must be one of {', '.join(SEVERITIES)}")
    return Config(severity, tuple(words))
