"""Unit tests of samplan.loader.load_plan: every problem is a located diagnostic."""

from __future__ import annotations

from pathlib import Path

import pytest

from samplan.diagnostics import Diagnostic
from samplan.loader import LoadResult, load_plan
from samplan.plan_files import MAX_FILE_BYTES

DISTRICT = "fyns-politi"
YEAR = 2020
FOLDER = f"data/{DISTRICT}/{YEAR}"
PLAN = f"{FOLDER}/plan.yaml"
MINIMAL = f"district: {DISTRICT}\nyear: {YEAR}\ntitle: Plan\n"
BODY = "  - title: K\n    kind: kredsråd\n    level: strategic\n"

Located = tuple[str, str, str, str | None, int | None, int | None, str | None]


def load(
    tmp_path: Path,
    files: dict[str, str | bytes],
    district: str = DISTRICT,
    year: int | str = YEAR,
) -> LoadResult:
    """Write `files` into tmp_path/data/<district>/<year>/ and load that plan folder."""
    folder = tmp_path / "data" / district / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return load_plan(folder, tmp_path)


def located(diag: Diagnostic) -> Located:
    return (diag.code, diag.name, diag.message, diag.file, diag.line, diag.column, diag.help)


def findings(result: LoadResult) -> list[Located]:
    """The diagnostics as comparable tuples, in file/line/column order."""
    return [located(d) for d in sorted(result.diagnostics, key=lambda d: d.sort_key)]


def only(result: LoadResult) -> Located:
    found = findings(result)
    assert len(found) == 1, found
    assert result.plan is None
    return found[0]


# --- valid plans ----------------------------------------------------------------------------


def test_minimal_plan_is_valid(tmp_path: Path) -> None:
    result = load(tmp_path, {"plan.yaml": MINIMAL})
    assert result.diagnostics == []
    assert result.folder == FOLDER
    assert result.plan is not None
    assert result.plan.district == DISTRICT
    assert result.plan.year == YEAR
    assert result.plan.title == "Plan"
    assert result.plan.bodies is None
    assert result.plan.fora is None
    assert result.source.owner == {"district": PLAN, "year": PLAN, "title": PLAN}


def test_title_no_stays_text(tmp_path: Path) -> None:
    result = load(tmp_path, {"plan.yaml": f"district: {DISTRICT}\nyear: {YEAR}\ntitle: no\n"})
    assert result.diagnostics == []
    assert result.plan is not None
    assert result.plan.title == "no"


def test_plan_split_over_files(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "plan.yaml": MINIMAL,
        "organisation.yaml": f"bodies:\n{BODY}fora: []\n",
        "sections.yaml": "sections:\n  - title: Forord\n    include: fora\n",
    }
    result = load(tmp_path, files)
    assert result.diagnostics == []
    assert result.plan is not None
    assert [b.id for b in result.plan.bodies or []] == ["k"]
    assert result.plan.fora == []
    assert result.plan.initiatives is None
    assert result.source.owner["bodies"] == f"{FOLDER}/organisation.yaml"
    assert result.source.owner["sections"] == f"{FOLDER}/sections.yaml"


def test_empty_file_is_fine(tmp_path: Path) -> None:
    result = load(tmp_path, {"plan.yaml": MINIMAL, "empty.yaml": "", "notes.yaml": "# later\n"})
    assert result.diagnostics == []
    assert result.plan is not None


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    text = "\ufeff" + MINIMAL.replace("\n", "\r\n")
    result = load(tmp_path, {"plan.yaml": text})
    assert result.diagnostics == []
    assert result.plan is not None
    assert result.plan.title == "Plan"


def test_other_files_are_ignored(tmp_path: Path) -> None:
    result = load(tmp_path, {"plan.yaml": MINIMAL, "README.md": "- not: [yaml\n"})
    assert result.diagnostics == []


def test_yml_files_are_plan_parts(tmp_path: Path) -> None:
    result = load(tmp_path, {"plan.yml": MINIMAL, "more.yaml": "subtitle: Del 2\n"})
    assert result.diagnostics == []
    assert result.plan is not None
    assert (result.plan.title, result.plan.subtitle) == ("Plan", "Del 2")


