"""The edit forms' pickers in Chromium (issue 15): an editor types into a picker, chooses
with the keyboard, saves and sees the change; without JavaScript the same form takes
names typed."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from kb.models import Meeting
from tests.browser.test_editor import PASSWORD, log_in
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory, editor

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def meeting():
    chile = CountryFactory(code="CL", name="Chile")
    kenya = CountryFactory(code="KE", name="Kenya")
    CountryFactory(code="FI", name="Finland")
    CountryFactory(code="FJ", name="Fiji")
    host = LeaderFactory(name="Valentina Rojas", title="President", country=chile)
    guest = LeaderFactory(name="Wanjiru Kamau", title="President", country=kenya)
    for n in range(40):  # more than a page of suggestions
        LeaderFactory(name=f"Other Person{n:02d}", country=kenya)
    LeaderFactory(name="Aino Virtanen", title="Prime Minister", country=CountryFactory(code="FI"))
    return MeetingFactory(
        participants=[host, guest], date=dt.date(2025, 5, 6), place="Santiago", host_country=chile
    )


def test_an_editor_picks_a_participant_and_a_host_with_the_keyboard(page, meeting, screenshot):
    editor("pick-editor")
    log_in(page, "pick-editor")
    page.goto(f"/meetings/{meeting.pk}/edit/")

    # The chosen participants come back as removable chips; no list of every leader.
    chosen = page.locator(".picker__chosen .picker__chip")
    expect(chosen).to_have_count(2)
    expect(chosen.first).to_contain_text("Valentina Rojas (Chile)")
    assert page.locator("select[name=participants]").count() == 0

    box = page.get_by_role("combobox", name="Participants")
    box.press_sequentially("virt", delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    option = listbox.get_by_role("option").first
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    screenshot("picker-suggestions")
    box.press("Enter")
    expect(chosen).to_have_count(3)
    expect(chosen.last).to_contain_text("Aino Virtanen (Finland)")
    expect(page.locator(".picker--multiple [role=status]")).to_have_text(
        "Added Aino Virtanen (Finland)."
    )

    # Bounded: a broad search offers at most 20; Escape closes the list.
    box.press_sequentially("oth", delay=40)
    expect(listbox.get_by_role("option")).to_have_count(20)
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Escape")  # a second Escape clears what was typed
    expect(box).to_have_value("")

    # Remove a participant from the keyboard: its button, then Enter.
    page.get_by_role("button", name="Remove Wanjiru Kamau (Kenya)").focus()
    page.keyboard.press("Enter")
    expect(chosen).to_have_count(2)

    host = page.get_by_role("combobox", name="Host country")
    expect(host).to_have_value("Chile (CL)")
    host.fill("")
    host.press_sequentially("fi", delay=40)
    expect(page.get_by_role("option", name="Finland (FI)")).to_be_visible()
    host.press("ArrowDown")
    host.press("ArrowDown")
    second = page.get_by_role("listbox").get_by_role("option").nth(1).inner_text()
    host.press("Enter")
    expect(host).to_have_value(second)

    page.get_by_role("button", name="Save correction").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.date == dt.date(2025, 5, 6)  # the date box showed the date, and kept it
    assert set(meeting.participants.values_list("name", flat=True)) == {
        "Valentina Rojas",
        "Aino Virtanen",
    }
    assert f"{meeting.host_country.name} ({meeting.host_country.code})" == second
    heading = page.get_by_role("heading", level=1).inner_text()
    assert "Aino Virtanen" in heading and "Wanjiru Kamau" not in heading
    screenshot("picker-after-save")


def test_without_javascript_the_picker_takes_names(browser, live_server, meeting):
    editor("nojs-editor")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("nojs-editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/meetings/{meeting.pk}/edit/")
    participants = page.get_by_label("Participants")
    assert participants.evaluate("e => e.tagName") == "TEXTAREA"
    participants.fill("Valentina Rojas\nNo Such Person")
    page.get_by_role("button", name="Save correction").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.locator("main")).to_contain_text("No leader answers to “No Such Person”")
    page.get_by_label("Participants").fill("Valentina Rojas\naino virtanen")
    page.get_by_label("Host country").fill("fi")
    page.get_by_role("button", name="Save correction").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    meeting = Meeting.objects.get(pk=meeting.pk)
    assert meeting.host_country.code == "FI"
    assert {p.name for p in meeting.participants.all()} == {"Valentina Rojas", "Aino Virtanen"}
    context.close()


def test_a_gifts_meeting_is_offered_from_the_meetings_of_its_giver_and_recipient(page, meeting):
    from kb.models import Gift
    from tests.factories import GiftFactory

    host, guest = meeting.participants.order_by("name")
    elsewhere = MeetingFactory(participants=[guest, LeaderFactory(name="Third Party")])
    MeetingFactory(participants=[LeaderFactory(name="Unrelated One"), LeaderFactory()])
    gift = GiftFactory(giver=host, recipient=guest, item="woven basket", meeting=None)
    editor("gift-editor")
    log_in(page, "gift-editor")
    page.goto(f"/gifts/{gift.pk}/edit/")
    box = page.get_by_role("combobox", name="Meeting")
    box.focus()
    box.press("ArrowDown")  # with nothing typed: the giver's and recipient's meetings
    options = page.get_by_role("listbox").get_by_role("option")
    expect(options).to_have_count(2)
    texts = options.all_inner_texts()
    assert {t.split(" ")[0] for t in texts} == {f"#{meeting.pk}", f"#{elsewhere.pk}"}
    box.press("ArrowDown")
    wanted = next(i for i, t in enumerate(texts) if t.startswith(f"#{meeting.pk} "))
    for _ in range(len(texts)):
        if page.locator("[role=option][aria-selected=true]").inner_text() == texts[wanted]:
            break
        box.press("ArrowDown")
    box.press("Enter")
    page.get_by_role("button", name="Save correction").click()
    page.wait_for_url(f"**/gifts/{gift.pk}/")
    assert Gift.objects.get(pk=gift.pk).meeting_id == meeting.pk
