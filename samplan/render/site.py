"""The site around the pages: the links between them, and how they present the publisher.

A plan page links to the previous and next plan of its district where the repository
has one, to its meeting calendar and, when one was built, to its PDF (its diff page is
linked by build.render_plan's `diff_href`). Hrefs are relative and name
`index.html`, so the site also works opened from the file system. Every page shows the
site settings of samplan.yaml (`Site`: publisher, logo, contact line, base URL), which
the templates find as the global `site`.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from samplan.render.environment import make_environment

if TYPE_CHECKING:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from samplan.config import Config


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass(frozen=True)
class PlanLinks:
    """What the header of a plan page links to."""

    index: str
    previous: Link | None
    next: Link | None
    files: tuple[Link, ...]


def _year_link(year: int, text: str) -> Link:
    return Link(f"../{year}/index.html", f"{text}: {year}")


def plan_links(year: int, years: Iterable[int], calendar: bool, pdf: bool) -> PlanLinks:
    """The links of the plan of `year`, given every year its district has a plan for."""
    earlier = sorted(y for y in set(years) if y < year)
    later = sorted(y for y in set(years) if y > year)
    previous = _year_link(earlier[-1], "Forrige plan") if earlier else None
    following = _year_link(later[0], "Næste plan") if later else None
    files: list[Link] = []
    if calendar:
        files.append(Link("moeder.ics", "Mødekalender (iCalendar)"))
    if pdf:
        files.append(Link("plan.pdf", "Planen som PDF"))
    return PlanLinks("../../index.html", previous, following, tuple(files))


@dataclass(frozen=True)
class Site:
    """How every page presents the publisher (samplan.yaml's `site`), for the templates.

    `logo` is the logo's file name in the output folder, `logo_data` the logo as a
    data: URL for the PDF (which has no files beside it); `base_url` the public address
    of the output folder, ending in '/'.
    """

    publisher: str | None = None
    contact: str | None = None
    base_url: str | None = None
    logo: str | None = None
    logo_data: str | None = None

    def url(self, path: str) -> str | None:
        """The public address of `path` (relative to the output folder), when known."""
        if self.base_url is None:
            return None
        return self.base_url + path.removesuffix("index.html")


def site_of(
    publisher: str | None,
    contact: str | None = None,
    base_url: str | None = None,
    logo: Path | None = None,
) -> Site:
    """A Site with its base URL ending in '/' and the logo file read for the PDF."""
    base = base_url if base_url is None or base_url.endswith("/") else base_url + "/"
    if logo is None:
        return Site(publisher, contact, base)
    kind = "svg+xml" if logo.suffix.lower() == ".svg" else "png"
    try:
        data = f"data:image/{kind};base64,{base64.b64encode(logo.read_bytes()).decode()}"
    except OSError:  # gone since the settings were read: the pages still name it
        data = None
    return Site(publisher, contact, base, f"logo{logo.suffix.lower()}", data)


def _xml_text(text: str) -> str:
    """`text` as XML character data: &, < and > escaped (xml.sax.saxutils.escape, whose
    module imports urllib.request, http.client and ssl, a tenth of a build's imports)."""
    return html.escape(text, quote=False)


def sitemap(site: Site, pages: Iterable[str]) -> str | None:
    """sitemap.xml of `pages` (paths relative to the output folder); None without a
    base URL, since a sitemap holds absolute addresses."""
    if site.base_url is None:
        return None
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        *(f"<url><loc>{_xml_text(site.url(page) or '')}</loc></url>" for page in sorted(pages)),
        "</urlset>",
    ]
    return "\n".join(lines) + "\n"


def site_settings(config: Config) -> Site:
    """The templates' view of the site settings."""
    site = config.site
    if site is None:
        return site_of(None, None, None, config.logo)
    return site_of(site.publisher, site.contact, site.base_url, config.logo)


def site_environment(templates: Path | None, site: Site) -> ImmutableSandboxedEnvironment:
    """The rendering environment, with the site settings as the global `site`: frozen
    data, as every value a template sees (canonical addresses are `site.base_url` and a
    path, joined in the template)."""
    from samplan.render.frozen import freeze

    env = make_environment(templates)
    env.globals["site"] = freeze(site)
    return env
