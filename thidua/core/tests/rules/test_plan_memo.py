"""A plan builds each distinct result once and shares it: the answer for a case must not
depend on what the plan judged before."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from thidua.core.rules import Case, CaseResult, evaluate, rule_set_for_year
from thidua.core.rules.context import Context
from thidua.core.rules.plan import plan_for
from thidua.core.rules.vocabulary import UnitKind
from thidua.core.tests.rules.test_properties import cases


def judged_afresh(case: Case) -> dict[str, object]:
    """The case judged award by award, nothing shared, as the plan did before it kept its
    results."""
    plan = plan_for(rule_set_for_year(case.year), case.year)
    ctx = Context(case, plan.settings, plan.scope)
    verdicts = []
    for award in plan.by_kind[case.kind]:
        verdict = award.judge(ctx)
        if verdict.eligible:
            ctx.eligible_now.add(award.code)
        verdicts.append(verdict)
    verdicts.reverse()
    return CaseResult(case.year, plan.rule_set.name, tuple(verdicts)).as_json()


@settings(max_examples=40, deadline=None)
@given(st.lists(cases(), min_size=2, max_size=4))
def test_shared_results_answer_as_judged_afresh(many: list[Case]):
    # The same facts under every unit kind: equal answers, different deciders.
    variants = [replace(c, unit_kind=kind) for c in many for kind in (None, *UnitKind)]
    for case in [*variants, *reversed(variants)]:
        assert evaluate(case).as_json() == judged_afresh(case)


@settings(max_examples=30, deadline=None)
@given(cases())
def test_equal_answers_share_one_result(case: Case):
    assert evaluate(case) is evaluate(replace(case, years=dict(case.years)))
