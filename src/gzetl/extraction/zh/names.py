"""Subjects, anaphora, partners and metric aliases named in a Chinese text.

The ``aliases_zh`` of subjects.toml and metrics.toml and the [anaphora_zh] phrases, found in
one pass of their alternation as a prefix tree (Chinese has no word boundaries: a phrase
counts wherever it stands), the longest at a position winning ("进出口" over its "出口",
"广州海关" over its "广州"), none inside another.
An anaphor ("该市", "本关区") names the last subject of its kind. A subject is weak (named in
passing) after "据" (a source), "从", "自", "对", inside a share's whole ("占全市") or as
part of an organization's name ("广州港集团", [organizations] of zh.toml); an agency is also
weak when it only reports the figures ("广州海关发布", "广州海关统计").

>>> names = find_names("据广州海关统计，广州市对东盟出口增长，该市进口下降")
>>> [(n.name, n.weak) for n in names.subjects]
[('Guangzhou Customs', True), ('Guangzhou City', False), ('Guangzhou City', False)]
>>> [p.name for p in names.partners], [a.metric for a in names.aliases]
(['ASEAN'], ['export_value', 'import_value'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gzetl.catalogue import anaphora_zh, metrics, partners, subjects
from gzetl.extraction.metrics import Alias
from gzetl.extraction.names import Names
from gzetl.extraction.numbers import alternation, lowered
from gzetl.extraction.subjects import AGENCY_KINDS, Named
from gzetl.extraction.zh.lexicon import zh_words

# 据: the source of the figures; 占: the whole of a share; 拉动: the whole a part pulled up
# ("拉动关区外贸增长5.3个百分点"). Not 在: "广州海关在白云机场口岸查验" happens at the port.
_WEAK_BEFORE = ("据", "从", "自", "对", "赴", "至", "往", "占", "拉动", "带动")
_REPORTER_AFTER_RE = re.compile(r"(?:统计|发布|消息|公布|通报|介绍|表示|数据显示|新闻发布会)")
_ANAPHOR_FALLBACK = {"port": "airport", "customs_district": "customs", "city": "district"}


@dataclass(frozen=True, slots=True)
class _Entry:
    subject: tuple[str, str] | None  # (canonical name or "" for an anaphor, kind)
    partner: str | None
    metric: str | None


@cache
def _entries() -> dict[str, _Entry]:
    subject_of: dict[str, tuple[str, str]] = {p: ("", k) for p, k in anaphora_zh().items()}
    for s in subjects().values():
        for alias in s.aliases_zh:
            subject_of[alias.lower()] = (s.name, s.kind)
    partner_of = {a.lower(): p.name for p in partners().values() for a in p.aliases_zh}
    metric_of: dict[str, str] = {}
    for m in metrics().values():
        for alias in m.aliases_zh:
            metric_of.setdefault(alias.lower(), m.key)
    return {
        phrase: _Entry(subject_of.get(phrase), partner_of.get(phrase), metric_of.get(phrase))
        for phrase in subject_of.keys() | partner_of.keys() | metric_of.keys()
    }


@cache
def _phrases_re() -> re.Pattern[str]:
    """The phrases of ``_entries`` as one prefix-tree alternation: ``finditer`` gives the
    longest at each start, from the left, none inside another. It replaces an Aho-Corasick
    automaton (every overlapping hit, then sorted and thinned): pyahocorasick scans the
    root's 135 children at every character (~600 instructions), the regex engine skips the
    characters that start no phrase and tries the tree at the others (zh-mix: 203.1 M -> 190.7 M
    instructions per 0.1 MB of zh-mix)."""
    return re.compile(alternation(list(_entries())))


@cache
def _organization_starts() -> str:
    return "".join(sorted({word[0] for word in zh_words().organizations}))


# The last characters of _WEAK_BEFORE: str.endswith and str.startswith with a tuple cost
# ~1,500 instructions a call from compiled code, a character tested in a str a tenth.
_WEAK_LAST = "".join(sorted({word[-1] for word in _WEAK_BEFORE}))


def _weak(low: str, start: int, end: int, kind: str) -> bool:
    if (start > 0 and low[start - 1] in _WEAK_LAST and low.endswith(_WEAK_BEFORE, 0, start)) or (
        end < len(low)
        and low[end] in _organization_starts()
        and low.startswith(zh_words().organizations, end)
    ):
        return True  # "广州港集团", "广州边检站": an organization's name
    return kind in AGENCY_KINDS and _REPORTER_AFTER_RE.match(low, end) is not None


def find_names(text: str) -> Names:
    """Subjects (anaphora resolved), partners and metric aliases named in a Chinese ``text``."""
    low = lowered(text)
    entries = _entries()
    named: list[Named] = []
    partner_list: list[Named] = []
    aliases: list[Alias] = []
    last_of_kind: dict[str, str] = {}
    for m in _phrases_re().finditer(low):
        start, end = m.span()
        entry = entries[m.group()]
        if entry.subject is not None:
            name, kind = entry.subject
            if not name:  # an anaphor
                name = last_of_kind.get(kind, "") or last_of_kind.get(
                    _ANAPHOR_FALLBACK.get(kind, ""), ""
                )
            if name:
                last_of_kind[kind] = name
                named.append(Named(start, end, name, kind, _weak(low, start, end, kind)))
        if entry.partner is not None:
            partner_list.append(Named(start, end, entry.partner, "partner"))
        if entry.metric is not None:
            aliases.append(Alias(start, end, entry.metric))
    return Names(named, partner_list, aliases)
