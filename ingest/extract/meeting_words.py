"""The words of meeting mentions: trigger verbs and nouns, the verbs of hosting, joint
acts, ceremonies, meals, gatherings and attendance, and the prepositions of an event and
of company.  Read by meetings and meeting_nouns."""

from __future__ import annotations

VERB_TRIGGERS = {
    "meet",
    "host",
    "receive",
    "welcome",
    "greet",
    "visit",
    "talk",
    "speak",
    "phone",
    "call",
    "join",
    "sit",
    "shake",
    "sign",
    "embrace",
    "see",
    "spend",
    "hold",
    "have",
    "confer",
    "discuss",
    "dine",
    "lunch",
    "breakfast",
    "dial",
    "telephone",
    "ring",
    "play",
    "gather",
    "convene",
    "assemble",
    "oversee",
    "witness",
    "toast",
    "open",
    "inaugurate",
    "unveil",
    "tour",
    "lay",
    "plant",
    "stand",
    "walk",
    "inspect",
    *("cut", "turn", "press", "light"),
}
# "A and B oversaw the signing": leaders doing something together, in person.
JOINT_VERBS = {"oversee", "witness"}
# "where A, B and C turned a valve together", "cut the ribbon together": a ceremony only
# when told as done together (see meeting_checks._done_together).
CEREMONIAL_VERBS = ("cut", "turn", "press", "light")
# "A and B opened a plant in X", "stood side by side at X": leaders doing something
# together, told with a place or as done together; 'stand' and 'walk' need the latter.
TOGETHER_VERBS = {"open", "inaugurate", "unveil", "tour", "lay", "plant", "stand", "walk",
                  "inspect", *CEREMONIAL_VERBS}  # fmt: skip
MEAL_VERBS = {"dine", "lunch", "breakfast"}
NOUN_TRIGGERS = {
    "talks",
    "meeting",
    "summit",
    "visit",
    "trip",
    "journey",
    "call",
    "conversation",
    "discussions",
    "discussion",
    "encounter",
    "interactions",
    "session",
    "sessions",
    "negotiations",
    "summitry",
    "meetings",
}
HOST_VERBS = {"host", "receive", "welcome", "greet"}
STRONG_HOST_VERBS = {"host", "receive", "welcome", "visit"}  # a greeter may be the guest
# "during the talks", "after their meeting", "began with a session": the clause's people met.
EVENT_PREPS = {
    "in",
    "during",
    "after",
    "at",
    "with",
    "following",
    "throughout",
    "from",
    "out",
    "for",
}
FLAT_VERBS = {"meet", "host", "receive", "welcome", "visit", "phone", "call", "dial", "telephone"}
# "X received a call from Y", "X paid a visit to Y", "Y chaired a summit": the clause's
# subject takes part in the event noun its verb governs.
EVENT_DOER_VERBS = {"pay", "make", "receive", "take", "get", "chair", "convene", "attend"}
# "preparations for talks with Y", "a push for talks": talks not (yet) held.
PLAN_NOUNS = {"preparation", "plan", "hope", "call", "demand", "proposal", "push", "appeal",
              "request", "bid", "groundwork", "condition", "precondition", "pressure"}  # fmt: skip
# "X began talks with Y", "resumed their talks": the subject takes part in the talks.
PHASE_VERBS = {"begin", "start", "open", "resume", "conclude", "continue", "wrap"}
# "the summit brought together A, B and C": the event noun's verb gathers the objects.
GATHER_VERBS = {"bring", "gather", "draw", "assemble", "unite"}
ATTEND_VERBS = {"attend", "join"}
CONVENE_VERBS = {"host", "chair", "convene", "organise", "organize", "call"}
# "Leaders including A, B and C gathered in X": the persons of the subject met.
GATHERING_VERBS = {"gather", "convene", "assemble"}
COMPANY_PREPS = ("with", "alongside", "beside")
