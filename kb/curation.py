"""Editors' writes: correcting, confirming, rejecting and adding facts and leaders,
deleting leaders, merging duplicate records (and undoing a merge), and reverting a fact
to an earlier version.

Rules that hold throughout:
- Every function is keyword-only, runs in one transaction and validates before it
  saves; a problem raises ``django.core.exceptions.ValidationError`` (field -> messages)
  and nothing is written.
- Every change is recorded by django-simple-history with the acting user
  (``_history_user``) and a short reason (``_change_reason``), as exactly one
  historical row per changed record (many-to-many changes are folded into it).
- A fact an editor touched is never changed by extraction (see ``kb.services``), so
  corrections, confirmations and rejections made here are sticky. So are a leader's:
  extraction never changes what an editor set, never replaces a reviewed leader's name,
  never touches a rejected leader, and never makes a second record of one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date

from kb.models import (
    HUMAN_STATES,
    Agreement,
    Article,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
    MergeKind,
    MergeRecord,
    Office,
    ReviewState,
)
from kb.names import name_keys

Fact = Meeting | Gift | Agreement

MANUAL_RULE = "manual"
MANUAL_VERSION = "manual"
REASON_MAX = 100  # simple-history's history_change_reason column

#: The fields an editor may change on each kind of fact.
EDITABLE_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Meeting: ("kind", "date", "place", "host_country", "participants", "topics"),
    Gift: ("giver", "recipient", "item", "date", "meeting"),
    Agreement: ("kind", "status", "summary", "date", "leader_parties", "country_parties"),
}
M2M_FIELDS = {"participants", "leader_parties", "country_parties"}
FACT_MODELS = tuple(EDITABLE_FIELDS)


# ---- helpers ---------------------------------------------------------------------------


def _reason(text: str) -> str:
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


@contextmanager
def _one_history_row(instance: models.Model, *, user, reason: str) -> Iterator[None]:
    """Make the block's saves and many-to-many changes on ``instance`` silent, then
    save it once: one historical row, by ``user``, with the final many-to-many state."""
    instance.skip_history_when_saving = True
    try:
        yield
    finally:
        del instance.skip_history_when_saving
    instance._history_user = user
    instance._change_reason = _reason(reason)
    instance.save()


def _save_with_history(instance: models.Model, *, user, reason: str, **kwargs) -> None:
    instance._history_user = user
    instance._change_reason = _reason(reason)
    instance.save(**kwargs)


def _check_fact(fact) -> None:
    if not isinstance(fact, FACT_MODELS):
        raise TypeError(f"not a fact: {fact!r}")


def _pk(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, models.Model):
        return value.pk
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"{value!r} is not an id.") from exc


def _leaders(name: str, values) -> list[Leader]:
    if values is None or isinstance(values, str | int | Leader):
        raise ValidationError({name: "Give a list of leaders."})
    ids = [_pk(v) for v in values]
    found = {leader.pk: leader for leader in Leader.objects.filter(pk__in=[i for i in ids if i])}
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError({name: f"No leader with id {missing[0]}."})
    merged = [leader.name for leader in found.values() if leader.merged_into_id]
    if merged:
        raise ValidationError({name: f"{merged[0]} was merged into another record."})
    return [found[i] for i in dict.fromkeys(ids)]


def _leader(name: str, value) -> Leader:
    if value in (None, ""):
        raise ValidationError({name: "A leader is required."})
    return _leaders(name, [value])[0]


def _country(name: str, value) -> Country | None:
    if value in (None, ""):
        return None
    if isinstance(value, Country):
        return value
    if isinstance(value, str) and not value.isdigit():
        country = Country.objects.filter(code=value.upper()).first()
    else:
        country = Country.objects.filter(pk=_pk(value)).first()
    if country is None:
        raise ValidationError({name: f"Unknown country {value!r}."})
    return country


def _countries(name: str, values) -> list[Country]:
    if values is None or isinstance(values, str | int | Country):
        raise ValidationError({name: "Give a list of countries."})
    found = [_country(name, v) for v in values]
    return list({c.pk: c for c in found if c is not None}.values())


def _meeting(name: str, value) -> Meeting | None:
    if value in (None, ""):
        return None
    meeting = Meeting.objects.filter(pk=_pk(value)).first()
    if meeting is None:
        raise ValidationError({name: f"No meeting with id {value}."})
    return meeting


def _date(name: str, value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        parsed = parse_date(str(value))
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError({name: f"{value!r} is not a date (YYYY-MM-DD)."})
    return parsed


def _topics(name: str, value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        raise ValidationError({name: "Give a list of topics."})
    topics = [str(t).strip() for t in value]
    return list(dict.fromkeys(t for t in topics if t))


def _text(name: str, value) -> str:
    return "" if value is None else str(value).strip()


_COERCE = {
    "date": _date,
    "place": _text,
    "item": _text,
    "summary": _text,
    "kind": _text,
    "status": _text,
    "host_country": _country,
    "participants": _leaders,
    "leader_parties": _leaders,
    "country_parties": _countries,
    "giver": _leader,
    "recipient": _leader,
    "meeting": _meeting,
    "topics": _topics,
    "name": _text,
    "title": _text,
    "country": _country,
}


def _normalise(model: type[models.Model], changes: dict) -> dict:
    return _coerce(EDITABLE_FIELDS[model], changes)


def _coerce(allowed: tuple[str, ...], changes: dict) -> dict:
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise ValidationError({name: "This field cannot be edited." for name in unknown})
    errors: dict[str, list[str]] = {}
    values = {}
    for name, value in changes.items():
        try:
            values[name] = _COERCE[name](name, value)
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                errors.setdefault(field_name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    return values


def _current(fact, name: str):
    if name in M2M_FIELDS:
        return {obj.pk for obj in getattr(fact, name).all()}
    model_field = fact._meta.get_field(name)
    if model_field.is_relation:
        return getattr(fact, model_field.attname)
    return getattr(fact, name)


def _comparable(name: str, value):
    if name in M2M_FIELDS:
        return {obj.pk for obj in value}
    if isinstance(value, models.Model):
        return value.pk
    return value


def _validate(fact, m2m: dict) -> None:
    """Model validation of the scalar fields plus the rules forms cannot express."""
    errors: dict[str, list[str]] = {}
    try:
        fact.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if isinstance(fact, Meeting) and "participants" in m2m and not m2m["participants"]:
        errors.setdefault("participants", []).append("A meeting needs at least one participant.")
    if isinstance(fact, Gift) and fact.giver_id and fact.giver_id == fact.recipient_id:
        errors.setdefault("recipient", []).append("Giver and recipient must differ.")
    if isinstance(fact, Agreement) and ("leader_parties" in m2m or "country_parties" in m2m):
        leaders = m2m.get("leader_parties")
        if leaders is None:
            leaders = list(fact.leader_parties.all()) if fact.pk else []
        countries = m2m.get("country_parties")
        if countries is None:
            countries = list(fact.country_parties.all()) if fact.pk else []
        if not leaders and not countries:
            errors.setdefault("leader_parties", []).append(
                "An agreement needs at least one leader or country as a party."
            )
    if errors:
        raise ValidationError(errors)


def _assign(fact, values: dict) -> tuple[list[str], dict]:
    """Set changed scalar fields on ``fact``; return (changed names, m2m to set)."""
    changed: list[str] = []
    m2m: dict[str, list] = {}
    for name, value in values.items():
        if _current(fact, name) == _comparable(name, value):
            continue
        changed.append(name)
        if name in M2M_FIELDS:
            m2m[name] = value
        else:
            setattr(fact, name, value)
    return changed, m2m


# ---- correcting, confirming, rejecting ---------------------------------------------------


@transaction.atomic
def fact_update(*, fact: Fact, user, changes: dict, reason: str = "") -> Fact:
    """Correct some of a fact's fields. The fact becomes "corrected" (a rejected fact
    stays rejected) and the changed fields join ``edited_fields``. Unchanged values are
    ignored; if nothing changes, nothing is saved."""
    _check_fact(fact)
    values = _normalise(type(fact), changes)
    changed, m2m = _assign(fact, values)
    if not changed:
        return fact
    _validate(fact, m2m)
    if fact.review_state != ReviewState.REJECTED:
        fact.review_state = ReviewState.CORRECTED
    fact.edited_fields = sorted(set(fact.edited_fields) | set(changed))
    with _one_history_row(fact, user=user, reason=reason or "Corrected: " + ", ".join(changed)):
        for name, objs in m2m.items():
            getattr(fact, name).set(objs)
    return fact


def gift_swap_direction(*, gift: Gift, user) -> Gift:
    """The giver was the recipient and vice versa."""
    return fact_update(
        fact=gift,
        user=user,
        changes={"giver": gift.recipient_id, "recipient": gift.giver_id},
        reason="Swapped giver and recipient",
    )


def _set_state(record, *, user, state: str, reason: str):
    """Record an editor's review decision on a fact or a leader (nothing if it stands)."""
    with transaction.atomic():
        if record.review_state == state:
            return record
        record.review_state = state
        _save_with_history(record, user=user, reason=reason)
    return record


