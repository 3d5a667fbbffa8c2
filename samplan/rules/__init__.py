"""Every rule, registered explicitly (one module per rule; the docstring documents it)."""

from __future__ import annotations

from samplan.rules import (
    danish_spelling,
    discussed_after_effect,
    discussion_missing,
    duplicate_title,
    issuer,
    kredsraad_chair,
    kredsraad_meetings,
    kredsraad_members,
    lokalraad_coverage,
    meeting_date_year,
    meetings_missing,
    misspelt_name,
    misspelt_term,
    publication_missing,
    repeated_paragraph,
    stale_year,
    status_consistency,
    unknown_municipality,
    youth_crime,
)
from samplan.rules.base import Rule

_MODULES: tuple[Rule, ...] = (
    kredsraad_members,
    kredsraad_chair,
    kredsraad_meetings,
    unknown_municipality,
    issuer,
    discussion_missing,
    discussed_after_effect,
    publication_missing,
    youth_crime,
    lokalraad_coverage,
    meetings_missing,
    meeting_date_year,
    duplicate_title,
    repeated_paragraph,
    status_consistency,
    misspelt_term,
    misspelt_name,
    danish_spelling,
    stale_year,
)

RULES: dict[str, Rule] = {rule.CODE: rule for rule in _MODULES}

# Findings of the check engine itself, not of a rule module.
UNUSED_SUPPRESSION = ("SP117", "unused-suppression")
