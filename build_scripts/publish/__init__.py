"""The thin layer that hands generated pages to MkDocs."""