def fact_confirm(*, fact: Fact, user) -> Fact:
    """An editor vouches for the fact as it stands (also how a rejected fact comes back)."""
    _check_fact(fact)
    return _set_state(fact, user=user, state=ReviewState.CONFIRMED, reason="Confirmed")


def fact_reject(*, fact: Fact, user) -> Fact:
    """Not a real fact: kept (with its evidence) but hidden from default lists."""
    _check_fact(fact)
    return _set_state(fact, user=user, state=ReviewState.REJECTED, reason="Rejected")


# ---- adding, correcting, reviewing and deleting a leader ----------------------------------

#: The fields an editor may change on a leader (aliases follow a change of name).
LEADER_EDITABLE_FIELDS = ("name", "title", "country")


def _leader_check(leader: Leader, *, doing: str) -> None:
    if leader.merged_into_id:
        raise ValidationError(f"This leader was merged into another record: {doing} that one.")


def _leader_already_known(name: str, country: Country | None) -> Leader | None:
    """An active leader known under any form of ``name`` (full name or alias, titles
    stripped) with the same country, or also without one."""
    keys = name_keys(name)
    found = Leader.objects.active().filter(
        models.Q(name_key__in=keys) | models.Q(aliases__key__in=keys)
    )
    found = found.filter(country=country) if country else found.filter(country__isnull=True)
    return found.order_by("id").first()


