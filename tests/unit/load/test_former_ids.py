"""former_ids: the ids a source had before it was renamed, each a valid id, each old address
leading to one source only."""

from __future__ import annotations

import pytest

from build_scripts.cli import main
from build_scripts.load.metadata import FieldErrors, meta_fields, parse_metadata
from build_scripts.load.sources import address_clashes, load_sources
from tests.seed import copy_seed


def test_one_id_or_a_list_is_kept_in_order_without_repeats():
    assert parse_metadata({"former_ids": "000_183601ec9612ed3f"}).former_ids == ("000_183601ec9612ed3f",)
    assert parse_metadata({"former_ids": ["b-2", " a1 ", "B-2", 123]}).former_ids == ("b-2", "a1", "123")
    assert parse_metadata({}).former_ids == ()


@pytest.mark.parametrize(("value", "says"), [
    (["../index"], "'../index' must start with a letter or digit"),
    (["index"], "'index' is the address of the sources list"),
    (["report.html"], "ends in '.html'"),
    (["a b"], "'a b' must start with a letter or digit and use only letters, digits"),
    ([{"id": "x"}], "must be a list of the ids the source had before it was renamed"),
    (["x" * 201], "more than the 200 an id may have"),
])
def test_a_value_that_was_never_an_id_is_refused(value, says):
    with pytest.raises(FieldErrors) as error:
        parse_metadata({"former_ids": value})
    assert error.value.field == "former_ids" and says in str(error.value)


def test_a_near_miss_names_the_field_meant():
    with pytest.raises(FieldErrors, match="did you mean 'former_ids'"):
        parse_metadata({"former_id": ["abc"]})


def test_add_does_not_carry_former_ids_into_another_project():
    assert "former_ids" not in meta_fields(parse_metadata({"title": "T", "former_ids": ["abc"]}))


def _write(folder, name, front):
    (folder / f"{name}.md").write_text(f"---\ntitle: T\n{front}\n---\nSome text of {name}.\n", encoding="utf-8")


def test_an_old_address_that_is_a_page_now_or_leads_to_two_sources_is_a_problem(tmp_path):
    _write(tmp_path, "alpha", 'former_ids: ["beta", "Alpha"]')
    _write(tmp_path, "beta", 'former_ids: ["old-one"]')
    _write(tmp_path, "gamma", 'former_ids: ["OLD-ONE", "older"]')
    sources, problems = load_sources(tmp_path)
    assert not problems
    found = [(p.path.name, p.line, p.message) for p in address_clashes(sources)]
    assert found == [
        ("alpha.md", 3, "former_ids: 'beta' is the id of beta.md, whose page is at that address; remove it "
                        "from former_ids, or rename that file"),
        ("alpha.md", 3, "former_ids: 'Alpha' is this source's own id; remove it from former_ids"),
        ("gamma.md", 3, "former_ids: 'OLD-ONE' is also a former id of beta.md, and an old address leads to "
                        "one source only; remove it from one of the two"),
    ]


def test_check_reports_a_clash(tmp_path, capsys):
    copy_seed(tmp_path)
    path = tmp_path / "sources" / "002_734f80b9a0740e7f.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "---\n", '---\nformer_ids: ["004_21c2e34f33b076b3"]\n', 1), encoding="utf-8")
    assert main(["check", "--root", str(tmp_path)]) == 1
    assert ("sources/002_734f80b9a0740e7f.md:2: former_ids: '004_21c2e34f33b076b3' is the id of "
            "004_21c2e34f33b076b3.md") in capsys.readouterr().err