def test_a_part_saved_as_yml_and_yaml_is_refused(tmp_path: Path) -> None:
    result = load(tmp_path, {"plan.yaml": MINIMAL, "plan.yml": MINIMAL})
    assert [located(x) for x in result.diagnostics] == [
        (
            "SP012",
            "bad-plan-folder",
            "'plan.yml' and 'plan.yaml' are the same plan part saved twice; 'plan.yml' is not read",
            f"{FOLDER}/plan.yml",
            None,
            None,
            "keep one of the two files",
        )
    ]
    assert result.plan is None


@pytest.mark.parametrize("name", ["plan.YAML", "bodies.yaml~", "fora.yml.bak", "plan.json"])
def test_a_look_alike_of_a_plan_part_is_reported(tmp_path: Path, name: str) -> None:
    result = load(tmp_path, {"plan.yaml": MINIMAL, name: "title: x\n"})
    assert [(x.code, x.severity, x.file, x.message) for x in result.diagnostics] == [
        (
            "SP019",
            "warning",
            f"{FOLDER}/{name}",
            f"'{name}' is not read: a plan's parts are its .yaml and .yml files",
        )
    ]
    assert result.plan is not None  # a warning: the plan itself loads


def test_derived_ids_made_unique(tmp_path: Path) -> None:
    text = MINIMAL + "bodies:\n" + BODY.replace("K", "Kredsrådet") * 2
    result = load(tmp_path, {"plan.yaml": text})
    assert result.diagnostics == []
    assert result.plan is not None
    assert [b.id for b in result.plan.bodies or []] == ["kredsraadet", "kredsraadet-2"]


def test_derived_id_steps_around_explicit_id(tmp_path: Path) -> None:
    text = MINIMAL + (
        "initiatives:\n"
        "  - title: Ungesamråd\n"
        "  - id: ungesamraad\n    title: Andet\n"
        "  - title: Ungesamråd\n"
    )
    result = load(tmp_path, {"plan.yaml": text})
    assert result.diagnostics == []
    assert result.plan is not None
    ids = [i.id for i in result.plan.initiatives or []]
    assert ids == ["ungesamraad-2", "ungesamraad", "ungesamraad-3"]


# --- unknown keys ---------------------------------------------------------------------------


def test_unknown_key_suggests_the_known_one(tmp_path: Path) -> None:
    result = load(tmp_path, {"plan.yaml": MINIMAL + "titel: x\n"})
    assert only(result) == (
        "SP006",
        "unknown-key",
        "unknown key 'titel' in the plan",
        PLAN,
        4,
        1,
        "did you mean 'title'?",
    )
    assert result.diagnostics[0].width == 5


def test_unknown_nested_key(tmp_path: Path) -> None:
    text = MINIMAL + "bodies:\n" + BODY + "    chair: {title: politidirektør, nmae: x}\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP006",
        "unknown-key",
        "unknown key 'nmae' in bodies[0].chair (politidirektør)",
        PLAN,
        8,
        36,
        "did you mean 'name'?",
    )


# --- values of the wrong type or form -------------------------------------------------------


def test_year_not_a_number(tmp_path: Path) -> None:
    text = f"district: {DISTRICT}\nyear: abc\ntitle: Plan\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP008",
        "invalid-value",
        "year: expected a whole number, got 'abc'",
        PLAN,
        2,
        7,
        None,
    )


def test_meetings_not_a_frequency(tmp_path: Path) -> None:
    text = MINIMAL + "bodies:\n" + BODY + "    meetings: sometimes\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP008",
        "invalid-value",
        "bodies[0].meetings (K): 'sometimes' is not a meeting frequency; use a number, "
        "{min: N}, {min: N, max: M} or one of: ad-hoc, as-needed, locally-decided, weekly, "
        "monthly, quarterly",
        PLAN,
        8,
        15,
        None,
    )


