"""Shared helpers of the DOCX tests: examples, a built item using every node, read-back tools."""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

import jsi_docs
from jsi_docs.model import (
    Affiliation,
    Block,
    BlockQuote,
    Contact,
    Decision,
    DecisionKind,
    DocumentRef,
    Emphasis,
    Figure,
    Foreign,
    Intervention,
    Interventions,
    LanguageVersion,
    Link,
    ListBlock,
    Meeting,
    MeetingKind,
    NewsItem,
    Note,
    NoteRef,
    Organization,
    Paragraph,
    Period,
    PersonName,
    Quotation,
    QuotedTerm,
    RelatedLink,
    RichText,
    Role,
    RoleKind,
    Section,
    Series,
    Speaker,
    SpeakerRef,
    Statement,
    Strong,
    Table,
    Text,
    Topic,
    TopicRef,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FRENCH = EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


@functools.cache
def load(path: Path) -> NewsItem:
    return jsi_docs.load(path)


@functools.cache
def export(item: NewsItem) -> bytes:
    return jsi_docs.export(item, "docx")


def section(blocks: tuple[Block, ...], heading: str | None = None) -> Section:
    """A section (typed: attrs' ``converter=tuple`` hides the parameter's type from mypy)."""
    given: Any = blocks
    return Section(given, heading=heading)


def _items(*texts: str) -> tuple[RichText, ...]:
    return tuple((Text(t),) for t in texts)


def text_of(element: etree._Element) -> str:
    return "".join(str(t) for t in element.itertext())


def every_node_item(**changes: Any) -> NewsItem:
    """A French item using every block and inline kind (interventions, a decision and a cited
    document included), two ordered lists, a foreign passage,
    a note referred to twice, two document symbols and an update."""
    fields: dict[str, Any] = {
        "id": "every-node",
        "language": "fr",
        "headline": "Tout ce que le modèle sait dire",
        "published": dt.date(2023, 6, 1),
        "updated": dt.date(2023, 6, 5),
        "symbols": ("INF/ECOM/87", "JOB/GC/1"),
        "notes": (
            Note(
                "compte-rendu",
                ("Voir ", Link(("le compte rendu",), url="https://www.wto.org/french/"), "."),
            ),
        ),
        "series": Series("Initiative conjointe", id="jsi"),
        "lead": (
            "Un chapeau avec ",
            Strong(("du gras",)),
            " et ",
            Statement(("ce que l'Ambassadeur a rapporté",), speaker="tan"),
            ".",
        ),
        "meeting": Meeting(
            MeetingKind.PLENARY,
            Period(dt.date(2023, 5, 30), dt.date(2023, 6, 1)),
            place="Genève",
            series="Plénières 2023",
        ),
        "publisher": Organization("Organisation mondiale du commerce"),
        "speakers": (
            Speaker(
                "tan",
                PersonName("Tan", "Hung Seng"),
                honorific="Ambassadeur",
                member=Affiliation("Singapour"),
                roles=(Role(RoleKind.CO_CONVENOR, "de l'initiative"),),
            ),
            # named, never speaking: in the "Également mentionnés" box
            Speaker("mina", PersonName("Mina", "George"), member=Affiliation("Australie")),
        ),
        "topics": (Topic("data", "flux de données"), Topic("privacy", "vie privée")),
        "sections": (
            section(
                (
                    Paragraph(
                        (
                            SpeakerRef(("L'Ambassadeur Tan",), speaker="tan"),
                            " a dit: ",
                            Quotation(("Le temps ", Emphasis(("presse",)), "."), speaker="tan"),
                            " Les articles ",
                            QuotedTerm(("mis de côté",)),
                            " portent sur les ",
                            TopicRef(("flux de données",), topic="data"),
                            ", voir ",
                            Link(("le site",), url="https://www.wto.org/indexfr.htm"),
                            " et ",
                            Foreign(("the level playing field",), lang="en-GB"),
                            " (",
                            DocumentRef(("WT/GC/M/200",), symbol="WT/GC/M/200"),
                            ").",
                            NoteRef("compte-rendu"),
                        ),
                        speaker="tan",
                    ),
                    Paragraph(("Un lien refusé: ", Link(("cliquez",), url="javascript:alert(1)"))),
                    Interventions(
                        (Intervention("tan"), Intervention(label="une vingtaine de Membres"))
                    ),
                    Decision("Le Conseil", DecisionKind.TOOK_NOTE, object=("du rapport",)),
                )
            ),
            section(
                (
                    ListBlock(_items("premier", "deuxième"), ordered=True),
                    ListBlock(_items("un point", "un autre"), ordered=False),
                    ListBlock(_items("encore un", "et un dernier"), ordered=True),
                    BlockQuote(
                        _items("Nous cherchons un résultat équilibré."),
                        speaker="tan",
                        cite="https://www.wto.org/french/news_f/news23_f/jsec_25may23_f.htm",
                    ),
                    Table(
                        (
                            (("2022",), ("Genève",), ()),
                            (
                                ("2023",),
                                (SpeakerRef(("Tan",), speaker="tan"),),
                                (Quotation(("avancer",), speaker="tan"),),
                            ),
                        ),
                        header=(("Année",), ("Lieu",), (Emphasis(("note",)),)),
                        row_headers=True,
                        caption=("Réunions (exemple)",),
                        note=(
                            "Source: ",
                            Link(("l’OMC",), url="https://www.wto.org/"),
                            NoteRef("compte-rendu"),
                        ),
                    ),
                    Figure(
                        "https://www.wto.org/images/img_news/jsec_25may23_f.jpg",
                        "Les délégués autour de la table de la salle de réunion",
                        caption=("L'Ambassadeur ", Emphasis(("Tan",)), " ouvre la réunion."),
                        credit="OMC/Jay Louvion",
                        width=1200,
                        height=800,
                    ),
                ),
                heading="Deuxième partie",
            ),
        ),
        "related_links": (
            RelatedLink(
                "Le commerce électronique", "https://www.wto.org/french/tratop_f/ecom_f/ecom_f.htm"
            ),
            RelatedLink("Un lien local", "file:///etc/passwd"),
        ),
        "language_versions": (
            LanguageVersion(
                "en", url="https://www.wto.org/english/news_e/news23_e/jsec_25may23_e.htm"
            ),
            LanguageVersion("es", item_id="every-node.es"),
        ),
        "contact": Contact((), prompt="Des problèmes?", email="webmaster@example.org"),
    }
    fields.update(changes)
    return NewsItem(**fields)


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def part_bytes(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def members(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def open_docx(data: bytes) -> Any:
    import docx

    return docx.Document(io.BytesIO(data))
