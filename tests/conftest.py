"""Shared test setup: the tests folder is importable (golden.py, seed_coverage.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
