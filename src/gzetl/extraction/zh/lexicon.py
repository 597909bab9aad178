"""The Chinese word tables of ``zh.toml``, loaded once and validated.

>>> zh_words().bound_before["超过"], zh_words().direction["下降"], zh_words().basis["同比"]
('gt', -1, 'yoy')
>>> zh_words().units["标箱"].unit, zh_words().scales["万亿"]
('TEU', Decimal('1E+12'))
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from gzetl.catalogue import load_data
from gzetl.errors import KnowledgeError
from gzetl.extraction.lexicon import BASES, QUALIFIER_BOUNDS
from gzetl.units import Unit, _unit

FILE = "zh.toml"
PREVIOUS = "prev"  # 环比: the period before, mom or qoq by the figure's period


@dataclass(frozen=True, slots=True)
class ZhWords:
    """``zh.toml``: the grammar words of Chinese releases (names are in subjects.toml)."""

    share: float  # [detect]
    numerals: dict[str, int]
    numeral_units: dict[str, int]
    scales: dict[str, Decimal]
    currency: dict[str, str]
    currency_before: dict[str, str]
    units: dict[str, Unit]
    bound_before: dict[str, str]
    bound_after: dict[str, str]
    connectives: tuple[str, ...]
    connectives_to: tuple[str, ...]
    threshold: tuple[str, ...]
    adverbs: tuple[str, ...]
    direction: dict[str, int]
    basis: dict[str, str]
    after_rate: dict[str, int]
    multiple: dict[str, int]
    ratio: tuple[str, ...]
    share_zhan: tuple[str, ...]
    share_nouns: tuple[str, ...]
    half: dict[str, str]
    negatives: tuple[str, ...]
    forecast: tuple[str, ...]
    organizations: tuple[str, ...]
    ordinals: tuple[str, ...]
    relative: dict[str, int]
    plans: dict[str, int]
    undated: tuple[str, ...]
    ytd: tuple[str, ...]
    alone: tuple[str, ...]
    comparison: tuple[str, ...]
    cumulative: tuple[str, ...]
    average: tuple[str, ...]


def _table(table: dict[str, Any], *names: str) -> dict[str, Any]:
    section: Any = table
    for name in names:
        section = section.get(name) if isinstance(section, dict) else None
    if not isinstance(section, dict) or not section:
        raise KnowledgeError(FILE, f"section [{'.'.join(names)}] is missing or empty")
    return {str(k).lower(): v for k, v in section.items()}


def _list(table: dict[str, Any], *names: str, key: str = "list") -> tuple[str, ...]:
    values = _table(table, *names).get(key)
    if not isinstance(values, list) or not values:
        raise KnowledgeError(FILE, f"[{'.'.join(names)}] {key} must be a non-empty list")
    return tuple(str(v).lower() for v in values)


def _bounds(
    table: dict[str, Any], name: str, extra: frozenset[str] = frozenset()
) -> dict[str, str]:
    section = _table(table, name)
    bad = {k: v for k, v in section.items() if v not in QUALIFIER_BOUNDS | extra}
    if bad:
        raise KnowledgeError(
            FILE, f"[{name}] {bad}: bound must be one of {sorted(QUALIFIER_BOUNDS)}"
        )
    return {k: str(v) for k, v in section.items()}


@cache
def zh_words() -> ZhWords:
    """``zh.toml``, loaded once; bounds, signs and bases are checked."""
    table = load_data(FILE)
    direction = {k: int(v) for k, v in _table(table, "direction").items()}
    basis = {k: str(v) for k, v in _table(table, "basis").items()}
    if any(v not in (1, -1) for v in direction.values()):
        raise KnowledgeError(FILE, "[direction] signs must be 1 or -1")
    if any(v not in {*BASES, PREVIOUS} for v in basis.values()):
        raise KnowledgeError(FILE, f"[basis] values must be one of {sorted(BASES)} or prev")
    return ZhWords(
        share=float(_table(table, "detect")["share"]),
        numerals={k: int(v) for k, v in _table(table, "numerals").items()},
        numeral_units={k: int(v) for k, v in _table(table, "numeral_units").items()},
        scales={k: Decimal(str(v)) for k, v in _table(table, "scale").items()},
        currency={k: str(v) for k, v in _table(table, "currency").items()},
        currency_before={k: str(v) for k, v in _table(table, "currency_before").items()},
        units={k: _unit(k, v) for k, v in _table(table, "unit").items()},
        bound_before=_bounds(table, "bound_before"),
        bound_after=_bounds(table, "bound_after"),
        connectives=_list(table, "connective"),
        connectives_to=_list(table, "connective", key="to"),
        threshold=_list(table, "threshold"),
        adverbs=_list(table, "adverbs"),
        direction=direction,
        basis=basis,
        after_rate={k: int(v) for k, v in _table(table, "after_rate").items()},
        multiple={k: int(v) for k, v in _table(table, "multiple").items()},
        ratio=_list(table, "ratio"),
        share_zhan=_list(table, "share", key="zhan"),
        share_nouns=_list(table, "share", key="nouns"),
        half=_bounds(table, "half", frozenset({"eq"})),
        negatives=_list(table, "negatives"),
        forecast=_list(table, "forecast"),
        organizations=_list(table, "organizations"),
        ordinals=_list(table, "ordinal"),
        relative={k: int(v) for k, v in _table(table, "periods", "relative").items()},
        plans={k: int(v) for k, v in _table(table, "periods", "plans").items()},
        undated=_list(table, "periods", "undated"),
        ytd=_list(table, "periods", "ytd"),
        alone=_list(table, "periods", "alone"),
        comparison=_list(table, "periods", "comparison"),
        cumulative=_list(table, "periods", "cumulative"),
        average=_list(table, "average"),
    )
