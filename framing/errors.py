"""Typed errors raised on purpose at framing's public entry points."""

from __future__ import annotations


class FramingError(Exception):
    """Base class of every error framing raises on purpose."""


class InputError(FramingError, ValueError):
    """The input (path, bytes or text) cannot be analysed as given."""


class LexiconError(FramingError, ValueError):
    """A lexicon file or table is malformed; the message names file and line."""


class MissingDependencyError(FramingError, ImportError):
    """An optional dependency (pandas, dask) is needed for the call but not installed."""
