"""What a command imports, run in-process in a fresh interpreter: the exact counterpart of
`make bench`'s timings (what is not imported costs nothing), for the tests that hold a
command to the modules it needs."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

# A command run as the executable runs it, then every module it imported.
COLD = """
import sys
from samplan.startup import defer_pydantic_plugins
defer_pydantic_plugins()  # as the executable does (cli.run)
from samplan.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print(sorted(sys.modules), file=sys.stderr)
"""


def imported(cwd: Path, *args: str) -> list[str]:
    """The modules a command imports, run in-process in a fresh interpreter."""
    code = COLD.format(args=list(args))
    proc = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True)
    modules: list[str] = ast.literal_eval(proc.stderr.splitlines()[-1])
    return modules


def among(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(f"{p}.") for p in packages)]
