"""Write ``src/jsi_docs/themes/default/reference.docx``, the DOCX exporter's style template.

The look of every named style (font, size, bold, italic, colour, case, letter spacing, spacing,
line height, alignment, rules, indents) comes from the theme's design tokens
(``themes/default/tokens.toml``, the source of ``screen.css`` and ``print.css`` too); this file
adds what only Word has: which style a style is based on and which follows it, keep-with-next,
numbering, tabs, the table style's cell margins. ``python tools/make_theme.py`` runs this after
the stylesheets; ``python tools/make_reference_docx.py`` runs it alone. The output is
byte-identical from run to run (fixed zip timestamps and member order), so a diff in git means a
change of style. Every part is written here from scratch: nothing comes from python-docx's
default template (no "python-docx" author, no 2013 dates, no en-US).

The body holds one sample paragraph per style so that staff can see and restyle them in Word or
LibreOffice; the exporter keeps only the body's section properties (page size, margins).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import attrs

from jsi_docs.exporters.docx._package import write_package
from jsi_docs.themes import DEFAULT_THEME_DIR
from jsi_docs.themes.tokens import TOKENS_NAME, Look, Tokens, load_tokens

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"

OUTPUT = Path(__file__).resolve().parents[1] / "src/jsi_docs/themes/default/reference.docx"
TOKENS: Tokens = load_tokens(DEFAULT_THEME_DIR / TOKENS_NAME)
REFERENCE_LANGUAGE = "en-GB"  # the exporter replaces it with the item's language

# The schema's order of the children of w:pPr and w:rPr (those written here).
PPR_ORDER = (
    "keepNext", "keepLines", "widowControl", "numPr", "pBdr", "shd", "tabs",
    "suppressAutoHyphens", "spacing", "ind", "contextualSpacing", "jc", "outlineLvl",
)  # fmt: skip
RPR_ORDER = (
    "rFonts", "b", "bCs", "i", "iCs", "caps", "color", "spacing", "sz", "szCs", "u",
    "vertAlign", "lang",
)  # fmt: skip
BORDER_ORDER = ("top", "left", "bottom", "right")

Attrs = dict[str, str]


def colour(name: str) -> str:
    """A token colour as OOXML writes it: ``00417A``."""
    return TOKENS.colours[name].removeprefix("#").upper()


def twips(points: float) -> str:
    return str(round(points * 20))


def mm_twips(mm: float) -> str:
    return str(round(mm / 25.4 * 1440))


@attrs.define
class Props:
    """The children of one w:pPr or w:rPr: element name -> attributes (merged on update);
    w:pBdr's sides and raw XML (numbering, tabs) apart."""

    simple: dict[str, Attrs] = attrs.Factory(dict)
    borders: dict[str, Attrs] = attrs.Factory(dict)
    raw: dict[str, str] = attrs.Factory(dict)

    def set(self, tag: str, **attrs: str) -> Props:
        self.simple.setdefault(tag, {}).update(attrs)
        return self

    def xml(self, order: Iterable[str]) -> str:
        out = []
        for tag in order:
            if tag in self.raw:
                out.append(self.raw[tag])
            elif tag == "pBdr" and self.borders:
                sides = "".join(
                    _empty(side, self.borders[side])
                    for side in BORDER_ORDER
                    if side in self.borders
                )
                out.append(f"<w:pBdr>{sides}</w:pBdr>")
            elif tag in self.simple:
                out.append(_empty(tag, self.simple[tag]))
        return "".join(out)


def _empty(tag: str, attrs: Attrs) -> str:
    return f"<w:{tag}" + "".join(f" w:{k}={quoteattr(v)}" for k, v in attrs.items()) + "/>"


@attrs.define
class StyleDef:
    """A named style: its place among the others and what only Word has; its look comes from
    the tokens (the elements that name it)."""

    style_id: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    following: str | None = None
    ppr: Props = attrs.Factory(Props)
    rpr: Props = attrs.Factory(Props)


