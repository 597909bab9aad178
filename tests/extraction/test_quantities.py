"""Tests of gzetl.extraction.quantities: number + scale + unit + qualifier -> Mention."""

from __future__ import annotations

import pytest

from gzetl.extraction.quantities import _digit_numbers, patterns, scan

# (id, sentence, [(span text, value in canonical unit, value_high, unit, bound, baseline)])
LEVELS = [
    (
        "trillion-yuan",
        "Trade reached 1.2 trillion yuan last year.",
        [("1.2 trillion yuan", 1.2e12, None, "CNY", "eq", None)],
    ),
    (
        "word-number",
        "Trade exceeded one trillion yuan.",
        [("exceeded one trillion yuan", 1e12, None, "CNY", "gt", None)],
    ),
    (
        "ten-thousand-tons",
        "The port handled 2,860 10,000 tons of grain.",
        [("2,860 10,000 tons", 2.86e7, None, "t", "eq", None)],
    ),
    (
        "hundred-million-yuan",
        "Exports were 1,234.5 100 million yuan.",
        [("1,234.5 100 million yuan", 1.2345e11, None, "CNY", "eq", None)],
    ),
    (
        "usd-prefix",
        "Trade came to $38.6 billion.",
        [("$38.6 billion", 3.86e10, None, "USD", "eq", None)],
    ),
    (
        "firms",
        "The zone has registered more than 2,300 foreign-funded firms.",
        [("more than 2,300 foreign-funded firms", 2300.0, None, "enterprise", "gt", None)],
    ),
    (
        "code-against-amount",
        "Exports were RMB1.2 billion, imports USD350 million; the A380 fleet is idle.",
        [
            ("RMB1.2 billion", 1.2e9, None, "CNY", "eq", None),
            ("USD350 million", 3.5e8, None, "USD", "eq", None),
        ],
    ),
    (
        "us-dollars",
        "It was about 1.17 trillion U.S. dollars.",
        [("about 1.17 trillion U.S. dollars", 1.17e12, None, "USD", "approx", None)],
    ),
    (
        "hk-dollars",
        "Goods worth 186.5 billion HK dollars crossed.",
        [("186.5 billion HK dollars", 1.865e11, None, "HKD", "eq", None)],
    ),
    (
        "euros",
        "Imports reached approximately 19.1 billion euros.",
        [("approximately 19.1 billion euros", 1.91e10, None, "EUR", "approx", None)],
    ),
    (
        "renminbi",
        "Exports were 5.91 trillion renminbi.",
        [("5.91 trillion renminbi", 5.91e12, None, "CNY", "eq", None)],
    ),
    (
        "teus",
        "The port handled over 28 million TEUs.",
        [("over 28 million TEUs", 2.8e7, None, "TEU", "gt", None)],
    ),
    (
        "tonnes",
        "Air cargo reached 1.53 million tonnes.",
        [("1.53 million tonnes", 1.53e6, None, "t", "eq", None)],
    ),
    (
        "kilograms",
        "Officers seized 850,000 kilograms of seafood.",
        [("850,000 kilograms", 850.0, None, "t", "eq", None)],
    ),
    (
        "counted-with-modifiers",
        "There were 122000 inbound and outbound flights.",
        [("122000 inbound and outbound flights", 122000.0, None, "flight", "eq", None)],
    ),
    (
        "person-times",
        "Close to 1.2 million person-times crossed.",
        [("Close to 1.2 million person-times", 1.2e6, None, "person", "approx", None)],
    ),
    (
        "weeks",
        "Cars had to wait for about three weeks.",
        [("about three weeks", 504.0, None, "h", "approx", None)],
    ),
    (
        "range-to",
        "It cut logistics time by 3 to 5 days.",
        [("3 to 5 days", 72.0, 120.0, "h", "range", None)],
    ),
    (
        "range-between",
        "Shipments take between 12 and 18 days.",
        [("between 12 and 18 days", 288.0, 432.0, "h", "range", None)],
    ),
    (
        "before-after",
        "It was reduced from 72 hours to within 6 hours.",
        [("within 6 hours", 6.0, None, "h", "le", 72.0)],
    ),
    (
        "article-month",
        "It took more than a month by sea.",
        [("more than a month", 730.0, None, "h", "gt", None)],
    ),
    (
        "at-least",
        "At least 15 measures were copied.",
        [("At least 15 measures", 15.0, None, "measure", "ge", None)],
    ),
    (
        "under",
        "Clearance now takes under 20 hours.",
        [("under 20 hours", 20.0, None, "h", "lt", None)],
    ),
    (
        "percent-word",
        "Exports expanded 6.1 percent.",
        [("6.1 percent", 6.1, None, "percent", "eq", None)],
    ),
    (
        "implied-unit",
        "Inbound and outbound flights reached 122,000.",
        [("122,000", 122000.0, None, "flight", "eq", None)],
    ),
    (
        "implied-of-which",
        "Customs launched 42 measures, at least 15 of which were copied.",
        [
            ("42 measures", 42.0, None, "measure", "eq", None),
            ("at least 15", 15.0, None, "measure", "ge", None),
        ],
    ),
    (
        "dozen-of-them",
        "It rolled out twenty-five measures, and a dozen of them target e-commerce.",
        [
            ("twenty-five measures", 25.0, None, "measure", "eq", None),
            ("a dozen", 12.0, None, "measure", "eq", None),
        ],
    ),
    ("cjk-wan-yi-yuan", "进出口总值1.2万亿元。", [("1.2万亿元", 1.2e12, None, "CNY", "eq", None)]),
    ("cjk-yi-tons", "货物吞吐量6.9亿吨", [("6.9亿吨", 6.9e8, None, "t", "eq", None)]),
    (
        "nearly-a-third",
        "E-commerce goods accounted for nearly a third.",
        [("nearly a third", 33.33, None, "percent", "approx", None)],
    ),
    # "N in ten" is a share whatever noun follows it (issue 3, wire rewrites)
    (
        "nine-in-ten-enterprises",
        "Nearly nine in ten enterprises reported orders.",
        [("Nearly nine in ten", 90.0, None, "percent", "approx", None)],
    ),
    (
        "9-in-10-digits",
        "Nearly 9 in 10 import declarations were filed in advance.",
        [("Nearly 9 in 10", 90.0, None, "percent", "approx", None)],
    ),
    (
        "nine-in-10",
        "And nine in 10 of the city's foreign trade enterprises are private.",
        [("nine in 10", 90.0, None, "percent", "eq", None)],
    ),
    # wire rewrites count goods in units, sets, pieces, vessels and containers (issue 3)
    (
        "units-of-cars",
        "Car exports jumped 62.7 percent to 205,000 units.",
        [
            ("62.7 percent", 62.7, None, "percent", "eq", None),
            ("205,000 units", 205000.0, None, "vehicle", "eq", None),
        ],
    ),
    (
        "units-of-nothing-named",
        "Shipments reached 3,000 units in May.",
        [("3,000 units", 3000.0, None, "unit", "eq", None)],
    ),
    (
        "sets-of-parts",
        "Carmakers sent about 2.6 million sets of spare parts abroad.",
        [("about 2.6 million sets", 2.6e6, None, "set", "approx", None)],
    ),
    (
        "pieces-and-containers",
        "It shipped 1.86 billion pieces of toys in 38,600 containers.",
        [
            ("1.86 billion pieces", 1.86e9, None, "piece", "eq", None),
            ("38,600 containers", 38600.0, None, "container", "eq", None),
        ],
    ),
    (
        "ro-ro-vessels-and-ships",
        "A total of 812 roll-on/roll-off vessels and 31 ships called at the port.",
        [
            ("812 roll-on/roll-off vessels", 812.0, None, "vessel", "eq", None),
            ("31 ships", 31.0, None, "vessel", "eq", None),
        ],
    ),
    (
        "totaling-implies-the-noun",
        "Inbound and outbound flights in the month, totaling 12,400, rose sharply.",
        [("12,400", 12400.0, None, "flight", "eq", None)],
    ),
    (
        "upwards-of",
        "It handled upwards of 20 million TEUs.",
        [("upwards of 20 million TEUs", 2e7, None, "TEU", "gt", None)],
    ),
    (
        "in-excess-of-bln",
        "Trade was in excess of 3.5 bln yuan.",
        [("in excess of 3.5 bln yuan", 3.5e9, None, "CNY", "gt", None)],
    ),
    (
        "hyphenated-percent",
        "Exports reached $3.5 bn, an 8-percent increase.",
        [
            ("$3.5 bn", 3.5e9, None, "USD", "eq", None),
            ("8-percent", 8.0, None, "percent", "eq", None),
        ],
    ),
    (
        "headline-tops",
        "Guangdong's Foreign Trade Tops 8 Trillion Yuan",
        [("Tops 8 Trillion Yuan", 8e12, None, "CNY", "gt", None)],
    ),
    (
        "pct",
        "Exports rose 2 pct.",
        [("2 pct", 2.0, None, "percent", "eq", None)],
    ),
    (
        "three-in-four",
        "About three in four exporters sold online.",
        [("About three in four", 75.0, None, "percent", "approx", None)],
    ),
    (
        "border-crossings",
        "The land ports handled some 52.6 million border crossings this year.",
        [("some 52.6 million border crossings", 5.26e7, None, "person", "approx", None)],
    ),
    (
        "aircraft-movements",
        "The airport recorded 38,400 aircraft movements in October.",
        [("38,400 aircraft movements", 38400.0, None, "flight", "eq", None)],
    ),
    (
        "movements-named-before",
        "Aircraft movements totalled 38,400, up 5.2%.",
        [
            ("38,400", 38400.0, None, "flight", "eq", None),
            ("5.2%", 5.2, None, "percent", "eq", None),
        ],
    ),
    (
        "routes",
        "The port opened 12 new international container routes.",
        [("12 new international container routes", 12.0, None, "route", "eq", None)],
    ),
    (
        "barrels-per-day",
        "Crude imports were about 12.40 million barrels per day in November.",
        [("about 12.40 million barrels per day", 1.24e7, None, "bbl/d", "approx", None)],
    ),
    (
        "bpd",
        "Refiners bought 11.2 million bpd.",
        [("11.2 million bpd", 1.12e7, None, "bbl/d", "eq", None)],
    ),
    (
        "barrels",
        "The tanker unloaded 2 million barrels of crude.",
        [("2 million barrels", 2e6, None, "bbl", "eq", None)],
    ),
    (
        "cubic-metres",
        "Gas consumption was 38.2 billion cubic metres.",
        [("38.2 billion cubic metres", 3.82e10, None, "m3", "eq", None)],
    ),
    (
        "kilowatt-hours",
        "Power use reached 925.4 billion kilowatt-hours, or 1,200 kWh a head.",
        [
            ("925.4 billion kilowatt-hours", 9.254e11, None, "kWh", "eq", None),
            ("1,200 kWh", 1200.0, None, "kWh", "eq", None),
        ],
    ),
    (
        "passenger-trips",
        "The station handled nearly 152,000 inbound and outbound passenger trips.",
        [
            (
                "nearly 152,000 inbound and outbound passenger trips",
                152000.0,
                None,
                "person",
                "approx",
                None,
            )
        ],
    ),
    (
        "vessel-calls",
        "The terminals served some 5,600 vessel calls.",
        [("some 5,600 vessel calls", 5600.0, None, "vessel", "approx", None)],
    ),
    (
        "vehicle-crossings",
        "The bridge saw 1.2 million vehicle crossings.",
        [("1.2 million vehicle crossings", 1.2e6, None, "vehicle", "eq", None)],
    ),
    (
        "to-from-pair",
        "Sea-rail volumes rose to 280,000 TEUs from 226,000 TEUs.",
        [("280,000 TEUs", 280000.0, None, "TEU", "eq", 226000.0)],
    ),
    (
        "compared-with-pair",
        "Clearance took 1.5 hours, compared with 2 hours a year earlier.",
        [("1.5 hours", 1.5, None, "h", "eq", 2.0)],
    ),
    (
        "parcels",
        "The customs cleared 2.01 billion cross-border e-commerce parcels.",
        [("2.01 billion cross-border e-commerce parcels", 2.01e9, None, "batch", "eq", None)],
    ),
    (
        "carats",
        "Diamond imports came to 3.1 million carats.",
        [("3.1 million carats", 3.1e6, None, "ct", "eq", None)],
    ),
    (
        "shoppers",
        "The stores served 5.12 million shoppers and 80,000 tourists.",
        [
            ("5.12 million shoppers", 5.12e6, None, "person", "eq", None),
            ("80,000 tourists", 80000.0, None, "person", "eq", None),
        ],
    ),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), [c[1:] for c in LEVELS], ids=[c[0] for c in LEVELS]
)
def test_levels(sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = [
        (
            m.text,
            float(m.value) if m.value is not None else None,
            float(m.value_high) if m.value_high is not None else None,
            m.unit,
            m.bound,
            float(m.baseline) if m.baseline is not None else None,
        )
        for m in scan(sentence)
    ]
    assert found == expected


def test_down_from_gives_the_baseline() -> None:
    [m] = scan("Tests took 3 days on average, down from 5 days before.")
    assert (m.text, float(m.value or 0), float(m.baseline or 0)) == ("3 days", 72.0, 120.0)


NEGATIVES = [
    ("article-without-qualifier", "it screens thousands of containers a day"),
    ("ordinal-plan", "during the 14th Five Year Plan period"),
    ("plenary-session", "the Fourth Plenary Session of the 20th Central Committee"),
    ("fifth-batch", "selected as the fifth batch of best practice cases"),
    ("name-with-number", "the One Port Pass model and Terminal 2 of the airport"),
    ("slogan", 'achieving "one declaration, one inspection, and one release"'),
    ("slogan-in-out", 'from "one in and one out" per week to "three in and three out"'),
    ("idiom", "goods embark on a thousand mile journey to Europe"),
    ("years", "At the beginning of 2026, compared with 2020"),
    ("consecutive-years", "for seven consecutive years, five years of hard work"),
    ("grouping-count", "issued two rounds of policies"),
    ("rank", "Guangzhou ranked first for many years"),
    ("hyphenated-hours", "under the 144-hour visa-free transit policy"),
]


@pytest.mark.parametrize("sentence", [c[1] for c in NEGATIVES], ids=[c[0] for c in NEGATIVES])
def test_negatives_give_no_mention(sentence: str) -> None:
    assert [m.text for m in scan(sentence)] == []


def test_rates_keep_their_growth_words() -> None:
    [level, rate] = scan("Exports were 5 billion yuan, a year-on-year decrease of about 3.1%.")
    assert (level.kind, rate.kind, rate.direction, rate.basis, rate.bound) == (
        "level",
        "percent",
        -1,
        "yoy",
        "approx",
    )


def test_multiple_reads_its_base_year_and_qualifier() -> None:
    [m] = scan("Volume more than tripled compared with 2021.")
    assert (m.text, m.kind, m.bound, m.baseline, m.base_year) == (
        "more than tripled",
        "multiple",
        "gt",
        200,
        "2021",
    )


def test_span_is_the_text_at_its_offsets() -> None:
    text = "Trade with ASEAN grew by 9.1% to 7.56 trillion yuan (about 1 trillion US dollars)."
    for m in scan(text):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("blank", [" ", "  "])
def test_longest_head_is_read_whatever_the_blanks(blank: str) -> None:
    # The look-back before a number is cut to the longest head ending with the word before it.
    text = f"Exports saw a quarter-on-quarter increase of{blank}nearly 12.5%."
    [m] = scan(text)
    assert (m.text, m.bound, m.direction, m.head) == ("nearly 12.5%", "approx", 1, "direction")


# A bare count is a fact when its sentence names what is counted before it (session 4).
BARE_COUNTS = [
    ("rate-to", "Passenger flows rose 24.8 percent to 5.9 million.", "5.9 million", "person"),
    ("pct-sign-to", "Vehicle throughput rose 18.2% to 412,000.", "412,000", "vehicle"),
    ("daily-average", "It handled 70,000 passengers, a daily average of 2,300.", "2,300", "person"),
    ("of-which", "Firms numbered 5,200 enterprises, of which 730 were new.", "730", "enterprise"),
    (
        "noun-before",
        "Cargo was 3 tonnes and passenger throughput 12.6 million.",
        "12.6 million",
        "person",
    ),
    ("peaking-at", "It served 1.2 million passengers, peaking at 61,000.", "61,000", "person"),
    ("a-record", "Passenger traffic reached a record 4.4 million.", "4.4 million", "person"),
    ("averaged", "Inbound and outbound flights averaged 880 a day.", "880", "flight"),
    (
        "calls-by",
        "It logged 880 calls by large container vessels.",
        "880 calls by large container vessels",
        "vessel",
    ),
    ("have-risen-to", "Entries by foreign visitors have risen to 412,000.", "412,000", "person"),
    ("fell-to", "The number of flights fell to 1,150 in May.", "1,150", "flight"),
    ("noun-to", "The airport opened routes, bringing its routes to 31.", "31", "route"),
    (
        "passing-through",
        "May was busy for passengers, with 4.63 million passing through the terminals.",
        "4.63 million",
        "person",
    ),
]


@pytest.mark.parametrize(
    ("text", "span", "unit"), [c[1:] for c in BARE_COUNTS], ids=[c[0] for c in BARE_COUNTS]
)
def test_a_bare_count_takes_the_noun_its_sentence_names(text: str, span: str, unit: str) -> None:
    found = [(m.text, m.unit) for m in scan(text) if m.kind == "level"]
    assert found[-1] == (span, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose 4.1 percent to 5.9 million.",
        "The hotline took 2,000 calls by the public.",
        "Its routes link it with more than 100 countries and regions.",
    ],
)
def test_a_bare_count_without_a_counted_noun_is_no_fact(text: str) -> None:
    assert [m.text for m in scan(text) if m.kind == "level"] == []


