"""Text normalisation: page chrome (bylines, credits, tags, labels, repeated lines, bullet
markers) is blanked, sentences that look like chrome stay, and a caption that tells a
gift keeps its sentence."""

from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.extract.normalize import normalize
from tests.extract.test_normalise import PUBLISHED


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe",
        "By Jane Doe, Political Correspondent",
        "By Jane Doe and Carlos Ruiz | Nairobi",
        "By Our Special Correspondent",
        "Ana Lima, Foreign Affairs Reporter",
        "Staff Reporter",
        "(Reporting by Jane Doe; Editing by Carlos Ruiz)",
        "Additional reporting by Ana Lima in Lagos",
        "FILE - In this photo taken last year, two leaders walk.",
        "FILE PHOTO: Two leaders walk.",
        "Photo: Two leaders walk on Monday.",
        "Photograph: Ana Lima/Reuters",
        "Read more: Leaders meet in Lisbon",
        "RELATED: Leaders meet in Lisbon",
        "See also - Leaders meet in Lisbon",
        "Advertisement",
        "Skip Advertisement",
        "Share this article",
        "Sign up for our newsletter",
        "Story continues below advertisement",
        "Copyright 2024 The Daily Planet",
        "Updated 3 hours ago",
        "Lisbon | Published: May 4, 2021 9:15:02 AM",
        "By Daily Courier Bureau | Last Updated: Monday, May 3, 2021 - 18:40",
        "This is an archive article published on May 3, 2001",
        "Ana Lima/AP",
        "Carlos Ruiz/Getty Images",
        "hide caption",
        "toggle caption",
        "File pic",
        "Loading Taboola...",
        "Post a Comment",
        "Written by Ana Lima June 22, 2023 | 10:19 am 2 min read",
        "1 Min Read",
        "By Ana Lima \u00b7 4 min read",
        "Ana Lima in Lisbon and Carlos Ruiz contributed reporting.",
        "Two leaders arrive at the airport on Monday. \u2014 Bernama pic",
        "Two leaders walk. Ana Lima/AP hide caption",
        "The two leaders shake hands in the capital. Agency/Ana Lima/Office via REUTERS",
    ],
)
def test_page_chrome_is_blanked(line):
    text = f"Leaders meet\n\n{line}\n\nThe leaders met on Monday."
    assert normalize(text).text == text.replace(line, " " * len(line))


@pytest.mark.parametrize(
    "line",
    [
        "By the time they met, the deal was done.",
        "by the sea the leaders met",
        "Related talks will follow next week.",
        "Share prices rose after the summit.",
        "Photographers waited outside the palace.",
        "The president's reporter, a friend, attended.",
        "The leaders met. They said a photo would follow.",
        "The talks in Paris/Berlin were long.",
        "Japan contributed reporting staff. The leaders met.",
    ],
)
def test_sentences_that_look_like_chrome_stay(line):
    text = f"Leaders meet\n\n{line}\n\nThe leaders met on Monday."
    assert normalize(text).text == text


@pytest.mark.parametrize(
    "line, kept",
    [
        ("Two leaders walk.   | Photo Credit: PTI", "Two leaders walk."),
        ("A gift to the nation. MUST CREDIT: City Archive (City Archive)", "A gift to the nation."),
        ("(PIB NEWS) The Prime Minister spoke with the president.", "The Prime Minister spoke"),
    ],
)
def test_credits_and_tags_inside_a_line_are_blanked(line, kept):
    parsed = normalize(f"Leaders meet\n\n{line}").text
    assert parsed.split("\n\n")[1].strip().startswith(kept)
    assert len(parsed.split("\n\n")[1].strip()) <= len(line) - 10


@pytest.mark.parametrize("label", ["Read also", "RELATED", "Persons", "Topics:"])
def test_a_lone_label_and_the_link_or_list_after_it_are_blanked(label):
    text = f"Leaders meet\n\nThey met.\n\n{label}\n\nLeaders meet again in Lisbon\n\nThey left."
    assert normalize(text).text.split() == ["Leaders", "meet", "They", "met.", "They", "left."]


def test_a_repeated_headline_or_caption_line_is_blanked():
    head = "Two leaders meet in the capital for talks"
    text = f"{head}\n\nBy Ana Lima\n{head}\n\nThe two leaders met on Monday."
    assert normalize(text).text.split() == [
        *head.split(),
        "The",
        "two",
        "leaders",
        "met",
        "on",
        "Monday.",
    ]


def test_a_repeated_sentence_of_the_body_stays():
    line = "The two leaders met in the capital on Monday for talks."
    text = f"Leaders meet\n\n{line}\n\n{line}"
    assert normalize(text).text == text


def test_credits_inside_a_line_are_blanked():
    text = "The leaders shook hands (AP Photo/Ana Lima) at the palace."
    assert normalize(text).text == text.replace("(AP Photo/Ana Lima)", " " * 19)
    caption = "Two leaders walk. Photograph: Ana Lima/Getty Images"
    assert normalize(caption).text.rstrip() == "Two leaders walk."


def test_bullet_markers_are_blanked_and_items_stay_lines():
    text = "Signed:\n\n\u2022 an MoU on health\n* an MoU on water\n- a treaty"
    assert normalize(text).text == "Signed:\n\n  an MoU on health\n  an MoU on water\n  a treaty"


@pytest.mark.parametrize(
    "label, caption",
    [
        ("FILE - ", "Prime Minister A. Name, left, presents a carved bowl to President B. Name."),
        ("FILE \u2014 ", "President A. Name hands President B. Name a silver pen in Lima."),
        ("Photo: ", "King A. Name places the Collar of the Star around the guest's neck."),
        ("FILE PHOTO: ", "President B. Name is presented with a woven mat by A. Name on Monday."),
    ],
)
def test_a_caption_that_tells_a_gift_keeps_its_sentence(label, caption):
    text = f"Leaders meet\n\n{label}{caption}\n\nThe leaders met on Monday."
    assert normalize(text).text == text.replace(label, " " * len(label))


@pytest.mark.parametrize(
    "line",
    [
        "FILE - President A. Name, left, shakes hands with President B. Name in Lima.",
        "Photo: President A. Name speaks to reporters after the talks.",
        "FILE - President A. Name presents",  # no sentence after the verb
    ],
)
def test_a_caption_that_tells_no_gift_stays_chrome(line):
    text = f"Leaders meet\n\n{line}\n\nThe leaders met on Monday."
    assert normalize(text).text == text.replace(line, " " * len(line))


def test_a_gift_caption_gives_the_gift_with_its_giver_before_the_position(nlp):
    text = (
        "Leaders meet\n\nIndian Prime Minister Narendra Modi met Australian Prime Minister "
        "Anthony Albanese in Sydney on Tuesday.\n\nFILE - Indian Prime Minister Narendra Modi, "
        "left, presents a carved wooden chest to Australian Prime Minister Anthony Albanese in "
        "Sydney, Australia, on March 12, 2024."
    )
    [gift] = extract(text, PUBLISHED, nlp=nlp).gifts
    assert (gift.giver, gift.recipient, gift.item) == (
        "Narendra Modi",
        "Anthony Albanese",
        "carved wooden chest",
    )
