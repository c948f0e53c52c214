"""Entities and events across sources.

Entities: mentions are grouped by name. Variant spellings merge through the
ladder in ``names.py``; a variant that rests only on sound or spelling also
needs corroboration (``corroborate.py``: one source writing both, a shared
office, or rare shared context). A surname alone joins the one full name it
can mean, in its own document first and then in the corpus (there, a surname
matched only by sound needs the same corroboration), and stays apart when it
is ambiguous; "X Y" and "X Y Z" merge only with a shared office (``offices.py``)
or in the same document. Role mentions ("the Chilean
president") join the person who holds the office in the corpus, when only one
can (``holders.py``). Reviewer cannot-links are honoured.

Events: frames from all sources cluster when type, place, date and
participants are compatible, and never when any pair inside the cluster has a
hard difference (places, dates, or a different visitor).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from pydantic import TypeAdapter

from claimdiff.corroborate import CorpusContext, Spelling, rests_on_weak_rung
from claimdiff.dates_compare import dates_overlap, narrower, weekday_named
from claimdiff.holders import OfficeHolders, share_office
from claimdiff.models import (
    DateClaim,
    DateValue,
    Entity,
    Event,
    EventClaim,
    Mention,
    Resolution,
    RoleClaim,
    SourceExtraction,
)
from claimdiff.names import (
    blocking_keys,
    compare_names,
    fold,
    name_tokens,
    phonetic_keys,
    skeleton,
)
from claimdiff.offices import office_key
from claimdiff.places import place_key, place_relation
from claimdiff.unionfind import UnionFind

_POSITION = attrgetter("source", "start", "end")


@dataclass
class _NameNode:
    key: str
    kind: str
    names: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def primary(self) -> str:
        """The node's most frequent spelling (first alphabetically on a tie)."""
        if self._primary is None:
            self._primary = sorted(self.names, key=lambda n: (-self.names[n], n))[0]
        return self._primary

    _primary: str | None = None


def resolve(
    extractions: Sequence[SourceExtraction],
    *,
    cannot_link: Collection[frozenset[str]] = (),
    published: Mapping[str, dt.date | None] | None = None,
) -> Resolution:
    """``published``: each source's publication date, which tells an office's holders apart
    in time ("the Chilean president" in 2024 is not the man named in 2021)."""
    mentions = sorted((m for extraction in extractions for m in extraction.mentions), key=_POSITION)
    roles = [c for e in extractions for c in e.claims if isinstance(c, RoleClaim)]
    entities, entity_of_mention = resolve_entities(
        mentions, roles, cannot_link=cannot_link, published=published
    )
    frames = sorted(
        (c for e in extractions for c in e.claims if isinstance(c, EventClaim)),
        key=lambda c: (c.source, c.start),
    )
    weekdays = {
        claim.event: day
        for e in extractions
        for claim in e.claims
        if isinstance(claim, DateClaim)
        and claim.event
        and claim.value is None
        and (day := weekday_named(claim.text)) is not None
    }
    events, event_of_frame = resolve_events(frames, entity_of_mention, entities, weekdays)
    return Resolution(
        entities=tuple(entities),
        events=tuple(events),
        entity_of_mention=entity_of_mention,
        event_of_frame=event_of_frame,
    )


# --------------------------------------------------------------------------- entities


def _is_role_only(mention: Mention) -> bool:
    return mention.via == "role" and (
        mention.role is not None and fold(mention.name) == fold(mention.role)
    )


def _node_key(kind: str, source: str, tokens: tuple[str, ...]) -> str:
    if kind == "person" and len(tokens) == 1:
        # A surname alone is resolved per document before the corpus is consulted.
        return f"person|{source}|{tokens[0]}"
    return f"{kind}|{' '.join(tokens)}"


