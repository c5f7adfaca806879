"""What the PDF says about itself, taken from the item (not from the build machine)."""

from __future__ import annotations

import datetime as dt
import functools
from importlib.metadata import PackageNotFoundError, version

import attrs

from jsi_docs.model import NewsItem
from jsi_docs.view import ItemView

__all__ = ["PdfMetadata", "creator", "pdf_metadata"]


@attrs.frozen
class PdfMetadata:
    """Document information and XMP fields; ``created`` is the item's publication date and
    ``modified`` its update date (the publication date when it was never updated), each in
    ISO 8601 to the precision known (``2023-05-25``, ``2023-05``, ``2023``: a PDF date may stop
    at the month or year); None when unknown, and then the PDF has no such date at all."""

    title: str
    language: str
    created: str | None
    modified: str | None = None
    authors: tuple[str, ...] = ()
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    creator: str = "jsi_docs"

    @property
    def created_w3c(self) -> str | None:
        """The W3C date WeasyPrint turns into ``/CreationDate`` and ``xmp:CreateDate``."""
        return self.created

    @property
    def created_datetime(self) -> dt.datetime | None:
        """Midnight UTC of the publication day (attachments need a date and time); None
        unless the day is known."""
        if self.created is None or len(self.created) != len("2023-05-25"):
            return None
        day = dt.date.fromisoformat(self.created)
        return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)

    @property
    def created_pdf(self) -> str | None:
        """The publication date as a PDF date string (``D:202305``), None when unknown."""
        return "D:" + self.created.replace("-", "") if self.created else None

    @property
    def modified_w3c(self) -> str | None:
        """The W3C date WeasyPrint turns into ``/ModDate`` and ``xmp:ModifyDate``."""
        return self.modified or self.created


@functools.cache
def creator() -> str:
    """``jsi_docs <version>``, the PDF's ``/Creator`` (WeasyPrint stays the ``/Producer``)."""
    try:
        return f"jsi_docs {version('jsi-docs')}"
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "jsi_docs"


def pdf_metadata(item: NewsItem, view: ItemView) -> PdfMetadata:
    """Title = headline, author = publisher, subject = lead, keywords = topics (in the words
    and marks the page shows), dates = published and updated."""
    return PdfMetadata(
        title=view.headline,
        language=item.language,
        created=view.published.iso if view.published else None,
        modified=view.updated.iso if view.updated else None,
        authors=(view.publisher.text,) if view.publisher else (),
        subject=view.description if view.lead else None,
        keywords=view.keywords,
        creator=creator(),
    )
