"""What `samplan serve` adds to a page: the check's findings at the top, a page of
located errors for a plan that does not load, and the script that reloads the page.

Only the served copy gets these; the built files stay exactly what `samplan build` writes.
"""

from __future__ import annotations

from html import escape

from samplan.diagnostics import Diagnostic, format_text
from samplan.locale import language, t, tn

VERSION_PATH = "/__samplan__/version"
_STYLE = (
    "#samplan-serve{font:16px/1.4 system-ui,sans-serif;background:#fff8e1;color:#1a1a1a;"
    "border-bottom:3px solid #8a6d00;padding:.75rem 1rem;margin:0}"
    "#samplan-serve h2{font-size:1.1rem;margin:0 0 .5rem}"
    "#samplan-serve pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0;"
    "font:14px/1.35 ui-monospace,monospace}"
    "#samplan-serve ul{margin:0;padding-left:1.25rem}"
)


def reload_script(version: int) -> str:
    """Poll the version endpoint; reload the page when a rebuild changed it."""
    script = (
        "(function(){const v=VERSION;async function poll(){try{const r=await fetch("
        "'PATH',{cache:'no-store'});const n=parseInt(await r.text(),10);if(n!==v)"
        "{location.reload();return}}catch(e){}setTimeout(poll,300)}setTimeout(poll,300)})()"
    )
    return (
        "<script>"
        + script.replace("VERSION", str(version)).replace("PATH", VERSION_PATH)
        + "</script>"
    )


def _where(diag: Diagnostic) -> str:
    where = diag.file or "<repository>"
    return f"{where}:{diag.line}:{diag.column or 1}" if diag.line is not None else where


def findings_banner(diagnostics: list[Diagnostic]) -> str:
    """The check's findings for one plan, each with file:line, as a banner."""
    if not diagnostics:
        none = escape(t("serve.no-findings"))
        return (
            f'<style>{_STYLE}</style><section id="samplan-serve" aria-label="samplan check">'
            f"<h2>samplan check: {none}</h2></section>"
        )
    counted = tn("serve.findings", "serve.findings.plural", len(diagnostics))
    items = "".join(
        f"<li><strong>{escape(_where(x))}</strong>: {escape(x.severity)}[{escape(x.code)} "
        f"{escape(x.name)}] {escape(x.message)}"
        + (f" <em>({escape(x.help)})</em>" if x.help else "")
        + "</li>"
        for x in diagnostics
    )
    return (
        f'<style>{_STYLE}</style><section id="samplan-serve" aria-label="samplan check">'
        f"<h2>samplan check: {escape(counted)}</h2><ul>{items}</ul></section>"
    )


def inject(page: str, banner: str, version: int) -> str:
    """`page` with the banner first in its body and the reload script last."""
    head, sep, rest = page.partition("<body>")
    if not sep:
        return banner + page + reload_script(version)
    body, sep2, tail = rest.rpartition("</body>")
    if not sep2:
        body, tail = rest, ""
    return f"{head}<body>{banner}{body}{reload_script(version)}</body>{tail}"


def error_page(title: str, diagnostics: list[Diagnostic], version: int) -> str:
    """The page served instead of a plan that does not load: its located errors."""
    blocks = "".join(f"<pre>{escape(format_text(x))}</pre>" for x in diagnostics)
    heading = escape(t("serve.does-not-load", plan=title))
    advice = escape(t("serve.correct-the-file"))
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{heading}</title><style>{_STYLE}</style></head><body>"
        f'<main id="samplan-serve"><h1>{heading}</h1><p>{advice}</p>{blocks}</main>'
        f"{reload_script(version)}</body></html>\n"
    )
