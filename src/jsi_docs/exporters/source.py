"""The item's own formats as exporters: canonical JSON and YAML."""

from __future__ import annotations

from typing import ClassVar

from jsi_docs.exporters.base import ExportOptions, ExportResult
from jsi_docs.model import NewsItem
from jsi_docs.serialization import to_json, to_yaml

__all__ = ["JsonExporter", "YamlExporter"]


class JsonExporter:
    """The canonical JSON (rich text as node lists, with the schema version)."""

    name: ClassVar[str] = "json"
    media_type: ClassVar[str] = "application/json"
    suffix: ClassVar[str] = ".json"
    options_type: ClassVar[type[ExportOptions]] = ExportOptions

    def export(self, item: NewsItem, options: ExportOptions) -> ExportResult:
        return ExportResult(to_json(item).encode("utf-8"), self.media_type, self.suffix)


class YamlExporter:
    """YAML for people, rich text in its text form."""

    name: ClassVar[str] = "yaml"
    media_type: ClassVar[str] = "application/yaml"
    suffix: ClassVar[str] = ".yaml"
    options_type: ClassVar[type[ExportOptions]] = ExportOptions

    def export(self, item: NewsItem, options: ExportOptions) -> ExportResult:
        return ExportResult(to_yaml(item).encode("utf-8"), self.media_type, self.suffix)
