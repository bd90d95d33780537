"""Starting a new case study: ``python -m build_scripts new-case DIR`` (see ``new_case``)."""
