"""Uploaded evidence and attachments: only documents and pictures an office uses, within a
size limit, checked by their first bytes as well as their name (a renamed program is
refused)."""

from __future__ import annotations

from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile

from thidua.common.errors import DomainError

MAX_BYTES = 10 * 1024 * 1024
ZIP = b"PK\x03\x04"
# Extension → the signatures its content may start with.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
}
ACCEPTED = "PDF, ảnh JPG hoặc PNG, Word (.docx), Excel (.xlsx)"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def evidence_check(file: UploadedFile, *, field: str = "evidence") -> None:
    name = file.name or ""
    suffix = PurePath(name).suffix.lower()
    signatures = SIGNATURES.get(suffix)
    if signatures is None:
        raise DomainError(
            "evidence_type", f"Tệp “{name}” không được nhận: chỉ nhận {ACCEPTED}.", field=field
        )
    size = file.size or 0
    if size > MAX_BYTES:
        raise DomainError(
            "evidence_size",
            f"Tệp “{name}” dung lượng {_megabytes(size)} MB, vượt mức "
            f"{MAX_BYTES // 1024 // 1024} MB cho phép.",
            field=field,
        )
    if size == 0:
        raise DomainError("evidence_empty", f"Tệp “{name}” không có nội dung.", field=field)
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if not any(head.startswith(s) for s in signatures):
        raise DomainError(
            "evidence_content",
            f"Nội dung tệp “{name}” không đúng định dạng {suffix[1:].upper()}; "
            "đề nghị lưu lại tệp gốc rồi tải lên.",
            field=field,
        )
