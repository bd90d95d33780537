"""Decide which sentences belong on which page. No MkDocs here."""
