"""Write pages as markdown. Every piece of source text passes through ``escape``."""