def test_impossible_date(tmp_path: Path) -> None:
    text = MINIMAL + "effective_from: 2020-13-01\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP008",
        "invalid-value",
        "effective_from: expected a date, got '2020-13-01'",
        PLAN,
        4,
        17,
        "write dates as YYYY-MM-DD, e.g. 2020-01-01",
    )


def test_kind_misspelt_suggests_the_danish_word(tmp_path: Path) -> None:
    text = MINIMAL + "bodies:\n  - title: K\n    kind: kredsraad\n    level: strategic\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP008",
        "invalid-value",
        "bodies[0].kind (K): 'kredsraad' is not an allowed value",
        PLAN,
        6,
        11,
        "did you mean 'kredsråd'?",
    )


def test_kind_far_off_lists_the_allowed_values(tmp_path: Path) -> None:
    text = MINIMAL + "bodies:\n  - title: K\n    kind: x\n    level: strategic\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP008",
        "invalid-value",
        "bodies[0].kind (K): 'x' is not an allowed value",
        PLAN,
        6,
        11,
        "use one of: kredsråd, kontaktudvalg, koordinationsudvalg, lokalråd, lokalråd+, "
        "sekretariat, beredskabsstab, andet",
    )


def test_list_expected(tmp_path: Path) -> None:
    assert only(load(tmp_path, {"plan.yaml": MINIMAL + "fora: 3\n"})) == (
        "SP008",
        "invalid-value",
        "fora: expected a list, got '3'",
        PLAN,
        4,
        7,
        "write each item on a line starting with '- '",
    )


# --- missing keys ---------------------------------------------------------------------------


def test_missing_key_points_at_the_mapping(tmp_path: Path) -> None:
    text = MINIMAL + "bodies:\n  - title: K\n    level: strategic\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP007",
        "missing-key",
        "missing required key 'kind' in bodies[0] (K)",
        PLAN,
        5,
        5,
        "add 'kind: ...'",
    )


def test_plan_without_title_points_at_a_file(tmp_path: Path) -> None:
    text = f"district: {DISTRICT}\nyear: {YEAR}\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP007",
        "missing-key",
        "missing required key 'title' in the plan",
        PLAN,
        1,
        1,
        "add 'title: ...'",
    )


# --- YAML problems --------------------------------------------------------------------------


def test_duplicate_key_and_the_other_errors_of_the_file(tmp_path: Path) -> None:
    result = load(tmp_path, {"plan.yaml": MINIMAL + "title: Again\ntitel: x\n"})
    assert result.plan is None
    assert findings(result) == [
        (
            "SP002",
            "duplicate-key",
            "duplicate key 'title'",
            PLAN,
            4,
            1,
            "the key was first given on line 3; keep one of them",
        ),
        (
            "SP006",
            "unknown-key",
            "unknown key 'titel' in the plan",
            PLAN,
            5,
            1,
            "did you mean 'title'?",
        ),
    ]


def test_nested_duplicate_key_and_the_other_errors(tmp_path: Path) -> None:
    text = MINIMAL + "issued_by:\n  name: A\n  name: B\n  titel: x\n"
    assert findings(load(tmp_path, {"plan.yaml": text})) == [
        (
            "SP002",
            "duplicate-key",
            "duplicate key 'name'",
            PLAN,
            6,
            3,
            "the key was first given on line 5; keep one of them",
        ),
        (
            "SP006",
            "unknown-key",
            "unknown key 'titel' in issued_by",
            PLAN,
            7,
            3,
            "did you mean 'title'?",
        ),
    ]


def test_refused_tag(tmp_path: Path) -> None:
    text = MINIMAL + "subtitle: !!python/object/apply:os.system ['ls']\n"
    assert findings(load(tmp_path, {"plan.yaml": text})) == [
        (
            "SP003",
            "refused-yaml-feature",
            "tag '!!python/object/apply:os.system' is not allowed",
            PLAN,
            4,
            11,
            "remove the tag; samplan reads every value as written and the schema decides its type",
        ),
        ("SP008", "invalid-value", "subtitle: expected text, got a list", PLAN, 4, 11, None),
    ]


