"""Counts and quantities: "12 memorandums of understanding", "$1.13bn", "about 100 people".

One compiled regex finds numeric atoms (digits, number words, vague quantifiers,
ordinals, multiplicative verbs); small anchored regexes then read the few
characters around each atom (hedge, currency, scale, unit, counted noun). No
per-token Python loop runs over the text, and text2num only ever sees the
claim span, so offsets never move.

Intervals (``CountValue.low``/``high``) follow one documented convention:

============================  ==========================  ========================
hedge                         interval for n              example
============================  ==========================  ========================
none                          [n, n]                      "17 MoUs"
about, around, some, roughly  [0.9 n, 1.1 n]              "some 100" -> 90..110
nearly, almost, just under    [0.9 n, n]                  "nearly 100" -> 90..100
more than, over, at least     [n, 10 n]  (open bound)     "more than 100" -> 100..1000
up to, fewer than, at most    [n / 10, n] (open bound)    "up to 100" -> 10..100
between n and m, n to m       [n, m]                      "18 to 25" -> 18..25
============================  ==========================  ========================

An open side is closed one order of magnitude away: a writer who means more
than 1,000 says "more than 1,000", not "more than 100". ``low`` stays ``n`` for
"more than n" so that "more than 100" and "100" read as vague-vs-specific, not
as a conflict. Counts round the bounds outward to integers. Vague words map to
fixed intervals (``VAGUE``). All of these are ``approximate=True``.

Not numbers here: four-digit years without a thousands separator (1800-2099,
dates.py owns them), day numbers next to a month name, clock times, phone
numbers, ids ("F-16", "Tu-154", "Windows 2000"), list numbering, numbers
inside words, "one" as a pronoun ("one of the", "no one"), and readings on a scale
the text leaves unsaid or names as a magnitude ("a magnitude 6.6 quake").
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation
from functools import lru_cache

from text_to_num import text2num

from claimdiff.extract import ExtractionContext
from claimdiff.extract.lookup import Greatest, covers
from claimdiff.gazetteer import country_for
from claimdiff.models import CountClaim, CountValue, DateClaim, QuantityClaim, Record

__all__ = ["extract_numbers", "noun_class", "normalise_noun", "parse_count_text", "trie_pattern"]


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# fmt: off
# ----------------------------------------------------------------- tables (general English)

# Each noun's next more general class; noun_class() follows the chain.
NOUN_PARENT: dict[str, str | None] = {
    "document": None,
    "agreement": "document",
    "memorandum of understanding": "agreement",
    "treaty": "agreement",
    "contract": "agreement",
    "convention": "agreement",
    "protocol": "agreement",
    "letter of intent": "document",
    "statement": "document",
    "declaration": "document",
    "communique": "statement",
    "report": "document",
    "letter": "document",
    "resolution": "document",
    "bill": "document",
    "law": None,
    "person": None,
    "official": "person",
    "minister": "official",
    "prime minister": "minister",
    "head of state": "official",
    "head of government": "official",
    "president": "head of state",
    "diplomat": "official",
    "ambassador": "diplomat",
    "envoy": "diplomat",
    "delegate": "official",
    "lawmaker": "official",
    "member of parliament": "lawmaker",
    "senator": "lawmaker",
    "leader": "person",
    "worker": "person",
    "employee": "worker",
    "staff": "worker",
    "soldier": "person",
    "police officer": "person",
    "officer": "person",
    "civilian": "person",
    "child": "person",
    "woman": "person",
    "man": "person",
    "student": "person",
    "teacher": "worker",
    "doctor": "worker",
    "nurse": "worker",
    "journalist": "worker",
    "patient": "person",
    "member": "person",
    "passenger": "person",
    "resident": "person",
    "citizen": "person",
    "protester": "person",
    "refugee": "person",
    "migrant": "person",
    "player": "person",
    "fan": "person",
    "voter": "person",
    "customer": "person",
    "user": "person",
    "subscriber": "customer",
    "viewer": "person",
    "visitor": "person",
    "tourist": "visitor",
    "victim": "person",
    "casualty": "person",
    "hostage": "person",
    "prisoner": "person",
    "prisoner of war": "prisoner",
    "suspect": "person",
    "militant": "person",
    "fighter": "person",
    "rebel": "fighter",
    "candidate": "person",
    "executive": "worker",
    "director": "executive",
    "manager": "worker",
    "athlete": "person",
    "human being": "person",
    "company": "organisation",
    "firm": "company",
    "bank": "company",
    "organisation": None,
    "country": None,
    "city": "place",
    "town": "place",
    "village": "place",
    "place": None,
    "vehicle": None,
    "car": "vehicle",
    "truck": "vehicle",
    "bus": "vehicle",
    "aircraft": "vehicle",
    "helicopter": "aircraft",
    "drone": "aircraft",
    "vessel": "vehicle",
    "weapon": None,
    "missile": "weapon",
    "rocket": "weapon",
    "bomb": "weapon",
    "meeting": "event",
    "visit": "event",
    "trip": "event",
    "summit": "meeting",
    "election": "event",
    "event": None,
    "job": None,
    "project": None,
    "seat": None,
    "vote": None,
    "house": "building",
    "home": "building",
    "building": None,
    "school": "building",
    "hospital": "building",
}
# Words that name the same thing as a class: noun_class starts at the class.
NOUN_SYNONYMS: dict[str, str] = {
    "deal": "agreement",
    "pact": "agreement",
    "accord": "agreement",
    "mou": "memorandum of understanding",
    "memo": "document",
    "nation": "country",
    "state": "country",
    "people": "person",
    "individual": "person",
    "troop": "soldier",
    "personnel": "worker",
    "cop": "police officer",
    "policeman": "police officer",
    "mp": "member of parliament",
    "legislator": "lawmaker",
    "kid": "child",
    "boy": "child",
    "girl": "child",
    "plane": "aircraft",
    "jet": "aircraft",
    "airplane": "aircraft",
    "aeroplane": "aircraft",
    "ship": "vessel",
    "boat": "vessel",
    "lorry": "truck",
    "corporation": "company",
    "business": "company",
    "talk": "meeting",
    "tour": "trip",
    "journey": "trip",
}
NOUN_ABBREVIATIONS: dict[str, str] = {
    "mou": "memorandum of understanding",
    "moU": "memorandum of understanding",
    "loi": "letter of intent",
    "pow": "prisoner of war",
    "mp": "member of parliament",
    "pm": "prime minister",
    "memoranda of understanding": "memorandum of understanding",
    "memorandums of understanding": "memorandum of understanding",
}
IRREGULAR_SINGULARS: dict[str, str] = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "police": "police",
    "staff": "staff",
    "personnel": "personnel",
    "aircraft": "aircraft",
    "sheep": "sheep",
    "fish": "fish",
    "deer": "deer",
    "species": "species",
    "series": "series",
    "crises": "crisis",
    "analyses": "analysis",
    "theses": "thesis",
    "bases": "base",
    "memoranda": "memorandum",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "data": "data",
    "media": "media",
    "indices": "index",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "leaves": "leaf",
    "thieves": "thief",
    "halves": "half",
    "shelves": "shelf",
    "wolves": "wolf",
    "loaves": "loaf",
    "calves": "calf",
    "heroes": "hero",
    "potatoes": "potato",
    "tomatoes": "tomato",
    "vetoes": "veto",
    "echoes": "echo",
    "torpedoes": "torpedo",
    "embargoes": "embargo",
    "buses": "bus",
    "viruses": "virus",
    "campuses": "campus",
    "bonuses": "bonus",
    "censuses": "census",
    "statuses": "status",
    "movies": "movie",
    "cookies": "cookie",
    "calories": "calorie",
    "lies": "lie",
    "ties": "tie",
    "pies": "pie",
    "sorties": "sortie",
    "zombies": "zombie",
    "headaches": "headache",
    "niches": "niche",
    "caches": "cache",
    "avalanches": "avalanche",
    "prizes": "prize",
    "sizes": "size",
    "means": "means",
    "news": "news",
    "troops": "troop",
    "dice": "die",
    "oxen": "ox",
    "cattle": "cattle",
    "offspring": "offspring",
    "policemen": "policeman",
    "spokesmen": "spokesman",
    "businessmen": "businessman",
    "chairmen": "chairman",
    "fishermen": "fisherman",
    "gunmen": "gunman",
    "firemen": "fireman",
    "servicemen": "serviceman",
    "congressmen": "congressman",
}
NOT_PLURAL = _wordset(
    """
    news series species means politics economics physics analysis basis crisis bus gas
    status campus virus census bonus process business address this his its has was is yes
    thus plus less unless across always perhaps whereas
    """
)
STOP_WORDS = _wordset(
    """
    of in on at to for with by from and or but as than that which who whom whose were was
    is are be been being have has had will would could should may might must can do does
    did not no nor so if then when while where after before during since until about into
    over under between among through against per each every all both including their his
    her its our they them it this these those the a an there here also only just still yet
    even more most less least other another such said says say told according up down out
    off again times time percent cent per years year months month days day weeks week
    hours hour minutes minute seconds second decades decade centuries century ago later
    earlier i you he she we me him us my your what how why
    """
)
PAST_VERBS = _wordset(
    """
    rose fell grew won lost left fled met sold bought made took came went gave held paid
    spent saw hit cut set put shot struck stood sent built brought caught drew drove ate
    found fought flew forgot got hung heard hid kept knew laid led lent let lay meant
    overtook rode rang ran said sought shook shut sang sank sat slept slid spoke spun
    stole stuck stung swore swept swam swung taught tore told thought threw understood
    woke wore wove wept wrote signs sign signed killed
    """
)
SCALES: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "k": Decimal(1000),
    "thousand": Decimal(1000),
    "lakh": Decimal(100000),
    "m": Decimal(10**6),
    "mn": Decimal(10**6),
    "million": Decimal(10**6),
    "crore": Decimal(10**7),
    "bn": Decimal(10**9),
    "billion": Decimal(10**9),
    "tn": Decimal(10**12),
    "trillion": Decimal(10**12),
}
# Currency symbols and words -> ISO code; a bare "$" is read as US dollars.
CURRENCIES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    # The rupee is the currency of several countries: the one the source is about decides
    # (``RUPEE_COUNTRIES``), else the unit stays the generic "rupee".
    "Rs": "rupee",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "rupee",
    "rupee": "rupee",
    "roubles": "RUB",
    "rubles": "RUB",
    "francs": "CHF",
    "pesos": "peso",
    "rials": "rial",
    "riyals": "riyal",
    "dinars": "dinar",
    "lira": "TRY",
    "rand": "ZAR",
    "kronor": "SEK",
    "krona": "SEK",
    "rouble": "RUB",
    "ruble": "RUB",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "naira": "NGN",
    "shekels": "ILS",
    "shekel": "ILS",
    "zlotys": "PLN",
    "zloty": "PLN",
    "forints": "HUF",
    "forint": "HUF",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "reais": "BRL",
    "tugriks": "MNT",
    "tugrik": "MNT",
}
# Currencies whose name is also a common English word ("won", "dong"): read only after a
# scale word, where the verb cannot stand ("2.3 trillion won", never "Chelsea 2 won").
SCALED_CURRENCIES: dict[str, str] = {"won": "KRW", "dong": "VND"}
RUPEE = "rupee"
RUPEE_COUNTRIES: dict[str, str] = {
    "India": "INR",
    "Pakistan": "PKR",
    "Sri Lanka": "LKR",
    "Nepal": "NPR",
    "Mauritius": "MUR",
    "Seychelles": "SCR",
}
UNITS: dict[str, str] = {
    "km": "kilometre",
    "kilometres": "kilometre",
    "kilometre": "kilometre",
    "kilometers": "kilometre",
    "kilometer": "kilometre",
    "miles": "mile",
    "mile": "mile",
    "metres": "metre",
    "metre": "metre",
    "meters": "metre",
    "meter": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "kg": "kilogram",
    "kilograms": "kilogram",
    "kilos": "kilogram",
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "tonne",
    "ton": "tonne",
    "barrels": "barrel",
    "barrel": "barrel",
    "litres": "litre",
    "liters": "litre",
    "gallons": "gallon",
    "hectares": "hectare",
    "acres": "acre",
    "mph": "mph",
    "km/h": "km/h",
    "degrees": "degree",
    "°C": "degree celsius",
    "°F": "degree fahrenheit",
    "GB": "gigabyte",
    "MB": "megabyte",
    "TB": "terabyte",
    "MW": "megawatt",
    "GW": "gigawatt",
    "kW": "kilowatt",
    "megawatts": "megawatt",
    "gigawatts": "gigawatt",
    "feet": "foot",
    "ft": "foot",
    "inches": "inch",
    "points": "point",
    "votes": "vote",
    "bpd": "barrel per day",
    "square kilometres": "square kilometre",
    "sq km": "square kilometre",
    "square miles": "square mile",
}
TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")
# Vague quantities as intervals: "several" is more than a few and fewer than ten.
VAGUE: dict[str, tuple[float, float]] = {
    "a couple of": (2, 3),
    "a few": (2, 5),
    "a handful of": (2, 6),
    "several": (3, 9),
    # A vague multiplier before a scale word is a count of that scale, not of "several".
    "a few dozen": (24, 60),
    "several dozen": (36, 119),
    "a few hundred": (200, 500),
    "several hundred": (300, 999),
    "a few thousand": (2000, 5000),
    "several thousand": (3000, 9999),
    "a number of": (3, 20),
    "dozens of": (24, 99),
    "dozens": (24, 99),
    "scores of": (40, 199),
    "hundreds of": (200, 999),
    "hundreds": (200, 999),
    "thousands of": (2000, 9999),
    "thousands": (2000, 9999),
    "tens of thousands of": (20000, 99999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands of": (200000, 999999),
    "hundreds of thousands": (200000, 999999),
    "millions of": (2 * 10**6, 10**7 - 1),
    "millions": (2 * 10**6, 10**7 - 1),
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}

# fmt: on

# --------------------------------------------------------------------------- patterns

_UNIT_WORDS = "zero|one|two|three|four|five|six|seven|eight|nine"
_TEEN_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_WORD = (
    rf"(?:(?:{_TENS_WORDS})(?:-(?:{_UNIT_WORDS}))?|{_TEEN_WORDS}|{_UNIT_WORDS}|{_SCALE_WORDS})"
    r"(?![\w])"
)
_WORD_SEQUENCE = (
    # At most twelve words: the longest number anyone writes out ("nine hundred and
    # ninety-nine thousand ...") fits, and a run like "million million ..." stays linear.
    rf"(?:(?:a\s+(?=(?:{_SCALE_WORDS}|dozen)\b))?{_WORD}(?:(?:\s+and\s+|[\s-]+){_WORD}){{0,11}})"
)
_DOZEN = r"(?:(?:half\s+a|a|two|three|four|five|six)\s+dozen)(?![\w-])"
_VAGUE = "|".join(
    sorted((re.escape(k).replace(r"\ ", r"\s+") for k in VAGUE), key=len, reverse=True)
)
_ORDINAL = (
    rf"(?:(?:{_TENS_WORDS})-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    rf"|{'|'.join(sorted(ORDINAL_WORDS, key=len, reverse=True))})(?![\w-])"
)
_MULTIPLY = r"doubl(?:ed|ing)|tripl(?:ed|ing)|trebl(?:ed|ing)|quadrupl(?:ed|ing)|halv(?:ed|ing)"

_ATOM = re.compile(
    r"(?P<digits>(?:(?<![\w.,/:+#-])|(?<=\bRs)|(?<=\bRs\.))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]|[.,:]\d))"
    rf"|(?<![\w-])(?i:(?P<dozen>{_DOZEN})|(?P<vague>{_VAGUE})(?![\w-])"
    rf"|(?P<ordinal>{_ORDINAL})|(?P<words>{_WORD_SEQUENCE})|(?P<multiply>{_MULTIPLY})\b)"
)


_Trie = dict[str, "_Trie"]


def trie_pattern(words: Sequence[str]) -> str:
    """An alternation that shares prefixes, so the regex engine scans text several times faster."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie) -> str:
        branches = [re.escape(char) + build(sub) for char, sub in sorted(node.items()) if char]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(trie)


