"""Expected findings (``claims/expected.toml``): load, verify a report, export decisions.

An expectation names a finding kind and its *sides*: for each side a source (id or id
prefix, optional) and a regular expression that must match one item of the finding from
that source: a claim's text or value, a mention of one of its entities, or an evidence
string. ``[[expect]]`` entries must be found with that kind; ``[[forbid]]`` entries must not
appear. A finding a reviewer rejected counts as absent. The format is documented in
``docs/expected.md``.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from claimdiff.errors import ExpectationError, InputErrors
from claimdiff.models import Decision, FindingKind, Report, ReportFinding
from claimdiff.review import ReviewState, evidence_names, latest_states
from claimdiff.store import atomic_write_text

Mode = Literal["expect", "forbid"]
MODES: tuple[Mode, ...] = ("expect", "forbid")
FINDING_KINDS: frozenset[str] = frozenset(get_args(FindingKind))
ENTRY_FIELDS = {"kind", "sides", "name", "decision", "reviewer", "note"}
SIDE_FIELDS = {"source", "pattern"}
_TABLE_HEADER = re.compile(r"^\s*\[\[\s*(expect|forbid)\s*\]\]")
_TOML_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class Side:
    source: str | None
    pattern: re.Pattern[str]

    def describe(self) -> str:
        return f"{self.source or '*'}:/{self.pattern.pattern}/"


@dataclass(frozen=True)
class Expectation:
    mode: Mode
    kind: FindingKind
    sides: tuple[Side, ...]
    name: str | None = None
    decision: str | None = None
    path: str | None = None
    line: int | None = None

    def describe(self) -> str:
        label = f' "{self.name}"' if self.name else ""
        return f"{self.kind}{label}  " + "  ".join(s.describe() for s in self.sides)

    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "


# --------------------------------------------------------------------------- load


def load_expectations(path: Path | str) -> list[Expectation]:
    """Parse an expectations file; every problem is collected and raised as ``InputErrors``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExpectationError(f"cannot read: {exc.strerror}", path=str(path)) from exc
    return parse_expectations(text, path=str(path))


def parse_expectations(text: str, *, path: str = "<expectations>") -> list[Expectation]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_LINE.search(str(exc))
        line = int(found.group(1)) if found else None
        if line is None and "end of document" in str(exc):
            line = max(1, len(text.splitlines()))
        raise ExpectationError(f"invalid TOML: {exc}", path=path, line=line) from exc
    lines: dict[str, list[int]] = {mode: [] for mode in MODES}
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _TABLE_HEADER.match(raw)
        if header:
            lines[header.group(1)].append(number)
    errors: list[ExpectationError] = []
    result: list[Expectation] = []
    for key in sorted(set(data) - set(MODES)):
        errors.append(
            ExpectationError(f"unknown table {key!r} (use [[expect]] or [[forbid]])", path=path)
        )
    for mode in MODES:
        entries = data.get(mode, [])
        if not isinstance(entries, list):
            errors.append(ExpectationError(f"{mode!r} must be an array of tables", path=path))
            continue
        for index, entry in enumerate(entries):
            line = lines[mode][index] if index < len(lines[mode]) else None
            try:
                result.append(_entry(mode, entry, path=path, line=line))
            except ExpectationError as exc:
                errors.append(exc)
    if errors:
        raise InputErrors(errors)
    return sorted(result, key=lambda e: e.line or 0)


def _entry(mode: Mode, entry: object, *, path: str, line: int | None) -> Expectation:
    def fail(message: str) -> ExpectationError:
        return ExpectationError(f"[[{mode}]]: {message}", path=path, line=line)

    if not isinstance(entry, dict):
        raise fail("must be a table")
    unknown = sorted(set(entry) - ENTRY_FIELDS)
    if unknown:
        raise fail(f"unknown field(s) {', '.join(unknown)}")
    kind = entry.get("kind")
    if kind not in FINDING_KINDS:
        raise fail(f"kind must be one of {', '.join(sorted(FINDING_KINDS))}, not {kind!r}")
    raw_sides = entry.get("sides")
    if not isinstance(raw_sides, list) or not raw_sides:
        raise fail("sides must be a non-empty array of {source, pattern} tables")
    sides: list[Side] = []
    for number, raw in enumerate(raw_sides, start=1):
        if not isinstance(raw, dict) or set(raw) - SIDE_FIELDS or "pattern" not in raw:
            raise fail(f"side {number} must be a table with 'pattern' and optional 'source'")
        source, pattern = raw.get("source"), raw["pattern"]
        if not isinstance(pattern, str) or (source is not None and not isinstance(source, str)):
            raise fail(f"side {number}: source and pattern must be strings")
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise fail(f"side {number}: bad pattern {pattern!r}: {exc}") from exc
        sides.append(Side(source or None, compiled))
    name, decision = entry.get("name"), entry.get("decision")
    return Expectation(
        mode=mode,
        kind=kind,
        sides=tuple(sides),
        name=name if isinstance(name, str) else None,
        decision=decision if isinstance(decision, str) else None,
        path=path,
        line=line,
    )


