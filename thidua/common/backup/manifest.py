"""What a backup holds, written into it as ``manifest.json``: when and by which version of
Thi đua it was made, the database it came from (vendor, migrations applied, rows per table)
and every file with its size and SHA-256, so that a restore can refuse a damaged archive
before it touches anything."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from thidua.common.backup.errors import BackupError

FORMAT = "thidua-backup"
VERSION = 1
NAME = "manifest.json"
CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    path: str  # inside the archive: "database.sqlite3", "media/imports/2026/12/….xlsx"
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    created_at: str  # ISO 8601, UTC
    app_version: str
    vendor: str  # Django's: "sqlite" or "postgresql"
    database: str  # the entry holding the dump
    migrations: list[str]  # "app.0001_name", applied in the database backed up
    tables: dict[str, int]  # rows per table, counted in the snapshot that was dumped
    files: list[Entry] = field(default_factory=list)
    format: str = FORMAT
    version: int = VERSION

    @property
    def media(self) -> list[Entry]:
        return [e for e in self.files if e.path.startswith("media/")]

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def dumps(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode()

    @classmethod
    def loads(cls, data: bytes, *, archive: str) -> Manifest:
        try:
            raw: dict[str, Any] = json.loads(data)
            if raw.get("format") != FORMAT:
                raise ValueError("not a Thi đua backup")
            if raw.get("version") != VERSION:
                raise BackupError(
                    f"Bản sao lưu {archive} có định dạng phiên bản {raw.get('version')}, "
                    f"phiên bản Thi đua này chỉ đọc được định dạng {VERSION}."
                )
            files = [Entry(**entry) for entry in raw.pop("files")]
            return cls(**raw, files=files)
        except (ValueError, TypeError, KeyError, AttributeError):
            raise BackupError(not_a_backup(archive), code="damaged") from None


def not_a_backup(archive: str) -> str:
    return (
        f"Tệp {archive} không phải bản sao lưu của Thi đua hoặc đã bị hỏng (không đọc được "
        "bản kê nội dung); chưa có gì thay đổi."
    )


class HashingReader:
    """Reads a file for the archive and hashes the very bytes written into it, so the
    manifest describes what was archived even if the file changes meanwhile."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def file_sha256(handle: BinaryIO) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()
