"""Format-agnostic presentation text (jsi_docs.view.present), shared by every exporter."""

from __future__ import annotations

import datetime as dt

import pytest

import jsi_docs
from jsi_docs.model import (
    Affiliation,
    CollectiveSpeaker,
    GrammaticalGender,
    Meeting,
    MeetingKind,
    Period,
    PersonName,
    Role,
    RoleKind,
    Speaker,
)
from jsi_docs.view.present import KEPT_RUN_LENGTH, Presenter, safe_url, supported

NBSP = "\u00a0"

TAN = Speaker(
    "tan",
    PersonName("Tan", "Hung Seng"),
    honorific="Ambassadeur",
    member=Affiliation("Singapour"),
    roles=(
        Role(RoleKind.CO_CONVENOR, of="de l'initiative"),
        Role(RoleKind.CHAIR, of="des réunions plénières", period=Period.year(2023)),
    ),
)


def test_speaker_line_in_french_has_honorific_member_roles_and_period() -> None:
    shown = Presenter.for_language("fr").speaker(TAN)
    assert shown.text == (
        "Ambassadeur Hung Seng Tan (Singapour), coorganisateur de l\u2019initiative, "
        "président des réunions plénières en 2023"
    )
    assert shown.honorific == "Ambassadeur"
    assert shown.name == "Hung Seng Tan"
    assert shown.member == "Singapour"


def test_role_agrees_with_gender_and_family_first_names_keep_their_order() -> None:
    from jsi_docs.model import NameOrder

    speaker = Speaker(
        "x",
        PersonName("Yamazaki", "Kazuyuki", NameOrder.FAMILY_GIVEN),
        roles=(Role(RoleKind.CHAIR, of="du comité", period=Period.month(2023, 5)),),
        gender=GrammaticalGender.FEMININE,
    )
    assert Presenter.for_language("fr").speaker_name(speaker) == (
        "Yamazaki Kazuyuki, présidente du comité en mai 2023"
    )
    english = Presenter.for_language("en").speaker_name(speaker)
    assert english == "Yamazaki Kazuyuki, chair du comité in May 2023"


def test_collective_speaker_shows_its_label_and_members() -> None:
    group = CollectiveSpeaker("several", "Plusieurs Membres", members=[Affiliation("Chine")])
    assert Presenter.for_language("fr").speaker_name(group) == "Plusieurs Membres (Chine)"


def test_meeting_line_and_dates_are_localised() -> None:
    meeting = Meeting(
        MeetingKind.PLENARY,
        Period(dt.date(2023, 5, 22), dt.date(2023, 5, 25)),
        label="réunions plénières",
    )
    line = Presenter.for_language("fr").meeting_line(meeting)
    assert line == "Réunions plénières, 22\u201325 mai 2023"
    bare = Meeting(MeetingKind.PLENARY, Period.day(dt.date(2023, 6, 1)))
    assert Presenter.for_language("fr").meeting_line(bare) == "Réunion plénière, 1er juin 2023"
    assert Presenter.for_language("es").date(dt.date(2023, 5, 25)) == "25 de mayo de 2023"


def test_typography_profile_applies_to_runs_and_house_style_differs() -> None:
    french = Presenter.for_language("fr")
    house = Presenter.for_language("fr", "house")
    assert french.text("a dit: oui") == f"a dit{NBSP}: oui"
    assert house.text("a dit : oui") == "a dit: oui"
    assert french.quote_marks() == (f"«{NBSP}", f"{NBSP}»")
    assert house.quote_marks() == ("“", "”")
    assert french.quote_marks(1) != french.quote_marks(0)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.wto.org/x?a=1&b=2", "https://www.wto.org/x?a=1&b=2"),
        ("  http://example.org  ", "http://example.org"),
        ("mailto:webmaster@wto.org", "mailto:webmaster@wto.org"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("file:///etc/passwd", None),
        ("/relative/path", None),
        ("https://", None),
        ("https://exa mple.org", None),
        ('https://example.org/?q="<x>"&y={|}', "https://example.org/?q=%22%3Cx%3E%22&y=%7B%7C%7D"),
    ],
)
def test_only_http_https_mailto_urls_are_links(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_supported_languages() -> None:
    assert supported("fr-CH")
    assert supported("es")
    assert not supported("de")


def test_typesetting_takes_neighbouring_runs_as_context_and_caches_per_context() -> None:
    french = Presenter.for_language("fr")
    assert french.text(": suite") == ": suite"
    assert french.text(": suite", before="Note") == f"{NBSP}: suite"
    assert french.text(": suite") == ": suite"  # the cached result depends on the context
    assert french.text("Note", after=": suite") == "Note"


def test_long_runs_are_typeset_but_not_kept() -> None:
    """The caches of typeset text keep runs up to KEPT_RUN_LENGTH: memory stays bounded in a
    long-running process fed long, never-repeated paragraphs."""
    presenter = Presenter.for_language("fr")
    long_run = "Il a dit : oui. " * (KEPT_RUN_LENGTH // 16 + 1)
    kept = (len(presenter._alone), len(presenter._typeset))
    typeset = presenter.text(long_run)
    assert "dit\u00a0: oui" in typeset
    assert " :" not in typeset
    assert (len(presenter._alone), len(presenter._typeset)) == kept
    page = jsi_docs.export(
        jsi_docs.NewsItem(
            id="long",
            language="fr",
            headline="Long",
            published=dt.date(2023, 5, 25),
            sections=[jsi_docs.Section([jsi_docs.Paragraph(long_run)])],
        ),
        "html",
    ).decode("utf-8")
    assert "dit\u00a0: oui" in page
