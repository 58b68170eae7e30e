"""Writes of the ``orgs`` app: every change to units and people goes through these."""

from thidua.orgs.services.people import (
    assessment_set,
    initiative_create,
    person_create,
    person_move,
)
from thidua.orgs.services.units import unit_create, unit_merge, unit_signers_set

__all__ = [
    "assessment_set",
    "initiative_create",
    "person_create",
    "person_move",
    "unit_create",
    "unit_merge",
    "unit_signers_set",
]