def resolve_entities(
    mentions: Sequence[Mention],
    roles: Sequence[RoleClaim] = (),
    *,
    cannot_link: Collection[frozenset[str]] = (),
    published: Mapping[str, dt.date | None] | None = None,
) -> tuple[list[Entity], dict[str, str]]:
    forbidden = {frozenset(fold(n) for n in pair) for pair in cannot_link}
    subject_roles: dict[str, set[str]] = defaultdict(set)
    for claim in roles:
        if claim.subject:
            subject_roles[claim.subject].add(fold(claim.value))
    nodes: dict[str, _NameNode] = {}
    role_only: list[Mention] = []
    for mention in mentions:
        tokens = name_tokens(mention.name)
        if not tokens:
            continue
        if _is_role_only(mention):
            role_only.append(mention)
            continue
        key = _node_key(mention.entity_kind, mention.source, tokens)
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = _NameNode(key=key, kind=mention.entity_kind)
        node.names[mention.name] += 1
        node.sources.add(mention.source)
        node.mentions.append(mention)
        if mention.role:
            node.roles.add(fold(mention.role))
        if mention.id in subject_roles:
            node.roles.update(subject_roles[mention.id])

    union = UnionFind()
    reasons: dict[str, set[str]] = defaultdict(set)
    for key in nodes:
        union.find(key)

    def allowed(left: _NameNode, right: _NameNode) -> bool:
        if not forbidden:
            return True
        group_left = {fold(n) for k in _members(union, left.key) for n in nodes[k].names}
        group_right = {fold(n) for k in _members(union, right.key) for n in nodes[k].names}
        return not any(frozenset((a, b)) in forbidden for a in group_left for b in group_right)

    full_people = [n for n in nodes.values() if n.kind == "person" and n.key.count("|") == 1]
    context = CorpusContext(mentions)
    _merge_variants(full_people, union, reasons, allowed, context=context)
    for kind in ("organization", "place", "other"):
        _merge_variants(
            [n for n in nodes.values() if n.kind == kind], union, reasons, allowed, strict=True
        )
    _merge_short_forms(nodes, union, reasons, allowed, context)
    _merge_acronyms(nodes, mentions, union, reasons, allowed)

    entity_mentions: dict[str, _Mentions] = {}
    group_reasons: dict[str, set[str]] = defaultdict(set)
    # Each person's role phrases and name mentions, for the people named with a role.
    person_roles: dict[str, set[str]] = {}
    person_mentions: dict[str, list[Mention]] = {}
    for root, keys in union.groups().items():
        group = [nodes[key] for key in keys]
        entity_mentions[root] = _Mentions.of_nodes(group)
        group_reasons[root] = {reason for key in keys for reason in reasons.get(key, ())}
        named = [node for node in group if node.kind == "person"]
        if office_roles := {role for node in named for role in node.roles}:
            person_roles[root] = office_roles
            person_mentions[root] = [m for node in named for m in node.mentions]
    holders = OfficeHolders(person_roles, person_mentions, mentions, published or {})
    for mention in role_only:
        role = mention.role or mention.name
        holder, reason = holders.holder(role, mention.source)
        if holder is not None:
            entity_mentions[holder].add_role_only(mention)
            group_reasons[holder].add(reason)
        else:
            entity_mentions.setdefault(f"role|{office_key(role)}", _Mentions()).add_role_only(
                mention
            )
    return _build_entities(entity_mentions, group_reasons)


def _members(union: UnionFind, key: str) -> list[str]:
    root = union.find(key)
    return [k for k in union.parent if union.find(k) == root]


def _merge_variants(
    people: Sequence[_NameNode],
    union: UnionFind,
    reasons: dict[str, set[str]],
    allowed: Callable[[_NameNode, _NameNode], bool],
    *,
    strict: bool = False,
    context: CorpusContext | None = None,
) -> None:
    """Merge names the ladder calls variants. With a ``context`` (people), a variant that
    rests on a weak rung waits until the strong merges are done, and then merges only
    when ``corroborate.py`` finds evidence beyond spelling."""
    names = [node.primary for node in people]
    lengths = [len(name_tokens(name)) for name in names]
    # Nodes by their position in ``people``: each block lists them in increasing order.
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        for block in blocking_keys(name):
            blocks[block].append(index)
    compared: set[tuple[int, int]] = set()
    waiting: list[tuple[str, str, tuple[str, ...]]] = []
    for members in blocks.values():
        if len(members) > 60:
            continue  # a key shared by hundreds of names discriminates nothing
        for position, i in enumerate(members):
            for j in members[position + 1 :]:
                if (i, j) in compared:
                    continue
                compared.add((i, j))
                if strict and lengths[i] != lengths[j]:
                    continue  # strict merges need a variant token for token
                left, right = people[i], people[j]
                match = compare_names(names[i], names[j])
                if match.relation == "variant" and not strict:
                    if context is not None and rests_on_weak_rung(match.reasons):
                        pair = sorted((left.key, right.key))
                        waiting.append((pair[0], pair[1], match.reasons))
                        continue
                    evidence = True
                elif match.relation == "variant" and strict:
                    evidence = "spelling-similar" in match.reasons or "exact" in match.reasons
                elif match.relation == "extra-token" and not strict:
                    evidence = share_office(left.roles, right.roles) or bool(
                        left.sources & right.sources
                    )
                else:
                    evidence = False
                if evidence and allowed(left, right):
                    union.union(left.key, right.key)
                    reasons[left.key].update(match.reasons)
    if context is not None and waiting:
        _merge_corroborated(people, sorted(waiting), union, reasons, allowed, context)


