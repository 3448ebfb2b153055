"""Package discovery that cannot forget a subpackage (everything else is in pyproject.toml).

Every package under ``framing/`` is found by ``find_packages``; the top-level ``lexicons/``
folder (and any subfolder added to it) ships as ``framing.lexicons.*`` data packages.
"""

from setuptools import find_namespace_packages, find_packages, setup

LEXICON_PACKAGES = ["framing." + name for name in find_namespace_packages(include=["lexicons", "lexicons.*"])]

setup(packages=[*find_packages(include=["framing", "framing.*"]), *LEXICON_PACKAGES])
