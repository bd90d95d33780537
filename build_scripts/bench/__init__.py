"""``make bench``: synthetic corpora, timed generation and builds. Not part of the site build."""
