"""Leader-name capabilities: royal styles and Arabic name particles, offices named by a
department, and words that name a thing, not a person (issue 11).

The styled people and the office-holders are invented (the registry cannot know them),
so the article's own words must give their name and country; their counterparts are
real leaders from the registry.
"""

from __future__ import annotations

from .base import Draft, capability, date_phrase, sentence, simple, two_leaders
from .expectations import LeaderCountry, Meeting, NoLeader
from .fillers import STATES_BY_CODE

# Monarchies whose rulers and princes news writes with a style and an Arabic nasab.
MONARCHIES = ("QA", "KW", "BH", "AE", "OM", "SA", "JO")
GIVEN = ("Faisal", "Tariq", "Nasser", "Khalid", "Hamdan", "Sultan", "Rashid", "Saif")
FATHERS = ("Hamad", "Ahmed", "Zayed", "Turki", "Isa", "Saud", "Mahmoud", "Talal")
FAMILIES = ("Al Nuaimi", "Al Harbi", "Al Mansoori", "Al-Qasimi", "Al Shamsi", "Al Marri")
STYLES = (
    "Emir Sheikh",
    "Emir",
    "Crown Prince",
    "His Highness Sheikh",
    "His Royal Highness Prince",
    "Crown Prince Sheikh",
    "Deputy Prime Minister Sheikh",
)
# Styles written alone, never after a demonym ("Saudi His Highness" is no English).
_BARE_STYLES = ("His ",)


def _royal(rng) -> tuple[str, str, str]:
    """An invented royal: (full name, given name, given name + nasab)."""
    given, father = rng.choice(GIVEN), rng.choice(FATHERS)
    particle = rng.choice(("bin", "bin", "ibn"))
    short = f"{given} {particle} {father}"
    return f"{short} {rng.choice(FAMILIES)}", given, short


def _royal_case(fillers, rng):
    published, _, b = two_leaders(fillers, rng)
    code = rng.choice([c for c in MONARCHIES if c != b.country])
    state = STATES_BY_CODE[code]
    name, given, short = _royal(rng)
    style = rng.choice(STYLES)
    return published, b, state, name, given, short, style


@capability("leader.royal_style", twin="leader.royal_style_one_person")
def royal_style(fillers, rng):
    """Qatari Emir Sheikh X bin Y Al Z met B: the leader is X bin Y Al Z, without the style."""
    published, b, state, name, _, _, style = _royal_case(fillers, rng)
    when, _ = date_phrase(rng, published)
    forms = [f"{style} {name} of {state.name}"]
    if not style.startswith(_BARE_STYLES):
        forms.append(f"{state.demonym} {style} {name}")
    a_text = rng.choice(forms)
    pattern = rng.choice(
        (
            "{A} met {B} in {place} {when}.",
            "{A} received {B} in {place} {when}.",
            "{B} held talks with {A} in {place} {when}.",
        )
    )
    text = pattern.format(A=a_text, B=simple(rng, b), place=state.capital, when=when)
    expected = (LeaderCountry(name, state.code), Meeting((name, b.name)))
    return Draft(sentence(text), published, expected, (b,))


@capability("leader.royal_style_one_person", twin="leader.royal_style", negative=True)
def royal_style_one_person(fillers, rng):
    """Emir Sheikh X ... later Sheikh X / X bin Y: one leader, no styled or short double."""
    published, b, state, name, given, short, style = _royal_case(fillers, rng)
    when, _ = date_phrase(rng, published)
    later = rng.choice((f"Sheikh {given}", short, f"Sheikh {short}"))
    text = (
        f"{style} {name} of {state.name} met {simple(rng, b)} in {state.capital} {when}. "
        f"{later} said the talks had gone well."
    )
    styled = f"{style.split()[-1]} {name}"
    expected = (NoLeader(f"{style} {name}"), NoLeader(styled), NoLeader(later))
    if later != short:
        expected += (NoLeader(short),)
    return Draft(sentence(text), published, expected, (b,))


# Invented ministers and secretaries (the registry holds heads of state and government).
OFFICIALS = ("Marek Dvorsky", "Helena Sorvik", "Tomas Albrecht", "Irina Karimova", "Ivo Ranic")
DEPARTMENT_TITLES = (
    "Secretary of Defense",
    "Secretary of State",
    "Secretary of Commerce",
    "Minister of Foreign Affairs",
    "Minister of Foreign Affairs and Trade",
    "Minister of Finance",
    "Home Minister",
    "Interior Minister",
    "Trade Minister",
    "Commerce Secretary",
)


@capability("leader.department_title", twin="leader.department_not_person")
def department_title(fillers, rng):
    """US Secretary of Defense X met B: X is the leader, with the country before the title."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    x = rng.choice(OFFICIALS)
    title = rng.choice(DEPARTMENT_TITLES)
    state = STATES_BY_CODE[a.country]
    x_text = rng.choice((f"{a.demonym} {title} {x}", f"{a.possessive_country()} {title} {x}"))
    pattern = rng.choice(
        (
            "{X} met {B} in {place} {when}.",
            "{X} held talks with {B} in {place} {when}.",
            "{B} received {X} in {place} {when}.",
        )
    )
    text = pattern.format(X=x_text, B=simple(rng, b), place=b.capital, when=when)
    expected = (LeaderCountry(x, state.code), Meeting((x, b.name)))
    return Draft(sentence(text), published, expected, (b,))


DEPARTMENTS = (
    ("the Ministry of Foreign Affairs and Trade", "Trade"),
    ("the Department of Defense", "Defense"),
    ("the Ministry of Home Affairs", "Home Affairs"),
    ("the Department of State", "State"),
    ("the Ministry of Finance", "Finance"),
)


@capability("leader.department_not_person", twin="leader.department_title", negative=True)
def department_not_person(fillers, rng):
    """A statement by the Ministry of Foreign Affairs and Trade: no leader from its words."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    body, word = rng.choice(DEPARTMENTS)
    text = f"{body[:1].upper()}{body[1:]} said {a.name} met {simple(rng, b)} in {b.capital} {when}."
    expected = (NoLeader(word), NoLeader(f"{word} {a.name}"), NoLeader(body.removeprefix("the ")))
    return Draft(sentence(text), published, expected, (a, b))


