"""`samplan rules` and `samplan schema`: what samplan knows, for people and editors."""

from __future__ import annotations

import inspect

import click

from samplan.cli.common import UsageError
from samplan.locale import N_, help_text, t

# A rule's default severity in words (the settings' own values stay in the list's column).
SEVERITY_WORDS = {
    "error": N_("severity.error"),
    "warning": N_("severity.warning"),
    "note": N_("severity.note"),
    "off": N_("severity.off"),
}


@click.command(short_help="List every rule, or explain any code samplan prints.")
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List every rule: code, name, default severity, legal source, first plan year.

    With a CODE, print that rule's documentation, or the explanation of any other
    code samplan prints (SP0xx of loading and building plans, SP117 of the check).

    \b
    Examples:
      samplan rules
      samplan rules SP104
      samplan rules SP006
    """
    from samplan.rules import RULES
    from samplan.rules.base import summary

    if code is not None:
        rule = RULES.get(code.upper())
        if rule is None:
            _explain_code(code.upper())
            return
        click.echo(
            t(
                "cli.rule-head",
                code=rule.CODE,
                name=rule.NAME,
                severity=t(SEVERITY_WORDS[rule.SEVERITY]),
                year=rule.FIRST_YEAR,
            )
            + "\n"
        )
        click.echo(t("cli.rule-source", source=help_text(rule.SOURCE)) + "\n")
        click.echo(inspect.cleandoc(help_text(rule.__doc__ or "")))
        return
    for rule in RULES.values():
        click.echo(
            f"{rule.CODE}  {rule.NAME:<40} {rule.SEVERITY:<8} {rule.FIRST_YEAR}  "
            + help_text(rule.SOURCE)
        )
        click.echo(f"       {help_text(summary(rule))}")
    click.echo("\n" + t("cli.other-codes"))


def _explain_code(code: str) -> None:
    """`samplan rules CODE` for a code of the loader, the build or the check engine."""
    import textwrap

    from samplan.code_docs import EXPLANATIONS
    from samplan.diagnostics import LOADER_CODES
    from samplan.rules import UNUSED_SUPPRESSION

    names = {c.code: c.name for c in LOADER_CODES}
    if code == UNUSED_SUPPRESSION[0]:
        click.echo(t("cli.code-of-check", code=code, name=UNUSED_SUPPRESSION[1]) + "\n")
    elif code in names:
        click.echo(t("cli.code-of-loader", code=code, name=names[code]) + "\n")
    else:
        raise UsageError(t("cli.no-such-code", code=code))
    click.echo(textwrap.fill(help_text(EXPLANATIONS[code]), 88))


@click.command(short_help="Print the JSON Schema of plan files, for editors.")
def schema() -> None:
    """Print the JSON Schema of a plan file, generated from the plan model.

    \b
    Example:
      samplan schema > plan.schema.json
    """
    import json

    from samplan.plan_schema import plan_schema

    click.echo(json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True))
