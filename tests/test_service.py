"""``jsi-docs serve`` as a client meets it: a real server on 127.0.0.1, real HTTP requests."""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import jsi_docs
from _service_helpers import ROOT, call, serving

FRENCH = ROOT / "examples" / "jsi-ecommerce-2023-05-25.fr.yaml"
MAX_BODY = 100_000
MAX_PARTS = 4
YAML = {"Content-Type": "application/yaml"}
INVALID = (
    b"id: x\nlanguage: fr\nheadline: Titre\npublished: 2024-01-01\nsections: []\ncolour: red\n"
)


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serving(
        log, "--workers", "2", "--max-body", str(MAX_BODY), "--max-parts", str(MAX_PARTS)
    ) as found:
        yield found
    assert "http://127.0.0.1:" in log.read_text(), "the server listens on 127.0.0.1 by default"


def french() -> bytes:
    return FRENCH.read_bytes()


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "json", "yaml"])
def test_every_format_is_rendered_with_its_media_type(port: int, fmt: str) -> None:
    from jsi_docs.exporters import get_exporter

    answer = call(port, "POST", f"/render/{fmt}", french(), YAML)
    assert answer.status == 200, answer.body[:500]
    assert answer.headers["content-type"].partition(";")[0] == get_exporter(fmt).media_type
    item = jsi_docs.load(FRENCH)
    assert (
        f'filename="{item.id}{get_exporter(fmt).suffix}"' in answer.headers["content-disposition"]
    )
    if fmt == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.body)).pages)
        assert "Initiative" in text
    elif fmt == "docx":
        assert answer.body[:2] == b"PK"
    else:
        assert item.headline is not None
        assert item.headline.split()[0] in answer.body.decode()


def test_a_json_body_is_read_as_json_and_options_come_from_the_query(port: int) -> None:
    body = jsi_docs.dumps(jsi_docs.load(FRENCH), "json").encode()
    answer = call(
        port, "POST", "/render/html?fragment=true", body, {"Content-Type": "application/json"}
    )
    assert answer.status == 200
    assert answer.body.lstrip().startswith(b"<article")


def test_an_invalid_item_is_422_with_its_problems_and_lines(port: int) -> None:
    answer = call(port, "POST", "/render/pdf", INVALID, YAML)
    assert answer.status == 422
    problems = answer.json()["problems"]
    assert [(p["path"], p["line"]) for p in problems if "colour" in p["path"]] == [("$.colour", 6)]


def test_broken_yaml_is_422_with_its_line(port: int) -> None:
    answer = call(port, "POST", "/render/html", b"id: x\nheadline: [unclosed\n", YAML)
    assert answer.status == 422
    assert answer.json()["problems"][0]["line"] in (2, 3)


def test_bytes_that_are_not_utf8_are_422(port: int) -> None:
    answer = call(port, "POST", "/render/html", b"id: \xff\xfe\n", YAML)
    assert answer.status == 422
    assert "UTF-8" in answer.json()["problems"][0]["message"]


def test_an_oversized_body_is_413_before_parsing(port: int) -> None:
    body = b"# " + b"x" * MAX_BODY + b"\n"
    answer = call(port, "POST", "/render/pdf", body, YAML)
    assert answer.status == 413
    assert str(MAX_BODY) in answer.json()["error"]


def test_an_oversized_body_without_length_is_413(port: int) -> None:
    chunks = iter([b"# " + b"x" * 60_000 + b"\n"] * 3)
    answer = call(port, "POST", "/validate", chunks, YAML)  # type: ignore[arg-type]
    assert answer.status == 413


@pytest.mark.parametrize(
    ("path", "headers", "status", "said"),
    [
        ("/render/odt", YAML, 404, "known: docx"),
        ("/render/pdf?page_size=A3", YAML, 400, "page_size"),
        ("/render/pdf?colour=red", YAML, 400, "takes no option 'colour'"),
        ("/render/pdf?theme=/etc", YAML, 400, "cannot be set over HTTP"),
        ("/render/pdf?allowed_urls=http://127.0.0.1/", YAML, 400, "cannot be set over HTTP"),
        ("/render/html?strict=maybe", YAML, 400, "true or false"),
        ("/render/pdf", {"Content-Type": "image/png"}, 415, "application/yaml"),
        ("/render/pdf?input=toml", YAML, 400, "yaml or json"),
    ],
)
def test_a_bad_request_is_4xx_saying_why(
    port: int, path: str, headers: dict[str, str], status: int, said: str
) -> None:
    answer = call(port, "POST", path, french(), headers)
    assert answer.status == status
    assert said in answer.json()["error"]


@pytest.mark.parametrize(
    ("method", "path", "status", "said"),
    [
        ("GET", "/nowhere", 404, "no such path (known: /render/{format}"),
        ("GET", "/render/html", 405, "allowed: POST"),
        ("POST", "/schema", 405, "allowed: GET, HEAD"),
    ],
)
def test_an_unknown_path_or_method_is_answered_in_json(
    port: int, method: str, path: str, status: int, said: str
) -> None:
    answer = call(port, method, path, b"" if method == "POST" else None)
    assert answer.status == status
    assert answer.headers["content-type"].startswith("application/json")
    assert said in answer.json()["error"]
    assert answer.json()["problems"] == []


