"""A greeting that is part of another meeting: told in one of its sentences or in a photo
caption of it, among some of its participants, on its day.  Used by meeting_events.
"""

from __future__ import annotations

from .meeting_visits import CEREMONY_LEMMAS
from .text import sent_of, span_tokens


def _absorb_parts(meetings) -> list:
    """A greeting among some of another meeting's participants, on its day and told in one
    of its sentences ("X greeted the pope on the tarmac and stood beside the two men as they
    signed"), is part of that meeting, not a second one: its evidence joins the whole."""
    parts = set()
    for meeting in sorted(meetings, key=lambda m: len(m.participants)):
        if not _ceremony(meeting):
            continue  # only a greeting can be part of another meeting
        whole = next(
            (
                o
                for o in meetings
                if o is not meeting and id(o) not in parts and _part_of(meeting, o)
            ),
            None,
        )
        if whole is not None:  # smaller first, so a whole absorbed later carries these along
            whole.mentions.extend(meeting.mentions)
            parts.add(id(meeting))
    return [m for m in meetings if id(m) not in parts]


def _ceremony(meeting) -> bool:
    return all(m.trigger.lemma_.lower() in CEREMONY_LEMMAS for m in meeting.mentions)


def _part_of(meeting, other) -> bool:
    """Cheap tests first: this runs for every pair of meetings.  A greeting told in a photo
    caption ('A shakes hands with B as C looks on ... PTI') is part of the meeting it
    pictures wherever the caption stands."""
    return (
        _ceremony(meeting)
        and meeting.date is not None
        and other.date == meeting.date
        and meeting.host in (None, other.host)
        and set(meeting.participants) <= set(other.participants)  # onlookers may fill it
        and (
            bool(_sentences(meeting) & _sentences(other))
            or all(_caption(m.trigger) for m in meeting.mentions)
        )
    )


# Picture agencies that sign a caption: "... in New Delhi. PTI", "... in Kathmandu. — AFP".
CAPTION_CREDITS = set(
    "AFP AP PTI ANI IANS Reuters REUTERS Xinhua EPA UNB Bernama AA Getty Images Pool Photo photo "
    "pic".split()
)
PICTURE_PLACES = {"L", "R", "C", "left", "right", "centre", "center"}


def _caption(tok) -> bool:
    """A trigger in a photo caption: a ceremony told in the present tense ('shakes hands'),
    a sentence signed by a picture agency, or one placing people in the picture ('(L)')."""
    if tok.tag_ in ("VBZ", "VBP") and tok.lemma_.lower() in CEREMONY_LEMMAS:
        return True
    sent = sent_of(tok)
    words = [t for t in span_tokens(sent) if not t.is_punct and not t.is_space]
    if words and words[-1].text in CAPTION_CREDITS:
        before = sent.doc[words[-1].i - 1] if words[-1].i > 0 else None
        if before is not None and (before.is_punct or before.text in CAPTION_CREDITS):
            return True
    doc = sent.doc
    nxt = next((t for t in doc[sent.end : sent.end + 3] if not t.is_space), None)
    if nxt is not None and nxt.text in CAPTION_CREDITS:
        rest = [t for t in span_tokens(sent_of(nxt)) if not (t.is_punct or t.is_space)]
        if [t.text for t in rest] == [nxt.text]:
            return True  # the credit parsed as a sentence of its own ("... Windhoek. PTI")
    return any(
        t.text in PICTURE_PLACES and t.i > 0 and doc[t.i - 1].text == "(" for t in span_tokens(sent)
    )


def _sentences(meeting) -> set[int]:
    return {sent_of(m.trigger).start for m in meeting.mentions}
