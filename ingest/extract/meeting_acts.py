"""Meetings told by an act one leader does to another in person, with no meeting word.

- A welcome ceremony given: "X gave Y a ceremonial welcome", "accorded Y a red-carpet
  welcome", "Y was given a guard of honour by X", "Y received a warm welcome from X",
  "X rolled out the red carpet for Y".  The giver is the host; the ceremony is a visit.
  A welcome given to a thing ("gave a warm welcome to the decision"), a figurative one
  ("a warm welcome to the alliance") or one sent ("in a letter") is no meeting.
- Words said to a leader within a round of meetings: "X held a string of meetings with
  regional leaders. He told King Y that ..." (telling alone, "told reporters", "told Y
  in a letter", is no meeting; "told Y by phone" is a call).
- A text handed over in person at a named place: "X handed a revised draft to Y in Z".

Each act is judged on its own verb (see meeting_events.find_mentions); the rules are in
`meeting_welcomes`, `meeting_tellings` and `meeting_handovers`.
"""

from .meeting_handovers import handed_in_person
from .meeting_tellings import first_telling, place_rounds, told_in_meetings
from .meeting_welcomes import welcome_given

__all__ = ["act_mention", "first_telling", "place_rounds"]


def act_mention(idx, people, tok, published):
    """A meeting told by an act done to a leader in person (module docstring)."""
    return (
        welcome_given(idx, people, tok, published)
        or told_in_meetings(idx, people, tok, published)
        or handed_in_person(idx, people, tok, published)
    )
