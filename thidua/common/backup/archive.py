"""One file per backup: a gzip-compressed tar holding the database copy, the uploaded files
under ``media/`` and ``manifest.json``, written last since it lists the checksum of each
byte written before it. Read back into a temporary folder and checked whole before a restore
touches anything."""

from __future__ import annotations

import io
import shutil
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from thidua.common.backup.errors import BackupError
from thidua.common.backup.manifest import (
    NAME,
    Entry,
    HashingReader,
    Manifest,
    file_sha256,
    not_a_backup,
)

MEDIA = "media"


@dataclass(frozen=True)
class Unpacked:
    """An archive unpacked and checked: its manifest and the folder holding its files."""

    path: Path
    folder: Path
    manifest: Manifest

    @property
    def database(self) -> Path:
        return self.folder / self.manifest.database

    @property
    def media(self) -> Path:
        return self.folder / MEDIA


def media_files(root: Path) -> list[Path]:
    """The uploaded files under ``root``, in a stable order (links left out: their target may
    be anywhere on the machine)."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def add_file(tar: tarfile.TarFile, source: Path, name: str) -> Entry:
    info = tar.gettarinfo(str(source), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with source.open("rb") as handle:
        reader = HashingReader(handle)
        tar.addfile(info, reader)  # reads exactly info.size bytes through the hash
    return Entry(name, reader.size, reader.digest.hexdigest())


def add_manifest(tar: tarfile.TarFile, manifest: Manifest) -> None:
    data = manifest.dumps()
    info = tarfile.TarInfo(NAME)
    info.size = len(data)
    info.mtime = int(manifest.created.timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


@contextmanager
def unpacked(path: Path, *, beside: Path) -> Iterator[Unpacked]:
    """The archive at ``path`` unpacked into a temporary folder in ``beside`` (the folder of
    the uploaded files, so they can be moved in place rather than copied) and checked: every
    file the manifest lists, of its size and checksum, and nothing else."""
    if not path.is_file():
        raise BackupError(f"Không có tệp sao lưu {path}.", code="missing")
    beside.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".thidua-restore-", dir=beside))
    try:
        _extract(path, folder)
        manifest_path = folder / NAME
        if not manifest_path.is_file():
            raise BackupError(not_a_backup(str(path)), code="damaged")
        manifest = Manifest.loads(manifest_path.read_bytes(), archive=str(path))
        _verify(path, folder, manifest)
        yield Unpacked(path, folder, manifest)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _extract(path: Path, folder: Path) -> None:
    try:
        with tarfile.open(path, "r:gz") as tar:
            # "data": no absolute paths, no "..", no links out of the folder, no devices.
            tar.extractall(folder, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError):
        raise BackupError(
            f"Tệp sao lưu {path} bị hỏng hoặc không đầy đủ (không giải nén được); chưa có gì "
            "thay đổi. Hãy dùng một bản sao lưu khác.",
            code="damaged",
        ) from None


def _verify(path: Path, folder: Path, manifest: Manifest) -> None:
    listed = {entry.path for entry in manifest.files}
    found = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {NAME}
    if manifest.database not in listed or listed != found:
        names = sorted(listed ^ found) or [manifest.database]
        raise BackupError(
            _damaged(path, f"thiếu hoặc thừa tệp {', '.join(names[:5])}"), code="damaged"
        )
    for entry in manifest.files:
        file = folder / entry.path
        with file.open("rb") as handle:
            digest = file_sha256(handle)
        if file.stat().st_size != entry.size or digest != entry.sha256:
            raise BackupError(
                _damaged(path, f"tệp {entry.path} không khớp mã kiểm tra SHA-256"), code="damaged"
            )


def _damaged(path: Path, what: str) -> str:
    return (
        f"Bản sao lưu {path} đã bị hỏng hoặc bị sửa ({what}); chưa có gì thay đổi. Hãy dùng "
        "một bản sao lưu khác."
    )
