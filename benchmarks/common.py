"""What the benchmark scripts share: the corpus they read, by default the BBC set."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpora" / "bbc"


def corpus_parser(doc: str | None) -> argparse.ArgumentParser:
    """A parser whose first argument is the corpus folder (default: ../shared/corpora/bbc)."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    return parser


def existing_corpus(path: Path) -> Path | None:
    """The corpus folder, resolved; None (and a message on stderr) if it does not exist."""
    corpus = path.resolve()
    if not corpus.exists():
        print(f"error: {corpus}: no such corpus", file=sys.stderr)
        return None
    return corpus
