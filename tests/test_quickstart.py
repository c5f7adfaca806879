"""The README's Quickstart stays runnable: its apt line names what a fresh Debian 12 lacks,
.ci/run installs the same packages and runs tools/fresh_machine.sh, which runs the Quickstart's
commands word for word on a fresh minimal Debian 12."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from tests_helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _quickstart_blocks() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"^```sh\n(.*?)^```$", section, re.M | re.S)]


def test_the_apt_line_names_venv_and_the_weasyprint_libraries() -> None:
    apt, render, test = _quickstart_blocks()
    packages = apt.removeprefix("sudo apt-get install ").split()
    assert packages[0] == "python3-venv"
    assert {"libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"} <= set(packages)
    assert render.startswith("python3 -m venv .venv && ")
    assert test == "./scripts/test"


def test_ci_installs_the_readme_packages_and_runs_the_fresh_machine_check() -> None:
    apt = _quickstart_blocks()[0]
    line = apt.removeprefix("sudo apt-get install ")
    assert line in CI, "the README's apt line, word for word, in .ci/run"
    assert "./tools/fresh_machine.sh" in CI
    assert CI.index("./tools/fresh_machine.sh") < CI.index("exec ./scripts/test")


def test_the_fresh_machine_script_reads_the_commands_from_the_readme() -> None:
    script = (ROOT / "tools" / "fresh_machine.sh").read_text(encoding="utf-8")
    found = subprocess.run(
        ["bash", "-c", 'source <(sed -n "/^readme_block()/,/^}/p" tools/fresh_machine.sh); '
         "for n in 1 2 3; do readme_block $n; echo ---; done"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert found.stdout.split("---\n")[:3] == [b + "\n" for b in _quickstart_blocks()]
    assert "debootstrap --variant=minbase bookworm" in script
    assert shutil.which("bash")


def test_scripts_test_names_the_package_when_venv_is_missing(tmp_path: Path) -> None:
    fake = tmp_path / "python3"
    fake.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then echo "ensurepip is not available" >&2; exit 1; fi\n'
        'exec python3 "$@"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "test", copy / "scripts" / "test")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    done = subprocess.run(
        ["bash", str(copy / "scripts" / "test")],
        env={"PATH": "/usr/bin:/bin", "PYTHON": str(fake)},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "install python3-venv (sudo apt-get install python3-venv)" in done.stderr
    assert not (copy / ".venv").exists()
