"""Speed and memory of ``gzetl.extraction.extract_documents`` on three kinds of text.

    .venv/bin/python bench/bench_extract.py [--mb 20] [--rounds 3] [--case NAME]

Cases, each run in a fresh process so that its peak memory is its own:

- ``article``: the real article in raw/, repeated as separate documents;
- ``corpus``: the dev corpus ``tests/corpus/*.txt|md`` (with its publication dates), repeated;
- ``mix``: a synthetic genre mix (~20 MB) built by varying the numbers, places and periods
  of sentences written for this benchmark, 30% of them stating figures, plus the article;
- ``stress``: the same sentences, every one stating figures;
- ``zh-mix``: the Chinese genre mix (~5 MB), built the same way from Chinese sentences written
  for this benchmark (30% with figures; every 20th document a Chinese dev article);
- ``zh-corpus``: the ten Chinese dev articles ``tests/corpus/zh-*.txt``, repeated.

Throughput is MB of UTF-8 text per CPU second (``time.process_time``) of one process, best
of ``--rounds`` passes: the machine is shared, so wall time depends on what else runs and
CPU time is the fairer figure; wall MB/s is printed beside it. Characters per CPU second are
printed too: a CJK character is 3 bytes of UTF-8, so the same MB/s reads a third as many
Chinese characters as English ones. A figure to read, never a pass/fail.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from gzetl.extraction import extract_documents
from gzetl.native import is_compiled

Doc = tuple[str, str, str, date | None]

TEMPLATES = (
    "In {year}, the total import and export value of {place} reached {a}.{b} {scale} yuan, "
    "a year-on-year increase of {r}.{s}%.",
    "Among them, exports were {a}.{b} {scale} yuan, up {r}.{s}% year-on-year, and imports "
    "were {c}.{b} {scale} yuan, down {s}.{r}%.",
    "{place} handled a container throughput of over {a}.{b} million TEUs and a cargo "
    "throughput of nearly {c} million tons in the first {n} months.",
    "Guangzhou Customs supervised {a}.{b} million inbound and outbound passengers through the "
    "Baiyun Airport port, an increase of about {r}% compared with last year.",
    "The clearance time was reduced from {c} hours to within {n} hours, saving {n} to {r} days.",
    "Trade with ASEAN was {a}.{b} {scale} yuan (about {c}.{s} {scale} U.S. dollars), "
    "accounting for {r}.{s}% of the total.",
    "Guangzhou Customs has launched {c} reform measures and {n} service measures for "
    "{place} since the 14th Five-Year Plan period.",
    "Exports of mechanical and electrical products grew by {r}.{s}%, while private enterprises "
    "imported {a}.{b} {scale} yuan, up {s}.{r} percentage points.",
    "The One Port Pass model links {place} with the fifth batch of pilot zones and ranked first "
    "for seven consecutive years.",
    "There were {c}{b}{r} inbound and outbound flights in {year}, a decrease of {s}.{r}%.",
)
# Prose without figures, as most sentences of a release are (written for this benchmark).
PROSE = (
    "The customs authority will continue to deepen reform and optimise the business environment "
    "at ports, so that enterprises enjoy more convenient clearance services.",
    "Officials said the new supervision model integrates declaration, inspection and release "
    "into one smart platform shared by port operators and logistics companies.",
    "Local enterprises reported that the pre-arrival processing of documents saves warehousing "
    "costs and lets perishable goods reach supermarkets while they are still fresh.",
    "In the next stage, the department will strengthen cooperation with Hong Kong and Macao "
    "on rules and standards, and support the construction of the Greater Bay Area.",
    "The exhibition economy, cross-border e-commerce and market procurement have become new "
    "engines of growth, and customs has tailored its service measures to each of them.",
    "A spokesperson added that risk management and intelligent inspection equipment allow "
    "officers to focus on high-risk consignments without slowing down ordinary trade.",
    "Companies in the bonded zone can now complete the whole process online, from filing "
    "records to paying duties, without visiting a service hall.",
    "The policy has been welcomed by traders, who say that predictable clearance times make "
    "it easier to plan production and to sign long-term contracts with foreign buyers.",
)
DENSE_SHARE = 0.3  # share of sentences that state figures; the raw/ article has about one in four

PLACES = ("Guangzhou", "Nansha Port", "Huangpu District", "Guangdong Province", "Shenzhen")
SCALES = ("billion", "trillion", "million", "100 million")
PUBLISHED = date(2026, 1, 15)


# The Chinese mix (zh): sentences in the style of customs, port, airport and statistics
# bureau releases, written for this benchmark; {period} and {place} vary as in English.
ZH_TEMPLATES = (
    "{period}，{place}货物贸易进出口总值{a}.{b}{scale}元，同比增长{r}.{s}%。",
    "其中，出口{a}.{b}{scale}元，增长{r}.{s}%；进口{c}.{b}{scale}元，下降{s}.{r}%。",
    "{period}，{port}完成集装箱吞吐量{a}.{b}万标箱，同比增长{r}.{s}%；货物吞吐量{c}{b}万吨，"
    "增长{s}.{r}%。",
    "据广州海关统计，{period}，{airport}口岸监管出入境人员{a}.{b}万人次，同比增长{r}%，"
    "监管进出境航班{c}{n}架次。",
    "{period}，{place}对东盟、欧盟和美国分别进出口{a}.{b}亿元、{c}.{s}亿元和{r}.{b}亿元，"
    "分别增长{s}.{r}%、{r}.{s}%和{n}.{s}%。",
    "同期，民营企业进出口{a}.{b}亿元，增长{r}.{s}%，占{place}外贸总值的{r}.{s}%，"
    "比去年同期提升{s}.{n}个百分点。",
    "{place}出口机电产品{a}.{b}亿元，增长{r}.{s}%，占出口总值的{r}.{b}%。",
    "在“提前申报”模式下，鲜活产品通关时间由{c}小时压缩至{n}小时以内，为企业节省费用约{a}万元。",
    "“十四五”时期，广州海关累计出台{c}条改革措施，{place}跨境电商进出口比2020年增长{n}.{s}倍。",
    "按美元计价，{period}{place}进出口{a}.{b}亿美元，增长{r}.{s}%，环比下降{s}.{n}%。",
    "{period}，中欧班列（{city}）开行{c}列，同比增长{r}%，运送货物超过{a}万标箱。",
    "{place}市场采购出口近{a}亿元，连续{n}年保持增长，其中{period}出口{c}.{s}亿元，增长{r}.{s}%。",
)
# Chinese prose without figures, most of a release (written for this benchmark).
ZH_PROSE = (
    "海关总署有关负责人表示，全国海关将持续优化口岸营商环境，进一步提升通关便利化水平。",
    "广州海关表示，将继续深化通关模式改革，支持外贸企业稳订单、拓市场、增动能。",
    "业内人士认为，外贸新业态新模式蓬勃发展，为稳住外贸基本盘提供了有力支撑。",
    "据介绍，智慧监管平台整合了申报、查验和放行等环节，企业足不出户即可办理相关业务。",
    "下一步，海关部门将加强与港澳在规则标准方面的衔接，服务粤港澳大湾区建设。",
    "不少企业反映，抵港直装模式节省了仓储费用，生鲜产品能够更快摆上超市货架。",
    "市场采购贸易、保税维修和跨境电商等新业态持续发展，成为拉动外贸增长的新引擎。",
    "海关部门运用风险管理和智能审图设备，在严密监管的同时不影响正常贸易通关。",
    "综合保税区内企业可以在线完成备案、申报和缴税等全部流程，无需前往业务现场。",
    "外贸企业普遍认为，稳定可预期的通关时间有助于安排生产计划和签订长期订单。",
)
ZH_PERIODS = ("2025年", "前11个月", "1-9月", "上半年", "一季度", "2024年前三季度", "11月份",
              "今年以来", "去年", "2023年全年")  # fmt: skip
ZH_PLACES = ("广州市", "深圳市", "广东省", "东莞市", "黄埔区", "南沙区", "佛山市", "我国")
ZH_PORTS = ("南沙港区", "广州港", "深圳港", "黄埔港")
ZH_AIRPORTS = ("白云机场", "深圳宝安机场")
ZH_CITIES = ("广州", "东莞", "深圳")
ZH_SCALES = ("亿", "万亿", "万")


def _numbers(rng: random.Random) -> dict[str, int]:
    """The numbers a template sentence is filled with (drawn in this order)."""
    return {
        "a": rng.randint(1, 999),
        "b": rng.randint(1, 99),
        "c": rng.randint(2, 900),
        "r": rng.randint(1, 60),
        "s": rng.randint(0, 9),
        "n": rng.randint(2, 11),
    }


def _sentence(rng: random.Random, dense_share: float) -> str:
    if rng.random() >= dense_share:
        return rng.choice(PROSE)
    return rng.choice(TEMPLATES).format(
        year=rng.randint(2019, 2025),
        place=rng.choice(PLACES),
        scale=rng.choice(SCALES),
        **_numbers(rng),
    )


def _zh_sentence(rng: random.Random, dense_share: float) -> str:
    if rng.random() >= dense_share:
        return rng.choice(ZH_PROSE)
    return rng.choice(ZH_TEMPLATES).format(
        period=rng.choice(ZH_PERIODS),
        place=rng.choice(ZH_PLACES),
        port=rng.choice(ZH_PORTS),
        airport=rng.choice(ZH_AIRPORTS),
        city=rng.choice(ZH_CITIES),
        scale=rng.choice(ZH_SCALES),
        **_numbers(rng),
    )


def _article() -> str:
    return next(Path("raw").glob("*.txt")).read_text(encoding="utf-8")


def _genre_mix(  # noqa: PLR0917 (the two mixes differ in these)
    megabytes: float,
    articles: list[str],
    sentence: Callable[[random.Random, float], str],
    blank: str,
    name: str,
    dense_share: float,
    seed: int,
) -> list[Doc]:
    """Documents of 10-30 ``sentence``s in paragraphs of 4, joined by ``blank``; every 20th
    document one of ``articles`` (in turn), until ``megabytes`` of UTF-8."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        if len(docs) % 20 == 0:
            text = articles[len(docs) // 20 % len(articles)]
        else:
            sentences = [sentence(rng, dense_share) for _ in range(rng.randint(10, 30))]
            text = "\n".join(blank.join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
        docs.append((text, f"{name}{len(docs)}", f"synthetic/{name}{len(docs)}.txt", PUBLISHED))
        size += len(text.encode("utf-8"))
    return docs


def synthetic_corpus(
    megabytes: float, dense_share: float = DENSE_SHARE, seed: int = 7
) -> list[Doc]:
    """English documents of 10-30 sentences (every 20th the raw/ article)."""
    return _genre_mix(megabytes, [_article()], _sentence, " ", "doc", dense_share, seed)


def _zh_articles() -> list[Doc]:
    """The Chinese dev articles ``tests/corpus/zh-*`` with their publication dates."""
    from gzetl.evaluation import load_corpus  # noqa: PLC0415 (only the zh cases need it)

    return [
        (d.text, d.doc_id, d.name, d.published)
        for d in load_corpus("tests/corpus")
        if d.name.startswith("zh-")
    ]


def zh_synthetic_corpus(
    megabytes: float, dense_share: float = DENSE_SHARE, seed: int = 7
) -> list[Doc]:
    """Chinese documents of 10-30 sentences, no blank between them (every 20th a Chinese dev
    article)."""
    articles = [doc[0] for doc in _zh_articles()]
    return _genre_mix(megabytes, articles, _zh_sentence, "", "zh", dense_share, seed)


def _repeated(docs: list[Doc], megabytes: float) -> list[Doc]:
    """``docs`` repeated (new doc ids) until ``megabytes`` of text."""
    out: list[Doc] = []
    size = 0
    while size < megabytes * 1_000_000:
        for text, doc_id, source, published in docs:
            out.append((text, f"{doc_id}#{len(out)}", source, published))
            size += len(text.encode("utf-8"))
    return out


def article_docs(megabytes: float) -> list[Doc]:
    """The raw/ article (14.7 KB) repeated."""
    return _repeated([(_article(), "article", "raw/article.txt", PUBLISHED)], megabytes)


def corpus_docs(megabytes: float) -> list[Doc]:
    """The dev corpus (52 documents, 57 KB) with its publication dates, repeated."""
    from gzetl.evaluation import load_corpus  # noqa: PLC0415 (only this case needs it)

    docs = [(d.text, d.doc_id, d.name, d.published) for d in load_corpus("tests/corpus")]
    return _repeated(docs, megabytes)


def zh_corpus_docs(megabytes: float) -> list[Doc]:
    """The ten Chinese dev articles (9.4 KB of characters, ~26 KB of UTF-8), repeated."""
    return _repeated(_zh_articles(), megabytes)


# name -> (description, share of --mb to build, builder)
CASES: dict[str, tuple[str, float, Callable[[float], list[Doc]]]] = {
    "article": ("(a) the raw/ article, repeated", 0.15, article_docs),
    "corpus": ("(b) the dev corpus tests/corpus, repeated", 0.15, corpus_docs),
    "mix": (
        f"(c) synthetic genre mix, {DENSE_SHARE:.0%} of sentences with figures",
        1.0,
        synthetic_corpus,
    ),
    "stress": (
        "synthetic, every sentence with figures",
        0.25,
        lambda mb: synthetic_corpus(mb, dense_share=1.0),
    ),
    "zh-mix": (
        f"(d) synthetic Chinese genre mix, {DENSE_SHARE:.0%} of sentences with figures",
        0.25,
        zh_synthetic_corpus,
    ),
    "zh-corpus": ("the Chinese dev articles tests/corpus/zh-*, repeated", 0.1, zh_corpus_docs),
}


def run_case(name: str, megabytes: float, rounds: int) -> None:
    """Time ``rounds`` passes of ``extract_documents`` over one case and print the figures."""
    label, share, build = CASES[name]
    # compile the patterns (English and Chinese) outside the timing
    extract_documents(synthetic_corpus(0.05) + zh_synthetic_corpus(0.05))
    docs = build(megabytes * share)
    total = sum(len(d[0].encode("utf-8")) for d in docs) / 1e6
    chars = sum(len(d[0]) for d in docs) / 1e6
    best_cpu = best_wall = float("inf")
    rows = 0
    for _ in range(rounds):
        started, cpu_started = time.perf_counter(), time.process_time()
        rows = extract_documents(docs).height
        best_wall = min(best_wall, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu_started)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"[{label}]")
    print(f"  text           {total:.1f} MB in {len(docs)} documents, {rows} facts")
    print(f"  density        {rows / total:,.0f} facts per MB (the cost grows with it)")
    print(f"  best of {rounds}      {best_cpu:.2f} s CPU, {best_wall:.2f} s wall")
    print(
        f"  throughput     {total / best_cpu:.2f} MB/s per CPU second"
        f" (wall: {total / best_wall:.2f} MB/s)"
    )
    print(f"  characters     {chars / best_cpu:.2f} M characters per CPU second")
    print(f"  peak memory    {peak_mb:.0f} MB (max RSS of this case's process)", flush=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="size of the genre mix in MB")
    parser.add_argument("--rounds", type=int, default=3, help="passes per case; the best counts")
    parser.add_argument("--case", choices=list(CASES), help="run one case in this process")
    args = parser.parse_args(argv)
    if args.case:
        run_case(args.case, args.mb, args.rounds)
        return
    compiled = is_compiled("gzetl.extraction.quantities")
    print(f"Extraction modules: {'compiled with mypyc' if compiled else 'Python source'}", end="")
    print(" (`make native` compiles them, `make pure` removes the build).")
    print("One core, CPU time (time.process_time): the machine's cores are shared with other")
    print("work, so CPU MB/s is the fair figure and wall MB/s varies with the load.\n")
    for name in CASES:
        command = [sys.executable, __file__, "--case", name, "--mb", str(args.mb)]
        subprocess.run([*command, "--rounds", str(args.rounds)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
