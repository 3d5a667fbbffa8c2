"""What the `samplan` executable arranges before a command runs, for a fast start.

pydantic looks for plugins (the `pydantic` entry-point group) when it builds its first
validator, and its loader imports `importlib.metadata` to do so, even when no plugin is
installed and even when PYDANTIC_DISABLE_PLUGINS turns plugins off: that import costs
about a tenth of a cold `samplan check`. Here pydantic gets a loader of our own first:
it answers "no plugins" when PYDANTIC_DISABLE_PLUGINS says so or when no distribution on
sys.path declares a `pydantic` entry point (a look at the `entry_points.txt` of each),
and hands over to pydantic's own loader otherwise, so that an installed plugin still
works. Likewise `secrets`, which `pydantic.types` imports for the constant-time equality
of its `Secret` values (never used by samplan): through `hmac` it loads OpenSSL's
`_hashlib`, a twentieth of a cold check; here it is imported when first used. Only the
executable does this (cli.run); importing samplan changes nothing.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable
from typing import Any

LOADER = "pydantic.plugin._loader"
GROUP = "[pydantic]"
_DISABLED = ("__all__", "1", "true")  # what pydantic's loader reads as "no plugins at all"


def plugins_declared(paths: Iterable[str]) -> bool:
    """Whether a distribution in one of `paths` declares a `pydantic` entry point."""
    for folder in paths:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8") as f:
                    if any(line.strip() == GROUP for line in f):
                        return True
            except (OSError, UnicodeDecodeError):
                continue
    return False


def _real(name: str) -> types.ModuleType:
    """The module `name` itself, in place of its stand-in from now on."""
    if isinstance(sys.modules.get(name), _StandIn):
        del sys.modules[name]
    return importlib.import_module(name)


class _StandIn(types.ModuleType):
    """A module imported when first asked for anything but what it answers itself (the
    import system's own questions, such as `__path__`, are answered by the stand-in)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real(self.__name__), name)


def _real_loader() -> types.ModuleType:
    """pydantic's own plugin loader, in place of ours from now on."""
    return _real(LOADER)


_scanned: dict[tuple[str, ...], bool] = {}  # sys.path -> whether it declares a plugin


def _get_plugins() -> Iterable[Any]:
    """Asked once for every validator pydantic builds: sys.path is scanned once."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in _DISABLED:
        return ()
    paths = tuple(sys.path)
    if paths not in _scanned:
        _scanned[paths] = plugins_declared(paths)
    if not _scanned[paths]:
        return ()
    return _real_loader().get_plugins()  # type: ignore[no-any-return]


# Any other name pydantic may want from its loader comes from the real one.
_guard = _StandIn(LOADER, "samplan's stand-in for pydantic's plugin loader")
_guard.get_plugins = _get_plugins  # type: ignore[attr-defined]
DEFERRED = ("secrets",)  # imported by pydantic, used by samplan never or late


def defer_pydantic_plugins() -> None:
    """Put the stand-in loader in place, unless pydantic already has its own, and a
    stand-in for each module of DEFERRED not imported yet."""
    sys.modules.setdefault(LOADER, _guard)
    for name in DEFERRED:
        sys.modules.setdefault(name, _StandIn(name, f"samplan's stand-in for {name}"))
