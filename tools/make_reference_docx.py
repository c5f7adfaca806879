"""Write ``src/jsi_docs/themes/default/reference.docx``, the DOCX exporter's style template.

Run ``python tools/make_reference_docx.py`` after editing the styles below; the output is
byte-identical from run to run (fixed zip timestamps and member order), so a diff in git means
a change of style. Every part is written here from scratch: nothing comes from python-docx's
default template (no "python-docx" author, no 2013 dates, no en-US).

The body holds one sample paragraph per style so that staff can see and restyle them in Word or
LibreOffice; the exporter keeps only the body's section properties (page size, margins).
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

from jsi_docs.exporters.docx._package import write_package

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

OUTPUT = Path(__file__).resolve().parents[1] / "src/jsi_docs/themes/default/reference.docx"

# Colours and sizes (half-points) shared by several styles.
ACCENT = "004B87"
MUTED = "595959"
BOX_FILL = "EEF3F8"
RULE = "A6B8CC"
FONT = "Arial"
REFERENCE_LANGUAGE = "en-GB"  # the exporter replaces it with the item's language

# (type, styleId, name, basedOn, next, pPr xml, rPr xml, extra flags)
Style = tuple[str, str, str, str | None, str | None, str, str]

PARAGRAPH_STYLES: list[Style] = [
    (
        "paragraph",
        "Title",
        "Title",
        "Normal",
        "Dateline",
        '<w:keepNext/><w:spacing w:before="0" w:after="160"/><w:outlineLvl w:val="0"/>',
        f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:sz w:val="40"/><w:szCs w:val="40"/>',
    ),
    (
        "paragraph",
        "Dateline",
        "Dateline",
        "Normal",
        "Lead",
        '<w:spacing w:after="240"/><w:contextualSpacing/>',
        f'<w:color w:val="{MUTED}"/><w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "paragraph",
        "DocumentSymbol",
        "Document Symbol",
        "Dateline",
        "Lead",
        "",
        "",
    ),
    (
        "paragraph",
        "Lead",
        "Lead",
        "Normal",
        "BodyText",
        '<w:spacing w:after="240"/>',
        '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    ),
    (
        "paragraph",
        "Heading1",
        "heading 1",
        "Normal",
        "BodyText",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/>'
        '<w:outlineLvl w:val="1"/>',
        f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
    ),
    (
        "paragraph",
        "Heading2",
        "heading 2",
        "Normal",
        "BodyText",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>'
        '<w:outlineLvl w:val="2"/>',
        f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    ),
    ("paragraph", "BodyText", "Body Text", "Normal", "BodyText", '<w:spacing w:after="160"/>', ""),
    ("paragraph", "Statement", "Statement", "BodyText", "Statement", "", ""),
    (
        "paragraph",
        "Quote",
        "Quote",
        "BodyText",
        "BodyText",
        f'<w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="{RULE}"/></w:pBdr>'
        '<w:ind w:left="567" w:right="567"/>',
        "<w:i/><w:iCs/>",
    ),
    (
        "paragraph",
        "QuoteAttribution",
        "Quote Attribution",
        "Quote",
        "BodyText",
        '<w:jc w:val="right"/>',
        '<w:i w:val="0"/><w:iCs w:val="0"/><w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "paragraph",
        "ListBullet",
        "List Bullet",
        "BodyText",
        "ListBullet",
        '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="80"/>'
        '<w:ind w:left="567" w:hanging="283"/>',
        "",
    ),
    (
        "paragraph",
        "ListNumber",
        "List Number",
        "BodyText",
        "ListNumber",
        '<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="80"/>'
        '<w:ind w:left="567" w:hanging="283"/>',
        "",
    ),
    (
        "paragraph",
        "Figure",
        "Figure",
        "Normal",
        "Caption",
        '<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:jc w:val="center"/>',
        "",
    ),
    (
        "paragraph",
        "FigureAlt",
        "Figure Alt",
        "Normal",
        "Caption",
        f'<w:keepNext/><w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/>'
        f'<w:left w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/>'
        f'<w:bottom w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/>'
        f'<w:right w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/></w:pBdr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{BOX_FILL}"/>'
        '<w:spacing w:before="240" w:after="60"/>',
        f'<w:i/><w:iCs/><w:color w:val="{MUTED}"/>',
    ),
    (
        "paragraph",
        "LinksBoxHeading",
        "Links Box Heading",
        "Normal",
        "LinksBox",
        f'<w:keepNext/><w:pBdr><w:top w:val="single" w:sz="8" w:space="4" w:color="{RULE}"/></w:pBdr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{BOX_FILL}"/>'
        '<w:spacing w:before="360" w:after="60"/>',
        f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/>',
    ),
    (
        "paragraph",
        "LinksBox",
        "Links Box",
        "Normal",
        "LinksBox",
        f'<w:keepNext/><w:shd w:val="clear" w:color="auto" w:fill="{BOX_FILL}"/>'
        '<w:spacing w:after="60"/>',
        '<w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "paragraph",
        "LanguageVersions",
        "Language Versions",
        "Normal",
        "BodyText",
        '<w:spacing w:before="240" w:after="120"/>',
        '<w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "paragraph",
        "SpeakersHeading",
        "Speakers Heading",
        "Heading1",
        "Speaker",
        "",
        "",
    ),
    (
        "paragraph",
        "Speaker",
        "Speaker",
        "BodyText",
        "Speaker",
        '<w:spacing w:after="60"/><w:ind w:left="284" w:hanging="284"/>',
        "",
    ),
    (
        "paragraph",
        "Topics",
        "Topics",
        "Normal",
        "BodyText",
        '<w:spacing w:after="120"/>',
        f'<w:color w:val="{MUTED}"/><w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "paragraph",
        "Contact",
        "Contact",
        "Normal",
        "Contact",
        f'<w:keepNext/><w:pBdr><w:top w:val="single" w:sz="4" w:space="6" w:color="{RULE}"/>'
        '</w:pBdr><w:spacing w:before="360" w:after="60"/><w:contextualSpacing/>',
        f'<w:color w:val="{MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
    (
        "paragraph",
        "Caption",
        "caption",
        "Normal",
        "BodyText",
        '<w:keepNext/><w:spacing w:before="240" w:after="80"/>',
        f'<w:b/><w:bCs/><w:color w:val="{ACCENT}"/><w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "paragraph",
        "TableText",
        "Table Text",
        "Normal",
        "TableText",
        '<w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/>',
        '<w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "paragraph",
        "TableHeading",
        "Table Heading",
        "TableText",
        "TableText",
        "<w:keepNext/>",
        "<w:b/><w:bCs/>",
    ),
    (
        "paragraph",
        "TableNumber",
        "Table Number",
        "TableText",
        "TableText",
        '<w:jc w:val="right"/>',
        "",
    ),
    (
        "paragraph",
        "TableNote",
        "Table Note",
        "Normal",
        "BodyText",
        '<w:spacing w:before="80" w:after="240"/>',
        f'<w:color w:val="{MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
    (
        "paragraph",
        "FootnoteText",
        "footnote text",
        "Normal",
        "FootnoteText",
        '<w:spacing w:after="60" w:line="240" w:lineRule="auto"/>',
        '<w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
    (
        "paragraph",
        "Header",
        "header",
        "Normal",
        "Header",
        f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{RULE}"/></w:pBdr>'
        '<w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" w:pos="9638"/></w:tabs>'
        '<w:spacing w:after="0"/>',
        f'<w:b/><w:bCs/><w:caps/><w:color w:val="{ACCENT}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
    (
        "paragraph",
        "Footer",
        "footer",
        "Normal",
        "Footer",
        '<w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" w:pos="9638"/></w:tabs>'
        '<w:spacing w:after="0"/><w:jc w:val="right"/>',
        f'<w:color w:val="{MUTED}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
]

CHARACTER_STYLES: list[Style] = [
    (
        "character",
        "Hyperlink",
        "Hyperlink",
        "DefaultParagraphFont",
        None,
        "",
        '<w:color w:val="0563C1"/><w:u w:val="single"/>',
    ),
    (
        "character",
        "SpeakerName",
        "Speaker Name",
        "DefaultParagraphFont",
        None,
        "",
        f'<w:color w:val="{ACCENT}"/>',
    ),
    ("character", "DirectQuotation", "Direct Quotation", "DefaultParagraphFont", None, "", ""),
    ("character", "QuotedTerm", "Quoted Term", "DefaultParagraphFont", None, "", ""),
    ("character", "Emphasis", "Emphasis", "DefaultParagraphFont", None, "", "<w:i/><w:iCs/>"),
    ("character", "Strong", "Strong", "DefaultParagraphFont", None, "", "<w:b/><w:bCs/>"),
    (
        "character",
        "FootnoteReference",
        "footnote reference",
        "DefaultParagraphFont",
        None,
        "",
        '<w:vertAlign w:val="superscript"/>',
    ),
]

# The table style: rules between all cells, the header row shaded. Cell text takes its look
# from the "Table Text" and "Table Heading" paragraph styles.
_BORDER = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
TABLE_STYLE = (
    '<w:style w:type="table" w:styleId="ItemTable"><w:name w:val="Item Table"/>'
    '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
    "<w:tblPr><w:tblBorders>"
    + "".join(f"<w:{side} {_BORDER}/>" for side in ("top", "left", "bottom", "right"))
    + f"<w:insideH {_BORDER}/><w:insideV {_BORDER}/></w:tblBorders>"
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    '<w:tblStylePr w:type="firstRow"><w:tcPr>'
    f'<w:shd w:val="clear" w:color="auto" w:fill="{BOX_FILL}"/></w:tcPr></w:tblStylePr>'
    "</w:style>"
)

SAMPLES = [
    ("Title", "Title: the headline of the item"),
    ("Dateline", "Dateline: date and meeting"),
    ("DocumentSymbol", "Document Symbol: the symbols the item is circulated under"),
    ("Lead", "Lead: the paragraph that sums the item up."),
    ("Heading1", "Heading 1: a section heading"),
    ("BodyText", "Body Text: a paragraph of the item."),
    ("Statement", "Statement: a paragraph reporting what a speaker said."),
    ("Quote", "Quote: a quotation set apart."),
    ("QuoteAttribution", "Quote Attribution: who said it"),
    ("ListBullet", "List Bullet: an entry of a bulleted list"),
    ("ListNumber", "List Number: an entry of a numbered list"),
    ("Figure", "Figure: the paragraph that holds an image"),
    ("FigureAlt", "Figure Alt: an image's text alternative, when the image is not embedded"),
    ("Caption", "Caption: what an image shows, or the title of a table. Photo: a credit"),
    ("SpeakersHeading", "Speakers Heading: Speakers"),
    ("Speaker", "Speaker: Ambassador Hung Seng Tan (Singapore), co-convenor, chair in 2023"),
    ("Topics", "Topics: the subjects of the item"),
    ("LinksBoxHeading", "Links Box Heading: Find out more"),
    ("LinksBox", "Links Box: a related link"),
    ("LanguageVersions", "Language Versions: this item in other languages"),
    ("Contact", "Contact: who to write to"),
    ("FootnoteText", "Footnote Text: the text of a note (the numbers take Footnote Reference)"),
]
TABLE_SAMPLE = (
    ("Table Heading: a column heading", "Table Heading: another"),
    ("Table Text: a cell", "Table Number: 1,234.5"),
)
TABLE_NOTE_SAMPLE = "Table Note: the source of a table"


def _style(style: Style, *, default: bool = False) -> str:
    kind, style_id, name, based_on, following, ppr, rpr = style
    parts = [
        f'<w:style w:type="{kind}" w:styleId="{style_id}"'
        + (' w:default="1"' if default else "")
        + ">",
        f'<w:name w:val="{name}"/>',
    ]
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if following:
        parts.append(f'<w:next w:val="{following}"/>')
    if style_id in {"Hyperlink"}:
        parts.append('<w:uiPriority w:val="99"/><w:unhideWhenUsed/>')
    parts.append("<w:qFormat/>")
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def styles_xml() -> str:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="22"/><w:szCs w:val="22"/>'
        f'<w:lang w:val="{REFERENCE_LANGUAGE}"/>'
        "</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"
    )
    builtins = (
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "<w:qFormat/></w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" '
        'w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        "</w:style>"
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    )
    body = "".join(_style(s) for s in PARAGRAPH_STYLES + CHARACTER_STYLES) + TABLE_STYLE
    return f'{XML_HEAD}<w:styles xmlns:w="{W_NS}">{defaults}{builtins}{body}</w:styles>'


def numbering_xml() -> str:
    def level(ilvl: int, fmt: str, text: str) -> str:
        left = 567 + 425 * ilvl
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="283"/></w:pPr></w:lvl>'
        )

    bullets = "".join(level(i, "bullet", "•◦▪"[i % 3]) for i in range(9))
    numbers = "".join(
        level(i, ("decimal", "lowerLetter", "lowerRoman")[i % 3], f"%{i + 1}.") for i in range(9)
    )
    return (
        f'{XML_HEAD}<w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>{bullets}'
        "</w:abstractNum>"
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{numbers}'
        "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        "</w:numbering>"
    )


def settings_xml() -> str:
    return (
        f'{XML_HEAD}<w:settings xmlns:w="{W_NS}">'
        '<w:defaultTabStop w:val="709"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" '
        'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        "</w:settings>"
    )


def font_table_xml() -> str:
    return (
        f'{XML_HEAD}<w:fonts xmlns:w="{W_NS}">'
        f'<w:font w:name="{FONT}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/>'
        '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
        "</w:fonts>"
    )


def document_xml() -> str:
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{escape(text)}</w:t></w:r></w:p>'
        for style, text in SAMPLES
    )
    character_samples = "".join(
        f'<w:r><w:rPr><w:rStyle w:val="{s[1]}"/></w:rPr>'
        f'<w:t xml:space="preserve">{s[2]}</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> · </w:t></w:r>'
        for s in CHARACTER_STYLES
    )
    def cell(style: str, text: str) -> str:
        return (
            '<w:tc><w:tcPr><w:tcW w:w="4819" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{escape(text)}</w:t></w:r>'
            "</w:p></w:tc>"
        )

    heading, row = TABLE_SAMPLE
    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="ItemTable"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="4819"/><w:gridCol w:w="4819"/></w:tblGrid>'
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        + "".join(cell("TableHeading", t) for t in heading)
        + "</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + cell("TableText", row[0])
        + cell("TableNumber", row[1])
        + "</w:tr></w:tbl>"
        f'<w:p><w:pPr><w:pStyle w:val="TableNote"/></w:pPr><w:r><w:t>{TABLE_NOTE_SAMPLE}</w:t>'
        "</w:r></w:p>"
    )
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rId6"/>'
        '<w:footerReference w:type="default" r:id="rId7"/><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1134" w:header="709" '
        'w:footer="709" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>'
    )
    return (
        f'{XML_HEAD}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{paragraphs}'
        f'<w:p><w:pPr><w:pStyle w:val="BodyText"/></w:pPr>{character_samples}</w:p>'
        f"{table}{section}</w:body></w:document>"
    )


def theme_xml() -> str:
    """A minimal DrawingML theme: Word requires the part; no style here refers to it."""
    colours = [
        ("dk1", "000000"),
        ("lt1", "FFFFFF"),
        ("dk2", ACCENT),
        ("lt2", BOX_FILL),
        ("accent1", ACCENT),
        ("accent2", "8C2D19"),
        ("accent3", "4E7A27"),
        ("accent4", "6B4C9A"),
        ("accent5", "1C7C8C"),
        ("accent6", "B3641B"),
        ("hlink", "0563C1"),
        ("folHlink", "6B4C9A"),
    ]
    scheme = "".join(f'<a:{n}><a:srgbClr val="{v}"/></a:{n}>' for n, v in colours)
    fonts = f'<a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface=""/>'
    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{solid}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        f'{XML_HEAD}<a:theme xmlns:a="{A_NS}" name="jsi_docs">'
        f'<a:themeElements><a:clrScheme name="jsi_docs">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="jsi_docs"><a:majorFont>{fonts}</a:majorFont>'
        f"<a:minorFont>{fonts}</a:minorFont></a:fontScheme>"
        f'<a:fmtScheme name="jsi_docs"><a:fillStyleLst>{solid * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst></a:fmtScheme>"
        "</a:themeElements></a:theme>"
    )


def header_footer_xml(root: str, style: str, text: str) -> str:
    return (
        f'{XML_HEAD}<w:{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
        f'<w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:{root}>'
    )


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels
    )
    return f'{XML_HEAD}<Relationships xmlns="{PKG_RELS_NS}">{items}</Relationships>'


def content_types_xml() -> str:
    ct = "application/vnd.openxmlformats-officedocument."
    overrides = {
        "/word/document.xml": ct + "wordprocessingml.document.main+xml",
        "/word/styles.xml": ct + "wordprocessingml.styles+xml",
        "/word/numbering.xml": ct + "wordprocessingml.numbering+xml",
        "/word/settings.xml": ct + "wordprocessingml.settings+xml",
        "/word/fontTable.xml": ct + "wordprocessingml.fontTable+xml",
        "/word/theme/theme1.xml": ct + "theme+xml",
        "/word/header1.xml": ct + "wordprocessingml.header+xml",
        "/word/footer1.xml": ct + "wordprocessingml.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": ct + "extended-properties+xml",
    }
    items = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides.items())
    return (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{items}</Types>"
    )


def core_xml() -> str:
    return (
        f"{XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>jsi_docs reference document</dc:title>"
        "<dc:creator>jsi_docs</dc:creator>"
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        f"{XML_HEAD}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>jsi_docs</Application></Properties>"
    )


def build() -> bytes:
    """The bytes of the reference document."""
    members = {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": rels_xml(
            [
                ("rId1", OFFICE_RT + "/officeDocument", "word/document.xml"),
                (
                    "rId2",
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    "core-properties",
                    "docProps/core.xml",
                ),
                ("rId3", OFFICE_RT + "/extended-properties", "docProps/app.xml"),
            ]
        ),
        "docProps/core.xml": core_xml(),
        "docProps/app.xml": app_xml(),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": rels_xml(
            [
                ("rId1", OFFICE_RT + "/styles", "styles.xml"),
                ("rId2", OFFICE_RT + "/numbering", "numbering.xml"),
                ("rId3", OFFICE_RT + "/settings", "settings.xml"),
                ("rId4", OFFICE_RT + "/fontTable", "fontTable.xml"),
                ("rId5", OFFICE_RT + "/theme", "theme/theme1.xml"),
                ("rId6", OFFICE_RT + "/header", "header1.xml"),
                ("rId7", OFFICE_RT + "/footer", "footer1.xml"),
            ]
        ),
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
        "word/theme/theme1.xml": theme_xml(),
        "word/header1.xml": header_footer_xml("hdr", "Header", "Series banner (header)"),
        "word/footer1.xml": header_footer_xml("ftr", "Footer", "Page 1 of 1 (footer)"),
    }
    return write_package({name: text.encode("utf-8") for name, text in members.items()})


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else OUTPUT
    target.write_bytes(build())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
