"""A bounded memo: a dict that computes a missing key's value on first lookup.

Stages remember per-word (or per-name) facts across texts: news vocabulary recurs, so most
lookups are hits. The memo is cleared whole once it holds ``limit`` keys, which keeps memory
bounded without the bookkeeping of an LRU on the hot path (a hit is a plain dict lookup).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")


class BoundedMemo(dict[Key, Value]):
    """Key -> ``compute(key)``, filled on first lookup (``memo[key]``); cleared once it holds ``limit`` keys.

    A key for which ``remember(key)`` is false is computed but not kept (a long run of words
    would make a key as long as itself).
    """

    def __init__(self, compute: Callable[[Key], Value], limit: int,
                 remember: Callable[[Key], bool] | None = None) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit
        self.remember = remember

    def __missing__(self, key: Key) -> Value:
        value = self.compute(key)
        if self.remember is None or self.remember(key):
            if len(self) >= self.limit:
                self.clear()
            self[key] = value
        return value
