"""``python -m deploy.check``: the production configuration started on this machine and
checked the way a province's server runs it (docs/deploy.md).

On a fresh database (a temporary SQLite file, or a scratch database created on the
PostgreSQL server that ``DATABASE_URL`` names and dropped afterwards) with the demo loaded,
it starts gunicorn and ``thidua db_worker`` with the production environment (``DEBUG=0``,
``THIDUA_HTTPS=1``, as behind nginx), then checks that ``check --deploy`` has no warning,
that ``/healthz`` answers, that plain http is sent to https, that an officer signs in and
a page renders, and that a workbook uploaded in the browser is checked and imported by the
worker. Every process it started is stopped at the end, whatever happened. Exit 0 when all
pass, 1 otherwise (with the logs of the processes).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from deploy.client import Client, Response

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
INSTALLED = "/opt/thidua"  # where the units expect the checkout (docs/deploy.md)
BIN = Path(sys.executable).parent  # thidua and gunicorn sit beside the virtualenv's python
HOST = "127.0.0.1"
ACCOUNT = ("admin", "admin")  # a demo account (README), which may import for every unit
PERSON = {
    "Mã cá nhân": f"KIEMTRA-{secrets.token_hex(3).upper()}",
    "Họ và tên": "Người Kiểm Tra Triển Khai",
    "Giới tính": "Nữ",
    "Mã đơn vị": "HP",
    "Chức vụ": "Chuyên viên",
}
JOB = re.compile(r"/du-lieu/nhap/([0-9a-f-]{36})/")
STOP_WAIT = 20  # seconds for a process to stop on SIGTERM before it is killed


class CheckFailedError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.check", description=__doc__)
    parser.add_argument("--keep", action="store_true", help="keep the folder of logs and data")
    options = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="thidua-deploy-check-"))
    started: list[subprocess.Popen[bytes]] = []
    try:
        with scratch_database(folder) as database_url:
            port = free_port()
            env = production_environment(folder, database_url, port)
            check_all(folder, env, started, Client(HOST, port))
        print("Kiểm tra triển khai: đạt.")
        return 0
    except CheckFailedError as failure:
        print(f"✗ {failure}", file=sys.stderr)
        for log in sorted(folder.glob("*.log")):
            print(f"--- {log.name} (cuối tệp) ---", file=sys.stderr)
            print("\n".join(log.read_text(errors="replace").splitlines()[-30:]), file=sys.stderr)
        return 1
    finally:
        stop(started)
        if options.keep:
            print(f"Thư mục kiểm tra giữ lại: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


def check_all(
    folder: Path, env: dict[str, str], started: list[subprocess.Popen[bytes]], client: Client
) -> None:
    step(
        "check --deploy không có cảnh báo",
        lambda: thidua(env, "check", "--deploy", "--fail-level", "WARNING").strip(),
    )
    step("migrate, nạp dữ liệu mẫu, collectstatic", lambda: prepare(env))
    # The very command lines of the systemd units.
    web = start(folder, "web", env, *unit_command("thidua-web.service"))
    started.append(web)
    worker = start(folder, "worker", env, *unit_command("thidua-worker.service"))
    started.append(worker)
    step("gunicorn và db_worker đã chạy", lambda: wait_until_up(client, web, worker))
    step('/healthz qua http trả lời {"status": "ok"}', lambda: healthz(client))
    step("http thường được chuyển sang https", lambda: redirects_to_https(client))
    step(
        "đăng nhập bằng tài khoản admin (kèm xác thực hai bước), mở trang Tổng quan",
        lambda: sign_in(client),
    )
    step("tệp tĩnh (whitenoise)", lambda: static_file(client))
    step(
        "nhập sổ Excel qua trình duyệt, tiến trình chạy nền kiểm tra và ghi",
        lambda: background_import(client, env, folder),
    )
    step("thidua backup khi hệ thống đang chạy, restore --check", lambda: backup(env, folder))
    step("mỗi yêu cầu một dòng nhật ký trên stdout", lambda: access_log(folder / "web.log"))
    step("dừng gunicorn và db_worker", lambda: stop(started, strict=True))


def step(title: str, action: Callable[[], object]) -> None:
    began = time.monotonic()
    detail = action()
    suffix = f": {detail}" if isinstance(detail, str) and detail else ""
    print(f"✓ {title}{suffix} ({time.monotonic() - began:.1f} s)", flush=True)


@contextmanager
def scratch_database(folder: Path) -> Iterator[str]:
    """A database of its own: a check loads the demo, which must never reach real data."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'db.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'thidua'}_deploy_check_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as server:
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as server:
            server.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def production_environment(folder: Path, database_url: str, port: int) -> dict[str, str]:
    """The variables of deploy/thidua.env.example, with this machine's database, address,
    folder and a new secret key in place of the example's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "THIDUA_"))}
    env.update(environment_file(DEPLOY / "thidua.env.example"))
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=f"{HOST},localhost",
        THIDUA_VAR_DIR=str(folder / "var"),
        THIDUA_BIND=f"{HOST}:{port}",
    )
    return env


def environment_file(path: Path) -> dict[str, str]:
    """``VARIABLE=value`` lines, as systemd's EnvironmentFile reads the simple ones."""
    pairs = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            pairs[name.strip()] = value.strip()
    return pairs


