"""What the YAML reader refuses, as located problems: tags, anchors, aliases, merge keys,
duplicate keys, a second document, nesting deeper than MAX_DEPTH, and forbidden characters.

samplan.yamlsource reads the events and calls these where a file steps outside what a
plan may hold; each problem keeps its kind, message and mark whichever parser read it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from samplan.diagnostics import shown
from samplan.locale import t
from samplan.yamlmarks import Mark, YamlProblem, unpack

MAX_DEPTH = 50
# What libyaml says when it stops on a limit of its own (nesting, in libyaml 0.2.5+).
LIBYAML_LIMIT = "exceeded maximum nesting depth"
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


class Refused(Exception):
    """A refusal after which the reader stops (too deep, a second document)."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def mark(event: Any, width: int | None = None) -> Mark:
    """The mark of a parser event: where it starts, as wide as it is on its first line."""
    start, end = event.start_mark, event.end_mark
    if width is None:
        width = end.column - start.column if end.line == start.line else 1
    return Mark(start.line + 1, start.column + 1, max(width, 1))


def character_problem(char: str, at: Mark) -> YamlProblem:
    name = unicodedata.name(char, "a control character").lower()
    return YamlProblem(
        "character",
        t("yaml.forbidden-character", code=format(ord(char), "04X"), name=name),
        at,
        t("yaml.forbidden-character.help"),
    )


def forbidden_character(value: str, at: int, problems: list[YamlProblem]) -> None:
    """A forbidden character in `value`, at the packed mark `at` of its scalar."""
    found = FORBIDDEN.search(value)
    if found is not None:
        problems.append(character_problem(found.group(), unpack(at)))


def refuse_features(event: Any, problems: list[YamlProblem]) -> None:
    """An alias, an anchor or a tag on `event`: each refused at its mark."""
    anchor = getattr(event, "anchor", None)
    if isinstance(event, yaml.AliasEvent):
        problems.append(
            YamlProblem("refused", t("yaml.alias", alias=anchor), mark(event), t("yaml.alias.help"))
        )
        return
    if anchor is not None:
        problems.append(
            YamlProblem(
                "refused",
                t("yaml.anchor", anchor=anchor),
                mark(event, len(anchor) + 1),
                t("yaml.anchor.help"),
            )
        )
    tag = getattr(event, "tag", None)
    if tag is not None:
        tag_text = tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(
            YamlProblem(
                "refused", t("yaml.tag", tag=shown(tag_text)), mark(event), t("yaml.tag.help")
            )
        )


def too_deep(event: Any) -> Refused:
    return Refused(
        YamlProblem(
            "depth", t("yaml.too-deep", limit=MAX_DEPTH), mark(event), t("yaml.too-deep.help")
        )
    )


def merge_key(event: Any) -> YamlProblem:
    return YamlProblem("refused", t("yaml.merge-key"), mark(event), t("yaml.merge-key.help"))


def duplicate_key(event: Any, key: str, first: Mark) -> YamlProblem:
    return YamlProblem(
        "duplicate-key",
        t("yaml.duplicate-key", key=shown(key)),
        mark(event),
        t("yaml.duplicate-key.help", line=first.line),
    )


def second_document(event: Any) -> YamlProblem:
    return YamlProblem(
        "refused", t("yaml.second-document"), mark(event), t("yaml.second-document.help")
    )


def key_not_text(event: Any) -> YamlProblem:
    return YamlProblem("refused", t("yaml.key-not-text"), mark(event))
