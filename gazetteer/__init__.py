"""Reference data that both the extractor and the knowledge base read. Pure Python, no
Django, and nothing here imports ``ingest`` or ``kb``, so either can depend on it.

- ``gazetteer.geo_data``: the hand-built table of states, aliases, demonyms, capitals,
  metonyms, organisations and places that are not countries.
- ``gazetteer.geo``: the look-ups by name, demonym and capital over that table.
- ``gazetteer.countries``: the rows of kb's ``Country`` table (pycountry's ISO 3166-1
  entries, the demonyms and capitals above, and states ISO has not coded, such as
  Kosovo), and ``countries_sync``, which writes them.
- ``gazetteer.registry``: the plain snapshot of the leader registry (``Registry``,
  ``Term``), its file format and the reader of the shipped file.

The leader registry's *records* live in kb (``kb/registry/``, the shipped file
``kb/data/registry.csv``): its people and terms are records editors correct (``Leader``
and ``Office``, with history), and neither a load nor an import overwrites what an
editor set, so it is domain data with owners. Only its snapshot type and file format are
here, because both sides read them: kb builds a ``Registry`` from the database
(``kb.registry.snapshot.registry_snapshot``) and checks imported files with the parser; the
extractor matches names against a ``Registry`` and never touches the database.
"""
