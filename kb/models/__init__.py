"""The knowledge base: countries, leaders, articles, and the facts found in them.

Meetings, gifts and agreements are the canonical facts. Each links to the articles it
came from through Evidence rows. Every fact has a review state; once an editor has
touched a fact (confirmed, corrected or rejected it), re-extraction never changes it.

One module per kind of record: ``review`` (review states, the ``Reviewed`` base),
``countries``, ``leaders`` (leaders, offices, aliases), ``articles``, ``facts``
(meetings, gifts, agreements), ``evidence``, ``merges``, and ``tallies``,
``network`` and ``periods`` (counts kept up to date). Django loads an app's models
from ``kb.models``, so this package imports them all; callers import them from here.
"""

from kb.models.articles import Article, ArticleQuerySet, ArticleStatus
from kb.models.countries import Country, Organisation
from kb.models.evidence import Evidence, EvidenceQuerySet
from kb.models.facts import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Gift,
    GiftQuerySet,
    Meeting,
    MeetingKind,
    MeetingQuerySet,
)
from kb.models.leaders import (
    Leader,
    LeaderAlias,
    LeaderQuerySet,
    Office,
    OfficeKind,
    OfficeQuerySet,
)
from kb.models.merges import MergeKind, MergeRecord
from kb.models.network import LeaderPair
from kb.models.periods import CountryPairYear, HostYear, LeaderPairYear, MeetingYear
from kb.models.review import HUMAN_STATES, Reviewed, ReviewedQuerySet, ReviewState
from kb.models.tallies import CountryPairTally, CountryTally, LeaderTally, Total

__all__ = [
    "HUMAN_STATES",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Article",
    "ArticleQuerySet",
    "ArticleStatus",
    "Country",
    "CountryPairTally",
    "CountryPairYear",
    "CountryTally",
    "Evidence",
    "EvidenceQuerySet",
    "Gift",
    "GiftQuerySet",
    "HostYear",
    "Leader",
    "LeaderAlias",
    "LeaderPair",
    "LeaderPairYear",
    "LeaderTally",
    "LeaderQuerySet",
    "Meeting",
    "MeetingYear",
    "MeetingKind",
    "MeetingQuerySet",
    "MergeKind",
    "MergeRecord",
    "Office",
    "OfficeKind",
    "OfficeQuerySet",
    "Organisation",
    "Reviewed",
    "ReviewedQuerySet",
    "ReviewState",
    "Total",
]
