"""Canonical copy and carried-over facts inside a duplicate group."""

from __future__ import annotations

import datetime as dt

from toolkit.dedup.groups import Member, assign_groups

DAY = dt.date(2024, 5, 2)


def member(id: str, body: str, **facts: object) -> Member:
    base: dict[str, object] = {"headline": None, "date": None, "date_source": None, "source": None}
    return Member(id=id, word_count=len(body.split()), **{**base, **facts})  # type: ignore[arg-type]


def test_a_selection_without_source_or_date_inherits_both_and_says_so() -> None:
    page = member("b", "long body " * 50, headline="H", date=DAY, date_source="text", source="X")
    selection = member("a", "long body " * 40)
    groups = assign_groups([selection, page], [(0, 1)])
    assert groups == ["b", "b"]  # the complete copy is canonical, whatever the input order
    assert (selection.source, selection.date, selection.date_source) == ("X", DAY, "carried_over")
    assert selection.carried_over == ["date", "source"]
    assert page.carried_over == []


def test_a_copy_keeps_what_it_states_itself() -> None:
    page = member("b", "body " * 50, headline="H", date=DAY, date_source="text", source="X")
    before = DAY - dt.timedelta(days=1)
    wire = member("a", "body " * 40, date=before, date_source="text", source="Y")
    assign_groups([page, wire], [(0, 1)])
    assert (wire.source, wire.date, wire.carried_over) == ("Y", before, [])


def test_rows_alone_inherit_nothing() -> None:
    lone = member("a", "text")
    assert assign_groups([lone], []) == ["a"]
    assert lone.carried_over == []
