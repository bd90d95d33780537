"""Static research microsite generator.

Data flows through the sub-packages in this order: ``load`` (read and validate sources and
topic files) → ``text`` (find page furniture, split into sentences, anchor them) →
``analyse`` (per source, then across sources: claims, disagreements, timeline, countries,
topics, key facts) → ``pages`` (one module per page kind, through ``templates/``) →
``publish`` (hand the pages to MkDocs). ``model`` holds the types they pass on, ``infra`` the
cache and the worker pool, ``pipeline`` runs the stages. Everything before ``publish`` works
without MkDocs.
"""
