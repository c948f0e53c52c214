"""claimdiff: cross-check news sources and report where they agree, conflict, or only seem to."""

from __future__ import annotations

__version__ = "0.1.0"

from claimdiff.pipeline import PipelineResult, check, run  # noqa: E402

__all__ = ["PipelineResult", "__version__", "check", "run"]