# --------------------------------------------------------------------------- verify


Problem = Literal["missing", "changed-kind", "forbidden-present"]


@dataclass(frozen=True)
class VerifyProblem:
    expectation: Expectation
    problem: Problem
    found: tuple[ReportFinding, ...] = ()

    def render(self) -> str:
        e = self.expectation
        if self.problem == "forbidden-present":
            head = f"{e.where()}forbidden {e.kind} is present"
            lines = [head, f"  - (must not appear) {e.describe()}"]
        else:
            head = f"{e.where()}expected {e.kind} " + (
                "is missing" if self.problem == "missing" else "has changed kind"
            )
            lines = [head, f"  - {e.describe()}"]
        if not self.found:
            lines.append("  + (no finding matches these sides)")
        for f in self.found:
            status = "" if f.status == "unreviewed" else f" [{f.status}]"
            lines.append(f"  + {f.kind}{status}  {f.id}: {f.summary} ({f.confidence:.2f})")
        return "\n".join(lines)


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    problems: tuple[VerifyProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def return_code(self) -> int:
        return 0 if self.ok else 1

    def diff(self) -> str:
        return "\n".join(p.render() for p in self.problems)

    def summary(self) -> str:
        counts = {p: sum(1 for x in self.problems if x.problem == p) for p in get_args(Problem)}
        parts = [f"{n} {p.replace('-', ' ')}" for p, n in counts.items() if n]
        return f"{self.checked} expectations checked" + (
            ": " + ", ".join(parts) if parts else ", all met"
        )


def finding_items(finding: ReportFinding, report: Report) -> list[tuple[str | None, str]]:
    """``(source, text)`` pairs a side may match: claim text and value, mentions, evidence."""
    claims = {c.id: c for c in report.claims}
    entities = {e.id: e for e in report.entities}
    source_ids = {s.id for s in report.sources} | set(finding.sources)
    items: list[tuple[str | None, str]] = []
    for claim_id in finding.claims:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        items.append((claim.source, claim.text))
        if claim.value is not None:
            items.append((claim.source, str(claim.value)))
    for entity_id in finding.entities:
        entity = entities.get(entity_id)
        if entity is None:
            continue
        items.extend((m.source, m.text) for m in entity.mentions)
        items.extend((None, v) for v in entity.variants)
    for evidence in finding.evidence:
        first = evidence.split("|", 1)[0]
        items.append((first if first in source_ids else None, evidence))
    return items


def _side_matches(side: Side, items: Sequence[tuple[str | None, str]]) -> bool:
    return any(
        (side.source is None or (source is not None and source.startswith(side.source)))
        and side.pattern.search(text)
        for source, text in items
    )


def matching_findings(expectation: Expectation, report: Report) -> list[ReportFinding]:
    """Findings of any kind and status whose items satisfy every side."""
    return [
        f
        for f in report.findings
        if all(_side_matches(s, finding_items(f, report)) for s in expectation.sides)
    ]


def verify(report: Report, expectations: Iterable[Expectation]) -> VerifyResult:
    problems: list[VerifyProblem] = []
    checked = 0
    for expectation in expectations:
        checked += 1
        matches = matching_findings(expectation, report)
        live = [f for f in matches if f.kind == expectation.kind and f.status != "rejected"]
        if expectation.mode == "forbid":
            if live:
                problems.append(VerifyProblem(expectation, "forbidden-present", tuple(live)))
        elif not live:
            problem: Problem = "changed-kind" if matches else "missing"
            problems.append(VerifyProblem(expectation, problem, tuple(matches)))
    return VerifyResult(checked, tuple(problems))


# --------------------------------------------------------------------------- export


def exported_mode(state: ReviewState) -> tuple[Mode, FindingKind] | None:
    """What a judgement asserts about the tool's output, or None for a note only."""
    if state.verdict is None:
        return None
    if state.verdict == "accept":
        return "expect", state.finding_kind
    if state.finding_kind == "different_context":
        return "expect", "conflict"  # rejected "different context" = the same event
    return "forbid", state.finding_kind


def flexible_pattern(text: str) -> str:
    """``text`` as a regex that tolerates any whitespace between its words."""
    return r"\s+".join(re.escape(word) for word in text.split())


def export_expectations(
    decisions: Iterable[Decision], report: Report, *, skip_keys: Iterable[str] = ()
) -> str:
    """TOML entries for every accepted or rejected decision (keys in ``skip_keys`` left out)."""
    skip = set(skip_keys)
    findings = {f.decision_key: f for f in report.findings}
    chunks: list[str] = []
    states = latest_states(decisions)
    for key in sorted(states):
        state = states[key]
        mode = exported_mode(state)
        if mode is None or key in skip:
            continue
        finding = findings.get(key)
        sides = _export_sides(state, finding, report)
        if not sides:
            chunks.append(f"# skipped decision {key}: its finding is gone and no evidence remains")
            continue
        chunks.append(_entry_toml(mode[0], mode[1], state, sides))
    return "\n".join(chunks)


def _export_sides(
    state: ReviewState, finding: ReportFinding | None, report: Report
) -> list[tuple[str | None, str]]:
    evidence = finding.evidence if finding is not None else state.evidence
    if state.finding_kind in ("name_variant", "title_variant") and evidence_names(evidence):
        return [(None, rf"\b{re.escape(name)}\b") for name in evidence_names(evidence)]
    sides: list[tuple[str | None, str]] = []
    if finding is not None:
        claims = {c.id: c for c in report.claims}
        for claim_id in finding.claims:
            claim = claims.get(claim_id)
            if claim is not None and (claim.source, flexible_pattern(claim.text)) not in sides:
                sides.append((claim.source, flexible_pattern(claim.text)))
        entities = {e.id: e for e in report.entities}
        for entity_id in finding.entities if not sides else ():
            entity = entities.get(entity_id)
            for variant in entity.variants if entity else ():
                sides.append((None, rf"\b{re.escape(variant)}\b"))
    if not sides:
        sources = {s.id for s in report.sources}
        for item in evidence:
            parts = item.split("|")
            if len(parts) >= 2 and parts[0] in sources:
                sides.append((parts[0], flexible_pattern(parts[-1])))
    return sides


def toml_string(value: str) -> str:
    """A TOML string: literal ('...') when possible, so regexes need no double escaping."""
    if "'" not in value and not any(ord(c) < 32 or ord(c) == 127 for c in value):
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _entry_toml(
    mode: Mode, kind: FindingKind, state: ReviewState, sides: Sequence[tuple[str | None, str]]
) -> str:
    verdict = "accepted" if state.verdict == "accept" else "rejected"
    fields: Mapping[str, str | None] = {
        "name": f"{verdict}-{state.finding_kind}-{state.key}",
        "kind": kind,
        "decision": state.key,
        "reviewer": state.reviewer,
        "note": state.note,
    }
    lines = [f"[[{mode}]]"]
    if state.summary:
        lines.insert(0, "# " + " ".join(state.summary.split()))
    lines += [f"{k} = {toml_string(v)}" for k, v in fields.items() if v is not None]
    lines.append("sides = [")
    for source, pattern in sides:
        where = f"source = {toml_string(source)}, " if source else ""
        lines.append(f"  {{ {where}pattern = {toml_string(pattern)} }},")
    lines.append("]")
    return "\n".join(lines) + "\n"


def exported_keys(text: str) -> set[str]:
    """Decision keys already present in an expectations file's text."""
    data = tomllib.loads(text)
    keys: set[str] = set()
    for mode in MODES:
        for entry in data.get(mode, []):
            if isinstance(entry, dict) and isinstance(entry.get("decision"), str):
                keys.add(entry["decision"])
    return keys


def append_expectations(path: Path, decisions: Iterable[Decision], report: Report) -> int:
    """Add entries for decisions not yet in ``path``; the file is replaced atomically.

    Returns the number of entries added. The combined text is parsed before it is written,
    so a bad export never damages the file.
    """
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    parse_expectations(existing, path=str(path))
    addition = export_expectations(decisions, report, skip_keys=exported_keys(existing))
    added = addition.count("[[expect]]") + addition.count("[[forbid]]")
    if not added:
        return 0
    combined = (existing.rstrip("\n") + "\n\n" if existing.strip() else "") + addition
    parse_expectations(combined, path=str(path))
    atomic_write_text(path, combined)
    return added
