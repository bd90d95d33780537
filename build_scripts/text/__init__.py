"""Clean an article and split it into anchored sentences."""
