"""A demo dossier made complete as an office would: the tờ trình and achievement reports
generated from the data, and the papers signed elsewhere (the council's minutes, the
initiative council's confirmations) uploaded as scans."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.awards.choices import DocumentKind
from thidua.awards.models import Proposal
from thidua.awards.services.dossier import (
    AFTER_SUBMIT,
    document_upload,
    dossier_checklist,
    dossier_generate,
)

# The smallest file a reader opens as a PDF: the scan of a signed paper stands in for it.
SCAN = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def dossier_complete(*, proposal: Proposal, by: Any) -> None:
    """Every document the proposing unit sends, whichever level it sends them to."""
    dossier_generate(proposal=proposal, by=by)
    missing = [r for r in dossier_checklist(proposal) if not r.present]
    for need in (r for r in missing if r.kind not in AFTER_SUBMIT):
        candidate = proposal.candidates.get(pk=need.candidate_id) if need.candidate_id else None
        name = f"{DocumentKind(need.kind).value}-{need.candidate_id or 'de-nghi'}.pdf"
        document_upload(
            proposal=proposal,
            kind=need.kind,
            upload=SimpleUploadedFile(name, SCAN, content_type="application/pdf"),
            by=by,
            candidate=candidate,
        )
