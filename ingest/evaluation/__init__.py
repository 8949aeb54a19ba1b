"""Score extracted facts against gold facts (the shared eval SCHEMA shape).

Pure Python, no Django.  Both sides are plain dicts in the gold shape: the
gold files, and ``Extraction.to_gold()`` for the extractor's output.  Only
``leaders``, ``countries``, ``meetings``, ``gifts`` and ``agreements`` are
scored; ``published``, ``topics``, ``summary`` and ``not_facts`` are not.

Scores are micro-averaged over a set of articles, per fact type: the true
positives (tp), false positives (fp) and false negatives (fn) of every
article are summed, then precision = tp / (tp + fp), recall = tp / (tp + fn)
and F1 is their harmonic mean.  With nothing predicted and nothing in the
gold, precision, recall and F1 are all 1.0; otherwise an empty denominator
gives 0.0.

Matching is one-to-one and greedy, per article and per fact type: every
(gold, predicted) pair that *can* match gets a score, the pairs are taken
best score first (ties: earlier gold fact, then earlier predicted fact), and
a pair is kept when neither side is matched yet.  A matched pair is a tp, a
predicted fact left over is an fp, a gold fact left over is an fn.

Names are normalised before any comparison: accents stripped (NFKD),
casefolded, hyphens and dashes turned into spaces, other punctuation
removed, whitespace collapsed ("Raúl Castro" = "Raul Castro",
"Kim Jong-un" = "Kim Jong Un", "George W. Bush" = "George W Bush").

- leaders: match on the normalised full name.  Over the matched leaders,
  ``leader_country_accuracy`` (the ISO codes are equal) and
  ``leader_title_accuracy`` (casefolded titles equal, both null counts as
  equal; informative only) are reported.
- countries: the set of ISO codes of each article (upper-cased).
- meetings: match when the participant sets are equal (normalised names,
  order ignored).  Among candidates with equal participants, a pair with the
  same date is preferred, then the same kind, then the same host country.
  Over the matched meetings, ``meeting_date_accuracy`` (dates equal, both
  null counts as equal), ``meeting_kind_accuracy`` and
  ``meeting_host_accuracy`` are reported.
- gifts: match when giver and recipient are equal (normalised) and the items
  match: both are lowercased, possessive 's and punctuation (quotes too)
  removed, and the stop words a, an, the, of, from, with, and dropped; the
  items match when the remaining word set of one is a subset of the other's,
  or their Jaccard similarity is >= 0.5.  An item with no content word only
  matches another such item.  Better-overlapping items are paired first.
- agreements: match when kind and status are equal and the parties match:
  the normalised party sets are equal, or they are equal after mapping each
  leader name to that leader's country (gold parties through the article's
  gold ``leaders``, predicted parties through the predicted ``leaders``; ISO
  codes stay as they are), so "the US and China agreed" and the two
  presidents agreeing are the same parties.  Pairs equal by name are
  preferred over pairs equal only by country.  ``agreement_status_errors``
  counts the predicted agreements left unmatched that would have matched an
  unmatched gold agreement on kind and parties but have another status.

An accuracy over zero matched facts is "n/a" (None) and never fails a
threshold.  ``conflict_facts`` is an independent audit computed from the
extractor's objects (see :func:`find_conflict_facts`): the predicted
meetings, gifts and agreements whose evidence sentence contains a conflict
cue (:func:`conflict_cue`); it is not shared with the extractor's own rules.

Modules: ``matching`` (normalisation, party matching, pairing), ``conflict`` (the audit),
``results`` (counts, ratios, an article's score, the result and its thresholds),
``scoring`` (``score_article``, ``evaluate``, ``article_text``, ``parse_thresholds``).
"""