def test_a_fraction_takes_no_range() -> None:
    text = "Car exports rose 12% in the first three quarters to 91,000 units."
    assert [(m.text, m.unit) for m in scan(text)] == [
        ("12%", "percent"),
        ("91,000 units", "vehicle"),
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "The zone hosts 186 enterprises, including 9 Fortune Global 500 companies.",
            ["186 enterprises"],
        ),
        ("With the pact in force for a third year, exports grew 4%.", ["4%"]),
    ],
    ids=["ranking-name", "ordinal-a-third"],
)
def test_rankings_and_ordinal_fractions_are_no_quantities(text: str, kept: list[str]) -> None:
    assert [m.text for m in scan(text)] == kept


@pytest.mark.parametrize(
    ("low", "numbers"),
    [
        (  # ASCII
            "a380 rmb1.2 usd3,400 x5, 12-15, 3/4, 1.5.6, 7_8 and 2025",
            ["1.2", "3,400", "12", "3", "7", "2025"],
        ),
        ("caf\u00e9 \u00a31,200 in 2025, 3\u00b2", ["1,200", "2025", "3"]),  # one byte each
        (  # other digits
            "\u2013 12 and \uff13\uff15 tons, \u0663 and rmb\uff12",
            ["12", "\uff13\uff15", "\u0663", "\uff12"],
        ),
    ],
)
def test_the_digit_scan_equals_finditer(low: str, numbers: list[str]) -> None:
    digits = patterns().digits
    found = [m.group() for m in _digit_numbers(digits, low)]
    assert found == [m.group() for m in digits.finditer(low)] == numbers
