"""Representations for the API, one module per kind of record.

- ``base``: enum fields, strict request bodies and fields, the error shape;
- ``leaders``: countries, leaders and their terms in office;
- ``facts``: meetings, gifts, agreements and their evidence;
- ``articles``: articles, and upload requests and answers;
- ``writes``: request bodies of corrections, creations and merges, and the merge and
  tombstone records.

Read serializers are small ModelSerializers whose declared fields document the schema.
The ones a list renders many times over (facts, leaders, evidence and their nested
summaries) also have a hand-written ``to_representation`` producing exactly what the
declared fields would (``tests/api/test_lists.py`` holds them to it) in a fraction
of the time; see ``api.fast``. Nested relations rely on the querysets in ``api.loaders``
having loaded them, so a page costs the same number of queries whatever its size.
"""