def test_validate_reports_problems_with_lines(port: int) -> None:
    good = call(port, "POST", "/validate", french(), YAML).json()
    assert good == {"valid": True, "problems": [], "warnings": []}
    bad = call(port, "POST", "/validate", INVALID, YAML).json()
    assert bad["valid"] is False
    assert {"path": "$.colour", "line": 6} in [
        {k: p[k] for k in ("path", "line")} for p in bad["problems"]
    ]


WARNED = (
    b"id: warned\nlanguage: en\nheadline: Typed marks\npublished: 2024-01-01\nsections:\n"
    b"  - blocks:\n      - text: 'The chair said: \"we are done\".'\n"
    b"      - type: figure\n        image: https://images.example.org/a.png\n"
    b"        alt: The chair closing the session\n"
)
"""A valid item with a warning of its own (typed quotation marks, line 7) and an image the PDF
does not fetch (line 9)."""


def test_validate_gives_warnings_their_lines(port: int) -> None:
    answer = call(port, "POST", "/validate", WARNED, YAML).json()
    assert answer["valid"] is True
    assert [(w["path"], w["line"]) for w in answer["warnings"]] == [
        ("$.sections[0].blocks[0].text", 7)
    ]
    assert answer["warnings"][0]["message"].startswith("quotation marks typed in the text")


def test_render_diagnostics_are_records_with_their_place(port: int) -> None:
    """The header holds each diagnostic's path and line as data, not inside its message."""
    answer = call(port, "POST", "/render/pdf", WARNED, YAML)
    assert answer.status == 200, answer.body[:500]
    found = json.loads(answer.headers["x-jsi-docs-diagnostics"])
    assert [(d["source"], d["severity"], d["path"], d["line"]) for d in found] == [
        ("item", "warning", "$.sections[0].blocks[0].text", 7),
        ("pdf", "warning", "$.sections[0].blocks[1].image", 9),
    ]
    assert found[1]["message"].startswith("https://images.example.org/a.png not fetched")
    body, headers = multipart(("a.yaml", WARNED), ("b.yaml", french()))
    zipped = call(port, "POST", "/render/html", body, headers)
    assert zipped.status == 200, zipped.body[:500]
    assert [
        (d["file"], d["path"], d["line"])
        for d in json.loads(zipped.headers["x-jsi-docs-diagnostics"])
    ] == [("a.html", "$.sections[0].blocks[0].text", 7)]


def test_schema_formats_and_health(port: int) -> None:
    schema = call(port, "GET", "/schema")
    assert schema.headers["content-type"].startswith("application/schema+json")
    assert "headline" in schema.json()["properties"]
    listed = {f["name"]: f for f in call(port, "GET", "/formats").json()["formats"]}
    assert {"html", "pdf", "docx"} <= set(listed)
    assert listed["pdf"]["media_type"] == "application/pdf"
    assert "page_size" in listed["pdf"]["options"]
    assert "theme" not in listed["pdf"]["options"]
    health = call(port, "GET", "/health").json()
    assert health["status"] == "ok"
    assert health["workers"]["size"] == 2


def test_a_bounded_concurrent_load_gets_no_5xx(port: int) -> None:
    """200 requests, 20 at a time, every format and invalid items mixed in."""
    body = french()
    cases = [
        ("/render/pdf", body, 200),
        ("/render/html", body, 200),
        ("/render/docx", body, 200),
        ("/render/pdf", INVALID, 422),
        ("/validate", body, 200),
    ]

    def one(index: int) -> tuple[int, int]:
        path, data, expected = cases[index % len(cases)]
        return expected, call(port, "POST", path, data, YAML, timeout=120).status

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(one, range(200)))
    assert Counter(status for _, status in results if status >= 500) == Counter()
    assert all(expected == status for expected, status in results)
    assert call(port, "GET", "/health").json()["workers"]["killed"] == 0


def test_a_render_over_the_time_ceiling_is_504_and_its_worker_replaced(tmp_path: Path) -> None:
    with serving(tmp_path / "serve.log", "--workers", "1", "--render-timeout", "0.02") as port:
        answer = call(port, "POST", "/render/pdf", french(), YAML)
        assert answer.status == 504
        assert "longer than 0.02 s" in answer.json()["error"]
        workers = call(port, "GET", "/health").json()["workers"]
        assert workers["killed"] == 1
        assert workers["started"] == 2


# -- several items in one multipart body --------------------------------------------------------

EXAMPLES = ROOT / "examples"
ENGLISH = EXAMPLES / "jsi-ecommerce-2023-05-25.en.yaml"