@transaction.atomic
def leader_create(*, user, name: str, title: str = "", country=None, reason: str = "") -> Leader:
    """Add a leader by hand: one extraction missed, or one a fact added by hand needs.

    Validated as ``leader_update`` validates a correction. Like a fact added by hand, the
    leader is "confirmed" (confidence 1) and the fields given join ``edited_fields``, so
    extraction never changes them; it may still fill a title or country left blank.

    A second record of a person already known is refused, with the record to use
    instead: an active leader with this name (or an alias of it) and the same country
    (or, for a leader without one, another without one). That includes a rejected one,
    which ``leader_confirm`` brings back: two records under one name would leave
    extraction to pick one of them."""
    values = _coerce(LEADER_EDITABLE_FIELDS, {"name": name, "title": title, "country": country})
    leader = Leader(
        review_state=ReviewState.CONFIRMED,
        confidence=1.0,
        edited_fields=sorted(field for field, value in values.items() if value not in (None, "")),
        **values,
    )
    _validate(leader, {})
    known = _leader_already_known(leader.name, leader.country)
    if known is not None:
        where = f", {known.country.name}" if known.country else ""
        advice = (
            "it was rejected: confirm it to bring it back"
            if known.review_state == ReviewState.REJECTED
            else "correct that record instead of adding another"
        )
        raise ValidationError(
            {"name": f"{known.name} (leader {known.pk}{where}) is already recorded; {advice}."}
        )
    _save_with_history(leader, user=user, reason=reason or "Added by hand")
    return leader


def leader_confirm(*, leader: Leader, user) -> Leader:
    """An editor vouches for the leader as it stands (also how a rejected one comes
    back). Extraction never replaces a confirmed leader's name (``kb.services``)."""
    _leader_check(leader, doing="review")
    return _set_state(leader, user=user, state=ReviewState.CONFIRMED, reason="Confirmed")


def leader_reject(*, leader: Leader, user) -> Leader:
    """Not a real leader (a misread name, a street, an office): kept, with its facts,
    but hidden from default lists. Its facts are not rejected with it: each is reviewed
    on its own. Extraction still finds the record under its names, so it never makes
    the leader again, and never changes it or brings it back (``kb.services``)."""
    _leader_check(leader, doing="review")
    return _set_state(leader, user=user, state=ReviewState.REJECTED, reason="Rejected")


@transaction.atomic
def leader_update(*, leader: Leader, user, changes: dict, reason: str = "") -> Leader:
    """Correct a leader's name, title or country, as ``fact_update`` does a fact's: the
    leader becomes "corrected" (a rejected one stays rejected) and the changed fields join
    ``edited_fields``, which extraction never changes (``kb.services.leader_resolve``).
    A replaced name is kept among ``other_names``, so the articles that use it still
    resolve to this leader. A merged leader is edited through the record it went into."""
    _leader_check(leader, doing="edit")
    values = _coerce(LEADER_EDITABLE_FIELDS, changes)
    old_name = leader.name
    changed, _ = _assign(leader, values)
    if not changed:
        return leader
    _validate(leader, {})
    if "name" in changed:
        kept = set(leader.other_names) | {old_name}
        leader.other_names = sorted(kept - {leader.name, ""})
    if leader.review_state != ReviewState.REJECTED:
        leader.review_state = ReviewState.CORRECTED
    leader.edited_fields = sorted(set(leader.edited_fields) | set(changed))
    _save_with_history(leader, user=user, reason=reason or "Corrected: " + ", ".join(changed))
    return leader


