"""Our own print page as an element tree, read by expat instead of an HTML5 parser.

WeasyPrint parses HTML with a pure-Python HTML5 parser, which reads about a megabyte a second:
5–6% of a PDF's time. The page we hand it is ours, and valid: every element is closed,
text and attribute values are escaped, the JSON-LD escapes ``<``, ``>`` and ``&``. Such a page
is XML once its void elements are closed, and expat reads it twenty times faster. The tree
is then the one an HTML5 parser builds, once two whitespace rules are applied (see
:func:`own_tree`); ``tests/test_pdf_tree.py`` checks that on every example and on generated
items.

Anything this shortcut cannot vouch for (a named character reference, a carriage return, a
namespace prefix, anything expat refuses) gets ``None``: the caller lets WeasyPrint parse. The
caller does so too for pages made with a theme's own templates, whose markup is not ours.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

__all__ = ["own_tree"]

# HTML's void elements: no end tag, so XML needs them self-closed.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>")
# In an attribute value XML turns a tab or line feed into a space; HTML keeps it.
_KEPT_IN_VALUES = str.maketrans({"\t": "&#9;", "\n": "&#10;"})
# What XML and HTML read differently: a carriage return; a character reference other than the
# ones our escaping writes (HTML knows some two thousand names, and maps &#128;-&#159; to
# Windows-1252); "&" in raw text, which HTML does not decode; comments, which XML drops;
# elements HTML5 puts in another namespace or whose first line feed it drops.
_NOT_XML = re.compile(
    r"\r"
    r"|&(?!(?:amp|lt|gt|quot|#34|#39);)"
    r"|<(?:script|style)\b[^<>]*>[^<]*&"
    r"|<!--|<\?"
    r"|<(?:svg|math|pre|textarea|listing)\b"
)


class _Refused(Exception):
    pass


def _close(match: re.Match[str]) -> str:
    tag = match.group(0)
    if tag.endswith("/>") or not match.group(1).islower():
        raise _Refused  # HTML ignores the slash of a non-void element and lowercases names
    if "\t" in tag or "\n" in tag:
        tag = tag.translate(_KEPT_IN_VALUES)
    return tag[:-1] + "/>" if match.group(1) in _VOID else tag


def own_tree(html: str) -> ET.Element | None:
    """The ``<html>`` element of ``html`` as an HTML5 parser would build it, or ``None`` when
    ``html`` is not one of the pages this shortcut can read exactly."""
    if _NOT_XML.search(html) is not None:
        return None
    parser = ET.XMLParser()
    try:
        parser.feed(_START_TAG.sub(_close, html))
        root = parser.close()
    except (ET.ParseError, _Refused):
        return None
    if root.tag != "html" or not _plain_names(root):
        return None
    _as_html5(root, html[html.rfind(">") + 1 :])
    return root


def _plain_names(root: ET.Element) -> bool:
    """No namespace (``xmlns``, ``xml:lang``) and no upper case in element or attribute names."""
    for element in root.iter():
        if "{" in element.tag or not element.tag.islower():
            return False
        for name in element.attrib:
            if "{" in name or not name.islower():
                return False
    return True


def _as_html5(root: ET.Element, after_root: str) -> None:
    """Apply the two rules by which an HTML5 parser places whitespace differently from XML.

    Before ``<head>`` it is dropped; after ``</body>``, even after ``</html>``, it goes inside
    the body, at its end.
    """
    root.text = None
    body = root.find("body")
    moved = ((body.tail or "") + after_root) if body is not None else ""
    if body is None or not moved:
        return
    if len(body):
        last = body[-1]
        last.tail = (last.tail or "") + moved
    else:
        body.text = (body.text or "") + moved
    body.tail = None
