"""Bring articles into ``sources/`` as markdown files with frontmatter."""