def _merge_corroborated(
    people: Sequence[_NameNode],
    waiting: Sequence[tuple[str, str, tuple[str, ...]]],
    union: UnionFind,
    reasons: dict[str, set[str]],
    allowed: Callable[[_NameNode, _NameNode], bool],
    context: CorpusContext,
) -> None:
    """Weak variants in a fixed order, each judged on the groups the merges so far made."""
    nodes = {node.key: node for node in people}
    spellings = _group_spellings(people, union)
    for left_key, right_key, match_reasons in waiting:
        left_root, right_root = union.find(left_key), union.find(right_key)
        if left_root == right_root or not allowed(nodes[left_key], nodes[right_key]):
            continue
        evidence = context.corroboration(spellings[left_root], spellings[right_root])
        if evidence is None:
            continue
        union.union(left_root, right_root)
        root = union.find(left_root)
        merged = spellings.pop(left_root) if root != left_root else spellings.pop(right_root)
        spellings[root].absorb(merged)
        reasons[left_key].update((*match_reasons, evidence.split(":")[0]))


def _merge_short_forms(
    nodes: dict[str, _NameNode],
    union: UnionFind,
    reasons: dict[str, set[str]],
    allowed: Callable[[_NameNode, _NameNode], bool],
    context: CorpusContext,
) -> None:
    """A surname alone joins the one full name it can mean in its own source, or else in the
    corpus; there, a surname that matches the name only by sound or spelling ("Haskins" for
    a "Hoskins") also needs the corroboration of ``corroborate.py``."""
    full_by_source: dict[str, list[_NameNode]] = defaultdict(list)
    # Full names indexed by the skeleton of each token after the first: a surname can only
    # be a short form of a name that has a token with its skeleton (or an exact token).
    by_tail: dict[str, list[_NameNode]] = defaultdict(list)
    for node in nodes.values():
        if node.kind == "person" and node.key.count("|") == 1:
            for token in name_tokens(node.primary)[1:]:
                by_tail[skeleton(token)].append(node)
                for key in phonetic_keys(token):
                    by_tail["p:" + key].append(node)
            for source in node.sources:
                full_by_source[source].append(node)
    full_names = [n for n in nodes.values() if n.kind == "person" and n.key.count("|") == 1]
    spelling_of = _group_spellings(full_names, union)
    # By node, not by root: a surname joining a group can change the group's root.
    group_spelling = {n.key: spelling_of[union.find(n.key)] for n in full_names}
    for node in sorted(nodes.values(), key=lambda n: n.key):
        if node.kind != "person" or node.key.count("|") != 2:
            continue
        source = node.key.split("|")[1]
        surname = node.primary
        local = _short_form_targets(surname, full_by_source.get(source, []), union)
        if local:
            targets = local
        else:
            token = (name_tokens(surname) or ("",))[0]
            near = {
                candidate.key: candidate
                for index in (skeleton(token), *("p:" + k for k in phonetic_keys(token)))
                for candidate in by_tail.get(index, ())
            }
            targets = _short_form_targets(surname, near.values(), union)
            group = next(
                (group_spelling[c.key] for c in near.values() if union.find(c.key) in targets),
                None,
            )
            if len(targets) == 1 and group is not None and token not in group.tokens:
                alone = Spelling(set(name_tokens(surname)), set(node.sources), set(node.roles))
                if context.corroboration(alone, group) is None:
                    continue
        if len(targets) == 1:
            target = nodes[next(iter(targets))]
            if allowed(node, target):
                union.union(node.key, target.key)
                reasons[node.key].add("surname-only" if local else "surname-only-corpus")