def test_syntax_error(tmp_path: Path) -> None:
    text = MINIMAL + "subtitle: a\n bodies: b\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP001",
        "invalid-yaml",
        "a key stands where YAML expected none",
        PLAN,
        5,
        8,
        "indent the line like the keys beside it, and check that the line above has a "
        "'key: value' form; a value holding ': ' goes in quotation marks",
    )


# --- the plan's files -----------------------------------------------------------------------


def test_top_level_key_in_two_files(tmp_path: Path) -> None:
    result = load(tmp_path, {"a.yaml": MINIMAL, "b.yaml": "subtitle: S\ntitle: Other\n"})
    assert only(result) == (
        "SP005",
        "key-in-two-files",
        f"top-level key 'title' is also given in {FOLDER}/a.yaml",
        f"{FOLDER}/b.yaml",
        2,
        1,
        "keep the key in one file",
    )
    assert result.source.owner["title"] == f"{FOLDER}/a.yaml"
    assert result.source.owner["subtitle"] == f"{FOLDER}/b.yaml"


def test_file_holding_a_list(tmp_path: Path) -> None:
    assert only(load(tmp_path, {"plan.yaml": MINIMAL, "x.yaml": "- a\n- b\n"})) == (
        "SP004",
        "file-not-a-mapping",
        "the file holds a list, not a mapping of plan keys",
        f"{FOLDER}/x.yaml",
        1,
        1,
        "start the file with keys such as 'title: ...'",
    )


def test_file_holding_a_scalar(tmp_path: Path) -> None:
    assert only(load(tmp_path, {"plan.yaml": MINIMAL, "x.yaml": "just text\n"})) == (
        "SP004",
        "file-not-a-mapping",
        "the file holds a single value, not a mapping of plan keys",
        f"{FOLDER}/x.yaml",
        1,
        1,
        "start the file with keys such as 'title: ...'",
    )


def test_not_utf8(tmp_path: Path) -> None:
    data = "subtitle: æ\nx: a\n".encode("latin-1")
    assert only(load(tmp_path, {"plan.yaml": MINIMAL, "x.yaml": data})) == (
        "SP011",
        "unreadable-file",
        "the file is not UTF-8 text (byte 0xe6)",
        f"{FOLDER}/x.yaml",
        1,
        11,
        "save the file as UTF-8",
    )


def test_not_utf8_on_a_later_line_after_utf8_text(tmp_path: Path) -> None:
    data = "subtitle: æøå\n".encode() + b"x: ab\xff\n"
    assert only(load(tmp_path, {"plan.yaml": MINIMAL, "x.yaml": data}))[2:6] == (
        "the file is not UTF-8 text (byte 0xff)",
        f"{FOLDER}/x.yaml",
        2,
        6,
    )


def test_file_too_large(tmp_path: Path) -> None:
    big = "subtitle: " + "x" * MAX_FILE_BYTES + "\n"
    assert only(load(tmp_path, {"plan.yaml": MINIMAL, "big.yaml": big})) == (
        "SP013",
        "limit-exceeded",
        f"the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MiB",
        f"{FOLDER}/big.yaml",
        1,
        1,
        "split the plan over several files",
    )


def test_file_of_exactly_max_bytes_is_read(tmp_path: Path) -> None:
    tail = "subtitle: S\n"
    text = "#" + "x" * (MAX_FILE_BYTES - len(tail) - 2) + "\n" + tail
    assert len(text.encode()) == MAX_FILE_BYTES
    result = load(tmp_path, {"plan.yaml": MINIMAL, "big.yaml": text})
    assert result.diagnostics == []


def test_symlink_outside_the_root_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    outside = tmp_path / "elsewhere" / "secret.yaml"
    outside.parent.mkdir()
    outside.write_text("fora: [\n", encoding="utf-8")
    folder = root / "data" / DISTRICT / str(YEAR)
    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text(MINIMAL, encoding="utf-8")
    (folder / "link.yaml").symlink_to(outside)

    read: list[Path] = []
    original = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self.resolve())
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    result = load_plan(folder, root)

    assert only(result) == (
        "SP011",
        "unreadable-file",
        "the file links to a place outside the repository",
        f"{FOLDER}/link.yaml",
        1,
        1,
        "copy the file into the plan folder",
    )
    assert outside.resolve() not in read
    assert read == [(folder / "plan.yaml").resolve()]
    assert f"{FOLDER}/link.yaml" not in result.source.lines


