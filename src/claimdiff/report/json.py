"""report.json: the fields fixed in shared/spec/report-json.md, plus documented extras."""

from __future__ import annotations

import json as _json
from typing import Any

from claimdiff.models import Report


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "claimdiff report"
    return schema


def render_schema() -> str:
    return _json.dumps(report_schema(), indent=2, sort_keys=True) + "\n"
