"""What an uploaded file must be before it is kept: an .xlsx workbook of a sensible size.

Checked at once, in the request, so that the officer reads the reason next to the upload
field; what is inside the workbook is checked by the background job."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from thidua.common.errors import DomainError
from thidua.common.sizes import megabytes
from thidua.dataio.workbook.reader import not_xlsx

# An .xlsx is a zip archive; an .xls of Excel 97–2003 an OLE2 compound file.
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
EXTENSIONS = (".xlsx", ".xlsm")
DEFAULT_MAX_BYTES = 20 * 2**20  # 100,000 award rows take about 5 MB


def max_upload_bytes() -> int:
    return int(getattr(settings, "WORKBOOK_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES))


def upload_check(upload: UploadedFile) -> None:
    """``DomainError`` with a Vietnamese sentence when ``upload`` cannot be an import."""
    name = PurePath(upload.name or "tệp tải lên").name
    size = upload.size or 0
    if size == 0:
        raise DomainError("empty_file", f"Tệp “{name}” không có nội dung.", field="file")
    limit = max_upload_bytes()
    if size > limit:
        raise DomainError(
            "file_too_large",
            f"Tệp “{name}” nặng {megabytes(size)}, quá giới hạn {megabytes(limit)}; "
            "hãy chia thành nhiều tệp nhỏ hơn (theo năm hoặc theo đơn vị) rồi nhập lần lượt.",
            field="file",
        )
    upload.seek(0)
    head = upload.read(len(ZIP_MAGIC))
    upload.seek(0)
    if head == OLE2_MAGIC:
        raise DomainError(
            "old_excel",
            f"“{name}” là tệp Excel 97–2003 (.xls); hãy mở bằng Excel và lưu lại dưới dạng "
            "Excel Workbook (.xlsx).",
            field="file",
        )
    if head != ZIP_MAGIC or PurePath(name).suffix.lower() not in EXTENSIONS:
        raise DomainError("not_xlsx", not_xlsx(name), field="file")
