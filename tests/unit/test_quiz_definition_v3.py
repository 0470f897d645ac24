"""Version 3's new structure (named pairs, the reserve, the estimator) stops a broken definition
with one clear line `file:line: item: problem`, like every other mistake in a questionnaire."""

from __future__ import annotations

import pytest
import yaml

from quiz import DefinitionError, definitions, load

V3 = definitions()[2]


def edited(change) -> str:
    data = yaml.safe_load(V3.read_text(encoding="utf-8"))
    change(data)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def statement(data, statement_id: str) -> dict:
    return next(s for s in data["statements"] if s["id"] == statement_id)


def reserve_ids(data) -> list[str]:
    return [s["id"] for s in data["statements"] if s.get("reserve")]


def drop_reserve_pair(data):
    pair = statement(data, reserve_ids(data)[0])["pair"]
    data["statements"] = [s for s in data["statements"] if s.get("pair") != pair]


BROKEN = {
    "twin missing": (
        lambda d: data_remove(d, "as_prepare"),
        ["pair 'prepare'", "needs one closing and one after_sale"],
    ),
    "twins keyed differently": (
        lambda d: statement(d, "as_listen").update(keyed="minus"),
        ["pair 'listen'", "twins keyed differently"],
    ),
    "twins of different facets": (
        lambda d: statement(d, "as_time").update(facet="prepare"),
        ["pair 'time'", "belong to different facets"],
    ),
    "half a pair in the reserve": (
        lambda d: statement(d, "as_document_calls").pop("reserve"),
        ["statement 'as_document_calls'", "reserve statements come last"],
    ),
    "reserve without a pair": (
        lambda d: statement(d, "cl_prepare_files").pop("pair"),
        ["statement 'cl_prepare_files'", "a reserve statement needs a 'pair'"],
    ),
    "pair on first contact": (
        lambda d: statement(d, "fc_prepare").update(pair="prepare"),
        ["statement 'fc_prepare'", "'pair' is only for closing and after_sale"],
    ),
    "reserve not true or false": (
        lambda d: statement(d, "cl_prepare_files").update(reserve="ja"),
        ["statement 'cl_prepare_files'", "'reserve' must be true or false"],
    ),
    "reserve too small": (drop_reserve_pair, ["statements", "the reserve needs at least 5 pairs, found 4"]),
    "reserve without the moderated estimator": (
        lambda d: d.pop("estimator"),
        ["a reserve needs 'estimator: moderated'"],
    ),
    "unknown estimator": (lambda d: d.update(estimator="bayes"), ["top level", "unknown estimator 'bayes'"]),
    "closing statement without its pair": (
        lambda d: statement(d, "cl_next_step").pop("pair"),
        ["statement 'cl_next_step'", "needs a 'pair'"],
    ),
    "facet without a base pair": (
        lambda d: [statement(d, i).update(facet="listen") for i in ("cl_time", "as_time")],
        ["facet 'time'", "has no pair in the base test"],
    ),
}


def data_remove(data, statement_id: str):
    data["statements"].remove(statement(data, statement_id))


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_version_3_definition_fails_in_one_line(case, tmp_path):
    change, expected = BROKEN[case]
    broken = tmp_path / "v3.yml"
    broken.write_text(edited(change), encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load(broken)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{broken}:"), message
    for part in expected:
        assert part in message, message


def test_the_published_version_3_is_valid():
    questionnaire = load(V3)
    assert questionnaire.estimator == "moderated" and questionnaire.has_reserve
