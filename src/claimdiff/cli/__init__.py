"""Command line: click only. Options, file I/O and exit codes; the work is in the library."""

from __future__ import annotations
