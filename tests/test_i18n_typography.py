"""Typography profiles: concrete French cases, URLs and times untouched, idempotence, properties."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from _typography_reference import reference_apply
from jsi_docs.i18n import (
    ENGLISH,
    FRENCH,
    HOUSE_WTO,
    PROFILES,
    SPANISH,
    TypographyProfile,
    UnknownProfileError,
    UnsupportedLanguageError,
    profile_for,
    quote_marks,
)
from jsi_docs.i18n.typography import SPACES

NB = "\u00a0"  # no-break space
NN = "\u202f"  # narrow no-break space

FRENCH_CASES = [
    ("Il a dit: oui", f"Il a dit{NB}: oui"),
    ("Il a dit : oui", f"Il a dit{NB}: oui"),
    (f"Il a dit{NN}: oui", f"Il a dit{NB}: oui"),
    ("Il a dit   : oui", f"Il a dit{NB}: oui"),
    ("La piste est courte; c'est pourquoi", f"La piste est courte{NN}; c’est pourquoi"),
    ("La piste est courte ; c’est pourquoi", f"La piste est courte{NN}; c’est pourquoi"),
    ("Des problèmes pour visualiser cette page?", f"Des problèmes pour visualiser cette page{NN}?"),
    ("Bravo!", f"Bravo{NN}!"),
    ("Vraiment ?!", f"Vraiment{NN}?!"),
    ("Quoi?!?", f"Quoi{NN}?!?"),
    ("(?)", "(?)"),
    ("«mis de côté»", f"«{NB}mis de côté{NB}»"),
    ("« mis de côté »", f"«{NB}mis de côté{NB}»"),
    (f"«{NN}mis de côté{NN}»", f"«{NB}mis de côté{NB}»"),
    ("« Vraiment? »", f"«{NB}Vraiment{NN}?{NB}»"),
    ("« oui »?", f"«{NB}oui{NB}»{NN}?"),
    ("Note (annexe): voir", f"Note (annexe){NB}: voir"),
    ("Ceci:", f"Ceci{NB}:"),
    # Start of a run without context: nothing to attach the space to.
    ("?", "?"),
    ("!début", "!début"),
    (": suite", ": suite"),
    (" ? suite", f"{NN}? suite"),
    # Times, references and URLs keep their colons.
    ("La réunion commence à 12:30.", "La réunion commence à 12:30."),
    ("à 12:30 : ouverture", f"à 12:30{NB}: ouverture"),
    ("de 10:00:00 à 12:30:15", "de 10:00:00 à 12:30:15"),
    ("Voir https://www.wto.org/french/news_f/news23_f/jsec_26may23_f.htm", None),
    ("Voir https://example.org/a?b=1;c=2!d", None),
    ("Voir https://example.org/search?q=1 ? Non", f"Voir https://example.org/search?q=1{NN}? Non"),
    ("Voir https://example.org/x?", f"Voir https://example.org/x{NN}?"),
    ("Adresse: www.wto.org/a:b?c", f"Adresse{NB}: www.wto.org/a:b?c"),
    ("Écrire à webmaster@wto.org?", f"Écrire à webmaster@wto.org{NN}?"),
    ("mailto:webmaster@wto.org!", f"mailto:webmaster@wto.org{NN}!"),
    ("ratio 3:1 et urn:isbn:123", None),
    # ;!? glued to a letter are not prose punctuation.
    ("a?b et x!y", None),
    ("", ""),
    ("Rien à faire.", None),
]


@pytest.mark.parametrize(("text", "expected"), FRENCH_CASES)
def test_french(text: str, expected: str | None) -> None:
    assert FRENCH.apply(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit: “Nous cherchons”", "Il a dit: “Nous cherchons”"),
        (f"Il a dit{NB}: oui", "Il a dit: oui"),
        ("courte ; c'est", "courte; c'est"),
        (f"cette page{NN}?", "cette page?"),
        ("« tel quel »", "« tel quel »"),
        ("12:30", "12:30"),
    ],
)
def test_house_wto(text: str, expected: str) -> None:
    assert HOUSE_WTO.apply(text) == expected


@pytest.mark.parametrize("profile", [ENGLISH, SPANISH])
def test_english_and_spanish_change_only_apostrophes(profile: TypographyProfile) -> None:
    assert profile.apply("Members' views: the chair's text ; why ?") == (
        "Members’ views: the chair’s text ; why ?"
    )
    assert profile.apply("'quoted'") == "'quoted’"
    assert profile.apply("¿Qué dijo? ¡Nada!") == "¿Qué dijo? ¡Nada!"


@pytest.mark.parametrize(
    ("text", "before", "after", "expected"),
    [
        (": suite", "Note", "", f"{NB}: suite"),
        (": suite", "Note ", "", ": suite"),
        ("?", "page", "", f"{NN}?"),
        ("?", "", "", "?"),
        ("»", "côté", "", f"{NB}»"),
        ("«", "", "mis", f"«{NB}"),
        ("«", "", " mis", "«"),
        ("Note", "", ": suite", "Note"),
        ("Ceci:", "", "//x", "Ceci:"),
        ("Ceci:", "", " x", f"Ceci{NB}:"),
        ("'hui", "aujourd", "", "’hui"),
    ],
)
def test_context_of_neighbouring_runs(text: str, before: str, after: str, expected: str) -> None:
    assert FRENCH.apply(text, before=before, after=after) == expected


def test_call_is_apply() -> None:
    assert FRENCH("Quoi?") == FRENCH.apply("Quoi?")


def test_seed_sentence() -> None:
    text = (
        "Il a dit: “Le temps ne joue pas en notre faveur. La piste de décollage est courte; "
        "c'est pourquoi je demande instamment à toutes les délégations de réfléchir.”"
    )
    assert FRENCH.apply(text) == (
        f"Il a dit{NB}: “Le temps ne joue pas en notre faveur. La piste de décollage est courte"
        f"{NN}; c’est pourquoi je demande instamment à toutes les délégations de réfléchir.”"
    )
    assert HOUSE_WTO.apply(FRENCH.apply(text)) == text.replace("c'est", "c’est")


def test_profile_for() -> None:
    assert profile_for("fr") is FRENCH
    assert profile_for("fr-CH") is FRENCH
    assert profile_for("en-GB") is ENGLISH
    assert profile_for("es-419") is SPANISH
    assert profile_for("fr", "house") is HOUSE_WTO
    assert profile_for("en", "house_wto") is HOUSE_WTO
    assert profile_for("es", "House-WTO") is HOUSE_WTO
    assert profile_for("en", "french") is FRENCH
    with pytest.raises(UnknownProfileError, match="known: arabic, chinese, english"):
        profile_for("fr", "german")
    with pytest.raises(UnsupportedLanguageError):
        profile_for("de")
    with pytest.raises(LookupError):
        profile_for("fr", "nope")


def test_quote_marks() -> None:
    assert quote_marks("fr") == (f"«{NB}", f"{NB}»")
    assert quote_marks("fr", nested=True) == ("“", "”")
    assert quote_marks("fr", "house") == ("“", "”")
    assert quote_marks("fr", HOUSE_WTO, nested=True) == ("‘", "’")
    assert quote_marks("en") == ("“", "”")
    assert quote_marks("en", nested=True) == ("‘", "’")
    assert quote_marks("es") == ("«", "»")
    assert quote_marks("es", nested=True) == ("“", "”")
    assert quote_marks("es", "house") == ("“", "”")
    with pytest.raises(UnsupportedLanguageError):
        quote_marks("de", FRENCH)


def test_profile_spacing_must_be_spaces() -> None:
    with pytest.raises(ValueError, match=r"space_before\[':'\] must be made of spaces"):
        TypographyProfile("bad", ("<", ">"), ("<", ">"), space_before={":": "_"})
    with pytest.raises(ValueError, match="space_inside_guillemets"):
        TypographyProfile("bad", ("<", ">"), ("<", ">"), space_inside_guillemets="x")


@pytest.mark.parametrize("mark", ["", "ab", "a", "1", " ", "\u00a0", "«", "»", "'"])
def test_profile_spaces_only_single_punctuation_marks(mark: str) -> None:
    with pytest.raises(ValueError, match="space_before"):
        TypographyProfile("bad", ("<", ">"), ("<", ">"), space_before={mark: NB})


# Punctuation beyond ASCII -----------------------------------------------------------------------

# Arabic sets its question mark, comma and semicolon without a space before them; a profile
# for full-width marks (as an East Asian or test style might) spaces them.
UNSPACED_ARABIC = TypographyProfile(
    "unspaced_arabic", ("«", "»"), ("“", "”"), space_before={"؟": "", "،": "", "؛": ""}
)
SPACED_FULL_WIDTH = TypographyProfile(
    "spaced_full_width", ("「", "」"), ("『", "』"), space_before={"？": NN, "！": NN, "؟": NB}
)


@pytest.mark.parametrize(
    ("profile", "text", "expected"),
    [
        (UNSPACED_ARABIC, "لماذا ؟", "لماذا؟"),
        (UNSPACED_ARABIC, f"أولا{NB}، ثانيا ؛ ثالثا", "أولا، ثانيا؛ ثالثا"),
        (UNSPACED_ARABIC, "a ? b : c", "a ? b : c"),  # ASCII marks are not its concern
        (SPACED_FULL_WIDTH, "なぜ？", f"なぜ{NN}？"),
        (SPACED_FULL_WIDTH, "なぜ ？！", f"なぜ{NN}？！"),  # nothing between two spaced marks
        (SPACED_FULL_WIDTH, "لماذا؟", f"لماذا{NB}؟"),
        # a full-width mark is always prose punctuation (Chinese puts no space after it)
        (SPACED_FULL_WIDTH, "x？y", f"x{NN}？y"),
        (UNSPACED_ARABIC, "a?b", "a?b"),  # an ASCII mark glued to a letter is not prose
        (SPACED_FULL_WIDTH, "(？)", "(？)"),
    ],
)
def test_rules_for_punctuation_beyond_ascii(
    profile: TypographyProfile, text: str, expected: str
) -> None:
    assert profile.apply(text) == expected
    assert profile.apply(expected) == expected


def test_punctuation_beyond_ascii_in_context() -> None:
    assert SPACED_FULL_WIDTH.apply("？", before="なぜ") == f"{NN}？"
    assert SPACED_FULL_WIDTH.needs_context("？ と")
    assert SPACED_FULL_WIDTH.may_change("？")
    assert not SPACED_FULL_WIDTH.may_change("?")
    assert UNSPACED_ARABIC.apply(" ؟", before="لماذا") == "؟"


# Properties ------------------------------------------------------------------------------------

ALL_PROFILES = [*PROFILES.values(), UNSPACED_ARABIC, SPACED_FULL_WIDTH]
_IDS = [p.name for p in ALL_PROFILES]

_ALPHABET = st.sampled_from(
    [
        *"ab1é. ",
        *":;!?«»'’()",
        *"؟،？！",
        "ل",
        " ",
        " ",
        "\u00a0",
        "\u202f",
        "\t",
        "\n",
        "https://w.org/x?y",
    ]
)
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)


def _skeleton(text: str) -> str:
    return "".join(c for c in text if c not in SPACES).replace("’", "'")


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=_IDS)
@given(text=_TEXT)
@example(text="a : b ; c ! d ? « e » f'g")
def test_only_spaces_and_apostrophes_change(profile: TypographyProfile, text: str) -> None:
    assert _skeleton(profile.apply(text)) == _skeleton(text)


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=_IDS)
@given(text=_TEXT, before=_TEXT, after=_TEXT)
def test_idempotent(profile: TypographyProfile, text: str, before: str, after: str) -> None:
    once = profile.apply(text, before=before, after=after)
    assert profile.apply(once, before=before, after=after) == once


@given(text=st.text(alphabet=st.sampled_from([*"ab1 .:;!?«»'("]), max_size=40), cut=st.integers())
def test_runs_with_context_equal_the_whole(text: str, cut: int) -> None:
    """Applying to two runs with each other as context = applying to the joined text."""
    if len(text) < 2:
        return
    k = 1 + cut % (len(text) - 1)
    if text[k - 1] in SPACES or text[k] in SPACES:
        return  # a space run split across runs cannot be moved into the other run
    head = FRENCH.apply(text[:k], after=text[k:])
    tail = FRENCH.apply(text[k:], before=text[:k])
    assert head + tail == FRENCH.apply(text)


@given(text=_TEXT)
def test_no_plain_space_before_french_punctuation(text: str) -> None:
    out = FRENCH.apply(text)
    for i, c in enumerate(out):
        followed_like_prose = i + 1 == len(out) or not out[i + 1].isalnum()
        if c in ";!?" and i > 0 and followed_like_prose and "https" not in out:
            assert out[i - 1] not in " \t\u00a0\u2009"


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=_IDS)
@given(text=_TEXT, before=_TEXT, after=_TEXT)
def test_text_it_may_not_change_is_left_alone(
    profile: TypographyProfile, text: str, before: str, after: str
) -> None:
    if not profile.may_change(text):
        assert profile.apply(text, before=before, after=after) == text


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=_IDS)
def test_may_change_names_the_characters_acted_on(profile: TypographyProfile) -> None:
    assert not profile.may_change("Plusieurs Membres ont dit")
    assert profile.may_change("l'initiative") is profile.curly_apostrophes
    assert profile.may_change("a dit :") is (":" in profile.space_before)
    assert profile.may_change("« oui »") is (profile.space_inside_guillemets is not None)


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=_IDS)
@given(text=_TEXT, before=_TEXT, after=_TEXT)
def test_one_character_of_context_is_enough(
    profile: TypographyProfile, text: str, before: str, after: str
) -> None:
    """Exporters key their caches on one character of each neighbour: nothing more is read."""
    assert profile.apply(text, before=before, after=after) == profile.apply(
        text, before=before[-1:], after=after[:1]
    )


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=_IDS)
@given(text=_TEXT, before=_TEXT, after=_TEXT)
@example(text="« a »: b ; «» « : x » l'a 'b", before="", after="")
@example(text=" :", before="«", after="")
@example(text="«", before="", after=" ?")
def test_same_as_the_character_by_character_reference(
    profile: TypographyProfile, text: str, before: str, after: str
) -> None:
    assert profile.apply(text, before=before, after=after) == reference_apply(
        profile, text, before=before, after=after
    )


@pytest.mark.parametrize("profile", ALL_PROFILES, ids=_IDS)
@given(text=_TEXT, before=_TEXT, after=_TEXT)
@example(text="'a", before="l", after="")
@example(text="a :", before="", after="b")
@example(text="« ", before="", after="?")
def test_text_that_needs_no_context_is_typeset_alike_in_any(
    profile: TypographyProfile, text: str, before: str, after: str
) -> None:
    if not profile.needs_context(text):
        assert profile.apply(text, before=before, after=after) == profile.apply(text)


def test_needs_context_at_the_ends_only() -> None:
    assert not FRENCH.needs_context("l'initiative a dit : oui")
    assert FRENCH.needs_context(" : oui")
    assert FRENCH.needs_context("a dit « ")
    assert FRENCH.needs_context("'a")
    assert not ENGLISH.needs_context("a: b")