def test_symlink_inside_the_root_is_read(tmp_path: Path) -> None:
    shared = tmp_path / "data" / "shared.yaml"
    shared.parent.mkdir(parents=True)
    shared.write_text("fora: []\n", encoding="utf-8")
    folder = tmp_path / "data" / DISTRICT / str(YEAR)
    folder.mkdir(parents=True)
    (folder / "link.yaml").symlink_to(shared)
    result = load(tmp_path, {"plan.yaml": MINIMAL})
    assert result.diagnostics == []
    assert result.plan is not None
    assert result.plan.fora == []


# --- identity -------------------------------------------------------------------------------


def test_district_differs_from_folder(tmp_path: Path) -> None:
    text = f"district: oestjyllands-politi\nyear: {YEAR}\ntitle: P\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP009",
        "folder-mismatch",
        "district 'oestjyllands-politi' but the plan's folder is 'fyns-politi'",
        PLAN,
        1,
        11,
        "move the plan or correct the district",
    )


def test_year_differs_from_folder(tmp_path: Path) -> None:
    text = f"district: {DISTRICT}\nyear: 2019\ntitle: P\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP009",
        "folder-mismatch",
        "year 2019 but the plan's folder is '2020'",
        PLAN,
        2,
        7,
        "move the plan or correct the year",
    )


def test_unknown_district(tmp_path: Path) -> None:
    text = f"district: fyns-polti\nyear: {YEAR}\ntitle: P\n"
    result = load(tmp_path, {"plan.yaml": text}, district="fyns-polti")
    assert only(result) == (
        "SP014",
        "unknown-district",
        "unknown district 'fyns-polti'",
        "data/fyns-polti/2020/plan.yaml",
        1,
        11,
        "did you mean 'fyns-politi'?",
    )
    assert result.diagnostics[0].district == "fyns-polti"


def test_unknown_district_without_suggestion(tmp_path: Path) -> None:
    text = f"district: xyz\nyear: {YEAR}\ntitle: P\n"
    result = load(tmp_path, {"plan.yaml": text}, district="xyz")
    assert only(result)[:3] == ("SP014", "unknown-district", "unknown district 'xyz'")
    assert only(result)[6] == "see the registry of districts"


def test_duplicate_explicit_ids(tmp_path: Path) -> None:
    text = MINIMAL + "fora:\n  - id: ssp\n    title: SSP\n  - id: ssp\n    title: SSP 2\n"
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP010",
        "duplicate-id",
        "id 'ssp' is used twice in fora",
        PLAN,
        7,
        9,
        "give each entity of a kind its own id",
    )


def test_duplicate_explicit_ids_in_nested_sections(tmp_path: Path) -> None:
    text = MINIMAL + (
        "sections:\n  - id: a\n    title: A\n    sections:\n      - id: a\n        title: B\n"
    )
    assert only(load(tmp_path, {"plan.yaml": text})) == (
        "SP010",
        "duplicate-id",
        "id 'a' is used twice in sections",
        PLAN,
        8,
        13,
        "give each entity of a kind its own id",
    )


def test_same_id_in_different_kinds_is_fine(tmp_path: Path) -> None:
    text = (
        MINIMAL + "fora:\n  - id: ssp\n    title: SSP\ninitiatives:\n  - id: ssp\n    title: SSP\n"
    )
    assert load(tmp_path, {"plan.yaml": text}).diagnostics == []


# --- several problems in one run ------------------------------------------------------------