def unit_command(name: str) -> tuple[list[str], dict[str, str]]:
    """The ``ExecStart`` and ``Environment`` of a unit in deploy/systemd/, run from this
    checkout's virtualenv instead of /opt/thidua's."""
    lines = (DEPLOY / "systemd" / name).read_text().splitlines()
    command = next(line.partition("=")[2] for line in lines if line.startswith("ExecStart="))
    argv = shlex.split(command.replace(f"{INSTALLED}/.venv/bin/", f"{BIN}/"))
    settings = [line.partition("=")[2] for line in lines if line.startswith("Environment=")]
    return argv, dict(setting.split("=", 1) for setting in settings)


def thidua(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [str(BIN / "thidua"), *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CheckFailedError(
            f"thidua {' '.join(args)} (mã {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def prepare(env: dict[str, str]) -> None:
    thidua(env, "migrate", "--noinput", "-v", "0")
    thidua(env, "demo", "--if-empty")
    thidua(env, "collectstatic", "--noinput", "-v", "0")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def start(
    folder: Path, name: str, env: dict[str, str], argv: list[str], unit_env: dict[str, str]
) -> subprocess.Popen[bytes]:
    # A session of its own: stopping it stops the master and every worker it forked.
    with (folder / f"{name}.log").open("wb") as log:
        return subprocess.Popen(
            argv,
            env={**env, **unit_env},
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(processes: list[subprocess.Popen[bytes]], *, strict: bool = False) -> str:
    """SIGTERM to each process group (gunicorn's graceful stop; the worker finishes its
    task), SIGKILL after ``STOP_WAIT`` seconds. ``strict``: fail unless all stopped in time."""
    late = []
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=STOP_WAIT)
        except subprocess.TimeoutExpired:
            late.append(process.args[1] if isinstance(process.args, list) else str(process.pid))
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # anything of the group still there
    processes.clear()
    if strict and late:
        raise CheckFailedError(f"không dừng trong {STOP_WAIT} giây: {', '.join(map(str, late))}")
    return "đã dừng hết"


def wait_until_up(
    client: Client, web: subprocess.Popen[bytes], worker: subprocess.Popen[bytes]
) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for name, process in (("gunicorn", web), ("db_worker", worker)):
            if process.poll() is not None:
                raise CheckFailedError(f"{name} đã dừng (mã {process.returncode})")
        try:
            if client.get("/healthz", proxy=False).status == 200:
                return f"cổng {client.port}, {workers(web)} tiến trình gunicorn"
        except OSError:
            pass
        time.sleep(0.3)
    raise CheckFailedError("gunicorn không trả lời trong 60 giây")


def workers(web: subprocess.Popen[bytes]) -> int:
    children = Path(f"/proc/{web.pid}/task/{web.pid}/children")
    return len(children.read_text().split()) if children.exists() else 0


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailedError(message)


def healthz(client: Client) -> str:
    response = client.get("/healthz", proxy=False)
    expect(response.status == 200, f"/healthz trả lời {response.status}: {response.text[:200]}")
    body = response.json()
    expect(body.get("status") == "ok", f"/healthz: {body}")
    return response.text


def redirects_to_https(client: Client) -> str:
    response = client.get("/dang-nhap/", proxy=False)
    location = response.headers.get("Location", "")
    expect(
        response.status == 301 and location.startswith("https://"),
        f"http thường: {response.status} {location}",
    )
    return location


def sign_in(client: Client) -> str:
    page = client.get("/dang-nhap/")
    expect(page.status == 200, f"/dang-nhap/ trả lời {page.status}")
    hsts = page.headers.get("Strict-Transport-Security", "")
    expect("max-age=" in hsts, "thiếu tiêu đề Strict-Transport-Security")
    username, password = ACCOUNT
    answer = client.post(
        "/dang-nhap/",
        {
            "csrfmiddlewaretoken": page.csrf_token(),
            "username": username,
            "password": password,
            "next": "/",
        },
    )
    expect(answer.status == 302, f"đăng nhập trả lời {answer.status}: {answer.text[:300]}")
    session = [c for c in answer.set_cookies() if c.startswith("sessionid=")]
    expect(
        bool(session) and "Secure" in session[0] and "HttpOnly" in session[0],
        f"cookie phiên: {session}",
    )
    home = client.get("/")
    if home.status == 302 and "/xac-thuc-hai-buoc/" in home.headers.get("Location", ""):
        enrol_second_factor(client, home.headers["Location"])
        home = client.get("/")
    expect(
        home.status == 200 and "Đăng xuất" in home.text, f"trang Tổng quan trả lời {home.status}"
    )
    return "cookie phiên Secure, HttpOnly; HSTS; xác thực hai bước của quản trị viên"


def enrol_second_factor(client: Client, location: str) -> None:
    """As an administrator must in production: scan (here, read) the key the page shows and
    answer with the code an authenticator app would compute from it (RFC 6238)."""
    page = client.get(urlsplit(location).path)
    expect(page.status == 200, f"trang thiết lập xác thực hai bước trả lời {page.status}")
    found = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page.text)
    expect(found is not None, "trang thiết lập không hiển thị khóa")
    assert found is not None
    answer = client.post(
        urlsplit(location).path,
        {"csrfmiddlewaretoken": page.csrf_token(), "code": totp(found.group(1))},
    )
    expect(
        answer.status == 200 and "Mã dự phòng" in answer.text,
        f"xác nhận mã xác thực trả lời {answer.status}",
    )


def totp(key: str, at: float | None = None) -> str:
    secret = base64.b32decode(key.replace(" ", ""))
    counter = int((time.time() if at is None else at) // 30).to_bytes(8, "big")
    digest = hmac.new(secret, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def static_file(client: Client) -> None:
    response = client.get("/static/vendor/htmx.min.js")
    expect(
        response.status == 200 and len(response.body) > 1000,
        f"/static/vendor/htmx.min.js: {response.status}",
    )


def background_import(client: Client, env: dict[str, str], folder: Path) -> str:
    workbook = filled_template(env, folder)
    index = client.get("/du-lieu/")
    expect(index.status == 200, f"/du-lieu/ trả lời {index.status}")
    sent = client.upload(
        "/du-lieu/nhap/", {"csrfmiddlewaretoken": index.csrf_token()}, "kiem-tra.xlsx", workbook
    )
    found = JOB.search(sent.headers.get("Location", ""))
    if sent.status != 302 or found is None:
        raise CheckFailedError(f"tải lên trả lời {sent.status}: {sent.text[:300]}")
    job = f"/du-lieu/nhap/{found.group(1)}/"
    ready = wait_for_status(client, job, "ready")
    confirmed = client.post(f"{job}xac-nhan/", {"csrfmiddlewaretoken": ready.csrf_token()})
    expect(confirmed.status == 302, f"xác nhận nhập trả lời {confirmed.status}")
    wait_for_status(client, job, "done")
    person = client.get(f"/don-vi/ca-nhan/{PERSON['Mã cá nhân']}/")
    expect(
        person.status == 200 and PERSON["Họ và tên"] in person.text,
        f"hồ sơ cá nhân vừa nhập: {person.status}",
    )
    return f"{PERSON['Mã cá nhân']} đã có hồ sơ"


def filled_template(env: dict[str, str], folder: Path) -> bytes:
    """The template ``thidua import template`` makes, with one new person on CaNhan."""
    from openpyxl import load_workbook

    path = folder / "mau.xlsx"
    thidua(env, "import", "template", str(path))
    book = load_workbook(path)
    sheet = book["CaNhan"]
    headers = [cell.value for cell in sheet[1]]
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=2, column=column, value=PERSON.get(str(header)))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def wait_for_status(client: Client, job: str, status: str) -> Response:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        page = client.get(job)
        expect(page.status == 200, f"{job} trả lời {page.status}")
        for bad in ("invalid", "failed", "cancelled"):
            expect(f"badge--import-{bad}" not in page.text, f"lần nhập kết thúc ở trạng thái {bad}")
        if f"badge--import-{status}" in page.text:
            return page
        time.sleep(0.5)
    raise CheckFailedError(
        f"lần nhập không tới trạng thái {status} trong 120 giây (tiến trình chạy nền?)"
    )


def backup(env: dict[str, str], folder: Path) -> str:
    archive = folder / "sao-luu.tar.gz"
    made = thidua(env, "backup", str(archive))
    thidua(env, "restore", str(archive), "--check")
    return made.strip()


def access_log(log: Path) -> str:
    lines = [
        line
        for line in log.read_text(errors="replace").splitlines()
        if " INFO gunicorn.access " in line
    ]
    expect(
        any('"POST /dang-nhap/ ' in line for line in lines),
        "không thấy dòng nhật ký của lần đăng nhập",
    )
    return f"{len(lines)} dòng"


if __name__ == "__main__":
    sys.exit(main())
