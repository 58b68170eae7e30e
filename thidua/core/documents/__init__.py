"""How the state's documents name their bodies, word their decisions and cite their grounds
(Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

from thidua.core.documents.bodies import (
    LOCAL_GOVERNMENT_KINDS,
    Body,
    body_of,
    document_symbol,
    head_of,
    head_title,
    issuer_lines,
    issuer_lines_of,
    issuer_name,
    name_lines,
    parent_lines,
    peoples_committee,
    signature_lines,
    symbol_of,
)
from thidua.core.documents.grounds import grounds
from thidua.core.documents.names import form_name
from thidua.core.documents.wording import Granted, decision_subject, grant_sentence, grants_of

__all__ = [
    "LOCAL_GOVERNMENT_KINDS",
    "Body",
    "Granted",
    "body_of",
    "decision_subject",
    "document_symbol",
    "form_name",
    "grant_sentence",
    "grants_of",
    "grounds",
    "head_of",
    "head_title",
    "issuer_lines",
    "issuer_lines_of",
    "issuer_name",
    "name_lines",
    "parent_lines",
    "peoples_committee",
    "signature_lines",
    "symbol_of",
]
