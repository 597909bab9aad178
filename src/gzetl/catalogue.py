"""The metric catalogue and subject registry, loaded once from ``gzetl/data``.

>>> metrics()["container_throughput"].units
('TEU',)
>>> subjects()["Guangzhou City"].kind
'city'
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from gzetl.errors import KnowledgeError

METRIC_KINDS = frozenset(
    {"money", "mass", "containers", "count", "share", "duration", "rate", "quantity"}
)


@dataclass(frozen=True, slots=True)
class Metric:
    key: str
    label: str
    kind: str
    units: tuple[str, ...]
    aliases: tuple[str, ...]
    parts: tuple[str, ...] = ()
    aliases_zh: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Subject:
    name: str
    kind: str
    aliases: tuple[str, ...]
    aliases_zh: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Partner:
    name: str
    aliases: tuple[str, ...]
    aliases_zh: tuple[str, ...] = ()


def load_data(name: str) -> dict[str, Any]:
    """Parse one TOML file of ``gzetl/data``; a syntax error names the file."""
    text = resources.files("gzetl.data").joinpath(name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(name, f"not valid TOML: {exc}") from exc


def _metric(key: str, entry: dict[str, Any]) -> Metric:
    metric = Metric(
        key=key,
        label=entry["label"],
        kind=entry["kind"],
        units=tuple(entry["units"]),
        aliases=tuple(entry.get("aliases", ())),
        parts=tuple(entry.get("parts", ())),
        aliases_zh=tuple(entry.get("aliases_zh", ())),
    )
    if metric.kind not in METRIC_KINDS:
        raise KnowledgeError(
            "metrics.toml", f"[{key}] kind {metric.kind!r} is not one of {sorted(METRIC_KINDS)}"
        )
    if not metric.units:
        raise KnowledgeError("metrics.toml", f"[{key}] lists no units")
    return metric


@cache
def metrics() -> dict[str, Metric]:
    """The metric catalogue keyed by metric name."""
    table = load_data("metrics.toml")
    catalogue = {key: _metric(key, entry) for key, entry in table.items()}
    for metric in catalogue.values():
        unknown = [part for part in metric.parts if part not in catalogue]
        if unknown:
            raise KnowledgeError("metrics.toml", f"[{metric.key}] parts {unknown} are not metrics")
    return catalogue


@cache
def subjects() -> dict[str, Subject]:
    """Known subjects keyed by canonical name."""
    table = load_data("subjects.toml")
    return {
        entry["name"]: Subject(
            entry["name"],
            entry["kind"],
            tuple(entry.get("aliases", ())),
            tuple(entry.get("aliases_zh", ())),
        )
        for entry in table.get("subject", [])
    }


@cache
def partners() -> dict[str, Partner]:
    """Known trading partners keyed by canonical name."""
    table = load_data("subjects.toml")
    return {
        entry["name"]: Partner(
            entry["name"], tuple(entry.get("aliases", ())), tuple(entry.get("aliases_zh", ()))
        )
        for entry in table.get("partner", [])
    }


@cache
def anaphora() -> dict[str, str]:
    """Phrases that refer back to the last subject of a kind: phrase -> kind."""
    return dict(load_data("subjects.toml").get("anaphora", {}))


@cache
def organizations() -> tuple[str, ...]:
    """Words right after a place that make it part of an organization's name ("Guangzhou Port
    Group", "Shenzhen Airport Co."): the place is named in passing."""
    words = load_data("subjects.toml").get("organizations", {}).get("list", [])
    return tuple(str(w).lower() for w in words)


@cache
def regions() -> tuple[str, ...]:
    """Phrases that hold a subject's alias but name no subject ("South China", "the East
    China Sea"): read as one name of nothing, so their "China" names no one."""
    words = load_data("subjects.toml").get("regions", {}).get("list", [])
    return tuple(str(w).lower() for w in words)


@cache
def anaphora_zh() -> dict[str, str]:
    """The Chinese phrases that refer back to the last subject of a kind: phrase -> kind."""
    return dict(load_data("subjects.toml").get("anaphora_zh", {}))