@transaction.atomic
def leader_delete(*, leader: Leader, user) -> None:
    """Delete a leader entered or extracted by mistake, with its article mentions and
    aliases. The deletion is in its history (by ``user``) and, through ``api.signals``,
    in the change feed's tombstones.

    Only a leader that nothing else rests on: no meeting, gift or agreement names it, no
    other record was merged into it, and it was not itself merged (that would break the
    merge's undo). Otherwise this is refused: merging it into the right record moves its
    facts and keeps its names findable. As with facts, a later re-extraction of an
    article that names it may create it again."""
    leader = Leader.objects.select_for_update().get(pk=leader.pk)
    if leader.merged_into_id:
        raise ValidationError("This leader was merged into another record: undo the merge first.")
    uses = {
        "meetings": Meeting.objects.filter(participants=leader).count(),
        "gifts": Gift.objects.filter(models.Q(giver=leader) | models.Q(recipient=leader)).count(),
        "agreements": Agreement.objects.filter(leader_parties=leader).count(),
        "merged leaders": leader.merged.count(),
    }
    named = ", ".join(f"{what}: {count}" for what, count in uses.items() if count)
    if named:
        raise ValidationError(
            f"Records still rest on {leader.name} ({named}): merge this leader into the "
            "right one, which moves them, or correct them first."
        )
    leader._history_user = user
    leader._change_reason = _reason(f"Deleted leader {leader.pk}")
    leader.delete()


# ---- adding a fact by hand ------------------------------------------------------------


@transaction.atomic
def fact_create_manual(
    *,
    model: type[Fact],
    user,
    article: Article,
    sentence_start: int,
    sentence_end: int,
    **fields,
) -> Fact:
    """Add a fact extraction missed, with ``article[sentence_start:sentence_end]`` as
    its evidence (rule "manual", confidence 1). The fact is confirmed."""
    if model not in EDITABLE_FIELDS:
        raise TypeError(f"not a fact model: {model!r}")
    text = article.text or ""
    try:
        start, end = int(sentence_start), int(sentence_end)
    except (TypeError, ValueError):
        start, end = -1, -1
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        raise ValidationError({"sentence": "Choose a sentence of the article."})
    required = {
        Meeting: ("participants",),
        Gift: ("giver", "recipient", "item"),
        Agreement: ("kind", "status"),
    }[model]
    missing = [name for name in required if fields.get(name) in (None, "", [], ())]
    if missing:
        raise ValidationError({name: "This field is required." for name in missing})
    values = _normalise(model, fields)
    fact = model(
        review_state=ReviewState.CONFIRMED,
        confidence=1.0,
        edited_fields=sorted(values),
    )
    m2m = {name: values.pop(name) for name in list(values) if name in M2M_FIELDS}
    for name, value in values.items():
        setattr(fact, name, value)
    if model is Agreement and not m2m:
        m2m["leader_parties"] = []
    _validate(fact, m2m)
    with _one_history_row(fact, user=user, reason=f"Added by hand from article {article.pk}"):
        fact.save()
        for name, objs in m2m.items():
            getattr(fact, name).set(objs)
    Evidence.objects.create(
        article=article,
        **{model._meta.model_name: fact},
        sentence=text[start:end],
        start=start,
        end=end,
        sentence_start=start,
        confidence=1.0,
        rule=MANUAL_RULE,
        extractor_version=MANUAL_VERSION,
    )
    return fact


_SENTENCE = re.compile(r"[^\s].*?(?:[.!?](?=\s|$)|(?=\n)|$)", re.S)