def keep(*, lines: bool = False) -> Props:
    """Kept with the next paragraph (and, with ``lines``, never split)."""
    props = Props().set("keepNext")
    return props.set("keepLines") if lines else props


def _list(num_id: int) -> Props:
    """A list entry: no space between entries (contextual spacing), a paragraph's space after
    the last one, as the stylesheets' lists have."""
    after = TOKENS.element("paragraph").look.after or 0
    props = Props().set("spacing", after=twips(after)).set("contextualSpacing")
    props.set("ind", left="567", hanging="283")
    props.raw["numPr"] = f'<w:numPr><w:numId w:val="{num_id}"/></w:numPr>'
    return props


_HIGHLIGHTS_RULE = TOKENS.element("highlights").look.rule
_HIGHLIGHTS_INDENT = _HIGHLIGHTS_RULE.width + _HIGHLIGHTS_RULE.gap if _HIGHLIGHTS_RULE else 0
"""The key points' text starts after their rule and its gap, as in CSS."""


def _tabs(props: Props) -> Props:
    props.raw["tabs"] = (
        '<w:tabs><w:tab w:val="center" w:pos="4819"/><w:tab w:val="right" w:pos="9638"/></w:tabs>'
    )
    return props.set("spacing", before="0", after="0")


def _box(props: Props) -> Props:
    """A thin rule on every side and the panel's fill (an image's text alternative)."""
    for side in BORDER_ORDER:
        props.borders[side] = {"val": "single", "sz": "4", "space": "4", "color": colour("rule")}
    props.raw["shd"] = f'<w:shd w:val="clear" w:color="auto" w:fill="{colour("panel")}"/>'
    return props


