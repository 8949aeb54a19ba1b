"""Places that both the extractor and the knowledge base read: countries, with their ISO
codes, names, demonyms and capitals. Reference data that no editor changes.

- ``gazetteer.countries``: the rows of kb's ``Country`` table (pycountry's ISO 3166-1
  entries, the demonyms and capitals of the extractor's table, and states ISO has not
  coded, such as Kosovo), and ``countries_sync``, which writes them.
- Still in ``ingest/extract`` while issue 11's work on the extractor lands: the table of
  demonyms and capitals (``geo_data.py``) and the look-ups by name, demonym and capital
  (``geo.py``). They belong here; once moved, the extractor and this package import them
  from here and nothing in kb imports the extractor for geography.

The leader registry (who held which office, and when) lives in kb (``kb/registry.py``,
the shipped file ``kb/data/registry.csv``), not here. Its people and terms are records
editors correct (``Leader`` and ``Office``, with history), and neither a load nor an
import overwrites what an editor set, so it is domain data with owners, not reference
data. The extractor reads a plain snapshot of it (``ingest.extract.registry.Registry``,
built by ``kb.registry.registry_snapshot``) and never the database.
"""