_TRIGGER_WORDS = (
    _UNIT_WORDS.split("|")
    + _TEEN_WORDS.split("|")
    + _TENS_WORDS.split("|")
    + _SCALE_WORDS.split("|")
    + [f"a {word}" for word in ("dozen", *_SCALE_WORDS.split("|"))]
    + ["half a dozen", "dozen", "doubl", "tripl", "trebl", "quadrupl", "halv"]
    + list(VAGUE)
    + list(ORDINAL_WORDS)
)
# Where an atom may start, found on lowercased text: a digit or a number-ish word.
_TRIGGER = re.compile(
    r"(?<![a-z0-9.,/:+#-])(?:[0-9]|" + trie_pattern(sorted(set(_TRIGGER_WORDS))) + ")"
)
# Digits glued to the rupee's sign ("Rs500m"), which the trigger's look-behind skips. A
# second, literal-led pattern: folding it into the trigger made every scan slower.
_RUPEE_DIGITS = re.compile(r"(?<![a-z0-9])rs\.?(?=[0-9])")
_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def _lowered(text: str) -> str:
    """Lowercase with offsets kept: str.lower() can change the length of some letters."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


_SCALE_AFTER = re.compile(
    r"(?:\s?(bn|mn|m|k|tn)|\s+(billion|million|thousand|trillion|hundred|crore|lakh))(?![\w])"
)
_PERCENT = re.compile(
    r"\s?(?:%|per\s?cent\b)|\s+percent\b|\s+percentage\s+points?\b", re.IGNORECASE
)
_ORDINAL_SUFFIX = re.compile(r"(st|nd|rd|th)\b")
_CLOCK = re.compile(r"\s?(?:[ap]\.?m\.?|o'clock|GMT|BST|EST|hrs?)(?![\w])", re.IGNORECASE)
# "a tenfold rise", "three times the police estimate", "four times as many": a multiple; a
# bare "three times" (how often) is no multiple, so a comparison must follow.
_FOLD = re.compile(
    r"-?fold\b|\s+times(?=\s+(?:the|that|what|its|their|more|less|higher|lower|larger"
    r"|smaller|bigger|greater|faster)\b|\s+as\s+(?:many|much|[a-z]+\s+as)\b)",
    re.IGNORECASE,
)
_HYPHEN_TIME = re.compile(
    r"-(second|minute|hour|day|week|month|year|decade|century)(?:(-old)|(?![\w-]))", re.IGNORECASE
)
_UNIT = re.compile(
    r"\s?(" + "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True)) + r")(?![\w])"
)
_TIME_UNIT = re.compile(
    r"\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b",
    re.IGNORECASE,
)
_CURRENCY_WORD = re.compile(
    r"(?:\s+|-)(?:(?:US|U\.S\.)\s+)?(" + "|".join(k for k in CURRENCIES if k.isalpha()) + r")\b",
    re.IGNORECASE,
)
_SCALED_CURRENCY_WORD = re.compile(
    r"(?:\s+|-)(?:(?:South\s+)?Korean\s+)?(" + "|".join(SCALED_CURRENCIES) + r")\b",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(US\$|A\$|C\$|HK\$|NZ\$|S\$|\$|£|€|¥|₹|Rs\.?\s?)$")
_HEDGE_BEFORE = re.compile(
    r"(?<![\w])(?i:(an\s+estimated|estimated|approximately|roughly|around|about|some|almost|nearly"
    r"|close\s+to|just\s+under|just\s+over|well\s+over|more\s+than|over|upwards\s+of"
    r"|in\s+excess\s+of|at\s+least|up\s+to|as\s+many\s+as|no\s+more\s+than|at\s+most"
    r"|fewer\s+than|less\s+than|under|below|between))\s+$"
)
_HEDGE_AFTER = re.compile(r"(\s+or\s+so|-odd|\s+or\s+more|\+)(?![\w])", re.IGNORECASE)
# "rose $1.64 to $47.10", "down 65 cents to $1": a move and the level it reached, two
# figures, not a range. ("by" is left out: "rise by 5 to 10 per cent" is a range.)
_MOVE_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|gained|lost|climbed|jumped|dropped|slipped|added|shed|slid|"
    r"rising|falling|gaining|losing|climbing|jumping|dropping|sliding)\s+$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|\s+to\s+|\s+and\s+)\s*")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s+(?:the\s+)?$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:-|/)?\s*{_MONTH}(?![a-z])")
_ID_BEFORE = re.compile(
    r"(?:\b([A-Z][\w.-]*|No\.?|no\.|number|version|article|section|chapter|page|room|flight|route"
    r"|channel|level|grade|stage|phase|resolution|line|platform|gate|act|rule|clause|tier|row)\s+)$"
)
_TOKEN = r"(?:(?:[A-Z]+\d[\dA-Z]*|\d+[A-Z][\dA-Z]*)s?(?![\w'’-])|[A-Za-z][A-Za-z'’-]*)"
_WORDS = re.compile(rf"[ \t]+(?:of\s+)?({_TOKEN}(?:[ \t]+{_TOKEN}){{0,7}})")
_TOKENS = re.compile(_TOKEN)
# A model name ("A350", "7E7"): a noun only at the end of a partitive ("10 of its A350").
_MODEL = re.compile(r"[A-Z]+\d[\dA-Z]*s?|\d+[A-Z][\dA-Z]*s?")
# "30 of the aircraft", "up to 50 of its new planes": a part of a set the text names.
_PARTITIVE = re.compile(r"[ \t]+of[ \t]+(?:the|its|their|these|those|his|her|our|your|my)(?=[ \t])")
_COMPOUND = re.compile(
    r"(memorand(?:um|a|ums)\s+of\s+understanding|letters?\s+of\s+intent"
    r"|heads?\s+of\s+(?:state|government)|prisoners?\s+of\s+war|members?\s+of\s+parliament"
    r"|prime\s+ministers?|police\s+officers?|human\s+beings?|joint\s+statements?)\b",
    re.IGNORECASE,
)
_VERB_BEFORE = re.compile(
    r"(?<![\w'-])([A-Za-z]+)\s+(?:(?:the|a|an|its|their|his|her|our|another|all|only|just)\s+)?$"
)
_VERB_AFTER = re.compile(
    r"\s+(?:(?:were|was|are|is|have|has|had|will|would|could|may|might)\s+(?:been\s+|be\s+)?)?"
    r"([a-z]+)\b"
)
_RATIO_AFTER = re.compile(r"\s+to\s+(?:one|1)(?![\w-]|[.,]\d)", re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"(?<![\w])(?i:by|of)\s+$")
_CENTS = re.compile(r"\s+cents?(?![\w])", re.IGNORECASE)
_US_CENTS = re.compile(r"(\s+US)?\s+cents?(?![\w])")
# Cents without a currency belong to the last currency named before them ("$12.40, up 65
# cents"); with none in sight, to the dollar, whose cents English news quotes most.
_CENTS_CURRENCY = re.compile(r"(US\$|A\$|C\$|HK\$|NZ\$|S\$|\$|€|(?i:\b(?:euros?|dollars?)\b))")
_PENCE = re.compile(r"(?:p|\s+pence)(?![\w'’])")
_OLDS_AFTER = re.compile(r"[\s-]+olds(?![\w])", re.IGNORECASE)
_PERIOD_END_AFTER = re.compile(r"\s+(?:to|ending|ended|through)(?![\w])")
_DEFINITE_BEFORE = re.compile(r"(?<![\w])(?i:the|those|these)\s+$")
_AGED_BEFORE = re.compile(
    r"(?<![\w])(?i:aged|ages)\s+(?:(?:between|under|over|from)\s+)?(?:\d+\s*(?:and|to|or|-)\s*)?$"
)
# "raise the pension age from 60 to 65", "the age of 18": an age stated in the clause.
_AGE_BEFORE = re.compile(r"(?<![\w-])(?i:age)(?![\w-])[^.;:!?\n\d]*(?:\d+[^.;:!?\n\d]*)?$")
_LIST_NUMBER_AFTER = re.compile(r"[.)]\s")
# "the two countries", "both sides": a reference back to known parties, not a count claim.
_ANAPHORIC_BEFORE = re.compile(
    r"(?<![\w])(?i:the|these|those|both|all|our|their|its|his|her|your)\s+$"
)
_ANAPHORIC_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "both",
    ]
)
_PRONOUN_ONE = re.compile(
    r"\bno\s+one\b|\bone\s+(?:of|another|who|that)\b|\b(?:any|some|every)one\b", re.I
)

_NON_VERBS_ED = _wordset(
    """
    hundred red bed need seed speed feed shed bred creed deed reed weed sled including
    following according regarding concerning during excluding being having morning evening
    something nothing anything everything thing king ring
    """
)
_YEARS = range(1800, 2100)


@dataclass(frozen=True)
class _Phrase:
    """The counted noun phrase after a number."""

    end: int
    object: str
    noun: str


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: CountValue
    kind: str  # count | quantity
    predicate: str
    object: str | None = None
    noun: str | None = None


# --------------------------------------------------------------------------- public helpers


@lru_cache(maxsize=16384)
def normalise_noun(word: str) -> str:
    """Singular, lowercase, abbreviations expanded: "MOUs" -> "memorandum of understanding"."""
    text = " ".join(word.lower().replace("’", "'").split())
    if not text:
        return text
    if text in NOUN_ABBREVIATIONS:
        return NOUN_ABBREVIATIONS[text]
    compound = re.fullmatch(r"(\w+)(\s+of\s+.+)", text)
    if compound and compound.group(1) not in NOUN_ABBREVIATIONS:
        return _singular(compound.group(1)) + compound.group(2)
    *modifiers, head = text.split(" ")
    if head in NOUN_ABBREVIATIONS:
        head = NOUN_ABBREVIATIONS[head]
    elif head.endswith("s") and head[:-1] in NOUN_ABBREVIATIONS:
        head = NOUN_ABBREVIATIONS[head[:-1]]
    else:
        head = _singular(head)
    return " ".join([*modifiers, head])


@lru_cache(maxsize=16384)
def noun_class(noun: str) -> tuple[str, ...]:
    """From specific to general: "treaty" -> ("treaty", "agreement", "document")."""
    noun = normalise_noun(noun)
    head = noun if noun in NOUN_PARENT or noun in NOUN_SYNONYMS else noun.rsplit(" ", 1)[-1]
    chain: list[str] = []
    current: str | None = NOUN_SYNONYMS.get(head, head)
    while current is not None and current not in chain:
        chain.append(current)
        current = NOUN_PARENT.get(current)
    return tuple(chain)


def parse_count_text(text: str) -> CountValue | None:
    """The value of the first number expression in ``text`` ("about 100", "eight", "$1.5bn")."""
    text = text.strip()
    if not text or len(text) > 500:
        return None
    normalised = re.sub(r"(?<=[a-z]),(?=\s)", "", text, flags=re.IGNORECASE)
    for number in _scan(normalised, (), require_noun=False):
        return number.value
    return None


# --------------------------------------------------------------------------- extractor


def extract_numbers(context: ExtractionContext, found: Sequence[Record]) -> list[Record]:
    date_spans = [(r.start, r.end) for r in found if isinstance(r, DateClaim)]
    records: list[Record] = []
    text = context.text
    counted: list[_Number] = []  # counts so far: the antecedents of elided nouns
    rupee: str | None = None
    for number in _scan(text, date_spans, require_noun=True):
        if _is_back_reference(text, number):
            continue
        if number.kind == "bare":
            elided = _toll_count(context, number) or _elided_count(context, number, counted)
            if elided is None:
                if number.value.unit is None and number.predicate in _READING_VERBS:
                    continue  # "the quake measured 6.6": a reading on a scale it leaves unsaid
                if number.predicate == "count" or number.value.hedge is not None:
                    continue  # a bare number that no verb governs: scores, ids, page numbers
                number = replace(number, kind="quantity")
            else:
                number = elided
        if number.kind == "count" and number.noun is not None:
            counted.append(number)
            records.append(
                CountClaim.model_validate(
                    {
                        **context.span_fields("count", number.start, number.end),
                        "predicate": number.predicate,
                        "object": number.object,
                        "value": number.value,
                        "noun": number.noun,
                        "noun_class": noun_class(number.noun),
                    }
                )
            )
        else:
            if number.value.unit == RUPEE:
                rupee = rupee or rupee_currency(text)
                number = replace(number, value=number.value.model_copy(update={"unit": rupee}))
            records.append(
                QuantityClaim.model_validate(
                    {
                        **context.span_fields("quantity", number.start, number.end),
                        "predicate": number.predicate,
                        "object": number.object,
                        "value": number.value,
                    }
                )
            )
    return records


_READING_VERBS = frozenset({"measured", "measuring", "registered", "registering"})
# A bare number that is a toll: "kills at least 9", "14 dead", "more than 30 killed", "the
# death toll from the floods rose to 56", "put the toll at 17".
_KILLING_BEFORE = re.compile(r"(?<![\w-])(?i:kill(?:s|ed|ing)?)\s+$")
_DEAD_AFTER = re.compile(
    r"\s+(?:dead|killed|who\s+(?:have\s+|had\s+)?died)(?![\w-])", re.IGNORECASE
)
_TOLL_BEFORE = re.compile(
    r"(?<![\w-])(?i:toll)(?![\w-])[^.;:!?\d\n]{0,80}?(?<![\w-])"
    r"(?i:to|at|of|reached|reaches|reaching|hit|hits|stood\s+at|stands\s+at)\s+$"
)
TOLL_NOUN = "death"


# A bare number that counts people by what happened to them: "12 arrested" (a headline),
# "at least 40 injured in the blast", "arrests rose to 19", "injuries reached 300".
_PEOPLE_PARTICIPLE_AFTER = re.compile(
    r"\s+(?i:arrested|detained|injured|wounded|hurt|missing|evacuated|rescued|hospitali[sz]ed"
    r"|displaced|jailed)"
    r"(?=\s*(?:[.,;:!?)\n]|$)|\s+(?i:in|on|at|after|as|when|while|and|during|by|over|following"
    r"|near|so\s+far|since|amid)\b)"
)
_PEOPLE_TALLY_BEFORE = re.compile(
    r"(?<![\w-])(?i:arrests|detentions|injuries|evacuations|number\s+(?:of\s+people\s+)?"
    r"(?:arrested|detained|injured|hurt|evacuated))(?![\w-])[^.;:!?\d\n]{0,80}?"
    r"(?<![\w-])(?i:rose\s+to|risen\s+to|climbed\s+to|grew\s+to|increased\s+to|jumped\s+to"
    r"|reached|stood\s+at|stands\s+at|totalled|totaled)\s+$"
)
PERSON_NOUN = "person"


def _toll_count(context: ExtractionContext, number: _Number) -> _Number | None:
    """A bare whole number that counts the dead, or people arrested, injured or moved, by
    the words around it."""
    value = number.value
    if not float(value.low).is_integer() or value.high < 1:
        return None
    text = context.text
    sentence_start = context.sentence_bounds(number.start, number.end)[0]
    window = max(sentence_start, number.start - 120)
    if _DEAD_AFTER.match(text, number.end) or _TOLL_BEFORE.search(text, window, number.start):
        return replace(number, kind="count", object=TOLL_NOUN, noun=TOLL_NOUN)
    if _KILLING_BEFORE.search(text, max(sentence_start, number.start - 12), number.start):
        return replace(number, kind="count", object=PERSON_NOUN, noun=PERSON_NOUN)
    if value.unit is None and (
        _PEOPLE_PARTICIPLE_AFTER.match(text, number.end)
        or _PEOPLE_TALLY_BEFORE.search(text, window, number.start)
    ):
        return replace(number, kind="count", object=PERSON_NOUN, noun=PERSON_NOUN)
    return None


_PLACE_WORD = re.compile(r"\b(?:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?|[A-Z]{4,}(?:[ \t]+[A-Z]{4,})?)\b")


def rupee_currency(text: str) -> str:
    """The rupee of the country among ``RUPEE_COUNTRIES`` that a text names most (by name or
    demonym: "Nepali officials"; or by its capital in a dateline: "COLOMBO, May 3"), else
    the generic "rupee"."""
    named: dict[str, int] = {}
    for match in _PLACE_WORD.finditer(text):
        phrase = match.group(0)
        phrase = phrase.title() if phrase.isupper() else phrase
        country = country_for(phrase) or country_for(phrase.split()[0])
        if country in RUPEE_COUNTRIES:
            named[country] = named.get(country, 0) + 1
    if not named:
        return RUPEE
    best = min(named.items(), key=lambda item: (-item[1], item[0]))[0]
    return RUPEE_COUNTRIES[best]


def _elided_count(
    context: ExtractionContext, number: _Number, counted: Sequence[_Number]
) -> _Number | None:
    """A count whose noun is left out and named earlier in the sentence.

    "12,500 jobs had gone while 7,800 were being moved", "merge 35 agencies into nine",
    "the option to buy 20 more", "all member states, several of which", "the number of
    civil servants rose to 520,000". A bare number with no such antecedent is no count.
    """
    value = number.value
    if value.high < 2 or not float(value.low).is_integer():
        return None
    text = context.text
    vague_object = value.hedge in VAGUE and _governing_verb(text, number.start) is not None
    if vague_object and not _OF_WHICH.match(text, number.end):
        return None  # "forced thousands from their homes": a vague object, often generic
    sentence_start = context.sentence_bounds(number.start, number.end)[0]
    antecedent: tuple[str | None, str] | None = None
    for earlier in reversed(counted):
        if earlier.start < sentence_start:
            break
        if earlier.noun is not None:
            antecedent = (earlier.object, earlier.noun)
            break
    if (
        antecedent is None
        and counted
        and _OF_THEM.match(text, number.end)
        and not _IN_BEFORE.search(text, max(0, number.start - 4), number.start)
    ):
        # "11 documents were signed. Mongolia is a party to 6 of them.": "them" reaches back
        # to the last count of the sentence before.
        earlier = counted[-1]
        previous_start = context.sentence_bounds(max(0, sentence_start - 2), sentence_start)[0]
        if earlier.start >= previous_start and earlier.noun is not None:
            antecedent = (earlier.object, earlier.noun)
    if antecedent is None:
        for mention in _NUMBER_OF.finditer(text, sentence_start, number.start):
            phrase = _noun_phrase(text, mention.end(), plural=True, any_noun=False)
            if phrase is not None and phrase.end <= number.start:
                antecedent = (phrase.object, phrase.noun)
                if _DEAD_AFTER.match(text, phrase.end):
                    antecedent = (TOLL_NOUN, TOLL_NOUN)  # "the number of people killed"
    if antecedent is None:
        return None
    object_, noun = antecedent
    return replace(number, kind="count", object=object_, noun=noun)


# "6 of them", not "one in 50 of those driving": a ratio, and "those" opens a new phrase.
_OF_THEM = re.compile(r"\s+of\s+them\b", re.IGNORECASE)
_IN_BEFORE = re.compile(r"(?<![\w-])in\s+$", re.IGNORECASE)
_OF_WHICH = re.compile(r"\s+of\s+(?:which|whom|them|these|those)\b", re.IGNORECASE)
_NUMBER_OF = re.compile(r"(?<![\w])(?i:the\s+(?:total\s+)?number)(?=\s+of\s)")


# "one of Russia's biggest firms" picks a member of a set; it counts nothing.
_ONE_OF = re.compile(r"(?i)one\s+of\b")


def _is_back_reference(text: str, number: _Number) -> bool:
    if _ONE_OF.match(text, number.start):
        return True
    first_word = text[number.start : number.end].split(" ", 1)[0].lower()
    if first_word not in _ANAPHORIC_WORDS:
        return False
    return bool(_ANAPHORIC_BEFORE.search(text, max(0, number.start - 8), number.start))


def _scan(text: str, date_spans: Sequence[tuple[int, int]], *, require_noun: bool) -> list[_Number]:
    numbers: list[_Number] = []
    position = 0
    dates = Greatest(date_spans)
    lowered = _lowered(text)
    starts = (trigger.start() for trigger in _TRIGGER.finditer(lowered))
    glued = [rupee.end() for rupee in _RUPEE_DIGITS.finditer(lowered)]
    if glued:
        starts = heapq.merge(starts, glued)
    for start in starts:
        if start < position:
            continue
        match = _ATOM.match(text, start)
        if match is None:
            continue
        if covers(dates, match.start()):
            continue
        number = _read(text, match, require_noun=require_noun)
        if number is not None:
            numbers.append(number)
            position = number.end
    return numbers


def _read(text: str, match: re.Match[str], *, require_noun: bool) -> _Number | None:
    group = match.lastgroup
    if group == "digits":
        return _read_digits(text, match, require_noun=require_noun)
    if group in ("words", "dozen"):
        value = _words_value(match.group(group))
        if value is None:
            return _retry_shorter(text, match, require_noun=require_noun)
        return _read_value(
            text, match.start(), match.end(), Decimal(value), require_noun=require_noun, words=True
        )
    if group == "vague":
        return _read_vague(text, match, require_noun=require_noun)
    if group == "ordinal":
        return _read_fraction(text, match)  # "second trip" is a position, not an amount
    if group == "multiply":
        word = match.group(group).lower()
        factor = {"doub": 2.0, "trip": 3.0, "treb": 3.0, "quad": 4.0, "halv": 0.5}[word[:4]]
        multiple = CountValue(low=factor, high=factor, unit="x")
        return _Number(match.start(), match.end(), multiple, "quantity", word)
    return None


def _retry_shorter(text: str, match: re.Match[str], *, require_noun: bool) -> _Number | None:
    """ "two and three" is not one number: keep the longest prefix text2num accepts."""
    words = match.group(0)
    for cut in reversed([m.start() for m in re.finditer(r"(?:\s+and\s+|[\s-]+)", words)]):
        value = _words_value(words[:cut])
        if value is not None:
            end = match.start() + cut
            return _read_value(
                text, match.start(), end, Decimal(value), require_noun=require_noun, words=True
            )
    return None


# An earthquake's magnitude: a reading on a scale, not an amount ("a magnitude 6.6 quake",
# "a 5.4-magnitude earthquake", "measuring 7.2 on the Richter scale").
_MAGNITUDE_BEFORE = re.compile(r"(?<![\w-])(?i:magnitude(?:\s+of)?)\s+$")
_MAGNITUDE_AFTER = re.compile(r"(?i:[\s-]+magnitude\b|\s+on\s+the\s+richter\b)")


def _read_digits(text: str, match: re.Match[str], *, require_noun: bool) -> _Number | None:
    start, end = match.span()
    raw = match.group(0)
    before = text[max(0, start - 40) : start]
    if _MAGNITUDE_BEFORE.search(before) or _MAGNITUDE_AFTER.match(text, end):
        return None
    if len(raw) > 1 and raw[0] == "0" and raw[1] != ".":
        return None  # phone numbers, codes
    if _LIST_NUMBER_AFTER.match(text, end) and (start == 0 or text[start - 1] == "\n"):
        return None
    if start > 0 and text[start - 1] == "(" and text.startswith(")", end):
        return None
    if re.search(r"\d[ -]$", before) or re.match(r"[ -]\d{3,}", text[end : end + 5]):
        return None  # digit groups: phone numbers and codes
    if _CLOCK.match(text, end):
        return None
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, end):
        return None
    if _ORDINAL_SUFFIX.match(text, end) is not None and "." not in raw:
        return None  # "30th": a position, not an amount
    currency = _CURRENCY_BEFORE.search(before)
    identifier = _ID_BEFORE.search(before)
    if currency is None and identifier is not None and not _is_common_word(identifier.group(1)):
        return None
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex only admits digits
        return None
    plain = "," not in raw and "." not in raw and currency is None
    if plain and int(value) in _YEARS and not (_PERCENT.match(text, end) or _UNIT.match(text, end)):
        return None  # a year: dates.py owns it
    number_start = start - len(currency.group(1)) if currency else start
    return _read_value(
        text,
        number_start,
        end,
        value,
        require_noun=require_noun,
        currency=currency.group(1) if currency else None,
    )


def _is_common_word(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    return (
        lowered in STOP_WORDS
        or lowered in _HEDGE_WORDS
        or lowered in PAST_VERBS
        or (lowered.endswith(("ed", "ing")) and word[0].isupper() and lowered not in _NON_VERBS_ED)
    )


_HEDGE_WORDS = _wordset(
    """
    about around some nearly almost over under below approximately roughly estimated total
    killed
    """
)


def _read_value(
    text: str,
    start: int,
    end: int,
    value: Decimal,
    *,
    require_noun: bool,
    currency: str | None = None,
    words: bool = False,
) -> _Number | None:
    unit: str | None = CURRENCIES[currency.strip().rstrip(".")] if currency else None
    kind = "quantity" if currency else "count"
    predicate_default = "amount" if currency else "count"
    low = high = value
    # scale: "1.13bn", "3 million"
    scale = _SCALE_AFTER.match(text, end)
    if scale and not words:
        value = value * SCALES[(scale.group(1) or scale.group(2)).lower()]
        low = high = value
        end = scale.end()
    ratio = _RATIO_AFTER.match(text, end) if value > 1 and currency is None else None
    if ratio is not None and _RATIO_BEFORE.search(text, max(0, start - 8), start):
        ratio_value = CountValue(low=float(value), high=float(value), unit="ratio")
        return _Number(start, ratio.end(), ratio_value, "quantity", "ratio")  # "by two to one"
    # a range: "18 to 25", "18-25", "between 18 and 25"
    hedge_match = _HEDGE_BEFORE.search(text, max(0, start - 30), start)
    hedge = " ".join(hedge_match.group(1).lower().split()) if hedge_match else None
    join = _RANGE_JOIN.match(text, end)
    if join and (hedge == "between" or "and" not in join.group(0)):
        second = _ATOM.match(text, join.end())
        if second is None and _CURRENCY_BEFORE.search(text[join.end() : join.end() + 1]):
            second = _ATOM.match(text, join.end() + 1)
        other = _second_value(text, second) if second else None
        preceded_by_from = re.search(r"\bfrom\s+$", text[max(0, start - 8) : start], re.I)
        moved = _MOVE_BEFORE.search(text, max(0, start - 12), start)
        if second and other is not None and other[0] > value and not (preceded_by_from or moved):
            high = other[0]
            end = other[1]
            shared_scale = _SCALE_AFTER.match(text, second.end())
            if scale is None and shared_scale is not None and second.lastgroup == "digits":
                # "between 1.1 and 1.5 million": the scale counts for both bounds.
                scaled = value * SCALES[(shared_scale.group(1) or shared_scale.group(2)).lower()]
                if scaled <= high:
                    low = scaled
        elif hedge == "between":
            hedge = None
    if high == low and (first_percent := _PERCENT.match(text, end)) is not None:
        # "between 3% and 6%", "3%-6%": the unit after each bound
        percent_join = _RANGE_JOIN.match(text, first_percent.end())
        if percent_join and (hedge == "between") == ("and" in percent_join.group(0)):
            second = _ATOM.match(text, percent_join.end())
            other = _second_value(text, second) if second else None
            if other is not None and other[0] > value and _PERCENT.match(text, other[1]):
                high, end = other[0], other[1]
    if hedge == "between" and high == low:
        hedge = None
    # what follows: percent, fold, hyphenated time, time unit, measure unit, currency word
    predicate = predicate_default
    object_: str | None = None
    after = _HEDGE_AFTER.match(text, end)
    suffix_hedge = " ".join(after.group(1).lower().split()).lstrip("-") if after else None
    if after:
        end = after.end()
    if (percent := _PERCENT.match(text, end)) is not None:
        unit = "percentage point" if "point" in percent.group(0).lower() else "%"
        kind, predicate_default, end = "quantity", "percentage", percent.end()
    elif (fold := _FOLD.match(text, end)) is not None:
        unit, kind, predicate_default, end = "x", "quantity", "multiple", fold.end()
        phrase = _noun_phrase(text, end, plural=False, any_noun=True)
        object_ = phrase.object if phrase else None
    elif (hyphen_time := _HYPHEN_TIME.match(text, end)) is not None:
        unit = hyphen_time.group(1).lower()
        kind, end = "quantity", hyphen_time.end()
        predicate_default = "age" if hyphen_time.group(2) else "duration"
    elif currency is None and (time_unit := _TIME_UNIT.match(text, end)) is not None:
        if _OLDS_AFTER.match(text, time_unit.end()):
            return None  # "18 to 24 year olds": a group label
        if _PERIOD_END_AFTER.match(text, time_unit.end()) and _DEFINITE_BEFORE.search(
            text, max(0, start - 12), start
        ):
            return None  # "the 12 months to 31 December" only delimits a period
        unit = normalise_noun(time_unit.group(1))
        kind, predicate_default, end = "quantity", "duration", time_unit.end()
    elif currency is None and (
        currency_word := _currency_word(text, end, scaled=scale is not None)
    ):
        unit = _currency_code(currency_word.group(1))
        kind, predicate_default, end = "quantity", "amount", currency_word.end()
        if (cents := _CENTS.match(text, end)) is not None:  # "70 euro cents"
            low, high, end = low / 100, high / 100, cents.end()
    elif currency is None and scale is None and (pence := _PENCE.match(text, end)) is not None:
        unit, kind, predicate_default, end = "GBP", "quantity", "amount", pence.end()
        low, high = low / 100, high / 100
    elif currency is None and scale is None and (cents := _US_CENTS.match(text, end)) is not None:
        unit = "USD" if cents.group(1) else _cents_currency(text, start)
        kind, predicate_default, end = "quantity", "amount", cents.end()
        low, high = low / 100, high / 100
    elif currency is None and not words and (measure := _UNIT.match(text, end)) is not None:
        unit = UNITS[measure.group(1)]
        kind, predicate_default, end = "quantity", "measure", measure.end()
    elif text.startswith("-", end) and re.match(r"-[A-Za-z]", text[end : end + 2]):
        return None  # "two-thirds", "one-off", "5-star": part of a word
    elif currency is None and re.match(r"[A-Za-z]", text[end : end + 1]):
        return None  # "5G", "3D", "4x4"
    noun: str | None = None
    if kind == "count":
        phrase = _noun_phrase(text, end, plural=value != 1, any_noun=False)
        if phrase is None:
            if _AGED_BEFORE.search(text, max(0, start - 20), start):
                return None  # "people aged 18 or over": a group label
            if not require_noun:
                kind = "quantity"
            elif (
                0 < value < 130
                and "age" in text[max(0, start - 50) : start].lower()
                and _AGE_BEFORE.search(text, max(0, start - 50), start)
            ):
                unit, kind, predicate_default = "year", "quantity", "age"  # "pension age 65"
            elif words and (value == 1 or scale is not None):
                return None
            elif scale is None:
                kind = "bare"  # "7,800 were moved": extract_numbers looks for the elided noun
            else:
                kind = "quantity"
        else:
            object_, noun, end = phrase.object, phrase.noun, phrase.end
    one = words and value == 1 and noun is None and unit is None
    if one and (require_noun or _PRONOUN_ONE.search(text)):
        return None  # "one" as a pronoun: "one of the", "no one"
    if hedge_match is not None and hedge is not None:
        start = hedge_match.start(1)
    hedge = hedge or suffix_hedge
    interval = _interval(low, high, hedge, integer=kind == "count")
    verb = _governing_verb(text, start) or _verb_after(text, end)
    if unit == "%" and interval[0] <= 100 < interval[1]:
        interval = (interval[0], 100.0)  # "more than 80%" is at most 100%
    count_value = CountValue(
        low=interval[0],
        high=interval[1],
        approximate=hedge is not None,
        hedge=hedge,
        unit=unit,
    )
    if predicate_default in ("duration", "age", "multiple", "ratio"):
        predicate = predicate_default
    else:
        predicate = verb or predicate_default
    return _Number(start, end, count_value, kind, predicate, object_, noun)


def _currency_word(text: str, end: int, *, scaled: bool) -> re.Match[str] | None:
    """A currency's name after a number; a name that is also a verb only after a scale word."""
    named = _CURRENCY_WORD.match(text, end)
    if named is None and scaled:
        named = _SCALED_CURRENCY_WORD.match(text, end)
    return named