PARAGRAPH_STYLES: list[StyleDef] = [
    StyleDef("Normal", "Normal", based_on=None, ppr=Props().set("widowControl")),
    StyleDef(
        "Title", "Title", following="Dateline", ppr=keep(lines=True).set("outlineLvl", val="0")
    ),
    StyleDef("Subtitle", "Subtitle", following="Dateline"),
    StyleDef("Dateline", "Dateline", following="Lead"),
    StyleDef("DocumentSymbol", "Document Symbol", based_on="Dateline", following="Lead"),
    StyleDef("ItemDateline", "Item Dateline", based_on="BodyText", following="Lead"),
    StyleDef("Notice", "Notice", based_on="BodyText", following="Lead"),
    StyleDef("Lead", "Lead", following="BodyText"),
    StyleDef(
        "Heading1",
        "heading 1",
        following="BodyText",
        ppr=keep(lines=True).set("outlineLvl", val="1"),
    ),
    StyleDef("BodyText", "Body Text", following="BodyText"),
    StyleDef("Statement", "Statement", based_on="BodyText", following="Statement"),
    StyleDef("LeadIn", "Lead-in", based_on="BodyText", following="BodyText", ppr=keep()),
    StyleDef("Quote", "Quote", based_on="BodyText", following="BodyText", ppr=keep()),
    StyleDef(
        "QuoteAttribution",
        "Quote Attribution",
        based_on="Quote",
        following="BodyText",
        ppr=Props().set("keepNext", val="0").set("keepLines").set("spacing", after=twips(11)),
    ),
    StyleDef(
        "ListBullet", "List Bullet", based_on="BodyText", following="ListBullet", ppr=_list(1)
    ),
    StyleDef(
        "ListNumber", "List Number", based_on="BodyText", following="ListNumber", ppr=_list(2)
    ),
    StyleDef(
        "HighlightsHeading",
        "Highlights Heading",
        based_on="BodyText",
        following="Highlights",
        ppr=keep().set("ind", left=twips(_HIGHLIGHTS_INDENT)),
    ),
    StyleDef(
        "Highlights",
        "Highlights",
        based_on="ListBullet",
        following="Highlights",
        # Word and LibreOffice draw a left border beside a paragraph's first line: the bullet
        # starts there, under the label, and the words 6 mm further, as print.css puts them
        ppr=Props().set("ind", left=str(340 + round(_HIGHLIGHTS_INDENT * 20)), hanging="340"),
    ),
    StyleDef(
        "Figure",
        "Figure",
        following="Caption",
        ppr=keep().set("spacing", before=twips(12), after=twips(3)).set("jc", val="center"),
    ),
    StyleDef(
        "FigureAlt",
        "Figure Alt",
        following="Caption",
        ppr=_box(keep().set("spacing", before=twips(12), after=twips(3))),
    ),
    # keep-with-next serves a table's caption, above it; a figure's is below its image
    StyleDef(
        "Caption",
        "caption",
        following="BodyText",
        ppr=keep().set("spacing", before=twips(3), after=twips(12)),
    ),
    StyleDef(
        "TableCaption",
        "Table Caption",
        based_on="Caption",
        following="BodyText",
        ppr=keep().set("spacing", before=twips(12), after=twips(4)),
    ),
    StyleDef(
        "TableText",
        "Table Text",
        following="TableText",
        ppr=Props().set("spacing", before=twips(2), after=twips(2)),
    ),
    StyleDef(
        "TableHeading", "Table Heading", based_on="TableText", following="TableText", ppr=keep()
    ),
    StyleDef(
        "TableNumber",
        "Table Number",
        based_on="TableText",
        following="TableText",
        ppr=Props().set("jc", val="right"),
    ),
    StyleDef(
        "TableNote",
        "Table Note",
        following="BodyText",
        ppr=Props().set("spacing", before=twips(4), after=twips(12)),
    ),
    StyleDef(
        "FootnoteText",
        "footnote text",
        following="FootnoteText",
        ppr=Props().set("spacing", after=twips(3)),
    ),
    # Back matter: one heading style, one text style; the older names are aliases of them.
    # The links, the language versions and the contact lines keep with what follows them, so
    # the end of the document moves to a new page as one block or not at all.
    StyleDef(
        "BackMatter",
        "Back Matter",
        following="BackMatter",
        ppr=Props().set("spacing", after=twips(2)),
    ),
    StyleDef(
        "BackMatterHeading",
        "Back Matter Heading",
        based_on="BackMatter",
        following="BackMatter",
        ppr=keep(lines=True),
    ),
    StyleDef(
        "SpeakersHeading", "Speakers Heading", based_on="BackMatterHeading", following="Speaker"
    ),
    StyleDef(
        "Speaker",
        "Speaker",
        based_on="BackMatter",
        following="Speaker",
        ppr=Props().set("ind", left="284", hanging="284"),
    ),
    StyleDef("Topics", "Topics", following="BodyText", ppr=Props().set("spacing", after=twips(2))),
    StyleDef(
        "LinksBoxHeading", "Links Box Heading", based_on="BackMatterHeading", following="LinksBox"
    ),
    StyleDef("LinksBox", "Links Box", based_on="BackMatter", following="LinksBox", ppr=keep()),
    StyleDef(
        "LanguageVersions",
        "Language Versions",
        based_on="BackMatter",
        following="BackMatter",
        ppr=keep(),
    ),
    StyleDef("Contact", "Contact", based_on="BackMatter", following="Contact", ppr=keep()),
    StyleDef("Header", "header", following="Header", ppr=_tabs(Props())),
    StyleDef("Footer", "footer", following="Footer", ppr=_tabs(Props()).set("jc", val="right")),
]

