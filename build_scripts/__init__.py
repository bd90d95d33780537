"""Static research microsite generator.

Data flows through the sub-packages in this order:

``load`` (read and validate sources and topic files) → ``text`` (find page
furniture, split into sentences, anchor them) → ``analyse`` (assign sentences
to topics) → ``render`` (write markdown pages) → ``publish`` (hand the pages to
MkDocs). Everything before ``publish`` works without MkDocs.
"""
