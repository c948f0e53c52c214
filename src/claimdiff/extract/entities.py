"""Mentions of people, organisations and places, and the roles people hold.

One linear pass over word tokens. At each capitalised word (or "the" before a
title) we first try a *role phrase* ("Kenyan President", "the Ugandan Foreign
Minister", "Chief of Staff of the Armed Forces of Chile", "Mr"), then the name
after it; otherwise a plain run of capitalised words is split at "and"/"of"
and classified with the gazetteer and a few keyword lists. A last pass links
role mentions ("the Kenyan president") and bare surnames to the person the
document names.

Spans cover the bare name only; titles go to ``Mention.titles``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from claimdiff import gazetteer as gz
from claimdiff.extract import ExtractionContext
from claimdiff.gazetteer import words as _words
from claimdiff.models import DateValue, EntityKind, Mention, Record, RoleClaim
from claimdiff.names import compare_names
from claimdiff.offices import office_relation

_WORD = re.compile(r"[^\W\d_](?:\w|[-'’.&](?=\w))*")
_POSSESSIVE = ("'s", "’s")
# "as" just before a title: the title is said of someone, not the head of an apposition.
_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}s?")

# Capitalised words that never start or belong to a name.
_STOP = _words(
    """the a an in on at by for from with into onto upon of to as and or but nor if so yet
    during however according although though while whilst when whenever where wherever
    after before since until unless because despite besides meanwhile instead moreover
    furthermore therefore thus hence also still then now today yesterday tomorrow
    tonight earlier later finally firstly secondly thirdly lastly overall indeed notably
    similarly likewise accordingly nevertheless nonetheless otherwise this that these
    those there here it its he she they we i you his her their our my your me him them
    us who whom whose what which why how all both each every either neither some many
    most more much few several such other another any no not yes one two three four five
    six seven eight nine ten first second third last next new speaking asked reportedly
    currently already recently just only even perhaps maybe please thanks thank dear
    read add share follow click sources source comments comment related advertisement
    subscribe"""
)
_MONTHS = _words(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec"""
)
_WEEKDAYS = _words(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs
    fri sat sun"""
)
_CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de", "du", "des", "la", "le", "von"})
# Connectors that join the words of a title or a body, never the parts of a person's name
# (unlike the particles: "de", "von", "bin").
_NEVER_IN_PERSON_NAMES = frozenset({"and", "&", "of", "for", "the"})
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "van", "von", "de", "der", "da", "di"})
_DETERMINERS = frozenset({"the", "a", "an"})
_MODIFIERS = _words(
    """former newly elected re-elected acting outgoing incoming interim caretaker"""
)
_ABBREVIATED = _words("""mr mrs ms dr prof gen lt col maj capt sgt st rev jr sr brig adm""")
_ORG_WORDS = _words(
    """organization organisation ministry council agency company bank party chamber
    university corp corporation ltd plc inc llc group association union committee
    commission institute institution foundation federation fund court parliament
    assembly office department forces army navy police service services news times post
    press club league airlines airways motors holdings trust school college academy
    hospital church museum board authority exchange network channel tv radio television
    broadcasting guard corps government administration cabinet senate congress embassy
    consulate mission movement front alliance coalition society centre center industries
    systems technologies studios records games group's council's secretariat bureau
    directorate command revolution republic's unit division brigade regiment fleet survey
    herald gazette tribune chronicle journal ledger"""
)
# Last words of company names ("Quillon Multimedia", "Acme Pharmaceuticals").
_COMPANY_HEADS = _words(
    """multimedia media communications telecom telecoms pharmaceuticals pharma electronics
    entertainment pictures partners capital investments securities ventures resources
    petroleum energy steel mining logistics shipping insurance financial software labs
    laboratories solutions brands foods stores semiconductor semiconductors airline
    enterprises"""
)
# Last words of the names of prizes, contests, shows and works: things, not people.
_THING_HEADS = _words(
    """award awards prize prizes medal medals trophy cup championship championships
    tournament festival festivals games olympics show series album film movie novel
    programme program marathon grand prix open brief"""
)
_PLACE_WORDS = _words(
    """palace street square river mountains mountain sea ocean lake island islands province
    region county city valley airport stadium bridge park hall road avenue gulf strait
    desert peninsula border port district state capital canal coast bay cape isle mosque
    cathedral temple tower castle village town highway motorway expressway"""
)
# Nouns of events a body holds: "X Summit" names the event, X the body.
_EVENT_NOUNS = _words("""summit summits conference forum""")
_FORMER = _words("""former""")
# "then" before a title, after an article or preposition, tells a past holder; not after
# "and" or "by" ("by then President X had left": the adverb).
_THEN_BEFORE = re.compile(
    r"\b(?:the|of|under|with|to|for|from|between|against|whom)\s+then\s+$", re.IGNORECASE
)
_PLACE_CUES = _words(
    """in into from at near across throughout outside inside visited visiting toward
    towards via"""
)
_MOTION = _words(
    """visit visits trip trips travel travels travelled traveled flew went came returned
    moved arrived arrive route border flight flights way"""
)
_PORTFOLIO_HEADS = _words("""minister secretary spokesman spokeswoman spokesperson commissioner""")
_DESTINATION_TITLES = frozenset(
    {"Ambassador", "Envoy", "Special Envoy", "Consul", "High Commissioner", "Representative"}
)
_SPEECH = _words(
    """said says told added stressed noted emphasised emphasized underlined underscored
    stated declared insisted warned explained argued claimed remarked asked replied
    responded announced wrote tweeted commented observed highlighted urged recalled
    concluded admitted acknowledged maintained suggested praised welcomed"""
)
_METONYMY_VERBS = _SPEECH | _words(
    """signed agreed has have is was will would wants want denied rejected accused
    condemned sees views considers hopes seeks seek sought backed supports opposed
    threatened imposed launched reaffirmed pledged"""
)
_METONYMY_NOUNS = _words(
    """policy policies government decision position engagement stance relations approach
    strategy diplomacy pivot efforts response ties cooperation talks trade"""
)
# Adjectives of region, faith or politics: never a name on their own, never a person's name.
_ADJECTIVES = _words(
    """asian african european american arab arabian western eastern northern southern
    central latin islamic muslim jewish catholic protestant orthodox shia shiite sunni
    kurdish soviet persian nordic baltic balkan caucasian pan-african transatlantic
    international national federal global regional royal democratic republican socialist
    communist conservative liberal"""
)
_NOT_NAMES = _words(
    """election elections strike public electric dynamics practitioner assembly meeting
    staff secretary manager motors"""
)
# Titles that name an office only after whose it is: "the IMF chief", "army chief".
_NEEDS_AFFILIATION = frozenset({"chief"})
# "the regional minister for water and sanitation,": a portfolio in plain words,
# up to the punctuation that closes the apposition.
_PLAIN_PORTFOLIO = re.compile(r" (?:for|of) [a-z]{3,}(?: (?:and|&) [a-z]{3,})?(?=[,;.)])")
_ORGANISATION_HEAD_TITLES = frozenset({"Head", "Chief", "Director", "Chairman"})
_PLAIN_ORGANISATION = re.compile(r" of (?:the )?(?:[a-z]+(?:['’]s)? ){0,3}[a-z]+(?=, [A-Z])")
_PLACE_BEFORE = re.compile(r"\b(?:of|in|from|across|near|at)\s+(?:the\s+)?$")
_PLAIN_MORE = re.compile(r" (?:and|&) [a-z]{3,}(?=[,;.)])")  # "minister for water and sanitation"
_TITLE_PREFIXES = frozenset({"shadow", "deputy", "acting", "interim", "vice"})
# Auxiliaries and modals that open questions ("Could Acme survive?"): never a name's start.
_OPENERS = _words(
    """could would should can might must shall did does do is are was were has have had"""
)
_SPLIT_HEAD_KEEP = _ORG_WORDS | _PLACE_WORDS | frozenset({"republic", "kingdom", "emirates"})


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str
    lower: str
    cap: bool
    poss: bool
    joined: bool  # joined to the previous token inside one name (a single space)
    first: bool  # first word of its sentence
    headline: bool
    # A headline with every word capitalised: a capital there says nothing about titles.
    title_case: bool


@dataclass(slots=True)
class _Role:
    start: int  # token index of the phrase (after any determiner)
    end: int  # token index after the phrase
    determiner: bool
    titles: list[str]
    role: str | None
    canonical: str | None
    country: str | None
    places: list[tuple[int, int, str]]  # token spans of countries named inside
    capitalised: bool
    affiliation: bool
    written_end: int
    # Where a second office of the same person starts ("Deputy Prime Minister and Foreign
    # Minister X"): the name follows that one.
    also: int | None = None
    # A portfolio in plain words after a lower-case title ("the provincial minister for
    # water and sanitation,"): its text and where it ends in the text.
    tail: str = ""
    tail_end: int = 0


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    kind: EntityKind
    name: str
    titles: tuple[str, ...] = ()
    role: str | None = None
    canonical: str | None = None
    country: str | None = None
    via: str = "name"
    key: tuple[str, str | None] | None = None
    gender: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def extract_entities(context: ExtractionContext, found: Sequence[Record]) -> list[Record]:
    return _Extractor(context).run()


class _Extractor:
    def __init__(self, context: ExtractionContext) -> None:
        self.context = context
        self.text = context.text
        self.tokens = _tokenise(context)
        self.lower_words = set(_LOWER_WORD.findall(self.text))
        self.capitalised_words = {t.word for t in self.tokens if t.cap and not t.first}
        self.mentions: list[_Mention] = []
        self.roles: list[tuple[int, int, int, _Role]] = []  # span start, end, mention idx, role
        self.acronyms: dict[str, str] = {}
        self.used = [False] * len(self.tokens)
        self.mentions_by_index: list[_Mention] = []
        self.title_cache: dict[int, object] = {}
        self.ranks: list[tuple[int, int, _Mention, str, str]] = []
        self.place_cache: dict[int, object] = {}
        self.next_title = _next_title_starts(self.tokens)
        self.standalone: set[str] | None = None
        # "his Peruvian counterpart Ana Berg": (start, the person, the country, what is written).
        self.counterparts: list[tuple[int, _Mention, str, str]] = []
        self.counterpart_named = "counterpart" in self.lower_words

    # ------------------------------------------------------------------ driver

    def run(self) -> list[Record]:
        tokens, n = self.tokens, len(self.tokens)
        i = 0
        while i < n:
            token = tokens[i]
            if self.used[i]:
                i += 1
                continue
            if not (token.cap or token.lower in _DETERMINERS):
                if token.lower in _TITLE_FIRST and not token.title_case:
                    advanced = self._prenominal_at(i)
                    if advanced > i:
                        i = advanced
                        continue
                i += 1
                continue
            if not token.title_case:
                advanced = self._role_at(i)
                if advanced > i:
                    i = advanced
                    continue
            if token.cap:
                i = self._run_at(i)
            else:
                i += 1
        self._link_within_document()
        self._resolve_counterparts()
        return self._records()

    # ------------------------------------------------------------------ role phrases

    def _title_at(self, k: int) -> tuple[int, gz.Title, str] | None:
        tokens, n = self.tokens, len(self.tokens)
        if k >= n or tokens[k].lower not in _TITLE_FIRST:
            return None
        cached = self.title_cache.get(k, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        found = self._find_title(k)
        self.title_cache[k] = found
        return found

    def _find_title(self, k: int) -> tuple[int, gz.Title, str] | None:
        tokens, n = self.tokens, len(self.tokens)
        best: tuple[int, gz.Title, str] | None = None
        phrase = ""
        for end in range(k, min(n, k + gz.MAX_TITLE_WORDS)):
            if end > k and not tokens[end].joined:
                break
            phrase = f"{phrase} {tokens[end].word}" if phrase else tokens[end].word
            title = gz.title_for(phrase)
            if title is not None:
                best = (end + 1, title, self.text[tokens[k].start : tokens[end].end])
            if tokens[end].poss:
                break
        if best is not None and tokens[best[0] - 1].poss:
            return None
        return best

    def _place_at(self, k: int) -> tuple[int, str, str] | None:
        """Longest country, capital, region or demonym at token k: (end, country, kind)."""
        tokens, n = self.tokens, len(self.tokens)
        if k >= n or not tokens[k].cap or tokens[k].word not in _PLACE_FIRST:
            return None
        cached = self.place_cache.get(k, _MISSING)
        if cached is not _MISSING:
            return cached  # type: ignore[return-value]
        found = self._find_place(k)
        self.place_cache[k] = found
        return found

    def _find_place(self, k: int) -> tuple[int, str, str] | None:
        tokens, n = self.tokens, len(self.tokens)
        best: tuple[int, str, str] | None = None
        for end in range(k, min(n, k + gz.MAX_PLACE_WORDS)):
            if end > k and not tokens[end].joined:
                break
            surface = self.text[tokens[k].start : tokens[end].end]
            plain = surface.replace(".", "") if "." in surface else surface
            if "’" in plain:
                plain = plain.replace("’", "'")
            if plain in gz.COUNTRY_NAMES:
                best = (end + 1, gz.COUNTRY_NAMES[plain], "country")
            elif plain in gz.CAPITALS:
                best = (end + 1, gz.CAPITALS[plain], "capital")
            elif plain in gz.REGIONS:
                best = (end + 1, "", "region")
            elif plain in gz.DEMONYMS:  # "Kenyan", "South African"
                best = (end + 1, gz.DEMONYMS[plain], "demonym")
            if tokens[end].poss and (end > k or tokens[k].word not in _POSSESSIVE_PLACE_START):
                break  # "Kenya's": the name ends here, unless it is "People's Republic of ..."
        return best

    def _role_phrase(self, i: int, prenominal: bool = False) -> _Role | None:
        """A role phrase at token i; ``prenominal`` accepts any lower-case title ("analyst"),
        for a caller that requires a name right after it ("analyst Jane Doe")."""
        tokens, n = self.tokens, len(self.tokens)
        j = i
        determiner = tokens[j].lower in _DETERMINERS
        if determiner:
            j += 1
        while j < n and tokens[j].lower in _MODIFIERS and (tokens[j].joined or j == i):
            j += 1
        if j >= n or (j > i and not tokens[j].joined):
            return None
        if self.next_title[j] - j > _AFFILIATION_REACH:
            return None  # no title at j, nor after an affiliation ("Kenyan", "Uganda's")
        # "former President X" no longer holds the office: his role is another office.
        former = any(tokens[x].lower in _FORMER for x in range(i, j))
        # "under then Prime Minister X", "the then President": he held it at the time told.
        then = not former and i == j and self._then_before(i)
        start = j
        country: str | None = None
        affiliation: str | None = None
        places: list[tuple[int, int, str]] = []
        title = self._title_at(j)
        described = self._described_portfolio(j) if title is None else j
        if described > j:
            # "the regional water minister": the portfolio told in plain words.
            affiliation = " ".join(t.word.capitalize() for t in tokens[j:described])
            j = described
            title = self._title_at(j)
        if title is None:
            # An affiliation before the title: "Kenyan", "Uganda's", "Arsenal".
            place = self._place_at(j)
            k = j
            if place is not None and place[2] != "region":
                k = place[0]
                country = place[1]
                if place[2] in ("country", "capital"):
                    places.append((j, k, country))
            else:
                while k < n and k - j < 4 and tokens[k].cap and tokens[k].lower not in _STOP:
                    if k > j and not tokens[k].joined:
                        break
                    if self._title_at(k) is not None or tokens[k].poss:
                        break
                    k += 1
                    if (
                        k < n
                        and tokens[k].lower in ("and", "&")
                        and k + 1 < n
                        and tokens[k + 1].cap
                    ):
                        k += 1
                if (
                    k < n
                    and tokens[k].poss
                    and tokens[k].cap
                    and k - j < 4
                    and (k == j or tokens[k].joined)
                ):
                    k += 1
                if k == j:
                    return None
                affiliation = self.text[tokens[j].start : tokens[k - 1].end]
            if k >= n or not tokens[k].joined and not tokens[k - 1].poss:
                return None
            title = self._title_at(k)
            if title is None:
                return None
            j = k
        titles: list[str] = []
        canonical: str | None = None
        office_end = 0
        complements: list[str] = []
        destination: str | None = None
        capitalised = tokens[j].cap
        lowercase_ok = True
        also: int | None = None
        # "Deputy Prime Minister and Foreign Minister X": one person's two offices only when
        # nothing stands before the first ("Kenya's Chief Justice and President X" are two).
        bare = j == start and not determiner
        while title is not None:
            end, known, written = title
            if not tokens[j].cap and (written.lower() in gz.CAPITALISED_ONLY_TITLES):
                lowercase_ok = False
            titles.append(written)
            office_title = known.office and canonical is None
            if office_title:
                canonical = known.canonical
            j = end
            # Complements: "of Kenya", "of the Armed Forces", "to Uganda".
            while j + 1 < n and tokens[j + 1].joined and tokens[j].lower in ("of", "for", "to"):
                if not tokens[j].joined:
                    break
                preposition = tokens[j].lower
                if preposition == "to" and canonical not in _DESTINATION_TITLES:
                    break
                k = j + 1
                if tokens[k].lower == "the" and k + 1 < n and tokens[k + 1].joined:
                    k += 1
                place = self._place_at(k)
                if place is not None and place[2] in ("country", "capital"):
                    places.append((k, place[0], place[1]))
                    if preposition == "to":
                        destination = place[1]
                    else:
                        country = place[1]
                    j = place[0]
                    continue
                if preposition == "to" or canonical is None:
                    break
                m = k
                while m < n and tokens[m].joined and m - k < 6:
                    if tokens[m].cap and tokens[m].lower not in _STOP:
                        if m > k and self._title_at(m) is not None:
                            break
                        if self._place_at(m) is not None and m > k:
                            break
                        m += 1
                        if tokens[m - 1].poss:
                            break
                    elif (
                        tokens[m].lower in ("and", "of", "for") and m + 1 < n and tokens[m + 1].cap
                    ):
                        if tokens[m].lower == "of" and self._place_at(m + 1) is not None:
                            break
                        m += 1
                    else:
                        break
                while m > k and not tokens[m - 1].cap:
                    m -= 1
                if m == k:
                    break
                complements.append(self.text[tokens[j].start : tokens[m - 1].end])
                j = m
            if office_title and not complements and self._acronym_complement(j, n):
                # "Chairman FDRA Lt Gen Ana Berg": South Asian style drops the "of".
                complements.append(f"of {tokens[j].word}")
                j += 1
            if complements or {"of", "for"} & set(written.lower().split()):
                listed = self._portfolio_list(j)
                if listed > j:
                    listing = self.text[tokens[j - 1].end : tokens[listed - 1].end]
                    if complements:
                        complements[-1] += listing
                    else:
                        complements.append(listing)
                    j = listed
            if office_title:
                office_end = j
            if j < n and tokens[j].joined and tokens[j - 1].poss is False:
                title = self._title_at(j) if tokens[j].cap else None
            else:
                title = None
            if title is None and (second := self._second_title(j, bare)) is not None:
                title = self._title_at(second)
                if title is not None and title[1].office:
                    also, title = second, None
                else:
                    j = second
        if not titles:
            return None
        role = None
        if canonical is not None:
            head = canonical.split()[-1].lower()
            if affiliation is not None and affiliation.lower() in _TITLE_PREFIXES:
                canonical = f"{affiliation.capitalize()} {canonical}"
                affiliation = None
            if affiliation is not None and (head in _PORTFOLIO_HEADS or described > start):
                role = f"{affiliation} {canonical}"
            else:
                role = canonical
                for complement in complements:
                    role += complement if complement.startswith(",") else f" {complement}"
                if affiliation is not None:
                    role += f" of {affiliation}"
            if country is not None:
                role += f" of {country}"
            if destination is not None and canonical in _DESTINATION_TITLES:
                role += f" to {destination}"
            if former or then:
                canonical, role = f"Former {canonical}", f"{'then' if then else 'former'} {role}"
        tail = None
        plain = not capitalised and not complements and role is not None
        if plain and canonical is not None and _portfolio_head(canonical):
            portfolio_listed = {"of", "for"} & set(titles[-1].lower().split())
            pattern = _PLAIN_MORE if portfolio_listed else _PLAIN_PORTFOLIO
            tail = pattern.match(self.text, tokens[j - 1].end)
            if tail is not None and role is not None:
                role += tail.group()
        elif plain and determiner and canonical in _ORGANISATION_HEAD_TITLES:
            # "The head of the country's flood agency, Ana Berg,": whose head, in plain
            # words, up to the comma before the name.
            tail = _PLAIN_ORGANISATION.match(self.text, tokens[j - 1].end)
            if tail is not None and role is not None:
                role += tail.group()
                lowercase_ok = True
        if not lowercase_ok and affiliation is None and country is None and not prenominal:
            return None
        if titles[0].lower() in _NEEDS_AFFILIATION and affiliation is None and country is None:
            return None  # "FDRA chief Ana Berg", but never "chief Ana Berg" alone
        return _Role(
            start=start,
            end=j,
            determiner=determiner,
            titles=titles,
            role=role,
            canonical=canonical,
            country=country,
            places=places,
            capitalised=capitalised,
            affiliation=affiliation is not None or country is not None,
            written_end=office_end or j,
            also=also,
            tail=tail.group() if tail is not None else "",
            tail_end=tail.end() if tail is not None else 0,
        )

    def _counterpart_at(self, i: int) -> int:
        """ "his Peruvian counterpart Ana Berg": a person whose office the sentence's earlier
        holder gives (``_resolve_counterparts``). Returns the next index (i if none)."""
        if not self.counterpart_named:
            return i
        tokens, n = self.tokens, len(self.tokens)
        place = self._place_at(i)
        if place is None or place[2] == "region" or not place[1]:
            return i
        p = place[0]
        if p + 1 >= n or tokens[p].lower != "counterpart" or not tokens[p].joined:
            return i
        k = p + 1
        gap = self.text[tokens[p].end : tokens[k].start]
        if gap not in (" ", ", ") or not tokens[k].cap:
            return i
        end = self._name_run(k)
        if end <= k or not self._plausible_person(k, end, None):
            return i
        if gap == ", " and not self._closes_apposition(end, strict=True):
            return i
        mention = _Mention(tokens[k].start, tokens[end - 1].end, "person", self._surface(k, end))
        self.mentions.append(mention)
        self.counterparts.append((tokens[i].start, mention, place[1], self._surface(i, p + 1)))
        self._mark(i, end)
        return end

    def _resolve_counterparts(self) -> None:
        """A counterpart holds, in his own country, the office of the person named before
        him in the sentence ("President X met his Peruvian counterpart Y": Y is the President
        of Peru), told by any of that person's titled mentions."""
        offices: dict[str, str] = {}
        for mention in self.mentions:
            if mention.kind == "person" and mention.canonical and mention.via == "name":
                offices.setdefault(mention.name, mention.canonical)
        for start, person, country, written in self.counterparts:
            sentence = self.context.index.containing(start)
            floor = sentence.start if sentence is not None else start
            before = [
                m
                for m in self.mentions
                if m.kind == "person" and m.via == "name" and floor <= m.start < start
            ]
            office = offices.get(before[-1].name) if before else None
            if office is None or before[-1].country == country:
                continue
            role = f"{office} of {country}"
            person.role, person.canonical, person.country = role, office, country
            person.key = (office, country)
            self.ranks.append((start, person.end, person, role, written))

    def _then_before(self, i: int) -> bool:
        start = self.tokens[i].start
        if "then" not in self.text[max(0, start - 12) : start].lower():
            return False
        return _THEN_BEFORE.search(self.text[max(0, start - 24) : start]) is not None

    def _country_after_name(self, phrase: _Role, end: int) -> _Role:
        """ "Prime Minister Ana Berg of Kenya": the country after the name is the office's,
        as in "Prime Minister of Kenya Ana Berg"."""
        tokens, n = self.tokens, len(self.tokens)
        if phrase.role is None or phrase.country is not None or end + 1 >= n:
            return phrase
        if tokens[end].lower != "of" or not (tokens[end].joined and tokens[end + 1].joined):
            return phrase
        k = end + 1 + (tokens[end + 1].lower == "the" and end + 2 < n)
        place = self._place_at(k)
        if place is None or place[2] != "country" or tokens[place[0] - 1].poss:
            return phrase
        return replace(
            phrase,
            role=f"{phrase.role} of {place[1]}",
            country=place[1],
            tail_end=max(phrase.tail_end, tokens[place[0] - 1].end),
        )

    def _named_complement(self, k: int, end: int) -> int:
        """Where the name starts in a run after a title that begins with a place the document
        also writes on its own ("districts of Upper Vardo"), leaving two words or more for
        the person; 0 if none."""
        tokens = self.tokens
        if end - k < 3 or not tokens[k].joined:
            return 0
        if self.standalone is None:
            self.standalone = self._standalone_runs()
        for cut in range(end - 2, k, -1):
            if self._surface(k, cut) in self.standalone and self._title_at(cut) is None:
                return cut
        return 0

    def _standalone_runs(self) -> set[str]:
        """The surfaces of runs of capitalised words that stand on their own in the text as
        a place ("districts of Upper Vardo", "in Upper Vardo")."""
        tokens, n = self.tokens, len(self.tokens)
        runs: set[str] = set()
        start = 0
        for k in range(1, n + 1):
            previous = tokens[k - 1]
            if k < n and tokens[k].joined and tokens[k].cap and previous.cap and not previous.poss:
                continue
            at = tokens[start].start
            if tokens[start].cap and _PLACE_BEFORE.search(self.text, max(0, at - 12), at):
                runs.add(self._surface(start, k))
            start = k
        return runs

    def _two_offices_at(self, i: int, first: _Role, k: int) -> int:
        """One person's two offices before the name: the name holds the second, and the first
        is a role claim of its own."""
        second = self._role_phrase(k)
        assert second is not None  # ``_second_title`` found it
        name_end = self._name_run(second.end)
        if not self._plausible_person(second.end, name_end, second):
            return i
        index = self._add_person(second.end, name_end, second, second.start)
        if first.role is not None:
            tokens = self.tokens
            written = self._surface(first.start, first.written_end)
            span = (tokens[first.start].start, tokens[first.end - 1].end)
            self.ranks.append((*span, self.mentions[index], first.role, written))
        self._mark(i, name_end)
        return name_end

    def _described_portfolio(self, j: int) -> int:
        """One or two plain words before a minister, secretary or spokesman ("regional
        water minister", "government spokesman"): where the title starts, or j if none."""
        tokens, n = self.tokens, len(self.tokens)
        if j + 1 >= n or self.next_title[j + 1] > j + 2:
            return j  # no title one or two words on
        k = j
        while k < n and k - j < 2 and self._descriptor(k, first=k == j):
            k += 1
            if k < n and not tokens[k].joined:
                return j
        if k == j or k >= n:
            return j
        title = self._title_at(k)
        if title is None or not _portfolio_head(title[1].canonical):
            return j
        return k

    def _descriptor(self, k: int, first: bool) -> bool:
        token = self.tokens[k]
        lower = token.lower
        return (
            token.word.isalpha()
            and len(lower) >= 3
            and (not token.cap or (first and token.first))
            and not token.poss
            and lower not in _STOP
            and lower not in _SPEECH
            and lower not in _MOTION
            and lower not in _CONNECTORS
            and lower not in _MODIFIERS
            and not lower.endswith(("ed", "ing", "ly"))
            and self._title_at(k) is None
            and self._place_at(k) is None
        )

    def _acronym_complement(self, j: int, n: int) -> bool:
        """An organisation's acronym right after a capitalised office and before a name or a
        rank ("Chairman FDRA Lt Gen Ana Berg", "Governor CBK Ana Berg")."""
        tokens = self.tokens
        if j + 1 >= n or not (tokens[j].joined and tokens[j + 1].joined and tokens[j - 1].cap):
            return False
        word = tokens[j].word
        return (
            len(word) >= 3
            and _ACRONYM.fullmatch(word) is not None
            and word not in gz.COMMON_ACRONYMS
            and not tokens[j].poss
            and tokens[j + 1].cap
            and self._place_at(j) is None
            and self._title_at(j) is None
        )

    def _portfolio_list(self, j: int) -> int:
        """ "Minister of Mining, Energy and Water": one office whose portfolios are
        listed with commas and a closing "and". Returns the index after the list (j if none).
        """
        tokens, n = self.tokens, len(self.tokens)
        p = j
        for _ in range(4):
            if (
                p >= n
                or self.text[tokens[p - 1].end : tokens[p].start] != ", "
                or not self._portfolio_word(p)
            ):
                return j
            q = p + 1
            if (
                q + 1 < n
                and tokens[q].joined
                and tokens[q].lower in ("and", "&")
                and tokens[q + 1].joined
                and self._portfolio_word(q + 1)
            ):
                return q + 2
            p = q
        return j

    def _portfolio_word(self, k: int) -> bool:
        token = self.tokens[k]
        return (
            token.cap
            and not token.poss
            and token.lower not in _STOP
            and self._title_at(k) is None
            and self._place_at(k) is None
        )

    def _second_title(self, j: int, bare: bool) -> int | None:
        """ "Deputy Prime Minister and Foreign Minister Ana Berg", "Deputy Prime Minister,
        Minister of Foreign Affairs Ana Berg": one person's two offices, told by the name
        right after the second; ``bare``: nothing stood before the first title. A rank after
        a comma ("the agency's chairman, Lt Gen Ana Berg") needs no such care. Returns where
        the second title starts."""
        tokens, n = self.tokens, len(self.tokens)
        if j >= n or j == 0 or tokens[j - 1].poss:
            return None
        if tokens[j].lower == "and" and tokens[j].joined and j + 1 < n and tokens[j + 1].joined:
            k = j + 1
        elif self.text[tokens[j - 1].end : tokens[j].start] == ", ":
            k = j
        else:
            return None
        title = self._title_at(k) if tokens[k].cap else None
        if title is None or not (bare or (k == j and title[1].rank)):
            return None
        second = self._role_phrase(k)
        if second is None or second.start != k or second.end >= n:
            return None
        after = second.end
        if not (tokens[after].joined and tokens[after].cap) or tokens[after - 1].poss:
            return None
        return k if self._name_run(after) > after else None

    def _role_at(self, i: int) -> int:
        """Role phrase at token i, with the name it introduces; returns the next index."""
        tokens = self.tokens
        phrase = self._role_phrase(i)
        if phrase is None:
            return self._counterpart_at(i)
        if phrase.also is not None:
            return self._two_offices_at(i, phrase, phrase.also)
        name_end = self._name_run(phrase.end) if phrase.end < len(tokens) else phrase.end
        if phrase.role is not None and (cut := self._named_complement(phrase.end, name_end)):
            # "Chief Minister Upper Vardo Imre Kozak": the place the document names on its
            # own elsewhere is the office's complement, the rest the name.
            place = self._surface(phrase.end, cut)
            phrase = replace(phrase, role=f"{phrase.role} of {place}", end=cut, written_end=cut)
        if (
            name_end > phrase.end
            and tokens[phrase.end].joined
            and not tokens[phrase.end - 1].poss
            and self._plausible_person(phrase.end, name_end, phrase)
        ):
            phrase = self._country_after_name(phrase, name_end)
            index = self._add_person(phrase.end, name_end, phrase, phrase.start)
            self._mark(i, name_end)
            if phrase.role is None:
                return self._apposition(phrase.end, name_end, index) or name_end
            return name_end
        # "the President of Iran, Ibrahim X," -- apposition after the role. Not after
        # "as": "his second term as US President, Tony Blair has said" gives the title to
        # the clause's subject, and the name after the comma begins the next clause.
        after = phrase.end
        if (
            phrase.role is not None
            and after < len(tokens)
            and self.text[max(tokens[after - 1].end, phrase.tail_end) : tokens[after].start] == ", "
            and (phrase.determiner or phrase.capitalised or phrase.affiliation)
            and _AS_BEFORE.search(
                self.text, max(0, tokens[phrase.start].start - 4), tokens[phrase.start].start
            )
            is None
        ):
            name_end = self._name_run(after)
            if (
                name_end > after
                and self._closes_apposition(
                    name_end, strict=not (phrase.capitalised or tokens[i].first)
                )
                and self._plausible_person(after, name_end, None)
            ):
                index = self._add_person(after, name_end, phrase, phrase.start)
                self._add_role_mention(phrase, holder=index)
                self._mark(i, name_end)
                return name_end
        if phrase.role is None or phrase.canonical is None:
            return i
        lowered = phrase.titles[0].lower()
        if not (
            phrase.affiliation
            or (phrase.determiner and (phrase.capitalised or lowered in gz.UNIQUE_OFFICES))
        ):
            return i
        self._add_role_mention(phrase, holder=None)
        self._mark(i, phrase.end)
        return phrase.end

    def _prenominal_at(self, i: int) -> int:
        """ "finance minister Trevor Manuel", "analyst Jane Doe": a lower-case title before a
        name (news style drops the capital and the article). Returns the next index."""
        tokens, n = self.tokens, len(self.tokens)
        # Cheap test first: a capitalised word must follow within the same run of words.
        m = i + 1
        while m < n and tokens[m].joined and not tokens[m].cap and m - i < 5:
            m += 1
        if m >= n or not (tokens[m].joined and tokens[m].cap) or tokens[i].poss:
            return i
        phrase = self._role_phrase(i, prenominal=True)
        if phrase is None or phrase.role is None or phrase.end >= n:
            return i
        k = phrase.end
        if not (tokens[k].joined and tokens[k].cap) or tokens[k - 1].poss:
            return i
        name_end = self._name_run(k)
        if name_end <= k or not self._plausible_person(k, name_end, phrase, titled=True):
            return i
        self._add_person(k, name_end, phrase, phrase.start)
        self._mark(i, name_end)
        return name_end

    def _closes_apposition(self, k: int, strict: bool = False) -> bool:
        """Whether a name or role in apposition ends before token k. ``strict``: only
        punctuation ends it ("did not trust the prime minister, Mr Brown replied" opens a
        new clause with the name)."""
        tokens = self.tokens
        if k >= len(tokens):
            end = tokens[k - 1].end
            return not strict or self.text[end : end + 1] in ("", ",", ".", ";", ")", ":")
        gap = self.text[tokens[k - 1].end : tokens[k].start]
        if gap[:1] in (",", ".", ";", ")", ":") or "\n" in gap:
            return True
        if strict:
            return gap.strip()[:1] in ("(", "-", "–", "—")  # "X (a cousin)", "X - who"
        return not (tokens[k].cap and tokens[k].joined and tokens[k].lower not in _MONTHS)

    # ------------------------------------------------------------------ names

    def _name_run(self, k: int) -> int:
        """End of a run of capitalised name words starting at token k (k if none)."""
        tokens, n = self.tokens, len(self.tokens)
        m = k
        while m < n and m - k < 6:
            token = tokens[m]
            if m > k and not token.joined:
                break
            if token.cap and token.lower not in _STOP and token.lower not in _WEEKDAYS:
                if token.lower in _MONTHS and (
                    self._followed_by_digit(m)
                    or (m == k and not (m + 1 < n and tokens[m + 1].joined and tokens[m + 1].cap))
                ):
                    break
                if m > k and self._title_at(m) is not None and m + 1 < n and tokens[m + 1].joined:
                    break
                m += 1
                if token.poss:
                    break
            elif (
                token.lower in _PARTICLES
                and m > k
                and m + 1 < n
                and tokens[m + 1].cap
                and tokens[m + 1].joined
            ):
                m += 1
            else:
                break
        return m

    def _followed_by_digit(self, m: int) -> bool:
        end = self.tokens[m].end
        return self.text[end : end + 2][-1:].isdigit()

    def _initial_is_name(self, i: int) -> bool:
        """A capitalised word that opens a sentence is a name only with some evidence."""
        tokens = self.tokens
        token = tokens[i]
        if token.lower in self.lower_words:
            return self._place_at(i) is not None
        if i + 1 < len(tokens) and tokens[i + 1].joined and tokens[i + 1].cap:
            return True
        return (
            token.word in self.capitalised_words
            or self._place_at(i) is not None
            or _ACRONYM.fullmatch(token.word) is not None
            or self._speech_next(i, i + 1)
        )

    def _plausible_person(
        self, k: int, end: int, phrase: _Role | None, titled: bool = False
    ) -> bool:
        """``titled``: a title stands right before the name, so a surname that is also a
        place word ("Cape", "Bay") does not make it a place."""
        words = [t.lower for t in self.tokens[k:end]]
        if words[-1] in _ORG_WORDS or words[-1] in _NOT_NAMES:
            return False
        if words[-1] in _PLACE_WORDS and not (titled and end - k > 1):
            return False
        surface = self._surface(k, end)
        if gz.country_for(surface) is not None or surface in gz.REGIONS:
            return False
        if _ACRONYM.fullmatch(surface):
            return False
        if phrase is not None and not phrase.role and phrase.titles:
            # Honorifics and ranks are strong cues, unless every word is a common word
            # ("the Dock and General Porters' Union").
            return end - k > 1 or words[0] not in self.lower_words
        return any(w not in self.lower_words for w in words)

    def _surface(self, k: int, end: int) -> str:
        return self.text[self.tokens[k].start : self.tokens[end - 1].end]

    def _run_at(self, i: int) -> int:
        tokens, n = self.tokens, len(self.tokens)
        token = tokens[i]
        if token.lower in _STOP or token.lower in _WEEKDAYS:
            return i + 1
        if token.lower in _MONTHS and (
            self._followed_by_digit(i) or i + 1 >= n or not tokens[i + 1].cap
        ):
            return i + 1
        if "'" in token.word or "’" in token.word:
            head = token.lower.replace("’", "'").split("'")[0]
            if head in _STOP or head == "i":
                return i + 1
        if "-" in token.word and not token.word.rsplit("-", 1)[1][:1].isupper():
            return i + 1
        if token.first and (token.lower in _OPENERS or not self._initial_is_name(i)):
            return i + 1
        if _GLUED.search(token.word):
            return i + 1
        m = i + 1
        if token.poss and (place := self._place_at(i)) is not None and place[0] > i + 1:
            m = place[0]  # "the People's Republic of China"
        elif not token.poss:
            while m < n and tokens[m].joined and not self.used[m]:
                nxt = tokens[m]
                if _GLUED.search(nxt.word):
                    break  # "PressCommentary": page layout glued two labels together
                if nxt.cap and nxt.lower not in _STOP and nxt.lower not in _WEEKDAYS:
                    if nxt.lower in _MONTHS and self._followed_by_digit(m):
                        break
                    m += 1
                    if nxt.poss:
                        break
                elif (
                    nxt.lower in ("of", "for")
                    and m + 2 < n
                    and tokens[m + 1].lower == "the"
                    and tokens[m + 2].cap
                    and tokens[m + 2].joined
                ):
                    m += 2
                elif (
                    nxt.word[:1].isupper()
                    and nxt.lower in _CONNECTORS
                    and m + 2 < n
                    and tokens[m + 1].word == "The"
                    and tokens[m + 2].cap
                    and tokens[m + 2].joined
                ):
                    m += 2  # a title in title case: "Chronicles Of The North"
                elif (
                    (nxt.lower in _CONNECTORS or nxt.lower in _PARTICLES)
                    and nxt.lower != "the"
                    and m + 1 < n
                    and tokens[m + 1].joined
                    and tokens[m + 1].cap
                ):
                    m += 1
                else:
                    break
            # A name does not end on a connector ("Smith And", "Bank Of" before a break).
            while m > i + 1 and (not tokens[m - 1].cap or tokens[m - 1].lower in _CONNECTORS):
                m -= 1
        for start, end in self._split_run(i, m):
            self._classify(start, end)
        return m

    def _split_run(self, i: int, m: int) -> list[tuple[int, int]]:
        """Split "Uganda and Kenya" and "Kenya of ..." but keep "Bank of England"."""
        tokens = self.tokens
        if m - i in (1, 2) and tokens[i].cap and tokens[m - 1].cap:
            return [(i, m)]  # no word between the first and the last to split at
        surface = self._surface(i, m)
        if gz.country_for(surface) is not None or surface in gz.REGIONS:
            return [(i, m)]
        last = tokens[m - 1].lower
        parts: list[tuple[int, int]] = []
        start = i
        for k in range(i + 1, m - 1):
            lowered = tokens[k].lower
            # A capitalised "And" inside a run is title case ("Chronicles And Tales"), unless
            # the whole line is (a headline).
            if (
                lowered == "and"
                and last not in _ORG_WORDS
                and (tokens[k].word == "and" or tokens[k].headline)
            ):
                parts.append((start, k))
                start = k + 1
            elif (
                lowered in ("of", "for")
                and k > start
                and tokens[k - 1].lower not in _SPLIT_HEAD_KEEP
                and last not in _ORG_WORDS
            ):
                parts.append((start, k))
                start = k + 1 if tokens[k + 1].lower != "the" else k + 2
        parts.append((start, m))
        return [(s, e) for s, e in parts if e > s and tokens[s].cap and tokens[e - 1].cap]

    def _classify(self, k: int, end: int) -> None:
        tokens = self.tokens
        first = tokens[k]
        surface = self._surface(k, end)
        words = [t.lower for t in tokens[k:end]]
        single = end - k == 1
        headline = first.headline
        # Hyphenated places: "Nairobi-Kampala", "Kenya-Uganda".
        if single and "-" in first.word:
            parts = first.word.split("-")
            if len(parts) > 1 and all(gz.country_for(p) for p in parts):
                position = first.start
                for part in parts:
                    country = gz.country_for(part)
                    self.mentions.append(
                        _Mention(
                            position,
                            position + len(part),
                            "place",
                            country or part,
                            country=country,
                        )
                    )
                    position += len(part) + 1
                return
        # "the ECO Summit", "Andean Trade Organisation Conference": the body that holds the
        # event is named without the event's noun.
        if not single and tokens[end - 1].lower in _EVENT_NOUNS:
            head = end - 1
            if head - k == 1 and _ACRONYM.fullmatch(first.word) and not first.word.istitle():
                self._acronym(first)
                return
            if any(t.lower in _ORG_WORDS for t in tokens[k:head]):
                self._classify(k, head)
                return
        # Acronyms.
        if single and _ACRONYM.fullmatch(first.word) and not first.word.istitle():
            self._acronym(first)
            return
        place = self._place_at(k)
        if place is not None and place[0] == end and place[2] != "demonym":
            country = place[1] or None
            via = "metonymy" if place[2] == "capital" and self._is_actor(k, end) else "name"
            # A capital that acts ("Ankara and Baku signed") stands for its country; a capital
            # as a place ("talks in Ankara") keeps its own name, which is the more precise place.
            named = country if (place[2] == "country" or via == "metonymy") else None
            self.mentions.append(
                _Mention(
                    first.start,
                    tokens[end - 1].end,
                    "place",
                    named or surface,
                    country=country,
                    via=via,
                )
            )
            return
        if single and (first.word in gz.DEMONYMS or first.word in gz.PLURAL_DEMONYMS):
            return
        if surface in gz.DEMONYMS or surface in gz.PLURAL_DEMONYMS:
            return  # "Sri Lankan", "South Koreans": a demonym of two words names no one
        if all(w in _ADJECTIVES or tokens[k + x].word in gz.DEMONYMS for x, w in enumerate(words)):
            return
        if single and "-" in first.word and not first.word.rsplit("-", 1)[1][:1].isupper():
            return
        if single and (gz.is_title_word(first.word) or gz.is_title_word(first.word[:-1])):
            return
        if not single and gz.title_for(tokens[end - 1].word.rstrip(".")) is not None:
            return  # "Top Cmdr", "Senior Minister": a title without a name
        after = self._parenthetical_acronym(end)
        if after is not None:
            self.acronyms.setdefault(after, surface)
        if surface in gz.ACRONYMS:
            kind: EntityKind = "organization"
        elif any(w in _ORG_WORDS for w in words) or after or words[-1] in _COMPANY_HEADS:
            kind = "organization"
        elif words[-1] in _THING_HEADS and not single and not self._speech_next(k, end):
            kind = "other"
        elif any(w in _PLACE_WORDS for w in words) or (place is not None and place[2] == "region"):
            kind = "place"
        else:
            kind = self._person_or_other(k, end)
        if headline and kind != "organization":
            return
        if kind in ("person", "other") and self._apposition(k, end, None):
            return
        country = gz.DEMONYMS.get(first.word) if not single else None
        if kind == "place" and country is None:
            country = gz.country_for(tokens[end - 1].word)
        self.mentions.append(
            _Mention(first.start, tokens[end - 1].end, kind, surface, country=country)
        )
        if after is not None and kind == "organization":
            # "the Economic Cooperation Organisation (ECO)": the acronym is a mention too.
            acronym = tokens[end]
            self.mentions.append(_Mention(acronym.start, acronym.end, kind, surface, via="acronym"))

    def _apposition(self, k: int, end: int, person: int | None) -> int:
        """ "X, the Kenyan ambassador to Uganda," gives X that role; returns the next index or 0."""
        tokens = self.tokens
        if end >= len(tokens) or self.text[tokens[end - 1].end : tokens[end].start] != ", ":
            return 0
        if tokens[end - 1].poss:
            return 0
        phrase = self._role_phrase(end)
        if phrase is None or phrase.role is None or not self._closes_apposition(phrase.end):
            return 0
        if person is None:
            if not self._plausible_person(k, end, None):
                return 0
            person = self._add_person(k, end, phrase, k)
        else:
            holder = self.mentions[person]
            holder.role, holder.canonical, holder.country = (
                phrase.role,
                phrase.canonical,
                phrase.country,
            )
            holder.key = (phrase.canonical, phrase.country) if phrase.canonical else None
            holder.extra["written"] = self._surface(phrase.start, phrase.written_end) + phrase.tail
            end_at = max(tokens[phrase.end - 1].end, phrase.tail_end)
            self.roles.append((holder.start, end_at, person, phrase))
        self._add_role_mention(phrase, holder=person)
        self._mark(end, phrase.end)
        return phrase.end

    def _person_or_other(self, k: int, end: int) -> EntityKind:
        tokens = self.tokens
        # "Halden Vexa, the Norwegian shipping group, ...": an apposition names the kind.
        described = _ORG_APPOSITION.match(self.text, tokens[end - 1].end)
        if described is not None:
            return "organization"
        words = [t.lower for t in tokens[k:end]]
        if any(w in _NEVER_IN_PERSON_NAMES for w in words):
            return "other"  # "Chronicles And Tales", "Friends Of The Earth"
        # Common words in a capitalised phrase: more likely a thing than a person.
        if (
            end - k > 1
            and any(w in self.lower_words for w in words)
            and not self._speech_next(k, end)
        ):
            return "other"
        if tokens[k].word in gz.DEMONYMS or any(t.word in gz.COUNTRY_NAMES for t in tokens[k:end]):
            return "other"
        if any(w in _ADJECTIVES for w in words):
            return "other"
        start = tokens[k].start
        if (
            _PLACE_CUE_BEFORE.search(self.text, max(0, start - 30), start)
            and not self._speech_next(k, end)
            and not tokens[end - 1].poss
        ):
            return "place"
        if self._speech_next(k, end) or _SPEECH_BEFORE.search(self.text, max(0, start - 20), start):
            return "person"
        if end - k >= 2 and all(
            t.word[:1].isupper() and t.word[1:].islower() for t in tokens[k:end]
        ):
            return "person"
        return "other"

    def _speech_next(self, k: int, end: int) -> bool:
        return _SPEECH_AFTER.match(self.text, self.tokens[end - 1].end) is not None

    def _is_actor(self, k: int, end: int) -> bool:
        tokens, n = self.tokens, len(self.tokens)
        last = tokens[end - 1]
        start = tokens[k].start
        if _PLACE_CUE_BEFORE.search(self.text, max(0, start - 30), start):
            return False  # "an embassy in Lisbon was opened": a location, not an actor
        if last.poss:
            return _METONYMY_NOUN_AFTER.match(self.text, last.end + 2) is not None
        m = end
        if m + 1 < n and tokens[m].lower == "and" and tokens[m + 1].word in gz.CAPITALS:
            m += 2
        if _METONYMY_VERB_AFTER.match(self.text, tokens[m - 1].end):
            return True
        start = tokens[k].start
        if self.text.endswith(" between ", max(0, start - 9), start):
            return True
        return k > 1 and tokens[k - 1].lower == "and" and tokens[k - 2].word in gz.CAPITALS

    def _parenthetical_acronym(self, end: int) -> str | None:
        tokens = self.tokens
        if end >= len(tokens):
            return None
        gap = self.text[tokens[end - 1].end : tokens[end].start]
        candidate = tokens[end]
        if (
            gap == " ("
            and _ACRONYM.fullmatch(candidate.word)
            and self.text[candidate.end : candidate.end + 1] == ")"
        ):
            self.used[end] = True
            return candidate.word
        return None

    def _acronym(self, token: _Token) -> None:
        word = token.word.replace(".", "")
        country = gz.COUNTRY_NAMES.get(word) or gz.COUNTRY_NAMES.get(token.word)
        if country is not None:
            self.mentions.append(
                _Mention(token.start, token.end, "place", country, country=country, via="acronym")
            )
            return
        expansion = self.acronyms.get(word) or gz.expand_acronym(word)
        if expansion is not None:
            self.mentions.append(
                _Mention(token.start, token.end, "organization", expansion, via="acronym")
            )
            return
        if word in gz.COMMON_ACRONYMS or word.rstrip("s") in gz.COMMON_ACRONYMS or len(word) < 2:
            return
        if token.headline:
            return
        # "the GMWU", "a GMWU report", "GMWU said": an article or a speech verb makes an unknown
        # acronym an organisation (people are not written in capitals).
        before = self.text[max(0, token.start - 4) : token.start].lower()
        article = before.endswith(("the ", " a ", " an ")) or before in ("a ", "an ")
        kind: EntityKind = "organization" if article or self._speech_next_at(token) else "other"
        self.mentions.append(_Mention(token.start, token.end, kind, word))

    def _speech_next_at(self, token: _Token) -> bool:
        return _SPEECH_AFTER.match(self.text, token.end) is not None

    # ------------------------------------------------------------------ building mentions

    def _mark(self, start: int, end: int) -> None:
        for k in range(start, end):
            self.used[k] = True

    def _add_person(self, k: int, end: int, phrase: _Role, phrase_start: int) -> int:
        tokens = self.tokens
        for s, e, country in phrase.places:
            self.mentions.append(
                _Mention(tokens[s].start, tokens[e - 1].end, "place", country, country=country)
            )
        name = self._surface(k, end)
        titles = tuple(phrase.titles)
        mention = _Mention(
            tokens[k].start,
            tokens[end - 1].end,
            "person",
            name,
            titles=titles,
            role=phrase.role,
            canonical=phrase.canonical,
            country=phrase.country,
            key=(phrase.canonical, phrase.country) if phrase.canonical else None,
            gender=gz.gender_of_titles(titles),
        )
        self.mentions.append(mention)
        index = len(self.mentions) - 1
        # Military ranks are roles too: "Major General X" holds the rank "Major General".
        floor = tokens[min(phrase_start, phrase.start)].start
        for written in titles:
            title = gz.title_for(written)
            if title is not None and title.rank:
                at = self.text.rfind(written, floor, tokens[k].start)
                if at >= 0:
                    self.ranks.append((at, tokens[end - 1].end, mention, title.canonical, written))
        if phrase.role is not None:
            first = min(phrase_start, k)
            last = max(phrase.end, end)
            written = self._surface(phrase.start, phrase.written_end) + phrase.tail
            end_at = max(tokens[last - 1].end, phrase.tail_end)
            self.roles.append((tokens[first].start, end_at, index, phrase))
            mention.extra["written"] = written
        return index

    def _add_role_mention(self, phrase: _Role, holder: int | None) -> None:
        tokens = self.tokens
        for s, e, country in phrase.places:
            self.mentions.append(
                _Mention(tokens[s].start, tokens[e - 1].end, "place", country, country=country)
            )
        assert phrase.role is not None
        mention = _Mention(
            tokens[phrase.start].start,
            tokens[phrase.end - 1].end,
            "person",
            phrase.role,
            titles=tuple(phrase.titles),
            role=phrase.role,
            canonical=phrase.canonical,
            country=phrase.country,
            via="role",
            key=(phrase.canonical, phrase.country) if phrase.canonical else None,
        )
        if holder is not None:
            mention.name = self.mentions[holder].name
            mention.extra["holder"] = str(holder)
        self.mentions.append(mention)

    def _link_within_document(self) -> None:
        self.mentions_by_index = list(self.mentions)
        mentions = sorted(self.mentions, key=lambda m: (m.start, m.end))
        self.mentions = mentions
        # Each short form ("Velez", "Ada Velez") with the full names it may stand for, in
        # the order the document names them: (start, full name).
        full_names: dict[str, list[tuple[int, str]]] = defaultdict(list)
        holders: list[_Mention] = []
        for mention in mentions:
            if mention.kind == "person" and mention.via == "name":
                parts = mention.name.split()
                if len(parts) > 1:
                    short = {parts[-1], parts[0]}
                    if len(parts) > 2:
                        short.add(" ".join(parts[-2:]))
                    for form in short:
                        full_names[form].append((mention.start, mention.name))
                if mention.key is not None:
                    holders.append(mention)
        # One name, one kind: "Halden Vexa, the Norwegian shipping group" makes every later
        # "Halden Vexa said" an organisation too.
        organisations = {m.name for m in mentions if m.kind == "organization"}
        for mention in mentions:
            if (
                mention.via == "name"
                and mention.kind in ("person", "other")
                and mention.name in organisations
                and not mention.titles
            ):
                mention.kind = "organization"
        for mention in mentions:
            if mention.via == "name" and (mention.kind != "organization" and not mention.country):
                full = _bearer(full_names.get(mention.name, ()), mention.start)
                if full is not None and full != mention.name:
                    mention.name = full
                    mention.kind = "person"
        held = {h.key for h in holders}
        for mention in mentions:
            if mention.via != "role" or "holder" in mention.extra or mention.key is None:
                continue
            if mention.key[1] is None and not self._country_from_context(mention, holders, held):
                continue
            holder = _holder_for(mention, holders)
            if holder is not None:
                mention.name = holder.name

    def _country_from_context(
        self, mention: _Mention, holders: list[_Mention], held: set[tuple[str, str | None] | None]
    ) -> bool:
        """A bare "the President": which country's? False leaves the mention unresolved.

        With one country for the title in the document, that one. With several ("the Chilean
        president" and "the President of Peru"), the office the document names only by its
        title ("the President of Peru", no name given) is the one a bare title refers to;
        failing that, no guess.
        """
        assert mention.key is not None
        canonical = mention.key[0]
        named = {h.key[1] for h in holders if h.key is not None and h.key[0] == canonical}
        titled_only = {
            m.key[1]
            for m in self.mentions
            if m.via == "role"
            and m.key is not None
            and m.key[0] == canonical
            and m.key[1] is not None
            and "holder" not in m.extra
            and m.key not in held
        }
        countries = {c for c in named | titled_only if c}
        if len(countries) <= 1:
            return True
        if len(titled_only) == 1:
            (country,) = titled_only
            assert country is not None
            mention.country = country
            mention.role = f"{canonical} of {country}"
            mention.name = mention.role
            mention.key = (canonical, country)
        return False

    def _records(self) -> list[Record]:
        context = self.context
        published = context.source.published
        records: list[Record] = []
        seen: set[tuple[int, int]] = set()
        ids: dict[int, str] = {}
        for mention in self.mentions:
            if (mention.start, mention.end) in seen:
                continue
            seen.add((mention.start, mention.end))
            record = Mention(
                **context.span_fields("mention", mention.start, mention.end),
                entity_kind=mention.kind,
                name=mention.name,
                titles=mention.titles,
                role=mention.role,
                country=mention.country,
                via=mention.via,
            )
            ids[id(mention)] = record.id
            records.append(record)
        at = DateValue(start=published, end=published, granularity="day") if published else None
        for start, end, holder, rank, written in self.ranks:
            records.append(
                RoleClaim(
                    **context.span_fields("role", start, end),
                    subject=ids.get(id(holder)) or None,
                    predicate="holds_title",
                    object=written,
                    value=rank,
                    at=at,
                )
            )
        for start, end, _index, phrase in self.roles:
            person = next(
                (
                    m
                    for m in self.mentions
                    if m.role == phrase.role and start <= m.start < end and m.via == "name"
                ),
                None,
            )
            if person is None or phrase.role is None:
                continue
            records.append(
                RoleClaim(
                    **context.span_fields("role", start, end),
                    subject=ids.get(id(person)) or None,
                    predicate="holds_title",
                    object=person.extra.get("written"),
                    value=phrase.role,
                    at=at,
                )
            )
        return records


def _portfolio_head(title: str) -> bool:
    """Whether a title is a minister's, secretary's or spokesman's ("Minister of Water")."""
    return not _PORTFOLIO_HEADS.isdisjoint(title.lower().split())


def _bearer(named: Sequence[tuple[int, str]], start: int) -> str | None:
    """The full name a short form at ``start`` stands for: the only one the document gives,
    else the nearest one named before it ("Ada Velez ... Velez said" after an earlier "Omar
    Velez"); None when several share it and none comes before."""
    names = {name for _, name in named}
    if len(names) <= 1 or len(set(_people(names).values())) == 1:
        return named[0][1] if named else None
    before = [name for position, name in named if position < start]
    return before[-1] if before else None


def _people(names: set[str]) -> dict[str, str]:
    """Each name with the first (sorted) name of its person: spellings of one full name
    ("Mohamed Ali Said", "Muhammad Ali Said") are one person, and a single word joins the
    one person whose name it shortens (two people sharing it leave it on its own)."""
    return _people_of(frozenset(names))


@lru_cache(maxsize=4096)
def _people_of(names: frozenset[str]) -> dict[str, str]:
    full = sorted(n for n in names if len(n.split()) > 1)
    person: dict[str, str] = {}
    for name in full:
        person[name] = next(
            (
                person[other]
                for other in full
                if other in person
                and compare_names(name, other).relation in ("same", "variant", "extra-token")
            ),
            name,
        )
    for name in sorted(names - set(full)):
        matches = {
            person[other]
            for other in full
            if compare_names(name, other).relation in ("same", "short-form")
        }
        person[name] = matches.pop() if len(matches) == 1 else name
    return person


def _holder_for(mention: _Mention, holders: list[_Mention]) -> _Mention | None:
    """The person the document names for a role: most recent before, else the first after.

    The same office first; then, when only one person in the document holds a compatible
    office, that one: the title without its country ("the president" for the "Kenyan
    President"), or another wording ("The Leader" for the "Supreme Leader of X")."""
    assert mention.key is not None
    canonical, country = mention.key
    role = mention.role or ""
    exact = [
        h
        for h in holders
        if h.key == (canonical, country) and office_relation(h.role or "", role) == "same"
    ]
    loose = [
        h
        for h in holders
        if h.key is not None and h.key[0] == canonical and (country is None or h.key[1] is None)
    ]
    if len({h.name for h in exact}) > 1:
        exact = _home_holder(exact, holders)
        if not exact:
            return None
    related = [h for h in holders if h.role and office_relation(h.role, role) != "different"]
    ambiguous = len({h.name for h in related}) > 1
    for candidates in (exact, loose, related):
        names = {h.name for h in candidates}
        if not candidates or (candidates is not exact and (len(names) > 1 or ambiguous)):
            continue
        before = [h for h in candidates if h.start < mention.start]
        return before[-1] if before else candidates[0]
    if canonical == "Leader" and country is not None:
        # "the Kenyan leader": the one head of state or government the document names for
        # that country.
        heads = [h for h in holders if h.key in {(head, country) for head in _HEADS_OF_STATE}]
        if len(set(_people({h.name for h in heads}).values())) == 1:
            before = [h for h in heads if h.start < mention.start]
            return before[-1] if before else heads[0]
    return None


_HEADS_OF_STATE = frozenset(
    {"President", "Prime Minister", "King", "Queen", "Emir", "Sultan", "Supreme Leader"}
)


def _home_holder(candidates: list[_Mention], holders: list[_Mention]) -> list[_Mention]:
    """Several people hold a bare title ("President Ana Ruiz ... President Tomas Berg").
    A report gives a foreign holder his country ("the President of Chile, Tomas Berg") and
    names its own country's without one: a bare "the President" is the one person never
    given a country. With no such single person, none: the nearest is as likely wrong."""
    person = _people({h.name for h in holders})
    qualified = {person[h.name] for h in holders if h.key is not None and h.key[1] is not None}
    named = {person[h.name] for h in candidates}
    if len(named) == 1:
        return candidates
    home = named - qualified
    if len(home) != 1:
        return []
    return [h for h in candidates if person[h.name] in home]


_TITLE_FIRST = frozenset(p.split()[0] for p in gz.TITLES)
# How many tokens an affiliation before a title may take: a place, or a few capitalised
# words with an "and" and a possessive (``_role_phrase``); a bound, not an exact count.
_AFFILIATION_REACH = max(6, gz.MAX_PLACE_WORDS)


def _next_title_starts(tokens: Sequence[_Token]) -> list[int]:
    """For each token index, the index of the first token from there that may open a title
    (``len(tokens)`` if none): a role phrase far from any is ruled out at once."""
    next_title = [len(tokens)] * (len(tokens) + 1)
    for index in range(len(tokens) - 1, -1, -1):
        next_title[index] = index if tokens[index].lower in _TITLE_FIRST else next_title[index + 1]
    return next_title


_PLACE_FIRST = frozenset(
    name.replace(".", "").split()[0]
    for name in (*gz.COUNTRY_NAMES, *gz.CAPITALS, *gz.REGIONS, *gz.DEMONYMS)
) | frozenset(name.split()[0] for name in gz.COUNTRY_NAMES)
# First words of country names that are possessives: "People" of "People's Republic of China"
# (a token is the word without its "'s").
_POSSESSIVE_PLACE_START = frozenset(
    first[:-2] for name in gz.COUNTRY_NAMES if (first := name.split()[0]).endswith("'s")
)
_PLACE_FIRST |= _POSSESSIVE_PLACE_START
_MISSING = object()


# Lower-case words that matter: connectors, titles, cues and verbs. Other lower-case words
# are skipped by the regex itself (in C), and the gap they leave breaks a name run.
@dataclass
class _Trie:
    children: dict[str, _Trie] = field(default_factory=dict)
    end: bool = False


def _trie(words: list[str]) -> str:
    """A regex alternation as a prefix tree, so matching is not one try per word."""
    tree = _Trie()
    for word in words:
        node = tree
        for char in word:
            node = node.children.setdefault(char, _Trie())
        node.end = True

    def render(node: _Trie) -> str:
        end = node.end
        branches = [re.escape(c) + render(child) for c, child in sorted(node.children.items())]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return render(tree)


def _ascii_lower(words: frozenset[str]) -> list[str]:
    return [w for w in words if w.isascii() and w.islower() and w.isalpha()]


_TITLE_TRIE = _trie(_ascii_lower(gz.TITLE_WORDS | _MODIFIERS))
_LINKS = _CONNECTORS | _PARTICLES | _DETERMINERS | {"to"}
# One or two plain words before a portfolio head: "regional water minister".
_DESCRIBED_HEAD = rf"(?:[a-z]{{3,}} )?(?:{_trie(sorted(_PORTFOLIO_HEADS))})(?![\w'’-])"
_TOKEN = re.compile(
    r"(?<![\w'’-])(?:"
    r"[A-Z\u00C0-\u00D6\u00D8-\u00DE](?:\w|[-'’.&](?=\w))*"
    r"|[a-z]{1,3}-[A-Z](?:\w|[-'’.&](?=\w))*"
    rf"|(?:{_TITLE_TRIE})(?![\w'’-])"
    rf"|(?:{_trie(_ascii_lower(frozenset(_LINKS)))})"
    rf"(?= (?:the |a |an )?(?:[A-Z]|(?:{_TITLE_TRIE})(?![\w'’-])|[a-z]{{3,}} {_DESCRIBED_HEAD}))"
    r"|&(?= [A-Z])"
    r"|counterpart(?=,? [A-Z])"
    rf"|[a-z]{{3,}}(?= {_DESCRIBED_HEAD}))"
)


def _words_regex(words: frozenset[str], before: str = "", after: str = "") -> re.Pattern[str]:
    return re.compile(before + "(?:" + _trie(_ascii_lower(words)) + ")" + after)


_SPEECH_AFTER = _words_regex(_SPEECH, r"[ ,]+", r"\b")
_SPEECH_BEFORE = _words_regex(_SPEECH, r"\b", r" +$")
_METONYMY_VERB_AFTER = _words_regex(_METONYMY_VERBS, r" +(?:also |now |later |have |has )?", r"\b")
_METONYMY_NOUN_AFTER = _words_regex(_METONYMY_NOUNS, r" +(?:[a-z]+ )?", r"\b")
_PLACE_CUE_BEFORE = re.compile(
    r"\b(?:"
    + _trie(_ascii_lower(_PLACE_CUES))
    + r"|(?:"
    + _trie(_ascii_lower(_MOTION))
    + r") to)(?: the)? +$"
)
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
# Two words run together by page layout ("PressCommentary"); brand names glue shorter parts.
_GLUED = re.compile(r"[A-Z][a-z]{4,}[A-Z][a-z]{5,}")
_ORGANISATION_HEADS = _ORG_WORDS | _words(
    """firm maker manufacturer retailer carrier operator giant producer supplier bourse
    lender insurer conglomerate charity broadcaster airline publisher chain"""
)
_ORG_APPOSITION = re.compile(
    r",\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,4}?(?:"
    + _trie(_ascii_lower(_ORGANISATION_HEADS))
    + r")\b"
)


def _tokenise(context: ExtractionContext) -> list[_Token]:
    text = context.text
    headline_paragraphs = _headline_paragraphs(context)
    # Plain tuples: this loop runs once per capitalised word of the corpus.
    bounds = [
        (s.start, s.end, s.paragraph in headline_paragraphs, headline_paragraphs.get(s.paragraph))
        for s in context.sentences
    ]
    tokens: list[_Token] = []
    append = tokens.append
    sentence_index = 0
    sentence_count = len(bounds)
    previous_end = -1
    previous_lower = ""
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        poss = len(word) > 2 and word.endswith(_POSSESSIVE)
        if poss:
            word = word[:-2]
            end -= 2
        while sentence_index < sentence_count and bounds[sentence_index][1] <= start:
            sentence_index += 1
        first = False
        headline = title_case = False
        if sentence_index < sentence_count:
            sentence_start, _, headline_sentence, every_word = bounds[sentence_index]
            if sentence_start <= start:
                first = previous_end < sentence_start
                headline = headline_sentence
                title_case = bool(every_word)
        lower = word.lower()
        gap = start - previous_end
        if first or previous_end < 0:
            joined = False
        elif gap == 1:
            joined = text[previous_end] in " \u00a0"
        elif gap == 2:
            joined = text.startswith(". ", previous_end) and (
                previous_lower in _ABBREVIATED or len(previous_lower) == 1
            )
        else:
            joined = False
        cap = word[0].isupper() or word[1:4].find("-") >= 0
        append(_Token(start, end, word, lower, cap, poss, joined, first, headline, title_case))
        previous_end = end + 2 if poss else end
        previous_lower = lower
    return tokens


_SMALL = _words("""a an the of for and or in on at to by with from as vs is are""")


def _headline_paragraphs(context: ExtractionContext) -> dict[int, bool]:
    """Paragraphs written in Title Case (headlines, section heads), each with whether every
    word is capitalised. In a headline with a lower-case word ("The Leader in a meeting with
    the President of X") the capitals of titles still mean what they mean in running text."""
    text = context.text
    by_paragraph: dict[int, tuple[int, int]] = {}
    for sentence in context.sentences:
        start, end = by_paragraph.get(sentence.paragraph, (sentence.start, sentence.end))
        by_paragraph[sentence.paragraph] = (min(start, sentence.start), max(end, sentence.end))
    headlines: dict[int, bool] = {}
    for paragraph, (start, end) in by_paragraph.items():
        if end - start > 200:
            continue
        words = [w for w in _WORD.findall(text, start, end) if w.lower() not in _SMALL]
        if not words:
            continue
        capitalised = sum(1 for w in words if w[0].isupper())
        if len(words) >= 2 and capitalised >= 0.75 * len(words) and text[end - 1] not in '."”':
            headlines[paragraph] = capitalised == len(words)
    return headlines
