"""Renderers: pure functions from a ``Report`` (and the source texts) to a string."""

from __future__ import annotations

from claimdiff.report.json import render_json
from claimdiff.report.markdown import md_cell, md_text, render_markdown

__all__ = ["md_cell", "md_text", "render_json", "render_markdown"]
