"""The bundled script-linting lexicon (``resources/lexicon/*.json``): reading and caching it.

The I/O lives here so that :mod:`core.domain.lint` stays pure. Every ``*.json`` file in the folder is one lexicon
document (``as_of``, ``sources``, ``product_categories``, ``categories``, ``terms``); several files are merged
(terms appended, the other maps united, the latest ``as_of`` kept), so the owner may split or add lists.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from core.domain.lint import Lexicon
from core.paths import resource


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load one file, or every ``*.json`` in a folder (default: the bundled ``resources/lexicon``)."""
    path = resource("lexicon") if path is None else path
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise ValueError(f"no lexicon files in {path}")
    merged: dict[str, Any] = {
        "as_of": "",
        "sources": [],
        "product_categories": {},
        "categories": {},
        "terms": [],
    }
    for file in files:
        doc = json.loads(file.read_text(encoding="utf-8"))
        merged["as_of"] = max(merged["as_of"], str(doc.get("as_of") or ""))
        merged["sources"] += [s for s in doc.get("sources") or [] if s not in merged["sources"]]
        merged["product_categories"].update(doc.get("product_categories") or {})
        merged["categories"].update(doc.get("categories") or {})
        merged["terms"] += doc.get("terms") or []
    return Lexicon.from_document(merged)


@cache
def default_lexicon() -> Lexicon:
    """The bundled lexicon, read and compiled once per process."""
    return load_lexicon()
