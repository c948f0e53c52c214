"""Golden snapshot of report.md on seeds/. Update on purpose only:

pytest tests/test_report_snapshot.py --snapshot-update
"""

from __future__ import annotations

from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from claimdiff.pipeline import PipelineResult
from claimdiff.report import render_json, render_markdown


class MarkdownSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "md"


class JsonSnapshot(SingleFileSnapshotExtension):
    _write_mode = WriteMode.TEXT
    file_extension = "json"


def test_seed_report_markdown_matches_the_golden_file(
    seed_result: PipelineResult, snapshot: SnapshotAssertion
) -> None:
    rendered = render_markdown(seed_result.report, seed_result.texts)
    assert rendered == snapshot(extension_class=MarkdownSnapshot)


def test_seed_report_json_matches_the_golden_file(
    seed_result: PipelineResult, snapshot: SnapshotAssertion
) -> None:
    assert render_json(seed_result.report) == snapshot(extension_class=JsonSnapshot)
