"""Ingest: bytes or a path -> Document (decoding, HTML extraction, blocks, noise, dates)."""
