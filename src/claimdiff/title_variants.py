"""title_variant findings: one office written in different words across sources.

The wordings of a person's office come from the role claims about them and from the
mentions that name them by title only ("the Grand Mufti of the Republic").
An entity that is only a title and that the resolver could not give to anyone ("Chief
of the Navy", read as an organisation) joins the one person whose office it
words differently, when there is exactly one such person. Each group of wordings that
name one office (``titles.compare_titles``) and come from at least two sources is one
finding that cites every wording.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from claimdiff.align import independent_count
from claimdiff.models import Claim, Entity, Finding, Mention, RoleClaim
from claimdiff.names import fold
from claimdiff.review import decision_key
from claimdiff.titles import (
    HEAD_WORDS,
    abbreviations,
    compare_titles,
    is_rank,
    is_title,
    one_of_two_offices,
    same_post,
    title_key,
    written_title,
)
from claimdiff.unionfind import UnionFind

TITLE_WORDING = "title-wording"
TITLE_OF_UNNAMED = "title-of-unnamed-holder"


@dataclass(frozen=True)
class Wording:
    """One written title: what it says, what it is compared by, and where it is."""

    shown: str
    compared: str
    source: str
    start: int
    claim: str | None
    entity: str


@dataclass(frozen=True)
class Titles:
    """Each named person's title wordings (by entity id), the entities that are only a
    title, and the one holder each of those stands for (title-only id -> holder id)."""

    wordings: Mapping[str, list[Wording]]
    unnamed: Sequence[Entity]
    holders: Mapping[str, str]


def collect_titles(
    entities: Sequence[Entity], mentions: Mapping[str, Mention], claims: Iterable[Claim]
) -> Titles:
    """What both ``title_holders`` and ``title_variant_findings`` read: a caller that needs
    both computes it once and passes it to ``title_variant_findings``."""
    wordings, unnamed = _collect(entities, mentions, claims)
    return Titles(wordings, unnamed, _unnamed_holders(unnamed, mentions, wordings))


def title_variant_findings(
    entities: Sequence[Entity],
    mentions: Mapping[str, Mention],
    claims: Iterable[Claim],
    dependent: Mapping[str, set[str]],
    titles: Titles | None = None,
) -> list[Finding]:
    """``titles``: ``collect_titles`` of the same entities, mentions and claims, if known."""
    if titles is None:
        titles = collect_titles(entities, mentions, claims)
    names = {e.id: e.name for e in entities}
    findings: list[Finding] = []
    for entity_id, own in sorted(titles.wordings.items()):
        findings.extend(_entity_findings(entity_id, names[entity_id], own, dependent))
    return findings + _unnamed_findings(
        titles.holders, titles.unnamed, mentions, titles.wordings, names, dependent
    )


def title_holders(
    entities: Sequence[Entity], mentions: Mapping[str, Mention], claims: Iterable[Claim]
) -> dict[str, str]:
    """Each title-only entity that the one holder of its office stands for: id -> holder id."""
    return dict(collect_titles(entities, mentions, claims).holders)


def _collect(
    entities: Sequence[Entity], mentions: Mapping[str, Mention], claims: Iterable[Claim]
) -> tuple[dict[str, list[Wording]], list[Entity]]:
    """Each named person's title wordings, and the entities that are only a title."""
    roles: dict[str, list[RoleClaim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim, RoleClaim) and claim.subject:
            roles[claim.subject].append(claim)
    wordings: dict[str, list[Wording]] = {}
    unnamed: list[Entity] = []
    for entity in entities:
        if _title_only(entity, mentions):
            unnamed.append(entity)
        elif entity.kind == "person":
            wordings[entity.id] = _person_wordings(entity, mentions, roles.get(entity.id, ()))
    return wordings, unnamed


def _title_only(entity: Entity, mentions: Mapping[str, Mention]) -> bool:
    """A person named only by title, or an organisation whose name is a person's title."""
    if entity.kind == "person":
        own = [mentions[m] for m in entity.mention_ids if m in mentions]
        return bool(own) and all(m.via == "role" for m in own)
    if entity.kind in {"organization", "other"}:
        return _leads_with_title(entity.name) and any(m in mentions for m in entity.mention_ids)
    return False


def _leads_with_title(name: str) -> bool:
    """ "Chilean Chief of the Navy": after its country words, a title word."""
    words = fold(name).split()
    if HEAD_WORDS.isdisjoint(words):
        return False  # the common case, told without the title's key
    key = title_key(name)
    for word in words:
        if word in HEAD_WORDS:
            return True
        if word in key:
            return False
    return False


def _person_wordings(
    entity: Entity, mentions: Mapping[str, Mention], roles: Iterable[RoleClaim]
) -> list[Wording]:
    found = [
        Wording(written, written, claim.source, claim.start, claim.id, entity.id)
        for claim in roles
        if (is_title(written := written_title(claim.object, claim.value)) or is_rank(written))
        and ". " not in written
    ]
    for mention_id in entity.mention_ids:
        mention = mentions.get(mention_id)
        if mention is None or mention.via != "role":
            continue
        shown = " ".join(mention.text.split())
        compared = written_title(shown, mention.role or mention.name)
        if is_title(compared):
            found.append(Wording(shown, compared, mention.source, mention.start, None, entity.id))
    return found


def _unnamed_wordings(entity: Entity, mentions: Mapping[str, Mention]) -> list[Wording]:
    found: list[Wording] = []
    for mention_id in entity.mention_ids:
        mention = mentions.get(mention_id)
        if mention is not None:
            compared = mention.role or mention.name
            shown = " ".join(mention.text.split())
            found.append(Wording(shown, compared, mention.source, mention.start, None, entity.id))
    return found


def _unnamed_holders(
    unnamed: Sequence[Entity],
    mentions: Mapping[str, Mention],
    wordings: Mapping[str, list[Wording]],
) -> dict[str, str]:
    """Each title-only entity's holder: the one person with a wording of the same office."""
    # Two wordings of one office share a title word: each wording is looked up by its own.
    by_head: dict[str, set[str]] = defaultdict(set)
    people_by_wording: dict[str, set[str]] = defaultdict(set)
    for person, own in wordings.items():
        for wording in own:
            people_by_wording[wording.compared].add(person)
            for word in title_key(wording.compared) & HEAD_WORDS:
                by_head[word].add(wording.compared)
    holders: dict[str, str] = {}
    for entity in unnamed:
        titles = {w.compared for w in _unnamed_wordings(entity, mentions)}
        matching: set[str] = set()
        for title in titles:
            others = {other for word in title_key(title) & HEAD_WORDS for other in by_head[word]}
            for other in others:
                if compare_titles(title, other).relation != "different":
                    matching |= people_by_wording[other]
        if len(matching) == 1:
            holders[entity.id] = next(iter(matching))
    return holders


def _groups(own: Sequence[Wording]) -> list[list[Wording]]:
    """Wordings grouped by office: equal title keys, then keys that are variants."""
    by_key: dict[frozenset[str], list[Wording]] = defaultdict(list)
    for wording in own:
        by_key[title_key(wording.compared)].append(wording)
    keys = sorted(by_key, key=lambda k: sorted(k))
    union = UnionFind()
    for key in keys:
        union.find(_key_name(key))
    for index, left in enumerate(keys):
        for right in keys[index + 1 :]:
            left_text, right_text = by_key[left][0].compared, by_key[right][0].compared
            if (
                compare_titles(left_text, right_text).relation == "variant"
                or same_post(left_text, right_text).relation == "variant"
                or one_of_two_offices(left_text, right_text)
            ):
                union.union(_key_name(left), _key_name(right))
    groups: dict[str, list[Wording]] = defaultdict(list)
    for key in keys:
        groups[union.find(_key_name(key))].extend(by_key[key])
    return [
        members
        for members in groups.values()
        if len({(title_key(w.compared), abbreviations(w.compared)) for w in members}) >= 2
        and len({fold(w.shown) for w in members}) >= 2
        and len({w.source for w in members}) >= 2
    ]


def _key_name(key: frozenset[str]) -> str:
    return " ".join(sorted(key))


def _entity_findings(
    entity_id: str, name: str, own: Sequence[Wording], dependent: Mapping[str, set[str]]
) -> list[Finding]:
    return [
        _finding(name, members, (entity_id,), [TITLE_WORDING], 0.7, dependent)
        for members in _groups(own)
    ]


def _unnamed_findings(
    holders_of: Mapping[str, str],
    unnamed: Sequence[Entity],
    mentions: Mapping[str, Mention],
    wordings: Mapping[str, list[Wording]],
    names: Mapping[str, str],
    dependent: Mapping[str, set[str]],
) -> list[Finding]:
    """Findings for a person's office also worded by title-only entities."""
    extra: dict[str, list[Wording]] = defaultdict(list)
    for entity in unnamed:
        holder = holders_of.get(entity.id)
        if holder is not None:
            extra[holder].extend(_unnamed_wordings(entity, mentions))
    findings: list[Finding] = []
    for holder, added in sorted(extra.items()):
        unnamed_ids = {w.entity for w in added}
        for members in _groups([*wordings[holder], *added]):
            involved = sorted({w.entity for w in members})
            if not unnamed_ids & set(involved):
                continue  # already reported from the person's own wordings
            entities = (holder, *(e for e in involved if e != holder))
            findings.append(
                _finding(
                    names[holder],
                    members,
                    entities,
                    [TITLE_WORDING, TITLE_OF_UNNAMED],
                    0.55,
                    dependent,
                )
            )
    return findings


def _finding(
    name: str,
    members: Sequence[Wording],
    entities: Sequence[str],
    reasons: Sequence[str],
    confidence: float,
    dependent: Mapping[str, set[str]],
) -> Finding:
    written: dict[str, set[str]] = defaultdict(set)
    for wording in members:
        written[wording.shown].add(wording.source)
    shown = "; ".join(
        f"'{text}' ({', '.join(sorted(spots))})" for text, spots in sorted(written.items())
    )
    sources = sorted({w.source for w in members})
    evidence = tuple(sorted({f"title|{w.shown}" for w in members} | {f"holder|{name}"}))
    key = decision_key(evidence)
    return Finding(
        id=f"F-{key[:10]}",
        kind="title_variant",
        summary=f"{name}: one office worded {len(written)} ways: {shown}",
        reasons=tuple(reasons),
        claims=tuple(sorted({w.claim for w in members if w.claim})),
        entities=tuple(entities),
        sources=tuple(sources),
        independent_sources=independent_count(sources, dependent),
        confidence=confidence,
        decision_key=key,
        evidence=evidence,
    )