def article_sentences(text: str, *, limit: int = 500) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of an article: what an editor picks
    as the evidence of a fact added by hand. A rough split is enough here."""
    found = []
    for match in _SENTENCE.finditer(text or ""):
        sentence = match.group().strip()
        if sentence:
            found.append((match.start(), match.start() + len(match.group().rstrip()), sentence))
        if len(found) >= limit:
            break
    return found


# ---- history and revert -----------------------------------------------------------------

HISTORY_HIDDEN = ("created_at", "updated_at", "id", "edited_fields")
_M2M_TARGET = {"participants": "leader", "leader_parties": "leader", "country_parties": "country"}


def _json_value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def _snapshot(instance: models.Model, names: Iterable[str]) -> dict:
    out = {}
    for name in names:
        model_field = instance._meta.get_field(name)
        attname = model_field.attname if model_field.is_relation else name
        out[name] = _json_value(getattr(instance, attname))
    return out


def _restore(instance: models.Model, data: dict) -> None:
    for name, value in data.items():
        model_field = instance._meta.get_field(name)
        if model_field.is_relation:
            setattr(instance, model_field.attname, value)
        elif isinstance(model_field, models.DateField) and isinstance(value, str):
            setattr(instance, name, dt.date.fromisoformat(value))
        else:
            setattr(instance, name, value)


def _history_m2m(history_model, field_name: str, history_ids: list[int]) -> dict[int, list[int]]:
    """{history_id: sorted related ids} for one many-to-many field of some versions."""
    rows_model = getattr(history_model, field_name).model
    target = _M2M_TARGET[field_name]
    out: dict[int, list[int]] = {hid: [] for hid in history_ids}
    for hid, related in rows_model.objects.filter(history_id__in=history_ids).values_list(
        "history_id", f"{target}_id"
    ):
        out[hid].append(related)
    return {hid: sorted(ids) for hid, ids in out.items()}


@transaction.atomic
def fact_revert(*, fact: Fact, history_id: int, user) -> Fact:
    """Put the fact's fields (and review state) back as they were in one historical
    version; recorded as a new change by ``user``. If that version was machine-made,
    the fact becomes "corrected" (an editor chose it) so extraction keeps off it."""
    _check_fact(fact)
    version = fact.history.filter(history_id=history_id).first()
    if version is None:
        raise ValidationError({"history_id": "No such version of this fact."})
    names = EDITABLE_FIELDS[type(fact)]
    history_model = type(version)
    values = {}
    for name in names:
        if name in M2M_FIELDS:
            values[name] = _history_m2m(history_model, name, [version.history_id])[
                version.history_id
            ]
        else:
            model_field = fact._meta.get_field(name)
            values[name] = getattr(
                version, model_field.attname if model_field.is_relation else name
            )
    values = _normalise(type(fact), values)
    changed, m2m = _assign(fact, values)
    old_state = fact.review_state
    if version.review_state in HUMAN_STATES:
        fact.review_state = version.review_state
    else:
        fact.review_state = ReviewState.CORRECTED
    if not changed and fact.review_state == old_state:
        return fact
    _validate(fact, m2m)
    fact.edited_fields = sorted(set(fact.edited_fields) | set(changed) | set(version.edited_fields))
    when = timezone.localtime(version.history_date).strftime("%Y-%m-%d %H:%M")
    with _one_history_row(fact, user=user, reason=f"Reverted to version {history_id} ({when})"):
        for name, objs in m2m.items():
            getattr(fact, name).set(objs)
    return fact


@dataclass
class Change:
    field: str
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    history_id: int
    date: dt.datetime
    user: object
    kind: str  # "created", "changed" or "deleted"
    reason: str
    changes: list[Change] = field(default_factory=list)
    current: bool = False


def history_entries(instance: models.Model, *, limit: int = 20) -> tuple[list[HistoryEntry], int]:
    """The latest ``limit`` versions of a record, newest first, each with who made it,
    when, and what changed against the version before (``diff_against`` for plain
    fields; many-to-many fields compared from their historical rows). Returns
    (entries, number of older versions not shown). A fixed number of queries."""
    history_model = instance.history.model
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    total = None
    if len(records) > limit:
        total = instance.history.count()
    m2m_names = [f.name for f in history_model._history_m2m_fields]
    ids = [r.history_id for r in records]
    m2m = {name: _history_m2m(history_model, name, ids) for name in m2m_names}
    labels = _HistoryLabels(instance, records, m2m)

    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        kind = {"+": "created", "-": "deleted"}.get(record.history_type, "changed")
        if previous is None:
            kind = "created" if record.history_type != "-" else kind
        entry = HistoryEntry(
            history_id=record.history_id,
            date=record.history_date,
            user=record.history_user,
            kind=kind,
            reason=record.history_change_reason or "",
            current=index == 0,
        )
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=[*HISTORY_HIDDEN, *m2m_names])
            for change in delta.changes:
                entry.changes.append(labels.change(change.field, change.old, change.new))
            for name in m2m_names:
                old, new = m2m[name][previous.history_id], m2m[name][record.history_id]
                if old != new:
                    entry.changes.append(labels.change(name, old, new))
            entry.changes.sort(key=lambda c: c.label)
        entries.append(entry)
    hidden = (total - limit) if total is not None else 0
    return entries, hidden


class _HistoryLabels:
    """Human-readable values for history diffs: names for ids, labels for choices
    (related names looked up once for all versions shown)."""

    def __init__(self, instance, records, m2m):
        self.model = type(instance)
        leader_ids, country_ids = set(), set()
        for name, per_record in m2m.items():
            for ids in per_record.values():
                (country_ids if name == "country_parties" else leader_ids).update(ids)
        for record in records:
            for name in ("giver", "recipient", "merged_into"):
                if self.model is not Meeting and hasattr(record, f"{name}_id"):
                    leader_ids.add(getattr(record, f"{name}_id"))
            for name in ("host_country", "country"):
                if hasattr(record, f"{name}_id"):
                    country_ids.add(getattr(record, f"{name}_id"))
        leader_ids.discard(None)
        country_ids.discard(None)
        self.leaders = dict(Leader.objects.filter(pk__in=leader_ids).values_list("pk", "name"))
        self.countries = dict(Country.objects.filter(pk__in=country_ids).values_list("pk", "name"))

    def label(self, name: str) -> str:
        try:
            return str(self.model._meta.get_field(name).verbose_name).capitalize()
        except Exception:  # noqa: BLE001 - a field only the history knows
            return name.replace("_", " ").capitalize()

    def show(self, name: str, value) -> str:
        if value in (None, "", []):
            return "—"
        if name in ("participants", "leader_parties"):
            return ", ".join(self.leaders.get(i, f"#{i}") for i in value)
        if name == "country_parties":
            return ", ".join(self.countries.get(i, f"#{i}") for i in value)
        if name in ("giver", "recipient") or (name == "merged_into" and self.model is Leader):
            return self.leaders.get(value, f"#{value}")
        if name in ("host_country", "country"):
            return self.countries.get(value, f"#{value}")
        if name in ("meeting", "merged_into"):
            return f"Meeting #{value}"
        model_field = self.model._meta.get_field(name) if name != "history" else None
        if model_field is not None and model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    def change(self, name: str, old, new) -> Change:
        return Change(name, self.label(name), self.show(name, old), self.show(name, new))


# ---- merging duplicates -----------------------------------------------------------------


def _m2m_move(obj, field_name: str, *, old_pk: int, new_pk: int, user, reason: str) -> bool:
    """Replace ``old_pk`` with ``new_pk`` in one many-to-many field of ``obj``, as one
    historical row. Returns whether ``new_pk`` was already there."""
    manager = getattr(obj, field_name)
    already = manager.filter(pk=new_pk).exists()
    with _one_history_row(obj, user=user, reason=reason):
        manager.remove(old_pk)
        if not already:
            manager.add(new_pk)
    return already


def _m2m_unmove(obj, field_name: str, *, old_pk: int, new_pk: int, was_there: bool, user, reason):
    manager = getattr(obj, field_name)
    with _one_history_row(obj, user=user, reason=reason):
        manager.add(old_pk)
        if not was_there:
            manager.remove(new_pk)


def _merge_check(keep, merge) -> None:
    if keep.pk is None or merge.pk is None:
        raise ValidationError("Both records must be saved.")
    if keep.pk == merge.pk:
        raise ValidationError({"merge": "A record cannot be merged into itself."})
    if keep.merged_into_id:
        raise ValidationError({"keep": "This record was itself merged into another."})
    if merge.merged_into_id:
        raise ValidationError({"merge": "That record was already merged into another."})


LEADER_FILLABLE = ("title", "country")


@transaction.atomic
def leader_merge(*, keep: Leader, merge: Leader, user) -> MergeRecord:
    """``merge`` is the same person as ``keep``: move all its meetings, gifts,
    agreements, article mentions and names to ``keep`` and point it at ``keep``."""
    keep = Leader.objects.select_for_update().get(pk=keep.pk)
    merge = Leader.objects.select_for_update().get(pk=merge.pk)
    _merge_check(keep, merge)
    reason = f"Merged leader {merge.pk} into {keep.pk}"
    snap: dict = {"meetings": [], "agreements": []}

    for field_name, key, queryset in (
        ("participants", "meetings", Meeting.objects.filter(participants=merge)),
        ("leader_parties", "agreements", Agreement.objects.filter(leader_parties=merge)),
    ):
        for obj in queryset.order_by("pk"):
            was_there = _m2m_move(
                obj, field_name, old_pk=merge.pk, new_pk=keep.pk, user=user, reason=reason
            )
            snap[key].append([obj.pk, was_there])

    for role, key in (("giver", "gifts_given"), ("recipient", "gifts_received")):
        snap[key] = []
        for gift in Gift.objects.filter(**{role: merge}).order_by("pk"):
            setattr(gift, role, keep)
            _save_with_history(gift, user=user, reason=reason)
            snap[key].append(gift.pk)

    through = Article.leaders.through
    keep_articles = set(through.objects.filter(leader=keep).values_list("article_id", flat=True))
    merge_articles = sorted(
        through.objects.filter(leader=merge).values_list("article_id", flat=True)
    )
    snap["articles"] = [[a, a in keep_articles] for a in merge_articles]
    through.objects.filter(leader=merge).delete()
    through.objects.bulk_create(
        [through(article_id=a, leader=keep) for a in merge_articles if a not in keep_articles]
    )

    snap["merged_leaders"] = sorted(merge.merged.values_list("pk", flat=True))
    Leader.objects.filter(pk__in=snap["merged_leaders"]).update(merged_into=keep)

    # The person's terms in office go with them (the registry follows merges too).
    snap["offices"] = []
    for office in Office.objects.filter(leader=merge).order_by("pk"):
        office.leader = keep
        _save_with_history(office, user=user, reason=reason)
        snap["offices"].append(office.pk)

    snap["keep_before"] = _snapshot(keep, ("other_names", *LEADER_FILLABLE))
    names = set(keep.other_names) | set(merge.other_names) | {merge.name}
    keep.other_names = sorted(names - {keep.name})
    for name in LEADER_FILLABLE:
        if getattr(keep, name) in (None, "") and getattr(merge, name) not in (None, ""):
            setattr(keep, name, getattr(merge, name))
    _save_with_history(keep, user=user, reason=reason)

    snap["merge_before"] = _snapshot(merge, ("merged_into",))
    merge.merged_into = keep
    _save_with_history(merge, user=user, reason=reason)

    return MergeRecord.objects.create(
        kind=MergeKind.LEADER, keep_id=keep.pk, merged_id=merge.pk, user=user, snapshot=snap
    )


MEETING_FILLABLE = ("date", "place", "host_country", "topics")


@transaction.atomic
def meeting_merge(*, keep: Meeting, merge: Meeting, user) -> MergeRecord:
    """``merge`` is the same event as ``keep``: move its participants, evidence, gifts
    and agreements to ``keep``, fill ``keep``'s blanks from it, and mark it rejected
    and merged. ``keep`` counts as confirmed by the editor who merged."""
    keep = Meeting.objects.select_for_update().get(pk=keep.pk)
    merge = Meeting.objects.select_for_update().get(pk=merge.pk)
    _merge_check(keep, merge)
    reason = f"Merged meeting {merge.pk} into {keep.pk}"
    snap: dict = {}

    snap["evidence"] = sorted(Evidence.objects.filter(meeting=merge).values_list("pk", flat=True))
    Evidence.objects.filter(pk__in=snap["evidence"]).update(meeting=keep)
    for model, key in ((Gift, "gifts"), (Agreement, "agreements")):
        snap[key] = []
        for obj in model.objects.filter(meeting=merge).order_by("pk"):
            obj.meeting = keep
            _save_with_history(obj, user=user, reason=reason)
            snap[key].append(obj.pk)
    snap["merged_meetings"] = sorted(merge.merged.values_list("pk", flat=True))
    Meeting.objects.filter(pk__in=snap["merged_meetings"]).update(merged_into=keep)

    keep_people = set(keep.participants.values_list("pk", flat=True))
    merge_people = sorted(merge.participants.values_list("pk", flat=True))
    snap["merge_participants"] = merge_people
    snap["participants_added"] = [p for p in merge_people if p not in keep_people]
    snap["keep_before"] = _snapshot(keep, (*MEETING_FILLABLE, "review_state"))
    filled = [
        name
        for name in MEETING_FILLABLE
        if getattr(keep, name) in (None, "", []) and getattr(merge, name) not in (None, "", [])
    ]
    for name in filled:
        setattr(keep, name, getattr(merge, name))
    if keep.review_state == ReviewState.EXTRACTED:
        keep.review_state = ReviewState.CONFIRMED
    with _one_history_row(keep, user=user, reason=reason):
        keep.participants.add(*snap["participants_added"])

    snap["merge_before"] = _snapshot(merge, ("merged_into", "review_state"))
    merge.merged_into = keep
    merge.review_state = ReviewState.REJECTED
    with _one_history_row(merge, user=user, reason=reason):
        merge.participants.clear()

    return MergeRecord.objects.create(
        kind=MergeKind.MEETING, keep_id=keep.pk, merged_id=merge.pk, user=user, snapshot=snap
    )


@transaction.atomic
def merge_undo(*, record: MergeRecord, user) -> MergeRecord:
    """Put back everything a merge moved, as recorded in its snapshot."""
    record = MergeRecord.objects.select_for_update().get(pk=record.pk)
    if record.undone_at:
        raise ValidationError("This merge was already undone.")
    model = record.model
    keep = model.objects.filter(pk=record.keep_id).first()
    merge = model.objects.filter(pk=record.merged_id).first()
    if keep is None or merge is None:
        raise ValidationError("A record of this merge no longer exists.")
    if merge.merged_into_id != keep.pk:
        raise ValidationError("The merged record has changed since; undo it by hand.")
    snap = record.snapshot
    reason = f"Undid merge of {merge.pk} into {keep.pk}"
    if record.kind == MergeKind.LEADER:
        _leader_merge_undo(keep, merge, snap, user=user, reason=reason)
    else:
        _meeting_merge_undo(keep, merge, snap, user=user, reason=reason)
    record.undone_at = timezone.now()
    record.undone_by = user
    record.save(update_fields=["undone_at", "undone_by"])
    return record


def _leader_merge_undo(keep: Leader, merge: Leader, snap: dict, *, user, reason: str) -> None:
    for model, field_name, key in (
        (Meeting, "participants", "meetings"),
        (Agreement, "leader_parties", "agreements"),
    ):
        objs = model.objects.in_bulk([pk for pk, _ in snap[key]])
        for pk, was_there in snap[key]:
            if pk in objs:
                _m2m_unmove(
                    objs[pk],
                    field_name,
                    old_pk=merge.pk,
                    new_pk=keep.pk,
                    was_there=was_there,
                    user=user,
                    reason=reason,
                )
    for role, key in (("giver", "gifts_given"), ("recipient", "gifts_received")):
        for gift in Gift.objects.filter(pk__in=snap[key]).order_by("pk"):
            setattr(gift, role, merge)
            _save_with_history(gift, user=user, reason=reason)
    through = Article.leaders.through
    through.objects.bulk_create(
        [through(article_id=a, leader=merge) for a, _ in snap["articles"]],
        ignore_conflicts=True,
    )
    through.objects.filter(
        leader=keep, article_id__in=[a for a, was_there in snap["articles"] if not was_there]
    ).delete()
    Leader.objects.filter(pk__in=snap["merged_leaders"]).update(merged_into=merge)
    for office in Office.objects.filter(pk__in=snap.get("offices", ()), leader=keep):
        office.leader = merge
        _save_with_history(office, user=user, reason=reason)
    _restore(keep, snap["keep_before"])
    _save_with_history(keep, user=user, reason=reason)
    _restore(merge, snap["merge_before"])
    _save_with_history(merge, user=user, reason=reason)


def _meeting_merge_undo(keep: Meeting, merge: Meeting, snap: dict, *, user, reason: str) -> None:
    Evidence.objects.filter(pk__in=snap["evidence"], meeting=keep).update(meeting=merge)
    for model, key in ((Gift, "gifts"), (Agreement, "agreements")):
        for obj in model.objects.filter(pk__in=snap[key], meeting=keep).order_by("pk"):
            obj.meeting = merge
            _save_with_history(obj, user=user, reason=reason)
    Meeting.objects.filter(pk__in=snap["merged_meetings"]).update(merged_into=merge)
    _restore(keep, snap["keep_before"])
    with _one_history_row(keep, user=user, reason=reason):
        keep.participants.remove(*snap["participants_added"])
    _restore(merge, snap["merge_before"])
    with _one_history_row(merge, user=user, reason=reason):
        merge.participants.set(snap["merge_participants"])


# ---- the review queue -------------------------------------------------------------------


@dataclass
class QueueItem:
    kind: str  # "meeting", "gift" or "agreement"
    fact: Fact

    @property
    def confidence(self) -> float:
        return self.fact.confidence

    @property
    def evidence(self):
        """The strongest evidence row (``review_queue`` loads that one only)."""
        rows = self.fact.queue_evidence
        return rows[0] if rows else None

    @property
    def more_sources(self) -> int:
        return max(self.fact.evidence_count - 1, 0)


def review_queue(*, kinds: Iterable[str] = ("meeting", "gift", "agreement"), limit: int = 50):
    """Unreviewed facts, lowest confidence first, with what a queue row shows loaded
    (a fixed number of queries): the strongest evidence row and how many there are.
    Returns (items, total unreviewed per kind)."""
    from django.db.models import Prefetch

    from kb.queries import evidence_count

    evidence = Prefetch(
        "evidence",
        queryset=Evidence.objects.with_article_names().order_by("-confidence", "start", "id")[:1],
        to_attr="queue_evidence",
    )
    leaders = Prefetch("participants", queryset=Leader.objects.select_related("country"))
    querysets = {
        "meeting": Meeting.objects.unreviewed()
        .select_related("host_country")
        .prefetch_related(leaders, evidence),
        "gift": Gift.objects.unreviewed()
        .select_related("giver__country", "recipient__country")
        .prefetch_related(evidence),
        "agreement": Agreement.objects.unreviewed().prefetch_related(
            Prefetch("leader_parties", queryset=Leader.objects.select_related("country")),
            "country_parties",
            evidence,
        ),
    }
    items: list[QueueItem] = []
    counts = {}
    for kind in kinds:
        queryset = querysets[kind].annotate(evidence_count=evidence_count(link=kind))
        counts[kind] = queryset.model.objects.unreviewed().count()
        facts = queryset.order_by("confidence", "id")[:limit]
        items.extend(QueueItem(kind, fact) for fact in facts)
    items.sort(key=lambda item: (item.confidence, item.kind, item.fact.pk))
    return items[:limit], counts
