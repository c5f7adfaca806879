"""Names, honorifics and roles as Chinese writes them: name parts in Han joined without a space
(family name first) or with a middle dot (a foreign name, given name first), the honorific
after the name and a role after what it is of (``[names]`` in ``zh.toml``), and the line's
punctuation full-width wherever a speaker or the document symbols are listed."""

from __future__ import annotations

import json
import re

import attrs
import pytest

import jsi_docs
from jsi_docs.exporters import jsonld
from jsi_docs.i18n import get_language
from jsi_docs.model import (
    BlockQuote,
    NameOrder,
    PersonName,
    Role,
    RoleKind,
    Section,
    Speaker,
)
from jsi_docs.model.people import Affiliation
from jsi_docs.view import build_view, plain
from tests_helpers import EXAMPLES

CHINESE = EXAMPLES / "jsi-ecommerce-2023-05-25.zh.yaml"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (PersonName("李", "明华", NameOrder.FAMILY_GIVEN), "李明华"),
        (PersonName("米纳", "乔治"), "乔治·米纳"),
        (PersonName("スミス", "ジョン"), "ジョン・スミス"),
        (PersonName("김", "민준", NameOrder.FAMILY_GIVEN), "김민준"),
        (PersonName("Yamazaki", "Kazuyuki", NameOrder.FAMILY_GIVEN), "Yamazaki Kazuyuki"),
        (PersonName("Mina", "George"), "George Mina"),
        (PersonName("李", "Minghua", NameOrder.FAMILY_GIVEN), "李 Minghua"),  # mixed: a space
    ],
)
def test_name_parts_are_joined_as_their_script_writes_names(
    name: PersonName, expected: str
) -> None:
    assert name.full == expected


def test_chinese_puts_the_honorific_after_the_name_and_the_role_after_its_object() -> None:
    names = get_language("zh").names
    assert (names.honorific_after, names.honorific_gap) == (True, "")
    assert get_language("en").names.honorific_after is False
    item = jsi_docs.load(CHINESE)
    minister = Speaker(
        "kz",
        PersonName("努尔兰诺夫", "阿斯兰"),
        honorific="部长",
        member=Affiliation("哈萨克斯坦"),
        roles=(Role(RoleKind.MINISTER, of="外交部"),),
    )
    quote = BlockQuote(["多边主义仍是我们的道路。"], speaker="kz")
    item = attrs.evolve(
        item,
        speakers=(*item.speakers, minister),
        sections=(*item.sections, Section([quote])),
        symbols=("SG/SM/99999", "DEV/9999"),
    )
    view = build_view(item)
    lines = {s.id: s.text for s in view.speakers}
    assert lines["kz"] == "阿斯兰·努尔兰诺夫部长（哈萨克斯坦），外交部部长"
    assert lines["mina"].startswith("乔治·米纳大使（澳大利亚）")
    shown = view.sections[-1].blocks[0]
    assert shown.attribution is not None  # type: ignore[union-attr]
    assert plain(shown.attribution) == "—\u00a0阿斯兰·努尔兰诺夫部长（哈萨克斯坦）"  # type: ignore[union-attr]
    assert view.symbols_label + view.symbols_gap == "文件编号："
    assert view.symbols_separator.join(view.symbols) == "SG/SM/99999，DEV/9999"

    page = jsi_docs.export(item, "html").decode("utf-8")
    assert (
        '<span class="name p-name">阿斯兰·努尔兰诺夫</span>'
        '<span class="honorific p-honorific-suffix">部长</span>'
    ) in page
    assert re.search(r'文件编号：</span><span class="symbols"[^>]*>SG/SM/99999，DEV/9999', page)
    data = jsonld.news_article(view)
    creators = json.dumps(data, ensure_ascii=False)
    assert '"honorificSuffix": "部长"' in creators
    assert '"honorificPrefix"' not in creators


def test_other_languages_keep_the_honorific_before_the_name() -> None:
    item = jsi_docs.load(EXAMPLES / "jsi-ecommerce-2023-05-25.fr.yaml")
    page = jsi_docs.export(item, "html").decode("utf-8")
    assert (
        '<span class="honorific p-honorific-prefix">Ambassadeur</span> '
        '<span class="name p-name">George Mina</span>'
    ) in page