def _currency_code(word: str) -> str:
    word = word.lower()
    return CURRENCIES.get(word) or SCALED_CURRENCIES[word]


def _cents_currency(text: str, start: int) -> str:
    window_start = max(0, text.rfind("\n", 0, start) + 1, start - 200)
    named = [match.group(1) for match in _CENTS_CURRENCY.finditer(text, window_start, start)]
    if not named:
        return "USD"
    word = named[-1].lower()
    return CURRENCIES.get(named[-1]) or CURRENCIES.get(word) or CURRENCIES[word + "s"]


def _second_value(text: str, match: re.Match[str]) -> tuple[Decimal, int] | None:
    group = match.lastgroup
    if group == "digits":
        raw = match.group(0)
        if "," not in raw and "." not in raw and int(raw) in _YEARS:
            return None
        value = Decimal(raw.replace(",", ""))
        end = match.end()
        scale = _SCALE_AFTER.match(text, end)
        if scale:
            value *= SCALES[(scale.group(1) or scale.group(2)).lower()]
            end = scale.end()
        return value, end
    if group == "words":
        words_value = _words_value(match.group(0))
        return (Decimal(words_value), match.end()) if words_value is not None else None
    return None


def _interval(
    low: Decimal, high: Decimal, hedge: str | None, *, integer: bool
) -> tuple[float, float]:
    lo, hi = low, high
    if hedge in (
        "about",
        "around",
        "some",
        "approximately",
        "roughly",
        "an estimated",
        "estimated",
        "close to",
        "or so",
        "odd",
    ):
        lo, hi = lo * _TENTH * 9, hi * _TENTH * 11
    elif hedge in ("nearly", "almost", "just under"):
        lo = lo * _TENTH * 9
    elif hedge in (
        "more than",
        "over",
        "upwards of",
        "in excess of",
        "just over",
        "well over",
        "at least",
        "or more",
        "+",
    ):
        hi = max(hi * 10, hi + 1)
    elif hedge in (
        "up to",
        "as many as",
        "no more than",
        "at most",
        "fewer than",
        "less than",
        "under",
        "below",
    ):
        lo = lo * _TENTH
    if integer:
        lo, hi = lo.to_integral_value(ROUND_FLOOR), hi.to_integral_value(ROUND_CEILING)
    return float(lo), float(hi)


