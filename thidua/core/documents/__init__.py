"""How the state's documents name their bodies (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

from thidua.core.documents.bodies import LOCAL_GOVERNMENT_KINDS, body_of, peoples_committee
from thidua.core.documents.wording import Granted, decision_subject, grant_sentence, grants_of

__all__ = [
    "LOCAL_GOVERNMENT_KINDS",
    "Granted",
    "body_of",
    "decision_subject",
    "grant_sentence",
    "grants_of",
    "peoples_committee",
]
