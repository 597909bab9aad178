"""Tests of gzetl.extraction.subjects: subject mentions and the subject of a fact."""

from __future__ import annotations

import pytest

from gzetl.extraction.names import find_names
from gzetl.extraction.subjects import SubjectIndex, find_subjects


def test_anaphora_resolve_to_the_last_subject_of_their_kind() -> None:
    text = "Guangzhou Customs District grew. The customs district exported more; the city too."
    assert [n.name for n in find_subjects(text)] == [
        "Guangzhou Customs District",
        "Guangzhou Customs District",
    ]


def test_subject_in_passing_is_weak() -> None:
    text = "It is the first of its kind in China. Huangpu Customs said exports rose."
    names = find_names(text).subjects
    assert [(n.name, n.weak) for n in names] == [("China", True), ("Huangpu Customs", True)]


CHOICES = [
    (
        "place-beats-agency",
        "Guangzhou Customs supervised over 18.6 million persons through the Baiyun Airport port.",
        "over 18.6",
        "person",
        None,
        "Guangzhou Baiyun Airport port",
    ),
    (
        "measures-belong-to-agency",
        "Guangzhou Customs launched 62 reform measures for Nansha Port.",
        "62",
        "measure",
        None,
        "Guangzhou Customs",
    ),
    (
        "group-before-place",
        "Private enterprises in Dongguan exported 70 billion yuan.",
        "70",
        "CNY",
        None,
        "private enterprises",
    ),
    ("inherited", "Exports stood at 26.99 trillion yuan.", "26.99", "CNY", "China", "China"),
    ("nothing", "Exports stood at 26.99 trillion yuan.", "26.99", "CNY", None, None),
]


@pytest.mark.parametrize(
    ("text", "number", "unit", "inherited", "expected"),
    [c[1:] for c in CHOICES],
    ids=[c[0] for c in CHOICES],
)
def test_choose(
    text: str, number: str, unit: str, inherited: str | None, expected: str | None
) -> None:
    index = SubjectIndex(find_names(text).subjects)
    start = text.index(number)
    span = (start, start + len(number))
    assert index.choose(span, (0, len(text)), (0, len(text)), unit, inherited=inherited) == expected


def test_a_place_in_an_organizations_name_is_no_antecedent() -> None:
    text = "Shenzhen Port rose, Guangzhou Port Group said. The port opened routes."
    names = find_names(text).subjects
    assert [(n.name, n.weak) for n in names] == [
        ("Shenzhen Port", False),
        ("Guangzhou Port", True),
        ("Shenzhen Port", False),
    ]


def test_a_place_after_according_to_is_in_passing() -> None:
    text = "Trade grew, according to Guangdong statistics."
    assert [(n.name, n.weak) for n in find_names(text).subjects] == [("Guangdong Province", True)]


def test_the_owner_of_a_shares_whole_is_named_in_passing() -> None:
    text = (
        "China's trade grew. Private firms' share of the country's total trade rose to 57.2 "
        "percent, and the share of private enterprises in China's trade was 58.6 percent."
    )
    assert [(n.name, n.weak) for n in find_names(text).subjects] == [
        ("China", False),
        ("private enterprises", False),
        ("China", True),
        ("private enterprises", False),
        ("China", True),
    ]


def test_a_region_named_after_china_is_not_china() -> None:
    text = "Nansha, the largest hub in South China and on the South China Sea, served China."
    assert [(n.name, n.start) for n in find_names(text).subjects] == [
        ("Nansha District", 0),
        ("China", text.rindex("China")),
    ]


def test_an_anaphor_after_from_is_no_place_in_passing() -> None:
    text = "Goods from Shenzhen rose. Guangzhou grew. Trains departing from the city rose."
    names = find_names(text).subjects
    assert [(n.name, n.weak) for n in names] == [
        ("Shenzhen City", True),
        ("Guangzhou City", False),
        ("Guangzhou City", False),
    ]