_TENTH = Decimal("0.1")


def _read_vague(text: str, match: re.Match[str], *, require_noun: bool) -> _Number | None:
    key = " ".join(match.group(0).lower().split())
    low, high = VAGUE[key]
    start, end = match.span()
    phrase = _noun_phrase(text, end, plural=True, any_noun=False)
    value = CountValue(low=low, high=high, approximate=True, hedge=key)
    if phrase is None:
        if require_noun and key.endswith(" of"):
            return None
        verb = _governing_verb(text, start) or _verb_after(text, end)
        return _Number(start, end, value, "bare" if require_noun else "quantity", verb or "count")
    verb = _governing_verb(text, start) or _verb_after(text, phrase.end)
    return _Number(start, phrase.end, value, "count", verb or "count", phrase.object, phrase.noun)


def _read_fraction(text: str, match: re.Match[str]) -> _Number | None:
    """ "a third of voters", "important for a fifth.": a share, as a percentage."""
    denominator = FRACTION_DENOMINATORS.get(match.group(0).lower())
    if denominator is None or not _FRACTION_AFTER.match(text, match.end()):
        return None
    article = _FRACTION_BEFORE.search(text, max(0, match.start() - 5), match.start())
    if article is None:
        return None
    share = round(100 / denominator, 2)
    value = CountValue(low=share, high=share, unit="%")
    return _Number(article.start(), match.end(), value, "quantity", "fraction")