def _merge_acronyms(
    nodes: Mapping[str, _NameNode],
    mentions: Sequence[Mention],
    union: UnionFind,
    reasons: dict[str, set[str]],
    allowed: Callable[[_NameNode, _NameNode], bool],
) -> None:
    """A bare acronym ("the FIAB said") joins the organisation another source spelled out
    for it ("the Federal Inland Audit Bureau (FIAB)"), when the corpus gives it only one."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.via == "acronym" and mention.text.isupper():
            expansions[mention.text].add(mention.name)
    for node in sorted(nodes.values(), key=lambda n: n.key):
        if node.kind not in ("organization", "other") or node.primary not in expansions:
            continue
        (expansion, *others) = sorted(expansions[node.primary])
        target = nodes.get(f"organization|{' '.join(name_tokens(expansion))}")
        if others or target is None or union.find(node.key) == union.find(target.key):
            continue
        if not allowed(node, target):
            continue
        union.union(node.key, target.key)
        reasons[node.key].add("acronym-defined")


def _group_spellings(nodes: Iterable[_NameNode], union: UnionFind) -> dict[str, Spelling]:
    """Each group's name tokens, sources and roles, by its root."""
    spellings: dict[str, Spelling] = defaultdict(Spelling)
    for node in nodes:
        spelling = spellings[union.find(node.key)]
        spelling.tokens.update(token for name in node.names for token in name_tokens(name))
        spelling.sources |= node.sources
        spelling.roles |= node.roles
    return spellings


def _short_form_targets(
    surname: str, candidates: Iterable[_NameNode], union: UnionFind
) -> set[str]:
    roots: set[str] = set()
    for candidate in candidates:
        name = candidate.primary
        if compare_names(surname, name).relation == "short-form":
            roots.add(union.find(candidate.key))
    return roots