def test_errors_of_several_files_all_reported(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "a.yaml": MINIMAL + "subtitle: a\n b: c\n",
        "b.yaml": "fora: 3\n",
        "c.yaml": "bodies:\n  - title: K\n    kind: x\n    level: strategic\n",
        "d.yaml": "- a\n",
    }
    assert [f[0:1] + f[3:6] for f in findings(load(tmp_path, files))] == [
        ("SP001", f"{FOLDER}/a.yaml", 5, 3),
        ("SP008", f"{FOLDER}/b.yaml", 1, 7),
        ("SP008", f"{FOLDER}/c.yaml", 3, 11),
        ("SP004", f"{FOLDER}/d.yaml", 1, 1),
    ]


def test_missing_title_not_reported_when_a_file_could_not_be_read(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "a.yaml": f"district: {DISTRICT}\nyear: {YEAR}\n",
        "b.yaml": "title: [\n  x\n  - y\n",
    }
    assert [f[0] for f in findings(load(tmp_path, files))] == ["SP001"]


def test_diagnostics_carry_district_and_year(tmp_path: Path) -> None:
    diag = load(tmp_path, {"plan.yaml": MINIMAL + "titel: x\n"}).diagnostics[0]
    assert (diag.severity, diag.district, diag.year) == ("error", DISTRICT, YEAR)


BAD_CASES: dict[str, dict[str, str]] = {
    "unknown-key": {"plan.yaml": MINIMAL + "titel: x\n"},
    "unknown-nested-key": {
        "plan.yaml": MINIMAL + "bodies:\n" + BODY + "    chair: {title: politidirektør, nmae: x}\n"
    },
    "year-abc": {"plan.yaml": f"district: {DISTRICT}\nyear: abc\ntitle: Plan\n"},
    "meetings": {"plan.yaml": MINIMAL + "bodies:\n" + BODY + "    meetings: sometimes\n"},
    "date": {"plan.yaml": MINIMAL + "effective_from: 2020-13-01\n"},
    "kind": {"plan.yaml": MINIMAL + "bodies:\n  - title: K\n    kind: kredsraad\n    level: x\n"},
    "missing-kind": {"plan.yaml": MINIMAL + "bodies:\n  - title: K\n    level: strategic\n"},
    "missing-title": {"plan.yaml": f"district: {DISTRICT}\nyear: {YEAR}\n"},
    "duplicate-key": {"plan.yaml": MINIMAL + "title: Again\ntitel: x\n"},
    "two-files": {"a.yaml": MINIMAL, "b.yaml": "subtitle: S\ntitle: Other\n"},
    "folder-mismatch": {"plan.yaml": "district: oestjyllands-politi\nyear: 2019\ntitle: P\n"},
    "unknown-district": {"plan.yaml": f"district: fyns-polti\nyear: {YEAR}\ntitle: P\n"},
    "duplicate-id": {
        "plan.yaml": MINIMAL + "fora:\n  - {id: a, title: A}\n  - {id: a, title: B}\n"
    },
    "list-file": {"plan.yaml": MINIMAL, "x.yaml": "- a\n"},
    "scalar-file": {"plan.yaml": MINIMAL, "x.yaml": "text\n"},
    "syntax": {"plan.yaml": MINIMAL + "subtitle: a\n b: c\n"},
    "tag-anchor-alias": {"plan.yaml": MINIMAL + "subtitle: !!str &a x\nfora: *a\n"},
    "merge-key": {"plan.yaml": MINIMAL + "issued_by:\n  <<: {name: A}\n"},
    "nul-byte": {"plan.yaml": MINIMAL + "subtitle: a\x00b\n"},
    "crlf": {"plan.yaml": (MINIMAL + "titel: x\nfora: 3\n").replace("\n", "\r\n")},
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_every_diagnostic_is_located_with_its_source_line(tmp_path: Path, case: str) -> None:
    files = BAD_CASES[case]
    result = load(tmp_path, dict(files))
    assert result.plan is None
    assert result.diagnostics != []
    sources = {f"{FOLDER}/{name}": text.splitlines() for name, text in files.items()}
    for diag in result.diagnostics:
        assert diag.file in sources, diag
        assert diag.line is not None, diag
        assert diag.column is not None, diag
        assert diag.snippet == sources[diag.file][diag.line - 1], diag
        assert 1 <= diag.column <= len(diag.snippet) + 1, diag
