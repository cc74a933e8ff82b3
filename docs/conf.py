"""Sphinx configuration: the Markdown pages (MyST) and an API reference from the docstrings (autodoc)."""

from __future__ import annotations

project = "pact_core"
author = "The pact_core developers"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
master_doc = "index"
exclude_patterns = ["_build"]
myst_heading_anchors = 3
myst_enable_extensions = ["deflist"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
default_role = "code"
suppress_warnings = ["myst.xref_missing"]
html_theme = "alabaster"
