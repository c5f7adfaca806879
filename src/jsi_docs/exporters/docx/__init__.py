"""DOCX export with python-docx, styled by a reference document (see :class:`DocxExporter`)."""

from jsi_docs.exporters.docx.exporter import DocxExporter, DocxOptions

__all__ = ["DocxExporter", "DocxOptions"]
