"""Rewrite tests/golden/ from the plans in data/ (run by `make golden`; review the diff)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from golden import GOLDEN, build_tree  # noqa: E402


def main() -> int:
    tree = build_tree(ROOT)
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for name, text in sorted(tree.items()):
        target = GOLDEN / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {len(tree)} golden files under {GOLDEN.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
