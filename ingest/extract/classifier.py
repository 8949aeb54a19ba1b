"""A statistical second opinion on meetings: does the sentence a meeting was found in
report that it was held?

The rules find meeting candidates and drop plans, negations and conflict by their own
tests.  The held-meeting classifier (spaCy's text classifier, trained by
``manage.py train_meeting_classifier`` on sentences the project writes, shipped in
``ingest/meeting_clf``) reads each candidate's sentences; the setting
``SUMMITRY_MEETING_MODEL`` (passed in by the ingest app; the environment variable of that
name outside Django) says what it may do:

* ``"rules"`` (the default): the model is not loaded; the rules alone decide;
* ``"model"``: a filter -- a meeting none of whose sentences the model reads as held
  (probability under FILTER_THRESHOLD) is dropped;
* ``"both"``: the rules decide, the model only vetoes a meeting it is sure of
  (every sentence under VETO_THRESHOLD), and scales each mention's confidence by its
  sentence's probability.

The model is read once per process from the package; nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

MODES = ("rules", "model", "both")
DEFAULT_MODE = "rules"
SETTING = "SUMMITRY_MEETING_MODEL"
MODEL_DIR = Path(__file__).resolve().parent.parent / "meeting_clf"
HELD = "HELD"
FILTER_THRESHOLD = 0.5
VETO_THRESHOLD = 0.1

_lock = threading.Lock()
_models: dict = {}
_SPACES = re.compile(r"\s+")


def features(text: str) -> str:
    """The text the classifier reads, in training and in use: lower-cased, one space."""
    return _SPACES.sub(" ", text).strip().lower()


_configured: str | None = None


def configure(mode: str | None) -> None:
    """Set the mode; the Django app passes its setting in at start and when a test
    changes it (the extractor itself never imports Django)."""
    global _configured
    _configured = mode


def current_mode() -> str:
    """The configured mode, else the environment's; ValueError for an unknown one."""
    mode = (_configured or os.environ.get(SETTING) or DEFAULT_MODE).strip().lower()
    if mode not in MODES:
        raise ValueError(f"{SETTING} must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def load(path: Path | str = MODEL_DIR):
    """The classifier pipeline at ``path``, loaded once per process."""
    key = str(path)
    with _lock:
        if key not in _models:
            import spacy

            _models[key] = spacy.load(path)
        return _models[key]


def held_probabilities(texts, path: Path | str = MODEL_DIR) -> list[float]:
    """P(held) for each sentence text."""
    nlp = load(path)
    return [doc.cats[HELD] for doc in nlp.pipe(features(t) for t in texts)]


def screen(idx, meetings: list, mode: str | None = None, path: Path | str = MODEL_DIR) -> list:
    """The meetings the configured mode keeps (see the module's doc), in order."""
    mode = mode or current_mode()
    if mode == "rules" or not meetings:
        return meetings
    text = idx.cache.get("classifier.text")
    if text is None:
        from .text import doc_text

        text = idx.cache["classifier.text"] = doc_text(idx.doc)
    numbers = sorted({idx.sent_of[m.trigger.i] for g in meetings for m in g.mentions})
    sents = [idx.sents[n] for n in numbers]
    probs = held_probabilities([text[s.start_char : s.end_char] for s in sents], path)
    prob_of = dict(zip(numbers, probs, strict=True))
    threshold = FILTER_THRESHOLD if mode == "model" else VETO_THRESHOLD
    kept = []
    for meeting in meetings:
        mine = [prob_of[idx.sent_of[m.trigger.i]] for m in meeting.mentions]
        if mine and max(mine) < threshold:
            continue
        if mode == "both":
            for m, p in zip(meeting.mentions, mine, strict=True):
                m.confidence = round(m.confidence * (0.5 + 0.5 * p), 3)
        kept.append(meeting)
    return kept
