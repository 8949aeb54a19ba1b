"""The REST API's endpoints: ``base`` (what they share), ``people`` (countries, leaders,
terms in office), ``facts``, ``articles`` and ``merges``."""
