"""Templates see data, not objects: a walk over everything reachable from the context of
every template, through the sandbox's own attribute and item access, finds no callable
but the helpers samplan put there on purpose."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from conftest import ROOT
from jinja2.runtime import Undefined
from jinja2.utils import Namespace
from markupsafe import Markup

from samplan.diff.compare import diff_plans
from samplan.loader import load_plan
from samplan.model import Plan
from samplan.render.diffview import view
from samplan.render.environment import make_environment
from samplan.render.frozen import freeze, freeze_context
from samplan.render.outline import build_page
from samplan.render.sandbox import BoundedSandbox
from samplan.render.site import plan_links

ENV = make_environment(None)
assert isinstance(ENV, BoundedSandbox)
PLAIN = (str, int, float, bool, type(None))


def seeds() -> list[Plan]:
    plans = [load_plan(folder, ROOT).plan for folder in sorted((ROOT / "data").glob("*/*"))]
    return [p for p in plans if p is not None]


def contexts() -> Iterator[dict[str, Any]]:
    """The context of every template of the seed plans, as the build gives it."""
    plans = seeds()
    for plan in plans:
        page = build_page(plan)
        links = plan_links(plan.year, [plan.year - 1, plan.year, plan.year + 1], True, True)
        yield freeze_context(page=page, diff_href="diff.html", links=links)
    views = [view(diff_plans(a, b)) for a, b in itertools.pairwise(plans)]
    yield freeze_context(views=views, home="../../index.html", plan_href="index.html")
    yield freeze_context(districts=[{"id": "x", "name": "X", "plans": [{"year": "2020"}]}])


def reachable(value: Any, path: str, seen: set[Any], depth: int = 0) -> Iterator[tuple[str, Any]]:
    """Every (path, value) a template reaches from `value` by attributes and items."""
    key = (type(value), value) if isinstance(value, PLAIN) else id(value)
    if depth > 40 or key in seen:
        return
    seen.add(key)
    names: set[Any] = set(dir(value))
    if isinstance(value, MappingProxyType):
        names |= set(value)
    if isinstance(value, tuple):
        names |= set(range(len(value)))
    for name in sorted(names, key=repr):
        for how, found in (
            ("attr", ENV.getattr(value, name) if isinstance(name, str) else None),
            ("item", ENV.getitem(value, name)),
        ):
            if found is None or isinstance(found, Undefined):
                continue
            where = f"{path}.{name}" if how == "attr" else f"{path}[{name!r}]"
            yield where, found
            if not callable(found):
                yield from reachable(found, where, seen, depth + 1)


def allowed(value: Any) -> bool:
    return value is ENV.globals["range"] or value is dict or value is Namespace


def test_nothing_callable_is_reachable_from_any_template_context() -> None:
    count = 0
    for context in contexts():
        seen: set[Any] = set()
        everything = {**ENV.globals, **context}
        for name, value in everything.items():
            for where, found in [(name, value), *reachable(value, name, seen)]:
                count += 1
                assert not callable(found) or allowed(found), f"{where} is callable: {found!r}"
    assert count > 5000  # the walk saw the whole page model


def test_templates_receive_only_plain_read_only_values() -> None:
    def walk(value: Any) -> Iterator[Any]:
        yield value
        if isinstance(value, tuple):
            for v in value:
                yield from walk(v)
        if isinstance(value, MappingProxyType):
            for v in value.values():
                yield from walk(v)

    for context in contexts():
        for value in context.values():
            for part in walk(value):
                assert type(part) in (*PLAIN, Markup, tuple, MappingProxyType), type(part)


def test_the_page_model_keeps_what_templates_read() -> None:
    plan = seeds()[0]
    page = freeze(build_page(plan))
    assert isinstance(page, MappingProxyType)
    assert page["plan"]["title"] == plan.title
    chapter = page["chapters"][0]
    assert chapter["heading_level"] == chapter["depth"] + 1  # a property, as a value
    assert all(isinstance(e["key"], str) for e in page["plan"]["bodies"] or ())


@pytest.mark.parametrize(
    "source",
    [
        "{{ page.plan.parse_file('/etc/passwd') }}",
        "{{ page.plan.parse_raw('x', content_type='application/pickle', allow_pickle=True) }}",
        "{{ page.plan.model_dump() }}",
        "{{ page.plan.items() }}",
        "{{ page.plan.title.upper() }}",
        "{{ '{0.__class__}'.format(page) }}",
        "{{ dict.fromkeys([1]) }}",
        "{{ (page.plan|attr('copy'))() }}",
        "{{ page.get('plan') }}",
        "{{ range.__self__ }}{{ namespace.__init__ }}",
        "{{ cycler }}{{ joiner }}{{ lipsum }}",
    ],
)
def test_no_method_can_be_called(source: str) -> None:
    from jinja2 import TemplateError

    plan = seeds()[0]
    with pytest.raises(TemplateError):
        ENV.from_string(source).render(freeze_context(page=build_page(plan)))


def test_what_samplan_allows_still_works() -> None:
    source = (
        "{% set ns = namespace(n=0) %}{% for c in page.chapters %}{% set ns.n = ns.n + 1 %}"
        "{{ loop.cycle('a', 'b') }}{% endfor %}{{ ns.n > 0 }}"
        "{% macro m(x) %}<{{ x }}{{ caller() }}>{% endmacro %}{% call m(1) %}c{% endcall %}"
        "{{ range(3)|list|length }}{{ dict(a=1).a }}{{ page.plan|items|list|length > 3 }}"
        "{{ page.plan.title|upper }}{{ page.plan.effective_from|default('2020-01-01', true)"
        "|danish_date }}"
    )
    plan = seeds()[0]
    text = ENV.from_string(source).render(freeze_context(page=build_page(plan)))
    assert "True<1c>31True" in text
    assert plan.title.upper() in text


def test_a_repository_template_is_data_only_too(tmp_path: Path) -> None:
    (tmp_path / "plan.html.j2").write_text("{{ page.plan.model_dump_json() }}", "utf-8")
    env = make_environment(tmp_path)
    from jinja2 import TemplateError

    with pytest.raises(TemplateError):
        env.get_template("plan.html.j2").render(freeze_context(page=build_page(seeds()[0])))


def test_freezing_a_tree_reached_two_ways_is_linear_and_exact() -> None:
    """A chapter is among its parent's `items` and its `children`: frozen once, shared;
    temporaries a property makes (a new list each call) never stand for one another."""
    from dataclasses import dataclass, field

    @dataclass
    class Node:
        depth: int
        items: list[Node] = field(default_factory=list)

        @property
        def children(self) -> list[Node]:
            return list(self.items)

        @property
        def copy_of_depth(self) -> list[int]:
            return [self.depth]

    Node.__module__ = "samplan.test"
    root = node = Node(0)
    for depth in range(1, 60):  # 2^60 visits without sharing
        node.items.append(Node(depth))
        node = node.items[0]
    frozen = freeze(root)
    assert isinstance(frozen, MappingProxyType)
    level = frozen
    for depth in range(60):
        assert level["copy_of_depth"] == (depth,)
        assert level["children"] is level["items"] or level["children"] == level["items"]
        level = level["items"][0] if level["items"] else level
