"""The builder behind `people.build_people`: it registers each person named (fullest
name, title, country, registry person), and maps to persons the descriptions ("the
Russian president", "his host"), pronouns and plural references of the article."""

from __future__ import annotations

from gazetteer import geo

from .descriptions import by_description
from .lexicon import REGNAL, ROLE_NOUNS, TITLE_HEADS, TITLE_STATES
from .names import (
    country_before,
    listed_country,
    of_country_title,
    prefixes_of,
    relation_owner,
    title_before,
    title_of_noun,
    words_of,
)
from .person_match import (
    NOT_INCUMBENT,
    SPOUSE_TITLES,
    compatible,
    coordinated_title_start,
    joins,
    same_surname_in_office,
    shared_plural_title,
    untitled,
)
from .person_rules import (
    _RELATIONS,
    OFFICE_HOLDER,
    _appositive_nouns,
    _is_subject,
    _predicate_subject,
    _singular,
)
from .persons import People, Person
from .plurals import resolve_plural
from .text import kids, span_text, tokens_between


class _Builder:
    """The single pass that fills `People`; short methods, one per mention kind."""

    def __init__(self, idx):
        self.idx = idx
        self.doc = idx.doc
        self.people = People()
        self.recent_group: tuple = ()
        self.recent_pair: tuple = ((), -99)  # (pair of pids, sentence number)
        self.delegation: tuple = ((), -99)  # (member pids, sentence last told of)
        self.delegation_subject: int = -99  # the sentence the delegation was last a subject of
        self.subject_group: tuple = ((), -99)  # (3+ persons a verb had as subject, sentence)
        self.joiners: list = []  # ('join' verb, delegation members, sentence) to add after
        self.partners: dict = {}  # pid -> the person last linked to it as subject/object
        self.covered: set = set()
        self.deferred: list = []
        self.weak: set = set()
        self.all_deferred: list = []
        self.prefixes = prefixes_of(idx)  # honorific and rank tokens before names

    # -- registry -----------------------------------------------------------
    def _match(self, words: list, name: str = "") -> list:
        wanted = set(words)
        if not wanted:
            return []
        return [p for p in self.people.persons if joins(name, words, p.words)]

    def _register(
        self, name: str, start: int, end: int, conf: float, title=None, rule: str = ""
    ) -> int:
        words = words_of(name)
        plural = len(words) == 1 and words[0].endswith("s") and not self._match(words)
        if plural:
            family = [
                p.pid for p in self.people.persons if p.words and p.words[-1] == words[0][:-1]
            ]
            if family:
                for i in range(start, end):
                    self.people.groups[i] = tuple(family)
                self._seen(family[0], start)
                return -1
        matches = [p for p in self._match(words, name) if compatible(p, words, title)]
        if matches:
            # a surname both a leader and a spouse share means the titled one, then the first
            person = min(matches, key=lambda p: (len(matches) > 1 and not p.title, p.first_i))
        else:
            wider = [
                p
                for p in self.people.persons
                if joins(p.name, p.words, words) and compatible(p, words, title)
            ]
            person = wider[0] if wider else self._same_registry_person(name)
            if person is None:
                person = Person(len(self.people.persons), name, first_i=start, named_by=rule)
                self.people.persons.append(person)
            elif len(words) > len(person.words):
                person.aliases.add(person.name)
                person.name = name
        if not person.written and len(words) > 1:
            # 'Ukraine's president' took the registry's spelling; the article's own
            # full name, written later ('Volodymyr Zelensky'), is the one it gives
            person.aliases.add(person.name)
            person.name = name
            person.written = True
        if name != person.name:
            person.aliases.add(name)
        for i in range(start, end):
            self.people.by_tok[i] = person.pid
            self.people.conf[i] = conf
        self._seen(person.pid, start)
        return person.pid

    def _same_registry_person(self, name: str):
        """A person already named whom the registry says this other name also denotes
        ('Jokowi' after 'Joko Widodo'), else None."""
        registry = self.idx.registry
        keyed = [p for p in self.people.persons if p.registry_key]
        if not registry or not keyed:
            return None
        found = registry.person_for([name, *untitled(name)], self.idx.published)
        if found is None:
            return None
        return next((p for p in keyed if p.registry_key == found.key and not p.org), None)

    def _seen(self, pid: int, i: int) -> None:
        person = self.people.persons[pid]
        person.count += 1
        person.last_i = i
        self.people.order.append((i, pid))
        tok = self.doc[i]
        sent_no = self.idx.sent_of[i]
        if sent_no not in self.people.subjects and _is_subject(tok):
            self.people.subjects[sent_no] = pid

    # -- names ----------------------------------------------------------------
    def name(self, start: int, end: int, confidence: float, rule: str) -> None:
        """A name the rule (`names.NAME_RULES`, by its name) found at [start, end)."""
        doc = self.doc
        lead = start  # before the honorifics and ranks: 'Omani President [Sheikh] Salim'
        while lead > 0 and lead - 1 in self.prefixes:
            lead -= 1
        title, title_start = title_before(doc, lead, self.idx)
        name_start = start
        if title and title.lower() in REGNAL and end - start <= 3:
            name_start = title_start
        name = span_text(doc, name_start, end).replace("’", "'")
        spouse = " ".join(t.lower_ for t in tokens_between(doc, max(start - 2, 0), start))
        # 'First Lady Ana Lee': "Lady" reads as an honorific, so no title is found before it
        pid = self._register(
            name, start, end, confidence, spouse if spouse in SPOUSE_TITLES else title, rule
        )
        if pid < 0:
            return
        person = self.people.persons[pid]
        shared_start = None
        if not title:
            title, shared_start = shared_plural_title(doc, lead, self.covered, self.idx)
        if title and not person.title:
            person.title = _singular(title)
        self._set_country(person, TITLE_STATES.get((title or "").lower()), None)
        if shared_start is not None:  # "Kenyan ministers A and [B]": the list's country
            country, org = country_before(doc, shared_start, self.idx)
        else:
            country, org = country_before(doc, title_start if title else lead, self.idx)
        if title and shared_start is None and not country and not org:
            # "Chinese State Councilor and Foreign Minister X": the demonym serves both titles
            country, org = country_before(doc, coordinated_title_start(doc, title_start), self.idx)
        self._set_country(person, country, org)
        # "A of Germany, B of Nigeria": B's own "of" phrase, not the one listed before B
        self._set_country(person, _own_of_country(doc, end), None)
        listed, plural_title = listed_country(doc, lead)
        self._set_country(person, listed, None)
        if plural_title and not person.title:
            person.title = plural_title
        self._apposition(person, title_start if title else lead, end, start)
        if not title:
            self._of_country_title(person, lead)
        if lead > 0 and doc[lead - 1].lower_ in ROLE_NOUNS:
            # "met her Ecuadorian counterpart X": the noun the verb takes is X
            self.people.by_tok.setdefault(lead - 1, person.pid)
        self.from_registry(person)

    def _of_country_title(self, person: Person, lead: int) -> None:
        """'held talks with the Defence Minister of Kazakhstan Aidos Serikov': the title
        and country before the name, and the title noun refers to them."""
        noun, code = of_country_title(self.doc, lead)
        if noun is None:
            return
        title = title_of_noun(noun).title
        if title and not person.title:
            person.title = _singular(title)
        self._set_country(person, code, None)
        self.people.by_tok.setdefault(noun.i, person.pid)

    def from_registry(self, person: Person) -> None:
        """Who the registry says this is on the article's date: their registry key and the
        country of their office then. The country becomes the person's only once the whole
        article has been read, and only if the article gave none (its own words win); until
        then it serves descriptions ('the Indian prime minister') alone, so that the
        article's cues, not the registry, decide who its pronouns and plurals mean."""
        registry = self.idx.registry
        if not registry or person.org or person.registry_key:
            return
        day = self.idx.published
        names = [person.name, *sorted(person.aliases)]
        names += [u for n in names for u in untitled(n)]
        found = registry.person_for(names, day, person.country)
        if found is None and len(person.words) == 1:
            found = registry.person_by_surname(person.words[0], day, person.country)
        if found is None and len(person.words) > 1:
            found = same_surname_in_office(registry, person, day)
        if found is None:
            return
        person.registry_key = found.key
        term = found.term_on(day)
        person.registry_country = term.country if term is not None else None

    def _apposition(self, person: Person, start: int, end: int, name_start=None) -> None:
        """'North Korea's leader, Kim Jong Un' / 'Cyril Ramaphosa, the South African president'."""
        for noun in _appositive_nouns(self.doc, start, end, name_start, self.covered):
            if self.people.pids(noun) and self.people.pids(noun) != (person.pid,):
                continue
            if noun.i > end and self._names_the_next(noun):
                continue  # "by X, his wife, Y": the wife is Y, not X
            if noun.lower_ in ROLE_NOUNS:
                owner = relation_owner(noun, self)
                if owner is not None and not person.title:
                    person.title = self.people.persons[owner].title
            said = title_of_noun(noun)
            title, country, org = said.title, said.country, said.org
            # "Prince X, the king's son and deputy crown prince": the office over the rank
            if title and (not person.title or person.title.lower() in ("prince", "princess")):
                person.title = _singular(title)
            self._set_country(person, country, org)
            if title or noun.lower_ in ROLE_NOUNS:
                self.people.by_tok.setdefault(noun.i, person.pid)
            self._relation(person, noun)
        self._set_country(person, _own_of_country(self.doc, end), None)

    def _names_the_next(self, noun) -> bool:
        """Whether a noun after a name is set off by a comma before another name."""
        doc, after = self.doc, noun.i + 1
        while after < len(doc) and doc[after].dep_ == "prep" and doc[after].head == noun:
            after = doc[after].right_edge.i + 1  # "his envoy to Paris, Y"
        if after >= len(doc) or doc[after].text != ",":
            return False
        after += 1
        while after in self.prefixes:
            after += 1
        return after in self.covered

    def _relation(self, person: Person, noun) -> None:
        """'his successor Roh Moo-hyun', 'his wife, Melania', 'his premier, Zhou': inherit
        the owner's country (not for 'his host/counterpart', who is the other side)."""
        if noun.lower_ not in _RELATIONS and noun.lower_ not in TITLE_HEADS:
            return
        owner = relation_owner(noun, self)
        if owner is not None and owner != person.pid:
            self._set_country(person, self.people.persons[owner].country, None)

    def _set_country(self, person: Person, country, org) -> None:
        if org and not person.country and not person.org:
            person.org = org
        if country and not person.country and not person.org:
            person.country = country

    # -- descriptions, pronouns, plurals ---------------------------------------
    def description(self, tok) -> None:
        said = title_of_noun(tok)
        title, country, org = said.title, said.country, said.org
        subject = _predicate_subject(tok)
        if subject is not None and self.people.pids(subject):
            pid = self.people.pids(subject)[0]
            conf = 0.8
        elif tok.lower_ in ROLE_NOUNS:
            pid, conf = self._role(tok), 0.7
        else:
            pid, conf = by_description(self, tok, title, country, org), 0.7
            if pid is None and tok not in self.deferred:
                pid, conf = self._office_holder(tok, title, country), 0.6
        if pid is None:
            return
        person = self.people.persons[pid]
        if title and not person.title and tok.lower_ not in ROLE_NOUNS:
            person.title = _singular(title)
        if pid not in self.weak or not person.country:
            self._set_country(person, country, org)
            if pid in self.weak and country:
                self.people.weak_country.add(pid)
        if tok.lower_ not in ROLE_NOUNS and not country and not org:
            # "his premier", "Mao's foreign minister": the office-holder serves the owner's state.
            owner = relation_owner(tok, self)
            if owner is not None and owner != pid:
                self._set_country(person, self.people.persons[owner].country, None)
        self.people.by_tok[tok.i] = pid
        self.people.conf[tok.i] = conf
        self._seen(pid, tok.i)

    def _office_holder(self, tok, title, country):
        """'the Indian prime minister' naming nobody the article has named: the person the
        registry says held that office of that country on the article's date. Not for a
        'former' or 'late' office-holder, whom the date does not identify."""
        registry = self.idx.registry
        if not registry or not title or not country:
            return None
        if any(c.lower_ in NOT_INCUMBENT for c in kids(tok) if c.i < tok.i):
            return None
        key = registry.holder_titled(country, _singular(title), self.idx.published)
        if key is None:
            return None
        for person in self.people.persons:
            if person.registry_key == key:
                return person.pid
        found = registry.person(key)
        term = found.term_on(self.idx.published)
        person = Person(
            len(self.people.persons),
            found.name,
            first_i=tok.i,
            registry_key=key,
            written=False,
            named_by=OFFICE_HOLDER.name,
        )
        person.country = term.country if term else country
        person.title = term.title if term else None
        self.people.persons.append(person)
        return person.pid

    def _role(self, tok):
        owner = relation_owner(tok, self)
        if owner is not None and owner in self.partners:
            # "X held talks with Y. Y had received Z ... X presented his host with": the one
            # X was last linked with, not whoever was named last
            return self.partners[owner]
        others = [p for p in self._recent(tok.i) if p != owner]
        if owner is not None:
            own = self.people.persons[owner].country
            foreign = [p for p in others if not own or self.people.persons[p].country != own]
            others = foreign or others
        return others[0] if others else None

    def _recent(self, before: int) -> list:
        """Persons seen before a token, most recent first."""
        seen, out = set(), []
        for i, pid in reversed(self.people.order):
            if i < before and pid not in seen:
                seen.add(pid)
                out.append(pid)
        return out

    def pronoun(self, tok) -> None:
        pid = self.resolve_pronoun(tok)
        if pid is not None:
            self.people.by_tok[tok.i] = pid
            self.people.conf[tok.i] = 0.7
            self._seen(pid, tok.i)

    def resolve_pronoun(self, tok):
        """He/his/she/her: the subject before it in its sentence, else the last sentence
        subject, else the most recent person."""
        if tok.i in self.people.by_tok:
            return self.people.by_tok[tok.i]
        sent_no = self.idx.sent_of[tok.i]
        subject = self.people.subjects.get(sent_no)
        if subject is not None and self.people.persons[subject].last_i < tok.i:
            return subject
        for back in range(sent_no - 1, max(-1, sent_no - 3), -1):
            if back in self.people.subjects:
                return self.people.subjects[back]
        recent = self._recent(tok.i)
        return recent[0] if recent else None

    def plural(self, tok, n: int | None) -> None:
        pids = resolve_plural(self, tok, n)
        if len(pids) >= 2:
            self.people.groups[tok.i] = pids
            self.people.conf[tok.i] = 0.7

    def retry_deferred(self, all_pending: bool = False) -> None:
        """Resolve descriptions that were ambiguous when read, now that more is known."""
        pending = self.all_deferred if all_pending else self.deferred
        self.all_deferred += [t for t in self.deferred if t not in self.all_deferred]
        self.deferred = []
        for tok in pending:
            if tok.i not in self.people.by_tok:
                self.description(tok)
        self.deferred = []

    def group(self, pids: list) -> None:
        if len(pids) >= 3:
            self.recent_group = tuple(pids)
        elif len(pids) == 2:
            self.recent_pair = (tuple(pids), self.idx.sent_of[self.people.order[-1][0]])


def _own_of_country(doc, end):
    """The country of an 'of' phrase right after a name ('B of South Africa', 'C of the
    Netherlands'), or None."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    for obj in (c for c in kids(doc[end]) if c.dep_ == "pobj"):
        words = [t for t in doc[obj.left_edge.i : obj.i + 1] if t.dep_ != "det"]
        code = words and geo.country_for(doc[words[0].i : obj.i + 1].text)
        if code:
            return code
    return geo.country_for(doc[end + 1].text)
