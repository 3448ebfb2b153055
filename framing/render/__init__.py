"""Renderers: thin layers over ``Report.to_dict()`` (JSON data, Markdown, HTML, DataFrame)."""
