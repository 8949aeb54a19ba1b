"""The leader registry in the database: loading the shipped file, importing a Wikidata
export, and the snapshot the extractor reads.

Each load or import runs in one transaction and validates every row before it writes, so
a bad file changes nothing. A field an editor changed (``edited_fields`` on the term or
the person) is never overwritten by a load or an import; a term an editor touched is
never deleted by one.

Modules: ``terms`` (the report and the steps loading and importing share), ``load`` (the
shipped file), ``wikidata`` (an export of office-holders) and ``snapshot`` (the plain
``gazetteer.registry.Registry`` the extractor reads, rebuilt when the records change).
"""
