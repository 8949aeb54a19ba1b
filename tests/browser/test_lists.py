"""The leaders, countries, gifts, agreements and articles lists with filters applied, in
Chromium (issue 15): screenshots in artifacts/screenshots/, every filter control and
column header reached with the keyboard, sorting from the headers, and filtering with
JavaScript off."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    OfficeFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def records():
    """Six countries, their leaders with terms in office, meetings with gifts and
    agreements, and the articles that report them."""
    names = {"KE": "Kenya", "PE": "Peru", "VN": "Vietnam", "GH": "Ghana", "CL": "Chile",
             "NO": "Norway"}  # fmt: skip
    countries = {code: CountryFactory(code=code, name=name) for code, name in names.items()}
    people = {}
    for n, (code, first, last) in enumerate(
        [("KE", "Amani", "Otieno"), ("PE", "Lucía", "Quispe"), ("VN", "Minh", "Tran"),
         ("GH", "Kwame", "Mensah"), ("CL", "Catalina", "Rojas"), ("NO", "Ingrid", "Solberg")]
    ):  # fmt: skip
        leader = LeaderFactory(name=f"{first} {last}", country=countries[code], title="President")
        OfficeFactory(leader=leader, kind="head_of_state", start=dt.date(2016 + n, 3, 1))
        people[code] = leader
    gifts = ["carved stool", "alpaca shawl", "lacquer box", "kente cloth", "copper bowl",
             "wool blanket", "silver compass", "clay teapot"]  # fmt: skip
    codes = list(names)
    for n in range(8):
        a, b = people[codes[n % 6]], people[codes[(n + 1) % 6]]
        date = dt.date(2019 + n % 5, 1 + n, 10 + n)
        place = f"{a.country.name} State House"
        meeting = MeetingFactory(
            participants=[a, b], date=date, host_country=a.country, place=place, kind="state_visit"
        )
        article = ArticleFactory(
            title=f"{a.name} hosts {b.name}",
            published=date,
            source=f"https://news{n % 3}.example.org/{n}",
        )
        gift = GiftFactory(giver=a, recipient=b, item=gifts[n], meeting=meeting, date=date)
        kind, word = [
            ("mou", "Memorandum"),
            ("treaty", "Treaty"),
            ("joint_statement", "Statement"),
        ][n % 3]
        topic = ["trade", "fisheries", "energy", "health"][n % 4]
        agreement = AgreementFactory(
            leader_parties=[a, b],
            meeting=meeting,
            date=date,
            kind=kind,
            summary=f"{word} on {topic}",
        )
        agreement.country_parties.set([a.country, b.country])
        for fact in ({"meeting": meeting}, {"gift": gift}, {"agreement": agreement}):
            EvidenceFactory(article=article, **fact)
    ArticleFactory(
        title="A report still waiting", status="queued", source="https://wire.example.com/1"
    )
    return people


CASES = [
    ("leaders", "/leaders/?office=head_of_state&from=2018-01-01&to=2019-12-31&sort=-country",
     ["Minh Tran", "Lucía Quispe", "Amani Otieno"], "#f-office"),
    ("countries", "/countries/?meetings=1&q=a&sort=-hosted", ["Kenya"], "#f-meetings"),
    ("gifts", "/gifts/?country=KE&from=2019-01-01&sort=item", ["carved stool", "wool blanket"],
     "#f-country"),
    ("agreements", "/agreements/?kind=treaty&country=PE&sort=-date", ["Treaty on fisheries"],
     "#f-kind"),
    ("articles", "/articles/?source=news1.example.org&status=done&sort=title",
     ["Lucía Quispe hosts Minh Tran"], "#f-source"),
]  # fmt: skip


def tab_to(page, selector: str, limit: int = 80) -> int:
    """Press Tab until ``selector`` has the focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return presses
    raise AssertionError(f"{selector} never took the focus")


@pytest.mark.parametrize(("name", "url", "expected", "control"), CASES)
def test_filtered_list_in_the_browser(page, screenshot, records, name, url, expected, control):
    page.goto(url)
    table = page.locator("table.data-table")
    text = table.inner_text() if table.count() else ""
    for value in expected:
        assert value in text, (value, text)
    heading = page.locator("#results-heading").inner_text()
    assert heading.split()[0].isdigit()
    # Every filter control, Apply, the header links and the downloads take the focus.
    for selector in ("#f-q", control, "#f-sort", "button[type=submit]", "a.sort-link"):
        page.goto(url)
        tab_to(page, selector)
    assert page.locator("th[aria-sort]").count() == 1
    path = screenshot(f"list-{name}-filtered")
    assert path.stat().st_size > 10_000


def test_sorting_from_the_headers_with_the_keyboard(page, records):
    page.goto("/gifts/?country=KE")
    header = page.locator("th", has=page.locator("a", has_text="Gift"))
    assert header.get_attribute("aria-sort") is None
    header.locator("a").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/gifts/?country=KE&sort=item")
    assert page.locator("th", has_text="Gift").first.get_attribute("aria-sort") == "ascending"
    items = page.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert items == sorted(items)
    # Again: the other way round, the filter kept.
    page.locator("th", has_text="Gift").first.locator("a").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/gifts/?country=KE&sort=-item")
    assert page.locator("th", has_text="Gift").first.get_attribute("aria-sort") == "descending"
    assert page.locator("tbody tr td:nth-child(3)").all_inner_texts() == items[::-1]


def test_filtering_and_downloading_without_javascript(browser, live_server, records):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/agreements/")
    page.select_option("#f-kind", "treaty")
    page.fill("#f-q", "fisheries")
    page.keyboard.press("Enter")
    page.wait_for_url("**/agreements/?q=fisheries&kind=treaty**")
    assert "Treaty on fisheries" in page.locator("table.data-table").inner_text()
    assert page.locator("#results-heading").inner_text().startswith("1 agreement matching")
    csv_link = page.locator("a", has_text="CSV").get_attribute("href")
    assert csv_link == "/agreements/export.csv?q=fisheries&kind=treaty"
    response = page.request.get(csv_link)
    lines = response.text().strip().splitlines()
    assert len(lines) == 2 and lines[0].lstrip("\ufeff").startswith("id,kind,status,summary")
    context.close()


def test_a_bad_value_is_explained_on_the_page(page, records):
    page.goto("/leaders/?from=someday&office=emperor")
    notice = page.locator(".notice--warning").inner_text()
    assert "use the form YYYY-MM-DD" in notice and "Ignored the office" in notice
    assert page.locator("table.data-table tbody tr").count() == 6
