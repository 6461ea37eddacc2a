"""Sphinx configuration for the PyVISA documentation."""

project = "PyVISA"
author = "PyVISA authors"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.intersphinx"]
napoleon_numpy_docstring = True
napoleon_google_docstring = False
autodoc_member_order = "bysource"
intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}
exclude_patterns = ["_build", "dev"]
html_theme = "alabaster"
