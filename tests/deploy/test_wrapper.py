"""``deploy/bin/thidua``, the command line as the services run it: the settings of the
environment file and the checkout's virtualenv, as the service's user."""

from __future__ import annotations

import getpass
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.deploy


def test_the_wrapper_runs_thidua_with_the_environment_file(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("runuser switches users only for root, as the wrapper is run on a server")
    environment = tmp_path / "thidua.env"
    environment.write_text(
        "# a comment\n"
        "DEBUG=0\n"
        f"SECRET_KEY={'k' * 25}{'z' * 25}\n"
        f"DATABASE_URL=sqlite:///{tmp_path / 'db.sqlite3'}\n"
        f"THIDUA_VAR_DIR={tmp_path / 'var'}\n"
    )
    env = {
        "PATH": os.environ["PATH"],
        "THIDUA_USER": getpass.getuser(),
        "THIDUA_HOME": str(ROOT),
        "THIDUA_ENV": str(environment),
    }

    def thidua(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["sh", str(ROOT / "deploy" / "bin" / "thidua"), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    empty = thidua("backup")
    migrated = thidua("migrate", "-v", "0")
    made = thidua("backup")

    assert empty.returncode == 2
    assert f"SQLite {tmp_path / 'db.sqlite3'} chưa có dữ liệu của Thi đua" in empty.stderr
    assert migrated.returncode == 0, migrated.stderr
    assert made.returncode == 0, made.stderr
    assert f"vào {tmp_path / 'var' / 'backups'}/thidua-" in made.stdout
