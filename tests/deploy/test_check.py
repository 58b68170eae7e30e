"""The deploy check, run as the IT team runs it: the production configuration on this
machine (gunicorn, the worker, HTTPS settings behind a proxy), on SQLite or on a scratch
database of the PostgreSQL server that ``DATABASE_URL`` names."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.deploy


def test_the_production_configuration_serves_signs_in_imports_and_stops():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}

    result = subprocess.run(
        [sys.executable, "-m", "deploy.check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert '✓ /healthz qua http trả lời {"status": "ok"}' in result.stdout
    assert "✓ đăng nhập bằng tài khoản admin (kèm xác thực hai bước), mở trang Tổng quan" in (
        result.stdout
    )
    assert "✓ nhập sổ Excel qua trình duyệt, tiến trình chạy nền kiểm tra và ghi" in result.stdout
    assert "✓ dừng gunicorn và db_worker: đã dừng hết" in result.stdout
    assert result.stdout.rstrip().endswith("Kiểm tra triển khai: đạt.")