CHARACTER_STYLES: list[StyleDef] = [
    StyleDef("Hyperlink", "Hyperlink", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("SpeakerName", "Speaker Name", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("DirectQuotation", "Direct Quotation", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("QuotedTerm", "Quoted Term", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("DocumentCitation", "Document Citation", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("Emphasis", "Emphasis", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("EmphasisUpright", "Emphasis Upright", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("Strong", "Strong", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("EditorialNote", "Editorial Note", kind="character", based_on="DefaultParagraphFont"),
    StyleDef("Untitled", "Untitled", kind="character", based_on="DefaultParagraphFont"),
    StyleDef(
        "FootnoteReference", "footnote reference", kind="character",
        based_on="DefaultParagraphFont", rpr=Props().set("vertAlign", val="superscript"),
    ),
]  # fmt: skip
STYLES = {s.style_id: s for s in PARAGRAPH_STYLES + CHARACTER_STYLES}


def _token_name(style: StyleDef) -> str:
    """The style as the tokens name it: Word's lower-case built-ins capitalised."""
    return {"heading 1": "Heading 1", "caption": "Caption", "footnote text": "Footnote Text",
            "header": "Header", "footer": "Footer", "footnote reference": "Footnote Reference",
            }.get(style.name, style.name)  # fmt: skip


def own_look(style: StyleDef) -> Look:
    """The look the tokens give ``style`` itself: its elements' properties, later ones winning."""
    merged: dict[str, object] = {}
    for element in TOKENS.docx_styles().get(_token_name(style), []):
        merged |= element.look.set()
    return Look(**merged)  # type: ignore[arg-type]


def inherited_look(style: StyleDef) -> Look:
    """The look of ``style`` with what it does not set taken from the styles it is based on."""
    chain = []
    current: StyleDef | None = style
    while current is not None:
        chain.append(current)
        current = STYLES.get(current.based_on) if current.based_on else None
    merged: dict[str, object] = {}
    for each in reversed(chain):
        merged |= own_look(each).set()
    return Look(**merged)  # type: ignore[arg-type]


def look_props(style: StyleDef) -> tuple[Props, Props]:
    """The w:pPr and w:rPr children the tokens make for ``style``."""
    look, full = own_look(style), inherited_look(style)
    ppr, rpr = Props(), Props()
    if look.family is not None:
        font = TOKENS.fonts[look.family]
        name = font.docx
        rpr.set(
            "rFonts",
            ascii=name,
            hAnsi=name,
            eastAsia=font.docx_east_asia or name,
            cs=font.docx_complex or name,
        )
    if look.weight is not None:
        rpr.set("b", **({} if look.weight == 700 else {"val": "0"}))
        rpr.set("bCs", **({} if look.weight == 700 else {"val": "0"}))
    if look.style is not None:
        rpr.set("i", **({} if look.style == "italic" else {"val": "0"}))
        rpr.set("iCs", **({} if look.style == "italic" else {"val": "0"}))
    if look.case is not None:
        rpr.set("caps", **({} if look.case == "upper" else {"val": "0"}))
    if look.colour is not None:
        rpr.set("color", val=colour(look.colour))
    if look.tracking is not None and full.size is not None:
        rpr.set("spacing", val=twips(look.tracking * full.size))
    if look.size is not None:
        rpr.set("sz", val=str(round(look.size * 2)))
        rpr.set("szCs", val=str(round(look.size * 2)))
    if look.decoration is not None:
        rpr.set("u", val="single" if look.decoration == "underline" else "none")
    if style.kind != "paragraph":
        return ppr, rpr
    if look.hyphens is False:
        ppr.set("suppressAutoHyphens")
    if look.before is not None:
        ppr.set("spacing", before=twips(look.before))
    if look.after is not None:
        ppr.set("spacing", after=twips(look.after))
    if (look.size is not None or look.leading is not None) and full.size and full.leading:
        ppr.set("spacing", line=twips(full.size * full.leading), lineRule="atLeast")
    if look.rule is not None:
        rule = look.rule
        ppr.borders[rule.side] = {
            "val": "single",
            "sz": str(round(rule.width * 8)),
            "space": str(round(rule.gap)),
            "color": colour(rule.colour),
        }
    if look.indent is not None:
        # the text starts after the indent, the rule and its gap, as in CSS
        extra = look.rule.width + look.rule.gap if look.rule and look.rule.side == "left" else 0
        ppr.set("ind", left=twips(look.indent + extra))
    if look.align is not None:
        ppr.set("jc", val=look.align)
    return ppr, rpr


def _merge(first: Props, then: Props) -> Props:
    """``then``'s children over ``first``'s (attributes of one element merged)."""
    out = Props()
    for props in (first, then):
        for tag, values in props.simple.items():
            out.set(tag, **values)
        out.borders |= props.borders
        out.raw |= props.raw
    return out


def _style(style: StyleDef) -> str:
    ppr, rpr = look_props(style)
    ppr, rpr = _merge(ppr, style.ppr), _merge(rpr, style.rpr)
    default = ' w:default="1"' if style.style_id == "Normal" else ""
    parts = [
        f'<w:style w:type="{style.kind}"{default} w:styleId="{style.style_id}">',
        f'<w:name w:val="{style.name}"/>',
    ]
    if style.based_on:
        parts.append(f'<w:basedOn w:val="{style.based_on}"/>')
    if style.following:
        parts.append(f'<w:next w:val="{style.following}"/>')
    if style.style_id == "Hyperlink":
        parts.append('<w:uiPriority w:val="99"/><w:unhideWhenUsed/>')
    parts.append("<w:qFormat/>")
    if pxml := ppr.xml(PPR_ORDER):
        parts.append(f"<w:pPr>{pxml}</w:pPr>")
    if rxml := rpr.xml(RPR_ORDER):
        parts.append(f"<w:rPr>{rxml}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


# The table style: rules between all cells, the header row shaded. Cell text takes its look
# from the "Table Text" and "Table Heading" paragraph styles.
def table_style() -> str:
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{colour("rule")}"'
    return (
        '<w:style w:type="table" w:styleId="ItemTable"><w:name w:val="Item Table"/>'
        '<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        "<w:tblPr><w:tblBorders>"
        + "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right"))
        + f"<w:insideH {border}/><w:insideV {border}/></w:tblBorders>"
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:tcPr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{colour("panel")}"/></w:tcPr></w:tblStylePr>'
        "</w:style>"
    )


SAMPLES = [
    ("Title", "Title: the headline of the item"),
    ("Subtitle", "Subtitle: the standfirst below the headline"),
    ("Dateline", "Dateline: date and meeting"),
    ("DocumentSymbol", "Document Symbol: the symbols the item is circulated under"),
    ("ItemDateline", "Item Dateline: Geneva, 12 March 2024"),
    ("Notice", "Notice: Check against delivery"),
    ("Lead", "Lead: the paragraph that sums the item up."),
    ("Heading1", "Heading 1: a section heading"),
    ("BodyText", "Body Text: a paragraph of the item."),
    ("Statement", "Statement: a paragraph reporting what a speaker said."),
    ("LeadIn", "Lead-in: the words before who took the floor, kept with them"),
    ("Quote", "Quote: a quotation set apart."),
    ("QuoteAttribution", "Quote Attribution: who said it"),
    ("ListBullet", "List Bullet: an entry of a bulleted list"),
    ("ListNumber", "List Number: an entry of a numbered list"),
    ("HighlightsHeading", "Highlights Heading: the label of the key points"),
    ("Highlights", "Highlights: a key point, before the body"),
    ("Figure", "Figure: the paragraph that holds an image"),
    ("FigureAlt", "Figure Alt: an image's text alternative, when the image is not embedded"),
    ("Caption", "Caption: what an image shows. Photo: a credit"),
    ("BackMatterHeading", "Back Matter Heading: the heading of each box after the text"),
    ("BackMatter", "Back Matter: a line of a box after the text"),
    ("SpeakersHeading", "Speakers Heading: Speakers"),
    ("Speaker", "Speaker: Ambassador Hung Seng Tan (Singapore), co-convenor, chair in 2023"),
    ("Topics", "Topics: the subjects of the item · one line"),
    ("LinksBoxHeading", "Links Box Heading: Find out more"),
    ("LinksBox", "Links Box: a related link"),
    ("LanguageVersions", "Language Versions: this item in other languages"),
    ("Contact", "Contact: who to write to"),
    ("FootnoteText", "Footnote Text: the text of a note (the numbers take Footnote Reference)"),
]
TABLE_CAPTION_SAMPLE = "Table Caption: the title of a table, above it"
TABLE_SAMPLE = (
    ("Table Heading: a column heading", "Table Heading: another"),
    ("Table Text: a cell", "Table Number: 1,234.5"),
)
TABLE_NOTE_SAMPLE = "Table Note: the source of a table"


def styles_xml() -> str:
    body = TOKENS.element("body").look
    font = TOKENS.fonts[body.family or "serif"]
    body_font = font.docx
    east_asian, complex_script = font.docx_east_asia or body_font, font.docx_complex or body_font
    size = str(round((body.size or 10) * 2))
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{body_font}" w:hAnsi="{body_font}" w:eastAsia="{east_asian}" '
        f'w:cs="{complex_script}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
        f'<w:lang w:val="{REFERENCE_LANGUAGE}"/>'
        "</w:rPr></w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"
    )
    builtins = (
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
    body_styles = "".join(_style(s) for s in PARAGRAPH_STYLES + CHARACTER_STYLES) + table_style()
    return f'{XML_HEAD}<w:styles xmlns:w="{W_NS}">{defaults}{builtins}{body_styles}</w:styles>'


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
    """The theme's two fonts, with the class and PANOSE numbers Word matches a substitute by
    when a font is not installed."""
    fonts = "".join(
        f'<w:font w:name="{font.docx}"><w:panose1 w:val="{font.panose}"/><w:charset w:val="00"/>'
        f'<w:family w:val="{font.docx_family}"/><w:pitch w:val="variable"/></w:font>'
        for font in TOKENS.fonts.values()
    ) + "".join(  # the fonts of the complex-script and East Asian slots, by name only
        f'<w:font w:name="{name}"><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for name in sorted(
            {f.docx_complex for f in TOKENS.fonts.values() if f.docx_complex}
            | {f.docx_east_asia for f in TOKENS.fonts.values() if f.docx_east_asia}
        )
    )
    return f'{XML_HEAD}<w:fonts xmlns:w="{W_NS}">{fonts}</w:fonts>'


def document_xml() -> str:
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{escape(text)}</w:t></w:r></w:p>'
        for style, text in SAMPLES
    )
    character_samples = "".join(
        f'<w:r><w:rPr><w:rStyle w:val="{s.style_id}"/></w:rPr>'
        f'<w:t xml:space="preserve">{s.name}</w:t></w:r>'
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
        f'<w:p><w:pPr><w:pStyle w:val="TableCaption"/></w:pPr><w:r><w:t>{TABLE_CAPTION_SAMPLE}'
        "</w:t></w:r></w:p>"
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
    top, right, bottom, left = (mm_twips(m) for m in TOKENS.margins)
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rId6"/>'
        '<w:footerReference w:type="default" r:id="rId7"/><w:pgSz w:w="11906" w:h="16838"/>'
        f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
        'w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>'
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
        ("dk2", colour("heading")),
        ("lt2", colour("panel")),
        ("accent1", colour("accent")),
        ("accent2", "8C2D19"),
        ("accent3", "4E7A27"),
        ("accent4", "6B4C9A"),
        ("accent5", "1C7C8C"),
        ("accent6", "B3641B"),
        ("hlink", colour("accent")),
        ("folHlink", "6B4C9A"),
    ]
    scheme = "".join(f'<a:{n}><a:srgbClr val="{v}"/></a:{n}>' for n, v in colours)

    def fonts(role: str) -> str:
        return (
            f'<a:latin typeface="{TOKENS.fonts[role].docx}"/><a:ea typeface=""/><a:cs typeface=""/>'
        )

    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{solid}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        f'{XML_HEAD}<a:theme xmlns:a="{A_NS}" name="jsi_docs">'
        f'<a:themeElements><a:clrScheme name="jsi_docs">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="jsi_docs"><a:majorFont>{fonts("sans")}</a:majorFont>'
        f"<a:minorFont>{fonts('serif')}</a:minorFont></a:fontScheme>"
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
