"""Train the held-meeting classifier: spaCy's text classifier on a blank English
pipeline (its own tokenizer, no vectors, no download), CPU only, fixed seed.

The model is spaCy's ensemble of a small CNN over hashed word features and a
bag-of-words of unigrams and bigrams (both much smaller than spaCy's defaults, so the
saved model stays near 2 MB); the training sentences are read lower-cased through
:func:`ingest.extract.classifier.features`, as the extractor will read them.
"""

from __future__ import annotations

import random
from pathlib import Path

from ingest.extract.classifier import features

from .meeting_data import HELD, LABELS

BOW_LENGTH = 2**16
EMBED_ROWS = [2000, 1000, 500, 500]
WIDTH = 48


def model_config(arch: str = "bow") -> dict:
    bow = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "length": BOW_LENGTH,
        "ngram_size": 2,
        "no_output_layer": False,
    }
    if arch == "bow":
        return bow
    if arch != "ensemble":
        raise ValueError(f"unknown architecture {arch!r}")
    return {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "linear_model": bow,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": WIDTH,
                "rows": EMBED_ROWS,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": WIDTH,
                "window_size": 1,
                "maxout_pieces": 3,
                "depth": 2,
            },
        },
    }


def train(
    data: list,
    out: Path | str | None = None,
    *,
    seed: int = 0,
    epochs: int = 8,
    arch: str = "bow",
    log=None,
):
    """Train on [(text, label)] and return the pipeline; save it to ``out`` when given.
    The same data, seed and arch give the same weights (one thread, fixed order)."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": model_config(arch), "threshold": 0.5})
    for label in LABELS:
        textcat.add_label(label)
    examples = [
        Example.from_dict(
            nlp.make_doc(features(text)), {"cats": {lab: float(lab == label) for lab in LABELS}}
        )
        for text, label in data
    ]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    order = list(examples)
    for epoch in range(epochs):
        rng.shuffle(order)
        losses: dict = {}
        for batch in minibatch(order, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        if log is not None:
            log(f"epoch {epoch + 1}/{epochs}: loss {losses.get('textcat', 0.0):.3f}")
    nlp.meta.update(
        name="summitry_meeting_clf",
        version="1.0.0",
        description="Does a sentence report a meeting that was held? (ingest.training)",
        labels={"textcat": list(LABELS)},
    )
    if out is not None:
        nlp.to_disk(out)
    return nlp


def accuracy(nlp, data: list) -> float:
    """Share of [(text, label)] the pipeline labels right."""
    if not data:
        return 1.0
    right = 0
    for doc, (_, label) in zip(nlp.pipe(features(t) for t, _ in data), data, strict=True):
        right += (doc.cats[HELD] >= 0.5) == (label == HELD)
    return right / len(data)