@dataclass
class _Mentions:
    """An entity's mentions, with how often each kind occurs among them and each name among
    those that are not a role alone (counted from its name nodes, not mention by mention)."""

    mentions: list[Mention] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of_nodes(cls, nodes: Sequence[_NameNode]) -> _Mentions:
        if len(nodes) == 1:
            node = nodes[0]
            return cls(list(node.mentions), Counter({node.kind: len(node.mentions)}), node.names)
        group = cls([m for node in nodes for m in node.mentions])
        for node in nodes:
            group.kinds[node.kind] += len(node.mentions)
            group.names.update(node.names)
        return group

    def add_role_only(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.kinds[mention.entity_kind] += 1

    def kind(self) -> str:
        """The kind most mentions give (first alphabetically on a tie)."""
        return sorted(self.kinds, key=lambda k: (-self.kinds[k], k))[0]

    def canonical_name(self) -> str:
        """The most frequent of the longest names (then the first alphabetically), among
        the mentions that are not a role alone, or among all when every one is."""
        counts = self.names or Counter(m.name for m in self.mentions)
        if len(counts) == 1:
            return next(iter(counts))
        longest = max(len(name_tokens(n)) for n in counts)
        full = {n: c for n, c in counts.items() if len(name_tokens(n)) == longest}
        return sorted(full, key=lambda n: (-full[n], n))[0]


_ENTITIES: TypeAdapter[list[Entity]] = TypeAdapter(list[Entity])
_WRITTEN_VIA = frozenset({"name", "acronym"})


def _build_entities(
    entity_mentions: dict[str, _Mentions], reasons: dict[str, set[str]]
) -> tuple[list[Entity], dict[str, str]]:
    drafts = []
    for root, group in entity_mentions.items():
        mentions = sorted(group.mentions, key=_POSITION)
        drafts.append((group.kind(), group.canonical_name(), root, mentions))
    drafts.sort(key=lambda d: (d[0], fold(d[1]), d[1], d[2]))
    fields: list[dict[str, object]] = []
    entity_of_mention: dict[str, str] = {}
    for number, (kind, name, root, mentions) in enumerate(drafts, start=1):
        entity_id = f"E{number}"
        # What was written ("Karimov") as well as whom it names ("Rustam Karimov").
        texts = {m.text for m in mentions if m.via in _WRITTEN_VIA}
        written = {" ".join(text.split()) for text in texts}
        variants = sorted({m.name for m in mentions} | written, key=lambda n: (n != name, n))
        fields.append(
            {
                "id": entity_id,
                "kind": kind,
                "name": name,
                "variants": variants,
                "roles": sorted({m.role for m in mentions if m.role}),
                "mentions": [
                    {"source": m.source, "start": m.start, "end": m.end, "text": m.text}
                    for m in mentions
                ],
                "mention_ids": [m.id for m in mentions],
                "merge_reasons": sorted(reasons.get(root, ())),
            }
        )
        for mention in mentions:
            entity_of_mention[mention.id] = entity_id
    # One bulk validation is several times faster than one model per entity and mention,
    # which matters with tens of thousands of mentions.
    return _ENTITIES.validate_python(fields), entity_of_mention


# --------------------------------------------------------------------------- events

_OCCASION_FAMILY = {"visit": "occasion", "meeting": "occasion", "signing": "occasion"}
_TYPE_PRIORITY = {
    "visit": 0,
    "summit": 1,
    "meeting": 2,
    "signing": 3,
    "call": 4,
    "inauguration": 5,
    "other": 6,
}


# Occasions of one day: a meeting, a signing (a visit or a summit spans several).
_ONE_DAY_OCCASIONS = frozenset({"meeting", "signing"})


@dataclass(frozen=True)
class _FrameView:
    frame: EventClaim
    family: str
    place: str | None
    date: DateValue | None
    participants: frozenset[str]
    visitor: str | None
    weekday: int | None = None  # "on Wednesday" in a text with no date to anchor it


def _hard_difference(a: _FrameView, b: _FrameView) -> str | None:
    if a.family != b.family:
        return "different-type"
    if (
        a.frame.value in _ONE_DAY_OCCASIONS
        and b.frame.value in _ONE_DAY_OCCASIONS
        and _on_other_weekdays(a, b)
        and (a.frame.value != b.frame.value or a.frame.source == b.frame.source)
    ):
        # "said on Tuesday that the meeting would ..." and "on Wednesday attended the
        # signing": two occasions of two days (a visit or a summit lasts several). One
        # kind of occasion told by two sources on two weekdays is kept together: which
        # day it was is then their disagreement.
        return "different-day"
    if a.place and b.place and place_relation(a.place, b.place) == "different":
        return "different-place"
    if a.date and b.date and not dates_overlap(a.date, b.date):
        return "different-date"
    if a.visitor and b.visitor and a.visitor != b.visitor:
        return "different-visitor"
    if a.participants and b.participants and not (a.participants & b.participants):
        return "different-participants"
    return None


def _on_other_weekdays(a: _FrameView, b: _FrameView) -> bool:
    days = [_weekday(view) for view in (a, b)]
    return days[0] is not None and days[1] is not None and days[0] != days[1]


def _weekday(view: _FrameView) -> int | None:
    date = view.date
    if date is not None and date.granularity == "day" and date.start == date.end:
        return date.start.weekday()
    return view.weekday


def _hard_signature(view: _FrameView) -> tuple[object, ...]:
    """What ``_hard_difference`` reads of a view."""
    return (
        view.family,
        view.place,
        view.date,
        view.visitor,
        view.participants,
        view.weekday,
        view.frame.value,
        view.frame.source,
    )


def _positive_evidence(a: _FrameView, b: _FrameView) -> bool:
    place = bool(a.place and b.place and place_relation(a.place, b.place) != "different")
    date = bool(a.date and b.date and dates_overlap(a.date, b.date))
    shared = len(a.participants & b.participants)
    if a.frame.source == b.frame.source:
        return place or date
    # The same two people meeting, told with a place in one source and a date in the other.
    same_pair = shared >= 2 and a.frame.value == b.frame.value
    return (place and (date or shared > 0)) or (date and shared > 0) or same_pair


def _event_keys(view: _FrameView) -> list[str]:
    keys = [f"person|{p}" for p in sorted(view.participants)]
    if view.place:
        keys.append(f"place|{place_key(view.place)}")
    if view.date:
        keys.append(f"source|{view.frame.source}")
    return keys


def resolve_events(
    frames: Sequence[EventClaim],
    entity_of_mention: dict[str, str],
    entities: Sequence[Entity],
    weekdays: Mapping[str, int] | None = None,
) -> tuple[list[Event], dict[str, str]]:
    """``weekdays``: the weekday an undated frame is told of ("on Monday"), by frame id."""
    weekdays = weekdays or {}
    views = [
        _FrameView(
            frame=f,
            family=_OCCASION_FAMILY.get(f.value, f.value),
            place=f.place,
            date=f.date,
            participants=frozenset(
                entity_of_mention[p] for p in f.participants if p in entity_of_mention
            ),
            visitor=entity_of_mention.get(f.subject) if f.subject else None,
            weekday=weekdays.get(f.id),
        )
        for f in frames
    ]
    clusters: list[list[_FrameView]] = []
    # One member per distinct signature is enough to test a cluster: both tests read only
    # these fields, and a long text repeating one event would make them quadratic.
    distinct: list[
        tuple[dict[tuple[object, ...], _FrameView], dict[tuple[object, ...], _FrameView]]
    ] = []
    # Positive evidence needs a shared place, a shared participant, or (within one source)
    # a date, so a frame only meets the clusters indexed under one of its own keys.
    index: dict[str, list[int]] = defaultdict(list)
    for view in views:
        keys = _event_keys(view)
        nearby = sorted({number for key in keys for number in index.get(key, ())})
        for number in nearby:
            hard, positive = distinct[number]
            if all(_hard_difference(view, other) is None for other in hard.values()) and any(
                _positive_evidence(view, other) for other in positive.values()
            ):
                clusters[number].append(view)
                break
        else:
            number = len(clusters)
            clusters.append([view])
            distinct.append(({}, {}))
        hard, positive = distinct[number]
        hard.setdefault(_hard_signature(view), view)
        positive.setdefault((*_hard_signature(view), view.frame.source, view.frame.value), view)
        for key in keys:
            if number not in index[key][-1:]:
                index[key].append(number)
    names = {e.id: e.name for e in entities}
    drafts = [_event_draft(cluster, names) for cluster in clusters]
    drafts.sort(key=lambda d: (d[0], d[1].frames))
    events: list[Event] = []
    event_of_frame: dict[str, str] = {}
    for number, (_, draft) in enumerate(drafts, start=1):
        event = draft.model_copy(update={"id": f"V{number}"})
        events.append(event)
        for frame_id in event.frames:
            event_of_frame[frame_id] = event.id
    return events, event_of_frame


def _event_draft(
    cluster: Sequence[_FrameView], names: dict[str, str]
) -> tuple[tuple[str, str, str], Event]:
    event_type = min((v.frame.value for v in cluster), key=lambda t: _TYPE_PRIORITY.get(t, 9))
    places = [v.place for v in cluster if v.place]
    place = _most_specific_place(places)
    dates = [v.date for v in cluster if v.date]
    date = None
    for value in dates:
        date = value if date is None else narrower(date, value)
    participants = sorted({p for v in cluster for p in v.participants}, key=_entity_number)
    visitors = [v.visitor for v in cluster if v.visitor]
    things = sorted(
        v.frame.object for v in cluster if v.frame.value == "inauguration" and v.frame.object
    )
    label = _label(event_type, visitors[0] if visitors else None, participants, place, date, names)
    if event_type == "inauguration":
        label = _inauguration_label(things, participants, place, date, names)
    sources = sorted({v.frame.source for v in cluster})
    frames = tuple(sorted(v.frame.id for v in cluster))
    sort_key = (date.start.isoformat() if date else "9999", place or "", label)
    return sort_key, Event(
        id="V0",
        type=event_type,
        label=label,
        participants=tuple(participants),
        place=place,
        date=date,
        sources=tuple(sources),
        frames=frames,
    )


def _entity_number(entity_id: str) -> int:
    return int(entity_id[1:]) if entity_id[1:].isdigit() else 0


def _most_specific_place(places: Sequence[str]) -> str | None:
    if not places:
        return None
    counts = Counter(places)
    best = sorted(counts, key=lambda p: (-counts[p], p))[0]
    for place in sorted(counts):
        if place_relation(place, best) == "inside":
            return place
    return best


def _inauguration_label(
    things: Sequence[str],
    participants: Sequence[str],
    place: str | None,
    date: DateValue | None,
    names: dict[str, str],
) -> str:
    """ "inauguration of drone factory in Kenya, 2023-06-12, attended by X": the
    people of the frame were present; they are not what was inaugurated."""
    what = f" of {min(things, key=len)}" if things else ""
    where = f" in {place}" if place and place not in what else ""
    when = f", {date.iso()}" if date else ""
    people = [names.get(p, p) for p in participants[:3]]
    present = f", attended by {' and '.join(people)}" if people else ""
    return f"inauguration{what}{where}{when}{present}"


def _label(
    event_type: str,
    visitor: str | None,
    participants: Sequence[str],
    place: str | None,
    date: DateValue | None,
    names: dict[str, str],
) -> str:
    where = f" to {place}" if event_type == "visit" and place else (f" in {place}" if place else "")
    when = f", {date.iso()}" if date else ""
    if event_type == "visit" and visitor:
        return f"{names.get(visitor, visitor)}'s visit{where}{when}"
    people = [names.get(p, p) for p in participants[:3]]
    who = f" of {' and '.join(people)}" if people else ""
    return f"{event_type}{who}{where}{when}"