FRACTION_DENOMINATORS = {"third": 3, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
_FRACTION_BEFORE = re.compile(r"(?<![\w])(?i:a|one)\s+$")
_FRACTION_AFTER = re.compile(r"\s+of\s|\s*[.,;:)]")


# --------------------------------------------------------------------------- number words


@lru_cache(maxsize=4096)
def _words_value(words: str) -> int | None:
    text = " ".join(words.lower().replace(",", " ").split())
    dozen = re.fullmatch(r"(half a|a|two|three|four|five|six) dozen", text)
    if dozen:
        return {"half a": 6, "a": 12, "two": 24, "three": 36, "four": 48, "five": 60, "six": 72}[
            dozen.group(1)
        ]
    if text.startswith("a "):
        text = "one " + text[2:]
    try:
        value = text2num(text, "en")
    except (ValueError, IndexError, KeyError):
        return None
    return int(value)


# --------------------------------------------------------------------------- nouns and verbs


def _noun_phrase(
    text: str, position: int, *, plural: bool, any_noun: bool, partitive: bool = False
) -> _Phrase | None:
    """The counted noun after a number: modifiers then a head ("cooperation documents").

    "other" and "more" before the modifiers are skipped ("six other unions"), "and"/"or"
    may join modifiers ("civil and public servants"), and "of" may sit inside a capitalised
    name ("Department of Health posts"). In a partitive ("10 of its A350") a model name
    that ends the phrase is its head.
    """
    if plural and not partitive and (part := _PARTITIVE.match(text, position)) is not None:
        return _noun_phrase(text, part.end(), plural=plural, any_noun=any_noun, partitive=True)
    match = _WORDS.match(text, position)
    if match is None:
        return None
    words_start = match.start(1)
    compound = None
    for offset in [words_start, *(m.end() for m in re.finditer(r"[ \t]+", match.group(1)))][:3]:
        compound = _COMPOUND.match(text, offset if offset == words_start else words_start + offset)
        if compound:
            break
    modifiers: list[str] = []
    content = 0  # modifiers that are not joining words
    cursor = words_start
    tokens = list(_TOKENS.finditer(match.group(1)))
    for index, token in enumerate(tokens):
        absolute = words_start + token.start()
        if compound and absolute == compound.start():
            noun = normalise_noun(compound.group(1))
            return _Phrase(compound.end(), " ".join([*modifiers, noun]), _head_of(noun))
        word = token.group(0)
        lowered = word.lower()
        following = tokens[index + 1].group(0) if index + 1 < len(tokens) else ""
        if not modifiers and lowered in _SKIPPED_FIRST and following:
            continue
        if modifiers and following and _joins(lowered, tokens[index - 1].group(0), following):
            modifiers.append(lowered)
            continue
        if lowered in STOP_WORDS or content >= 5:
            return _model_head(modifiers, tokens[index - 1], words_start) if partitive else None
        cursor = words_start + token.end()
        acronym = bool(re.fullmatch(r"[A-Z]{2,}s?|[A-Z][a-z][A-Z]s?", word))
        if word[0].isupper() and not acronym:
            modifiers.append(lowered)  # "12 Chilean ministers": a proper adjective
            content += 1
            continue
        if _is_head(lowered, word, plural=plural, any_noun=any_noun):
            noun = normalise_noun(word)
            head = _head_of(noun)
            return _Phrase(cursor, " ".join([*modifiers, noun]), head)
        if lowered.endswith("ly"):
            return None
        modifiers.append(lowered)
        content += 1
    if partitive and tokens and match.end(1) == words_start + tokens[-1].end():
        return _model_head(modifiers, tokens[-1], words_start)
    return None


_SKIPPED_FIRST = frozenset({"other", "more"})


def _joins(lowered: str, previous: str, following: str) -> bool:
    """ "and"/"or" between modifiers, "of" inside a capitalised name."""
    if lowered in ("and", "or"):
        return following.lower() not in STOP_WORDS
    return lowered == "of" and previous[0].isupper() and following[0].isupper()


def _model_head(modifiers: list[str], last: re.Match[str], words_start: int) -> _Phrase | None:
    if not modifiers or not _MODEL.fullmatch(last.group(0)):
        return None
    return _Phrase(words_start + last.end(), " ".join(modifiers), modifiers[-1])


def _head_of(noun: str) -> str:
    return noun if " of " in noun or noun in NOUN_PARENT else noun.rsplit(" ", 1)[-1]


def _is_head(lowered: str, word: str, *, plural: bool, any_noun: bool) -> bool:
    if any_noun:
        return not lowered.endswith(("ed", "ing", "ly")) or lowered in NOUN_PARENT
    if not plural:
        return normalise_noun(lowered) in NOUN_PARENT or lowered in NOUN_SYNONYMS
    if lowered in IRREGULAR_SINGULARS:
        return True
    if re.fullmatch(r"[A-Z]{2,}s|[A-Z][a-z][A-Z]s", word):
        return True  # "MOUs", "MoUs", "MPs"
    if lowered in NOT_PLURAL or not lowered.endswith("s") or len(lowered) < 3:
        return False
    return not lowered.endswith(("ss", "us", "is", "ics", "'s"))


def _governing_verb(text: str, start: int) -> str | None:
    match = _VERB_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return None
    word = match.group(1).lower()
    return word if _is_verb(word) else None


def _verb_after(text: str, position: int) -> str | None:
    match = _VERB_AFTER.match(text, position)
    if match is None:
        return None
    word = match.group(1)
    return word if _is_verb(word) and word not in STOP_WORDS else None


def _is_verb(word: str) -> bool:
    if word in PAST_VERBS:
        return True
    if word in _NON_VERBS_ED or word in STOP_WORDS or len(word) < 4:
        return False
    return word.endswith(("ed", "ing"))


# --------------------------------------------------------------------------- singulars


def _singular(word: str) -> str:
    for _ in range(4):
        new = _singular_once(word)
        if new == word:
            return word
        word = new
    return word


def _singular_once(word: str) -> str:
    if word in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[word]
    if word in NOT_PLURAL or len(word) <= 3 or not word.endswith("s"):
        return word
    if word.endswith(("ss", "us", "is", "ics", "'s")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1]
