"""`samplan diff`: matching, Danish sentences, every format and the command's contract."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from cold_imports import among, imported

from samplan.cli import main
from samplan.diff.changes import Change
from samplan.diff.compare import diff_plans
from samplan.diff.fields import FIELD_LABEL, NESTED_FIELDS
from samplan.diff.matching import match
from samplan.diff.words import word_diff
from samplan.model import Body, Forum, Initiative, Plan, Published, Section
from samplan.render.diffview import as_text, trim

pytestmark = pytest.mark.usefixtures("english_cli")

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests/diff/data"
SCHEMA = json.loads((ROOT / "tests/schemas/diff-output.schema.json").read_text("utf-8"))
MVS = ["--district", "midt-og-vestsjaellands-politi", "--data", str(ROOT / "data")]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def plan(**parts: Any) -> Plan:
    return Plan.model_validate(
        {"district": "fyns-politi", "year": parts.pop("year", 2020), "title": "Plan", **parts}
    )


def changes(old: Plan, new: Plan) -> list[tuple[str, str, str | None, str | None]]:
    return [(c.change, c.kind, c.id, c.field) for c in diff_plans(old, new).changes]


# --- the seeds: done when -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_2011_initiatives_are_new_and_no_forum_is_removed(fmt: str) -> None:
    code, out, err = run("diff", "2007", "2011", *MVS, "--format", fmt)
    assert (code, err) == (0, "")
    for title in ("Ungesamråd", "En indsats for et tryggere natteliv for de unge"):
        assert f"Nyt initiativ: »{title}«" in out
    assert "samarbejdsforum" not in out.lower()
    assert "organ" not in out


def test_2011_diff_as_data() -> None:
    _, out, _ = run("diff", "2007", "2011", *MVS, "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    added = {c["id"] for c in data["changes"] if c["change"] == "added"}
    assert {"ungesamraad", "trygt-natteliv", "boern-og-unge", "faerdsel"} <= added
    assert not [c for c in data["changes"] if c["kind"] in ("body", "forum", "member")]
    assert data["summary"] == {"added": 7, "removed": 4, "changed": 4, "renamed": 0}


# --- the fixture repository: every kind of change -------------------------------------


def test_every_kind_of_change_of_the_fixture() -> None:
    _, out, _ = run("diff", "2019", "2020", "--data", str(FIXTURE), "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    found = {(c["change"], c["kind"], c["id"], c["field"]): c for c in data["changes"]}
    meetings = found["changed", "body", "kredsraad", "meetings"]
    assert (meetings["old"], meetings["new"]) == ({"min": 4}, {"min": 2})
    assert (meetings["old_text"], meetings["new_text"]) == ("Min. 4", "Min. 2")
    assert meetings["text"] == "»Kredsrådet«: møder ændret fra min. 4 til min. 2 om året"
    chair = found["changed", "body", "kredsraad", "chair"]
    assert chair["new"] == {
        "name": "Peter Rahbæk Juel",
        "title": "borgmester",
        "municipality": "Odense",
    }
    assert chair["new_text"] == "Peter Rahbæk Juel, borgmester (Odense)"
    places = found["changed", "body", "lokalraad-vest", "municipalities"]
    assert places["text"] == "»Lokalråd Vestfyn«: kommuner: Faaborg-Midtfyn tilføjet"
    assert places["new"] == ["Assens", "Middelfart", "Faaborg-Midtfyn"]
    assert places["new_text"] == "Assens, Faaborg-Midtfyn, Middelfart"
    status = found["changed", "initiative", "indbrud", "status"]
    assert (status["old"], status["new"], status["new_text"]) == ("new", "continued", "videreført")
    discussed = found["changed", "plan", None, "discussed_in_kredsraad"]
    assert (discussed["old"], discussed["new"]) == ("2018-12-10", "2019-12-09")
    renamed = found["renamed", "forum", "psp-fyn", "title"]
    assert (renamed["old"], renamed["new"]) == ("PSP-samarbejdet", "PSP Fyn")
    assert renamed["text"] == "Samarbejdsforum omdøbt fra »PSP-samarbejdet« til »PSP Fyn«"
    assert ("removed", "forum", "banderaad", None) in found
    assert ("added", "initiative", "ungdomskriminalitet", None) in found
    assert ("added", "member", "kredsraad/hans-luunbjerg", None) in found
    seat = found["changed", "member", "kredsraad/morten-andersen", "name"]
    assert seat["old_text"] == "Hans Stavnsager, borgmester (Nordfyns)"
    assert seat["old"]["name"] == "Hans Stavnsager"
    assert ("added", "meeting", "lokalraad-vest/2020-03-02", None) in found
    # Last year's dated meetings belong to last year's plan: they are not "udgået".
    assert not [k for k in found if k[1] == "meeting" and k[0] == "removed"]
    # A plan title that changed only in its year is no change worth a line.
    assert ("changed", "plan", None, "title") not in found
    # Reordered bodies, initiatives and members are no change at all.
    assert not [k for k in found if k[1] == "member" and "arne-gram" in str(k[2])]
    assert not [k for k in found if k[2] == "trafik"]


def test_prose_is_shown_word_by_word_in_every_page_format() -> None:
    args = ("diff", "2019", "2020", "--data", str(FIXTURE))
    _, text, _ = run(*args)
    assert "arbejder {+tæt+} sammen" in text
    assert "og [-kommunerne-]{+de ti kommuner på Fyn+} i" in text
    _, md, _ = run(*args, "--format", "md")
    assert "<del>kommunerne</del> <ins>de ti kommuner på Fyn</ins>" in md
    _, html, _ = run(*args, "--format", "html")
    assert '<ins><span class="visually-hidden">tilføjet: </span>tæt</ins>' in html
    assert '<del><span class="visually-hidden">slettet: </span>kommunerne</del>' in html


# --- matching rules -------------------------------------------------------------------

FORA = [
    {"id": "ssp", "title": "SSP", "description": "Skole, socialforvaltning og politi i samarbejde"},
    {"id": "psp", "title": "PSP", "description": "Psykiatri, socialforvaltning og politi sammen"},
]


def test_a_plan_against_itself_or_reordered_is_no_change() -> None:
    old = plan(fora=FORA, initiatives=[{"title": "A"}, {"title": "B"}])
    assert changes(old, old) == []
    assert changes(old, plan(fora=FORA[::-1], initiatives=[{"title": "B"}, {"title": "A"}])) == []


def test_a_part_the_new_plan_leaves_out_is_not_removed() -> None:
    assert changes(plan(fora=FORA, subtitle="Før"), plan()) == []
    # A value with parts is left out whole: its parts are not "no longer stated" either.
    published = {"date": "2020-01-05", "where": "politi.dk"}
    assert changes(plan(published=published), plan()) == []
    assert changes(plan(), plan(published=published)) != []
    assert changes(plan(), plan(fora=FORA)) == [
        ("added", "forum", "ssp", None),
        ("added", "forum", "psp", None),
    ]
    assert changes(plan(fora=FORA), plan(fora=[])) == [
        ("removed", "forum", "ssp", None),
        ("removed", "forum", "psp", None),
    ]


def test_a_new_id_with_other_content_is_removed_and_added() -> None:
    other = [{"id": "knivrad", "title": "Knivråd", "description": "Noget helt andet end før"}]
    assert changes(plan(fora=FORA[:1]), plan(fora=other)) == [
        ("added", "forum", "knivrad", None),
        ("removed", "forum", "ssp", None),
    ]


def test_a_new_id_with_the_same_short_content_is_renamed_only_when_titles_are_alike() -> None:
    before, after = plan(fora=[{"title": "Banderådet"}]), plan(fora=[{"title": "Bander i kredsen"}])
    assert changes(before, after) == [
        ("added", "forum", "bander-i-kredsen", None),
        ("removed", "forum", "banderaadet", None),
    ]
    assert changes(plan(fora=[{"title": "Banderåd"}]), plan(fora=[{"title": "Banderådet"}])) == [
        ("renamed", "forum", "banderaadet", "title")
    ]


def test_a_new_id_with_the_same_title_is_renamed_by_id() -> None:
    old, new = plan(fora=FORA[:1]), plan(fora=[{**FORA[0], "id": "ssp-fyn"}])
    [change] = diff_plans(old, new).changes
    assert (change.change, change.field, change.old, change.new) == (
        "renamed",
        "id",
        "ssp",
        "ssp-fyn",
    )


def test_sections_match_at_any_depth_and_moving_one_is_no_change() -> None:
    child = {"id": "b", "title": "B", "text": "Tekst"}
    nested = plan(sections=[{"id": "a", "title": "A", "sections": [child]}])
    flat = plan(sections=[{"id": "a", "title": "A"}, child])
    assert changes(nested, flat) == []


def test_plan_fields_and_value_wording() -> None:
    old = plan(effective_from="2020-01-01", published={"date": "2020-01-05", "where": "politi.dk"})
    new = plan(
        effective_from="2020-02-01",
        published={"date": "2020-01-05", "where": "Politiets hjemmeside"},
    )
    texts = [c.text for c in diff_plans(old, new).changes]
    assert texts == [
        "Planen: gældende fra ændret fra 1. januar 2020 til 1. februar 2020",
        "Planen: offentliggjort hvor ændret fra politi.dk til Politiets hjemmeside",
    ]


def test_meeting_frequency_sentences() -> None:
    def one(old: Any, new: Any) -> str:
        before = plan(fora=[{"title": "SSP", "meetings": old}] if old else [{"title": "SSP"}])
        after = plan(fora=[{"title": "SSP", "meetings": new}] if new else [{"title": "SSP"}])
        [change] = diff_plans(before, after).changes
        return change.text

    assert one(4, "ad-hoc") == "»SSP«: møder ændret fra 4 til ad hoc"
    assert one(None, {"min": 4}) == "»SSP«: møder angivet som min. 4 om året"
    assert one({"min": 2, "max": 3}, None) == "»SSP«: møder ikke længere angivet (var 2-3)"


def test_every_model_field_has_a_danish_label() -> None:
    models = (Plan, Published, Body, Forum, Initiative, Section)
    names = {
        (f"published.{n}" if m is Published else n)
        for m in models
        for n in m.model_fields
        if n not in NESTED_FIELDS and n != "id" and n != "published"
    }
    assert names <= set(FIELD_LABEL), sorted(names - set(FIELD_LABEL))


def test_matching_pairs_ids_in_order_and_leftovers_by_content() -> None:
    m = match(["a1", "b1", "a2"], ["a3", "c1", "a4"], key=lambda s: s[0])
    assert (m.pairs, m.removed, m.added) == ([("a1", "a3"), ("a2", "a4")], ["b1"], ["c1"])


# --- word-level change ----------------------------------------------------------------


def test_word_diff_keeps_changes_to_words() -> None:
    assert word_diff("a b c", "a x c") == [("=", "a "), ("-", "b"), ("+", "x"), ("=", " c")]
    assert word_diff("a  b", "a b") == [("=", "a b")]
    assert word_diff("a b", "a b c") == [("=", "a b "), ("+", "c")]


def test_trim_keeps_context_around_changes() -> None:
    words = " ".join(f"w{i}" for i in range(40))
    runs = trim([("=", words + " "), ("+", "ny"), ("=", " " + words)], context=3)
    assert runs == [("=", "… w37 w38 w39 "), ("+", "ny"), ("=", " w0 w1 w2 …")]


def test_text_is_coloured_only_when_asked() -> None:
    diff = diff_plans(plan(), plan(fora=FORA[:1]))
    assert "\x1b[" in as_text([diff], colour=True)
    assert "\x1b[" not in as_text([diff], colour=False)


# --- the command ----------------------------------------------------------------------


def test_exit_code_says_whether_anything_changed() -> None:
    data = ("--data", str(FIXTURE))
    assert run("diff", "2019", "2020", *data, "--exit-code")[0] == 1
    assert run("diff", "2020", "2020", *data, "--exit-code")[0] == 0
    assert run("diff", "2019", "2020", *data)[0] == 0


def test_two_plan_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURE, tmp_path / "data")
    code, out, err = run(
        "diff", "data/fyns-politi/2019", "data/fyns-politi/2020", "--format", "json"
    )
    assert (code, err) == (0, "")
    assert json.loads(out)["summary"] == {"added": 3, "removed": 1, "changed": 9, "renamed": 1}


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "aendringer.md"
    code, out, _ = run("diff", "2007", "2011", *MVS, "--format", "md", "--output", str(target))
    assert (code, out) == (0, "")
    assert target.read_text("utf-8").startswith("# Hvad er nyt i 2011: Midt- og Vestsjællands")
    assert [p.name for p in tmp_path.iterdir()] == ["aendringer.md"]


def test_several_districts_are_one_json_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "fyns-politi", data / "fyns-politi")
    for year in ("2019", "2020"):
        folder = data / "syd-og-soenderjyllands-politi" / year
        folder.mkdir(parents=True)
        (folder / "plan.yaml").write_text(
            f"district: syd-og-soenderjyllands-politi\nyear: {year}\ntitle: Plan {year}\n", "utf-8"
        )
    code, out, _ = run("diff", "2019", "2020", "--data", str(data), "--format", "json")
    result = json.loads(out)
    assert code == 0
    assert [d["district"] for d in result["diffs"]] == [
        "fyns-politi",
        "syd-og-soenderjyllands-politi",
    ]
    for one in result["diffs"]:
        jsonschema.validate(one, SCHEMA)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2007", "2012"), "no plans for both 2007 and 2012 in district midt-og-vestsjaellands"),
        (("2007", "data"), "give two years or two plan folders, not one of each"),
        (("nowhere", "data"), "'nowhere' is neither a year nor a plan folder"),
        (("1800", "2011"), "'1800' is not a plan year (1900-2200)"),
    ],
)
def test_usage_errors(args: tuple[str, str], message: str) -> None:
    code, out, err = run("diff", *args, *MVS)
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_a_plan_that_cannot_be_loaded_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    broken = data / "fyns-politi/2020/plan.yaml"
    broken.write_text(broken.read_text("utf-8").replace("kind: lokalråd", "kind: [oops"), "utf-8")
    code, out, err = run("diff", "2019", "2020", "--data", str(data))
    assert (code, out) == (2, "")
    assert "data/fyns-politi/2020/plan.yaml:11:10: error[SP001 invalid-yaml]" in err
    assert "1 plan could not be loaded; nothing compared" in err


def test_change_json_has_exactly_the_spec_keys() -> None:
    change = Change("added", "forum", "ssp", "SSP", None, None, None, "Nyt samarbejdsforum: »SSP«")
    assert list(change.as_json()) == [
        "change",
        "kind",
        "id",
        "title",
        "field",
        "old",
        "new",
        "text",
    ]
    field = Change("changed", "forum", "ssp", "SSP", "meetings", {"min": 4}, 4, "…", "Min. 4", "4")
    assert list(field.as_json()) == [
        *("change", "kind", "id", "title", "field", "old", "new"),
        *("old_text", "new_text", "text"),
    ]


def test_plan_folders_outside_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere, cwd = tmp_path / "elsewhere", tmp_path / "cwd"
    shutil.copytree(FIXTURE, elsewhere)
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    old, new = elsewhere / "fyns-politi/2019", elsewhere / "fyns-politi/2020"
    code, out, err = run("diff", str(old), str(new), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["summary"]["renamed"] == 1
    # Such a folder is its own boundary: a file in it may not lead out of it.
    secret = tmp_path / "secret.yaml"
    secret.write_text("subtitle: hemmelig\n", "utf-8")
    (new / "extra.yaml").symlink_to(secret)
    code, out, err = run("diff", str(old), str(new))
    assert code == 2
    refused = "extra.yaml:1:1: error[SP011 unreadable-file] the file links to a place outside"
    assert f"{refused} the plan folder" in err
    assert "hemmelig" not in out + err


def test_output_file_is_readable_like_any_new_file(tmp_path: Path) -> None:
    target = tmp_path / "aendringer.html"
    run("diff", "2007", "2011", *MVS, "--format", "html", "--output", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    target.chmod(0o640)  # a replaced file keeps the mode it had
    run("diff", "2007", "2011", *MVS, "--format", "html", "--output", str(target))
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_diff_as_text_or_json_imports_no_template_engine(tmp_path: Path, fmt: str) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    modules = imported(tmp_path, "diff", "2007", "2011", "--format", fmt)
    assert among(modules, ("jinja2", "markdown", "samplan.render.environment")) == []
    assert "samplan.diff.compare" in modules  # the diff itself ran
    assert "jinja2" in imported(tmp_path, "diff", "2007", "2011", "--format", "html")