def multipart(
    *files: tuple[str, bytes], boundary: str = "jsi-docs-test-boundary"
) -> tuple[bytes, dict[str, str]]:
    """A multipart/form-data body of file parts (name, bytes), as a browser's form sends it."""
    out = io.BytesIO()
    for index, (filename, data) in enumerate(files):
        out.write(f"--{boundary}\r\n".encode())
        disposition = f'Content-Disposition: form-data; name="item{index}"; filename="{filename}"'
        out.write(disposition.encode() + b"\r\nContent-Type: application/octet-stream\r\n\r\n")
        out.write(data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_a_multipart_body_of_several_items_is_one_zip_of_their_outputs(port: int) -> None:
    import zipfile

    as_json = jsi_docs.dumps(jsi_docs.load(ENGLISH), "json").encode()
    body, headers = multipart(("x/jsi.fr.yaml", french()), ("jsi.en.json", as_json))
    answer = call(port, "POST", "/render/html?fragment=true", body, headers)
    assert answer.status == 200, answer.body[:500]
    assert answer.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(answer.body)) as zipped:
        assert zipped.namelist() == ["jsi.fr.html", "jsi.en.html"]
        french_page = zipped.read("jsi.fr.html").decode()
        english_page = zipped.read("jsi.en.html").decode()
    assert french_page.lstrip().startswith("<article")
    assert 'lang="fr"' in french_page
    headline = jsi_docs.load(ENGLISH).headline
    assert headline is not None
    assert headline.split()[0] in english_page


def test_every_format_comes_zipped_from_a_multipart_body(port: int) -> None:
    import zipfile

    body, headers = multipart(("a.yaml", french()), ("b.yaml", ENGLISH.read_bytes()))
    answer = call(port, "POST", "/render/pdf", body, headers)
    assert answer.status == 200, answer.body[:500]
    with zipfile.ZipFile(io.BytesIO(answer.body)) as zipped:
        assert zipped.namelist() == ["a.pdf", "b.pdf"]
        assert all(zipped.read(n).startswith(b"%PDF-") for n in zipped.namelist())


@pytest.mark.parametrize(
    ("filename", "stored"),
    [
        ("../../etc/passwd.yaml", "passwd.html"),
        ("..\\..\\win.ini.yml", "win.ini.html"),
        ("/abs/.hidden.yaml", "hidden.html"),
        ("..", "item.html"),
        ("a b;c'd$.yaml", "a-b-c-d-.html"),
        ("communiqué.fr.yaml", "communiqué.fr.html"),
    ],
)
def test_a_part_file_name_gives_a_safe_name_in_the_archive(
    port: int, filename: str, stored: str
) -> None:
    import zipfile

    body, headers = multipart((filename, french()))
    answer = call(port, "POST", "/render/html?input=yaml", body, headers)
    assert answer.status == 200, answer.body[:500]
    with zipfile.ZipFile(io.BytesIO(answer.body)) as zipped:
        assert zipped.namelist() == [stored]


def test_parts_whose_outputs_would_share_a_name_are_409_naming_them(port: int) -> None:
    body, headers = multipart(("one/Item.yaml", french()), ("two/item.json", french()))
    answer = call(port, "POST", "/render/html", body, headers)
    assert answer.status == 409
    error = answer.json()["error"]
    assert all(said in error for said in ("'one/Item.yaml'", "'two/item.json'", "differ"))


def test_an_invalid_part_is_422_naming_it_and_nothing_is_rendered(port: int) -> None:
    body, headers = multipart(("good.yaml", french()), ("bad.yaml", INVALID))
    answer = call(port, "POST", "/render/pdf", body, headers)
    assert answer.status == 422
    found = answer.json()
    assert "nothing was rendered" in found["error"]
    assert [(p["part"], p["filename"]) for p in found["parts"]] == [(2, "bad.yaml")]
    problems = found["parts"][0]["problems"]
    assert [(p["path"], p["line"]) for p in problems if "colour" in p["path"]] == [("$.colour", 6)]
    assert all(set(p) >= {"path", "line", "message"} for p in problems)


def test_a_multipart_body_over_the_limit_is_413_before_parsing(port: int) -> None:
    body, headers = multipart(("a.yaml", b"# " + b"x" * MAX_BODY + b"\n"))
    answer = call(port, "POST", "/render/html", body, headers)
    assert answer.status == 413
    assert str(MAX_BODY) in answer.json()["error"]


@pytest.mark.parametrize(
    ("make", "status", "said"),
    [
        (
            lambda: multipart(*[(f"{i}.yaml", b"x: 1") for i in range(MAX_PARTS + 1)]),
            413,
            f"at most {MAX_PARTS}",
        ),
        (
            lambda: (b"no parts here", {"Content-Type": "multipart/form-data; boundary=zz"}),
            400,
            "not multipart",
        ),
        (lambda: (b"--zz--\r\n", {"Content-Type": "multipart/form-data"}), 400, "boundary"),
        (lambda: multipart(("", french())), 400, "no file name"),
        (lambda: multipart(("notes.txt", french())), 415, "'notes.txt'"),
    ],
)
def test_a_bad_multipart_body_is_4xx_saying_why(
    port: int, make: Any, status: int, said: str
) -> None:
    body, headers = make()
    answer = call(port, "POST", "/render/html", body, headers)
    assert answer.status == status, answer.body[:300]
    assert said in answer.json()["error"]
