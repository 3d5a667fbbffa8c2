"""What `samplan check` needs of samplan.yaml, remembered in the check cache.

Reading samplan.yaml validates it with the settings model (pydantic). check needs only
its severities, words and language, and those follow from the file's bytes and the codes
samplan knows; so they are remembered under a key of exactly that, and a check of an
unchanged repository imports no pydantic even when it has a samplan.yaml. A file that
does not validate is never remembered: it is read, and refused, on every run. The site
settings (publisher, logo, ...) are the build's, not check's, and are not remembered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from samplan.cache import CheckCache
from samplan.config import MAX_SETTINGS_BYTES, Config, load_config
from samplan.fingerprints import digest

_SEVERITIES = frozenset({"error", "warning", "note", "off"})


def _as_json(config: Config) -> dict[str, Any]:
    return {"severity": config.severity, "words": list(config.words), "lang": config.lang}


def _valid(data: Any) -> bool:
    """The shape _as_json gives: anything else in the cache is not trusted."""
    if not isinstance(data, dict) or set(data) != {"severity", "words", "lang"}:
        return False
    severity, words = data["severity"], data["words"]
    if not isinstance(severity, dict) or not all(
        isinstance(k, str) and v in _SEVERITIES for k, v in severity.items()
    ):
        return False
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        return False
    return data["lang"] in (None, "da", "en")


def _bytes_of(path: Path) -> bytes | None:
    """The file's bytes, or None when there is no regular file of a size to remember."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_SETTINGS_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def check_settings(path: Path, known: set[str], cache: CheckCache) -> Config:
    """samplan.yaml's settings for check, from the cache when the file is unchanged.

    Raises ConfigError, as load_config does, for a file that does not validate.
    """
    raw = _bytes_of(path)
    if raw is None or not cache.enabled:
        return load_config(path, known)
    name = "settings:" + digest(raw.hex(), sorted(known), path.name)
    data = cache.memo(name, lambda: _as_json(load_config(path, known)), _valid)
    return Config(data["severity"], tuple(data["words"]), None, data["lang"])
