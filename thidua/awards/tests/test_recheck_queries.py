"""Re-checking a proposal's candidates (on submit, after a revocation) asks the real engine
for all of them at once: the number of queries does not grow with the candidates."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.awards.choices import CheckStatus
from thidua.awards.services import proposals
from thidua.awards.tests.commendation import people_of, ward_with_officer
from thidua.orgs.tests.factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def _recheck_queries(n: int) -> tuple[int, list[str]]:
    unit, officer = ward_with_officer()
    people = people_of(unit, n)
    for person in people:
        AssessmentFactory.create(person=person, year=2024, rating="tot")
    proposal = proposals.proposal_create(
        unit=unit, award_code="lao_dong_tien_tien", year=2024, by=officer
    )
    for person in people:
        proposals.candidate_add(by=proposal.created_by, proposal=proposal, subject=person)
    with CaptureQueriesContext(connection) as queries:
        rows = proposals.candidates_recheck(proposal=proposal)
    return len(queries), [c.check_status for c in rows]


def test_the_recheck_reads_as_many_queries_for_30_candidates_as_for_2():
    few, few_status = _recheck_queries(2)
    many, many_status = _recheck_queries(30)

    assert few == many
    assert set(few_status) == set(many_status) == {CheckStatus.ELIGIBLE}
