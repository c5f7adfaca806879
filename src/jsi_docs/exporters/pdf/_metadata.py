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
    ``modified`` its update date (the publication date when it was never updated)."""

    title: str
    language: str
    created: dt.date
    modified: dt.date | None = None
    authors: tuple[str, ...] = ()
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    creator: str = "jsi_docs"

    @property
    def created_w3c(self) -> str:
        """The W3C date WeasyPrint turns into ``/CreationDate`` and ``xmp:CreateDate``."""
        return self.created.isoformat()

    @property
    def created_datetime(self) -> dt.datetime:
        """Midnight UTC of the publication date (attachments need a date and time)."""
        return dt.datetime.combine(self.created, dt.time(), tzinfo=dt.UTC)

    @property
    def modified_w3c(self) -> str:
        """The W3C date WeasyPrint turns into ``/ModDate`` and ``xmp:ModifyDate``."""
        return (self.modified or self.created).isoformat()


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
        created=item.published,
        modified=item.updated,
        authors=(view.publisher.text,) if view.publisher else (),
        subject=view.description if view.lead else None,
        keywords=view.keywords,
        creator=creator(),
    )
