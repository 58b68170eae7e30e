"""The systemd units of deploy/systemd, as systemd itself reads them (``systemd-analyze
verify``, with the shared drop-in thidua-.service.d/), pointed at this checkout."""

from __future__ import annotations

import getpass
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = ["thidua-web.service", "thidua-worker.service", "thidua-backup.service"]

pytestmark = pytest.mark.deploy


@pytest.fixture
def units(tmp_path: Path) -> Path:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is missing (the package systemd)")
    folder = tmp_path / "units"
    shutil.copytree(ROOT / "deploy" / "systemd", folder)
    environment = tmp_path / "thidua.env"
    environment.write_text((ROOT / "deploy" / "thidua.env.example").read_text())
    user = getpass.getuser()
    for unit in (p for p in folder.rglob("*") if p.is_file()):
        text = unit.read_text().replace("/opt/thidua", str(ROOT))
        text = text.replace("/etc/thidua/thidua.env", str(environment))
        text = text.replace("User=thidua", f"User={user}").replace("Group=thidua", "")
        unit.write_text(text)
    return folder


def verify(folder: Path, *names: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["systemd-analyze", "verify", *(str(folder / name) for name in names)],
        env={"SYSTEMD_UNIT_PATH": f"{folder}:", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_unit_and_the_timer_is_valid(units):
    result = verify(units, *UNITS, "thidua-backup.timer")

    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_shared_drop_in_is_read_by_every_unit(units):
    # given: a key systemd does not know, in the drop-in only
    with (units / "thidua-.service.d" / "common.conf").open("a") as conf:
        conf.write("NoSuchKey=1\n")

    result = verify(units, *UNITS)

    assert result.stderr.count("Unknown key 'NoSuchKey'") >= len(UNITS)
