"""The dossier: uploads (type and size checked) and documents generated from the data."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from thidua.awards import docx_documents
from thidua.awards.choices import DocumentKind
from thidua.awards.dossier_checklist import Requirement, checklist
from thidua.awards.models import Candidate, DossierDocument, Proposal
from thidua.common.errors import DomainError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Extension → the content types browsers send for it, and the first bytes of such a file.
ALLOWED_TYPES: dict[str, tuple[frozenset[str], bytes]] = {
    "pdf": (frozenset({"application/pdf"}), b"%PDF"),
    "docx": (frozenset({docx_documents.DOCX, "application/octet-stream"}), b"PK"),
    "jpg": (frozenset({"image/jpeg"}), b"\xff\xd8"),
    "jpeg": (frozenset({"image/jpeg"}), b"\xff\xd8"),
    "png": (frozenset({"image/png"}), b"\x89PNG"),
}


def _check_upload(upload: UploadedFile) -> str:
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise DomainError(
            "bad_file_type",
            f"Tệp “{name}” không được nhận: chỉ nhận PDF, Word (.docx), ảnh JPG hoặc PNG.",
            field="file",
        )
    if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
        raise DomainError(
            "file_too_large", f"Tệp “{name}” vượt quá dung lượng cho phép 10 MB.", field="file"
        )
    types, magic = ALLOWED_TYPES[extension]
    head = upload.read(len(magic))
    upload.seek(0)
    if head != magic or (upload.content_type and upload.content_type not in types):
        raise DomainError(
            "bad_file_content",
            f"Nội dung tệp “{name}” không đúng định dạng .{extension}.",
            field="file",
        )
    return (types and sorted(types)[0]) or "application/octet-stream"


@transaction.atomic
def document_upload(
    *,
    proposal: Proposal,
    kind: str,
    upload: UploadedFile,
    by: Any,
    candidate: Candidate | None = None,
) -> DossierDocument:
    content_type = _check_upload(upload)
    if candidate is not None and candidate.proposal_id != proposal.pk:
        raise DomainError("wrong_candidate", "Đối tượng không thuộc đề nghị này.")
    document = DossierDocument(
        proposal=proposal,
        candidate=candidate,
        kind=DocumentKind(kind),
        original_name=upload.name or "tep",
        size=upload.size or 0,
        content_type=content_type,
        uploaded_by=by,
    )
    document.file.save(upload.name or "tep", upload, save=False)
    document.full_clean()
    document.save()
    return document


def _save_generated(
    proposal: Proposal, kind: DocumentKind, name: str, data: bytes, by: Any,
    candidate: Candidate | None = None,
) -> DossierDocument:  # fmt: skip
    # A regenerated document replaces the previous one of the same kind.
    proposal.documents.filter(kind=kind, candidate=candidate, generated=True).delete()
    document = DossierDocument(
        proposal=proposal,
        candidate=candidate,
        kind=kind,
        original_name=name,
        size=len(data),
        content_type=docx_documents.DOCX,
        generated=True,
        uploaded_by=by,
    )
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    return document


@transaction.atomic
def dossier_generate(*, proposal: Proposal, by: Any) -> list[DossierDocument]:
    """Generate the tờ trình and each candidate's achievement report from the data, while
    the proposing unit may still change them (a sent dossier is the one the reviewer reads)."""
    if not proposal.is_editable:
        raise DomainError(
            "proposal_locked",
            f"Đề nghị đang ở trạng thái “{proposal.get_status_display()}”: "
            "chỉ tạo lại hồ sơ khi còn là nháp hoặc bị trả lại.",
        )
    today = timezone.localdate()
    made = [
        _save_generated(
            proposal, DocumentKind.TO_TRINH, "to-trinh.docx",
            docx_documents.to_trinh(proposal, day=today), by,
        )
    ]  # fmt: skip
    for candidate in proposal.candidates.all():
        if candidate.is_in_play:
            data = docx_documents.bao_cao_thanh_tich(candidate, day=today)
            made.append(
                _save_generated(
                    proposal, DocumentKind.BAO_CAO_THANH_TICH,
                    f"bao-cao-thanh-tich-{candidate.pk}.docx", data, by, candidate,
                )
            )  # fmt: skip
    return made


def dossier_checklist(proposal: Proposal) -> list[Requirement]:
    in_play = [(c.pk, c.recipient_name) for c in proposal.candidates.all() if c.is_in_play]
    present = {(d.kind, d.candidate_id) for d in proposal.documents.all()}
    present |= {(kind, None) for kind, _cid in present}
    if proposal.sessions.exists():  # the minutes are generated from the session
        present.add((DocumentKind.BIEN_BAN_HOP.value, None))
    return checklist(
        award_code=proposal.award_code,
        candidates=in_play,
        disclosed=proposal.disclosures.exists(),
        present=present,
    )


# Documents the proposing unit cannot hold yet when it sends the dossier: the result of the
# public comment comes from the reviewing unit; where the proposing unit decides itself, the
# council's minutes come from the session that follows.
AFTER_SUBMIT = frozenset({DocumentKind.KET_QUA_LAY_Y_KIEN})


def dossier_missing_for_submit(proposal: Proposal) -> list[Requirement]:
    """The documents still missing that the proposing unit must send (Điều 84 Nghị định
    98/2023/NĐ-CP: tờ trình, biên bản họp xét, báo cáo thành tích, xác nhận sáng kiến)."""
    own_council = proposal.reviewing_unit_id == proposal.unit_id
    return [
        r
        for r in dossier_checklist(proposal)
        if not r.present
        and r.kind not in AFTER_SUBMIT
        and not (own_council and r.kind == DocumentKind.BIEN_BAN_HOP)
    ]


def require_complete_dossier(proposal: Proposal) -> None:
    missing = dossier_missing_for_submit(proposal)
    if missing:
        raise DomainError(
            "dossier_incomplete",
            "Hồ sơ còn thiếu: " + "; ".join(r.label for r in missing)
            + ". Tạo tờ trình, báo cáo thành tích từ dữ liệu hoặc tải tài liệu lên rồi gửi lại.",
        )  # fmt: skip
