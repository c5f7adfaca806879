"""``jsi-docs render DIR -o OUT`` renders again only what changed, and says what it skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jsi_docs.cli import main
from jsi_docs.incremental import MANIFEST_NAME, Manifest, item_key
from tests_helpers import EXAMPLES

NAMES = ("jsi-ecommerce-2023-05-25.fr", "jsi-ecommerce-2023-05-25.en")


@pytest.fixture
def items(tmp_path: Path) -> Path:
    folder = tmp_path / "items"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(EXAMPLES / f"{name}.yaml", folder)
    return folder


def render(items: Path, out: Path, *extra: str) -> Result:
    result = CliRunner().invoke(
        main, ["render", str(items), "-o", str(out), "--to", "html", *extra]
    )
    assert result.exit_code == 0, result.output
    return result


def written(out: Path) -> dict[str, int]:
    return {name: (out / f"{name}.html").stat().st_mtime_ns for name in NAMES}


def test_a_second_render_skips_every_unchanged_item(items: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = render(items, out)
    assert "skipped" not in first.stderr
    before = written(out)
    again = render(items, out)
    assert "2 unchanged item(s) skipped" in again.stderr
    assert written(out) == before


def test_an_edited_source_is_rendered_again_alone(items: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    render(items, out)
    before = written(out)
    with (items / f"{NAMES[0]}.yaml").open("a", encoding="utf-8") as file:
        file.write("# edited\n")
    result = render(items, out)
    assert "1 unchanged item(s) skipped" in result.stderr
    after = written(out)
    assert after[NAMES[0]] != before[NAMES[0]]
    assert after[NAMES[1]] == before[NAMES[1]]


@pytest.mark.parametrize(
    "change", [("--labels-language", "es"), ("--fragment",), ("--to", "html,docx")]
)
def test_other_options_or_formats_render_everything(
    items: Path, tmp_path: Path, change: tuple[str, ...]
) -> None:
    out = tmp_path / "out"
    render(items, out)
    assert "skipped" not in render(items, out, *change).stderr


def test_a_changed_theme_renders_everything(items: Path, tmp_path: Path) -> None:
    out, theme = tmp_path / "out", tmp_path / "theme"
    theme.mkdir()
    (theme / "screen.css").write_text("body { color: black; }\n", encoding="utf-8")
    render(items, out, "--theme", str(theme))
    assert "skipped" in render(items, out, "--theme", str(theme)).stderr
    (theme / "screen.css").write_text("body { color: navy; }\n", encoding="utf-8")
    assert "skipped" not in render(items, out, "--theme", str(theme)).stderr


def test_a_deleted_output_and_force_render_again(items: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    render(items, out)
    (out / f"{NAMES[1]}.html").unlink()
    assert "1 unchanged item(s) skipped" in render(items, out).stderr
    assert (out / f"{NAMES[1]}.html").is_file()
    assert "skipped" not in render(items, out, "--force").stderr


def test_a_failed_item_is_not_remembered(items: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    broken = items / "broken.yaml"
    broken.write_text("id: [\n", encoding="utf-8")
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(main, ["render", str(items), "-o", str(out), "--to", "html"])
        assert result.exit_code == 1
    assert "FAILED" in result.stderr
    manifest = Manifest.load(out)
    assert not manifest.fresh(broken, item_key(broken, ["html"], {}))
    assert manifest.fresh(items / f"{NAMES[0]}.yaml", None) is False


def test_a_library_change_changes_the_key(items: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = items / f"{NAMES[0]}.yaml"
    key = item_key(source, ["html"], {})
    monkeypatch.setattr("jsi_docs.incremental.library_fingerprint", lambda: "0.2.0+other")
    assert item_key(source, ["html"], {}) != key


def test_an_unreadable_manifest_renders_everything(items: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    render(items, out)
    (out / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert "skipped" not in render(items, out).stderr
    assert "2 unchanged item(s) skipped" in render(items, out).stderr
