"""Reporters: one diagnostics model, several formats (REPORTER_BY_NAME).

Each reporter turns a list of diagnostics into the text the CLI prints; none decides
anything about them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from samplan import __version__
from samplan.diagnostics import LOADER_CODES, Diagnostic, format_text, printable
from samplan.locale import t, tn

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _utf8(text: str | None) -> str | None:
    """`text` as valid UTF-8: a file name that is not UTF-8 (its bytes held as lone
    surrogates) shows those bytes as `\\xff` escapes."""
    if text is None:
        return None
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _uri(file: str) -> str:
    """A file name as a relative URI reference (RFC 3986): every byte but the unreserved
    characters and '/' percent-encoded, the file's own bytes where it is not UTF-8."""
    try:
        raw = os.fsencode(file)
    except UnicodeEncodeError:
        raw = file.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")


def counts(diags: list[Diagnostic]) -> dict[str, int]:
    return {s: sum(1 for x in diags if x.severity == s) for s in ("error", "warning", "note")}


def summary_line(diags: list[Diagnostic], plans: int) -> str:
    """'2 planer kontrolleret: 1 fejl, 0 advarsler, 0 noter' in the current language."""
    c = counts(diags)
    return t(
        "check.summary",
        plans=tn("check.plans", "check.plans.plural", plans),
        errors=tn("check.errors", "check.errors.plural", c["error"]),
        warnings=tn("check.warnings", "check.warnings.plural", c["warning"]),
        notes=tn("check.notes", "check.notes.plural", c["note"]),
    )


def report_text(diags: list[Diagnostic], plans: int) -> str:
    body = "".join(format_text(x) + "\n" for x in diags)
    return body + summary_line(diags, plans) + "\n"


def report_json(diags: list[Diagnostic], plans: int) -> str:
    c = counts(diags)
    data = {
        "version": 1,
        "diagnostics": [
            {
                "code": x.code,
                "name": x.name,
                "severity": x.severity,
                "message": _utf8(x.message),
                "help": _utf8(x.help),
                "file": _utf8(x.file),
                "line": x.line,
                "column": x.column,
                "district": x.district,
                "year": x.year,
            }
            for x in diags
        ],
        "summary": {
            "plans": plans,
            "errors": c["error"],
            "warnings": c["warning"],
            "notes": c["note"],
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape(text: str, property_value: bool = False) -> str:
    """A workflow command's text: no character a terminal or the runner would obey (a
    line break would start a command of its own, ESC would colour or move the log)."""
    text = printable(text)
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(diags: list[Diagnostic], plans: int) -> str:
    """GitHub Actions workflow commands: an annotation on the line of each finding."""
    lines = []
    for x in diags:
        level = {"error": "error", "warning": "warning", "note": "notice"}[x.severity]
        props = [f"file={_escape(x.file, True)}"] if x.file else []
        if x.line is not None:
            props += [f"line={x.line}", f"col={x.column or 1}"]
        props.append(f"title={_escape(f'{x.code} {x.name}', True)}")
        message = x.message + (t("report.help-inline", help=x.help) if x.help else "")
        lines.append(f"::{level} {','.join(props)}::{_escape(message)}")
    return "".join(line + "\n" for line in lines)


def sarif_rules() -> list[dict[str, Any]]:
    """The metadata of every code, as SARIF describes a rule (imports every rule module)."""
    from samplan.rules import RULES, UNUSED_SUPPRESSION
    from samplan.rules.base import summary

    rules: list[dict[str, Any]] = []
    for code in LOADER_CODES:
        rules.append(
            {
                "id": code.code,
                "name": code.name,
                "shortDescription": {"text": code.summary},
                "defaultConfiguration": {"level": code.severity},
            }
        )
    for rule in RULES.values():
        rules.append(
            {
                "id": rule.CODE,
                "name": rule.NAME,
                "shortDescription": {"text": summary(rule)},
                "fullDescription": {"text": (rule.__doc__ or "").strip()},
                "defaultConfiguration": (
                    {"level": rule.SEVERITY}
                    if rule.SEVERITY != "off"
                    else {"level": "note", "enabled": False}  # opt-in rules
                ),
                "properties": {"source": rule.SOURCE, "firstPlanYear": rule.FIRST_YEAR},
            }
        )
    unused_code, unused_name = UNUSED_SUPPRESSION
    rules.append(
        {
            "id": unused_code,
            "name": unused_name,
            "shortDescription": {"text": "a suppression comment that suppresses nothing"},
            "defaultConfiguration": {"level": "warning"},
        }
    )
    return rules


def report_sarif(
    diags: list[Diagnostic], plans: int, rules: list[dict[str, Any]] | None = None
) -> str:
    """SARIF 2.1.0, with the metadata of every rule (`rules`, or from the rule modules)."""
    rules = sarif_rules() if rules is None else rules
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for x in diags:
        result: dict[str, Any] = {
            "ruleId": x.code,
            "ruleIndex": index[x.code],
            "level": x.severity,
            "message": {
                "text": _utf8(x.message + (t("report.help-inline", help=x.help) if x.help else ""))
            },
        }
        if x.file:
            location: dict[str, Any] = {"artifactLocation": {"uri": _uri(x.file)}}
            if x.line is not None:
                location["region"] = {"startLine": x.line, "startColumn": x.column or 1}
            result["locations"] = [{"physicalLocation": location}]
        results.append(result)
    tool = {"driver": {"name": "samplan", "version": __version__, "rules": rules}}
    data = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": tool, "results": results}],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


REPORTER_BY_NAME: dict[str, Callable[[list[Diagnostic], int], str]] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "sarif": report_sarif,
}
