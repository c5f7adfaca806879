"""Write the corpus entries whose size follows :data:`jsi_docs.readers.DEFAULT_LIMITS`.

``python tests/corpus/make_large.py`` rewrites them; ``tests/test_corpus.py`` checks that the
committed files are what this script writes, so a change of limits cannot leave them stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jsi_docs.readers import DEFAULT_LIMITS

HERE = Path(__file__).resolve().parent
MANY_PARAGRAPHS = 500
"""Paragraphs in the valid "many paragraphs" entry: enough to cost, small enough for CI."""

_HEAD = "id: large\nlanguage: en\nheadline: A large item\npublished: 2023-05-25\n"
_WORDS = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. "


def _text(length: int) -> str:
    text = (_WORDS * (length // len(_WORDS) + 1))[:length]
    return text[:-1] + "x" if text.endswith(" ") else text


def _paragraphs(count: int, text: str) -> str:
    return _HEAD + "sections:\n  - blocks:\n" + f"      - text: {text}\n" * count


def files() -> dict[str, str]:
    """File name -> content of every generated entry."""
    limit = DEFAULT_LIMITS
    return {
        "valid-long-text-at-limit.yaml": _paragraphs(1, _text(limit.max_text)),
        "limit-text-one-over.yaml": _paragraphs(1, _text(limit.max_text + 1)),
        "valid-many-paragraphs.yaml": _paragraphs(MANY_PARAGRAPHS, _text(300)),
        "limit-blocks-one-over.yaml": _paragraphs(limit.max_blocks + 1, "p"),
        "limit-total-text-over.yaml": _paragraphs(
            limit.max_total_text // 90_000 + 1, _text(90_000)
        ),
        "limit-values-one-over.yaml": _HEAD + "sections: [" + "a," * limit.max_nodes + "a]\n",
    }


def main() -> None:
    for name, text in files().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"wrote {name} ({len(text)} characters)", file=sys.stderr)


if __name__ == "__main__":
    main()