# Invented names of rivers, breeds and projects, written as news writes a thing's name.
THING_NAMES = ("Kaveri", "Marsa", "Tolvana", "Ibaru", "Selwen", "Kenoma", "Dravina")
THINGS = (
    "They discussed sharing the waters of the {W} river.",
    "The {W} water deal was not signed.",
    "{A} gave {B} two {W} hunting dogs.",
    "{A} already keeps a {W} named Bora.",
    "The {W} pair will live at the presidential residence.",
)


@capability("leader.thing_name", twin="leader.surname_modifier", negative=True)
def thing_name(fillers, rng):
    """A met B. The W river / two W dogs: W names a thing, never a leader."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    word = rng.choice(THING_NAMES)
    first = f"{simple(rng, a)} met {simple(rng, b)} in {b.capital} {when}."
    second = rng.choice(THINGS).format(W=word, A=a.surname, B=b.surname)
    text = f"{sentence(first)} {sentence(second)}"
    return Draft(text, published, (NoLeader(word),), (a, b))


PERSONAL_NOUNS = ("government", "administration", "delegation", "camp")


@capability("leader.surname_modifier", twin="leader.thing_name")
def surname_modifier(fillers, rng):
    """A met B. The B government welcomed it: B's surname before a noun is still B."""
    published, a, b = two_leaders(fillers, rng)
    when, _ = date_phrase(rng, published)
    noun = rng.choice(PERSONAL_NOUNS)
    first = f"{simple(rng, a)} met {simple(rng, b)} in {b.capital} {when}."
    second = f"The {b.surname} {noun} welcomed the talks."
    expected = (LeaderCountry(b.name, b.country), Meeting((a.name, b.name)))
    if b.surname != b.name:
        expected += (NoLeader(b.surname),)
    return Draft(f"{sentence(first)} {sentence(second)}", published, expected, (a, b))


# Invented leaders whose surname carries an Arabic article ('al-Masri'), as news writes
# them in full first and by the bare surname after.
ARTICLE_NAMES = (
    ("Karim", "al-Masri"),
    ("Youssef", "el-Haddad"),
    ("Samir", "al-Tamimi"),
    ("Nabil", "el-Sayed"),
    ("Fadi", "al-Rawi"),
)
ARTICLE_STATES = ("EG", "IQ", "JO", "LB", "SY", "LY", "TN")
SAID = (
    "{S} said the talks had been useful.",
    "{S} said {B} had been a gracious guest.",
    "Later, {S} told reporters that relations were strong.",
)

# The bare surname taking part in a fact of its own.
IN_FACTS = (
    "{B} and {S} signed a memorandum on trade.",
    "{S} and {B} opened a new power plant together.",
    "Afterwards, {B}, {S} and their ministers toured the old city.",
    "{S} gave {B} a silver dagger.",
)


def _article_leader(fillers, rng):
    published, _, b = two_leaders(fillers, rng)
    code = rng.choice([c for c in ARTICLE_STATES if c != b.country])
    state = STATES_BY_CODE[code]
    given, family = rng.choice(ARTICLE_NAMES)
    return published, b, state, f"{given} {family}", family.split("-", 1)[1].capitalize()


@capability("leader.article_surname", twin="leader.other_surname")
def article_surname(fillers, rng):
    """President Karim al-Masri met B. Masri said ...: one leader, no extra 'Masri'."""
    published, b, state, name, bare = _article_leader(fillers, rng)
    when, _ = date_phrase(rng, published)
    first = f"{state.demonym} President {name} met {simple(rng, b)} in {state.capital} {when}."
    second = rng.choice(IN_FACTS).format(S=bare, B=b.surname)
    expected = (LeaderCountry(name, state.code), Meeting((name, b.name)), NoLeader(bare))
    return Draft(f"{sentence(first)} {sentence(second)}", published, expected, (b,))


OTHER_SURNAMES = ("Haddad", "Khoury", "Mansour", "Saleh")


@capability("leader.other_surname", twin="leader.article_surname", negative=True)
def other_surname(fillers, rng):
    """President Karim al-Masri met B. Haddad said ...: a surname of nobody named joins
    no leader and is no leader."""
    published, b, state, name, bare = _article_leader(fillers, rng)
    when, _ = date_phrase(rng, published)
    other = rng.choice([s for s in OTHER_SURNAMES if s.lower() not in name.lower()])
    first = f"{state.demonym} President {name} met {simple(rng, b)} in {state.capital} {when}."
    second = rng.choice(SAID).format(S=other, B=b.surname)
    expected = (NoLeader(other), NoLeader(f"{name.split()[0]} {other}"))
    return Draft(f"{sentence(first)} {sentence(second)}", published, expected, (b,))
