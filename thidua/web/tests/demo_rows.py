"""The demo, loaded once for a test module inside a transaction rolled back at its end, with
the few rows it lacks (an import job, a dossier, a movement's document), and the path
arguments of every URL pattern that takes some, taken from those rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from io import BytesIO, StringIO
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction

from thidua.accounts.models import User
from thidua.awards.models import AwardRecord, Certificate, Decision
from thidua.awards.models_council import Ballot, CouncilSession
from thidua.awards.models_disclosure import Comment, Disclosure
from thidua.awards.models_proposals import Candidate, DossierDocument, Proposal
from thidua.awards.services.dossier import dossier_generate
from thidua.awards.services.proposal_moves import MOVES
from thidua.dataio.models import WorkbookImport
from thidua.dataio.services import workbook_import_start
from thidua.dataio.workbook.template import workbook_template
from thidua.emulation.models import (
    Cluster,
    CovenantSignature,
    Criterion,
    Movement,
    MovementAttachment,
    Registration,
    ScoreLine,
    ScoreSheet,
)
from thidua.emulation.services.movements import movement_attachment_add
from thidua.orgs.models import Person, Unit

# A district officer: sees the district's wards, their history and the district's cycle.
OFFICER = "canbo.kienan"


def _first(model: Any, **filters: Any) -> Any:
    row = model.objects.filter(**filters).order_by("pk").first()
    assert row is not None, f"the demo has no {model.__name__} matching {filters}"
    return row


def _cluster() -> dict[str, Any]:
    cluster = _first(Cluster, covenants__isnull=False)
    return {"code": cluster.code, "year": cluster.year}


def _proposal() -> dict[str, Any]:
    return {"code": _first(Proposal).code}


def _with(base: Callable[[], dict[str, Any]], **more: Callable[[], Any]) -> Callable[[], Any]:
    return lambda: base() | {k: f() for k, f in more.items()}


def _record() -> dict[str, Any]:
    record = _first(AwardRecord)
    return {"pk": record.decision_id, "record": record.pk}


def _pk(model: Any, **filters: Any) -> Callable[[], dict[str, Any]]:
    return lambda: {"pk": _first(model, **filters).pk}


def _code(model: Any) -> Callable[[], dict[str, Any]]:
    return lambda: {"code": _first(model).code}


ARGUMENTS: dict[str, Callable[[], dict[str, Any]]] = {
    "orgs:person": _code(Person),
    "orgs:unit": _code(Unit),
    "emulation:movement": _pk(Movement),
    "emulation:movement_advance": _pk(Movement),
    "emulation:movement_attach": _pk(Movement),
    "emulation:movement_attachment": lambda: (
        lambda a: {"pk": a.movement_id, "attachment_pk": a.pk}
    )(_first(MovementAttachment)),
    **{
        f"emulation:{name}": _cluster
        for name in (
            *("cluster", "cluster_next", "cluster_rules", "cluster_leaders", "covenant"),
            *("covenant_new", "criterion_add", "covenant_open", "covenant_sign"),
            *("covenant_print", "scoring", "sheet_start", "assign_reviewers", "ranking"),
            *("ranking_publish", "ranking_excel", "ranking_word"),
            *("covenant_reopen", "covenant_conference", "assign_reviewer"),
        )
    },
    "emulation:criterion_remove": _with(_cluster, pk=lambda: _first(Criterion).pk),
    "emulation:criterion_edit": _with(_cluster, pk=lambda: _first(Criterion).pk),
    "emulation:signature_correct": _with(_cluster, pk=lambda: _first(CovenantSignature).pk),
    "emulation:sheet": _pk(ScoreSheet),
    "emulation:sheet_recuse": _pk(ScoreSheet),
    "emulation:line_change": _pk(ScoreLine),
    "emulation:evidence": _pk(ScoreLine),
    "emulation:registration_send": _pk(Registration),
    "emulation:registration_approve": _pk(Registration),
    "emulation:registration_return": _pk(Registration),
    "awards:person_eligibility": _code(Person),
    **{
        f"awards:{name}": _proposal
        for name in (
            *("proposal", "candidate_add", "candidates_from_eligible"),
            *("candidates_from_nominations", "dossier_generate", "document_upload"),
        )
    },
    **{
        f"awards:{name}": _with(_proposal, pk=lambda: _first(Candidate).pk)
        for name in ("candidate_other_ground", "candidate_remove", "candidate_release")
    },
    "awards:document": lambda: (lambda d: {"code": d.proposal.code, "pk": d.pk})(
        _first(DossierDocument)
    ),
    "awards:comment_answer": lambda: (lambda c: {"code": c.disclosure.proposal.code, "pk": c.pk})(
        _first(Comment)
    ),
    "awards:proposal_move": _with(_proposal, move=lambda: "gui"),
    **{
        f"awards:{name}": _pk(CouncilSession)
        for name in ("session", "session_agenda", "session_open", "session_close")
    },
    "awards:session_minutes": _pk(CouncilSession),
    **{
        f"awards:{name}": lambda: (lambda b: {"pk": b.session_id, "ballot": b.pk})(_first(Ballot))
        for name in ("ballot_vote", "ballot_hands")
    },
    **{
        f"awards:{name}": _pk(Decision)
        for name in ("decision", "decision_docx", "decision_edit", "decision_issue")
    },
    "awards:award_revoke": _record,
    "awards:certificate_pdf": _code(Certificate),
    **{
        f"dataio:{name}": _code(WorkbookImport)
        for name in ("import", "confirm", "cancel", "retry", "problems")
    },
    "portal:disclosure": _code(Disclosure),
    "portal:verify": _code(Certificate),
    **{f"api:{name}": _code(Unit) for name in ("get_unit", "list_unit_awards")},
    **{
        f"api:{name}": _code(Person)
        for name in ("get_person", "list_person_awards", "person_eligibility_view")
    },
    **{
        f"api:{name}": _pk(Decision)
        for name in (
            *("get_decision", "update_decision", "delete_decision"),
            *("list_decision_awards", "add_award", "issue_decision"),
        )
    },
    **{
        f"api:{name}": _proposal
        for name in (
            *("get_proposal", "add_candidate", "get_dossier", "generate_dossier"),
            *("upload_document", "list_comments"),
            *(f"proposal_{move.name.replace('-', '_')}" for move in MOVES),
        )
    },
    **{
        f"api:{name}": _with(_proposal, pk=lambda: _first(Candidate).pk)
        for name in ("remove_candidate", "candidate_other_ground", "candidate_release")
    },
    "api:answer_comment": lambda: (lambda c: {"code": c.disclosure.proposal.code, "pk": c.pk})(
        _first(Comment)
    ),
    **{
        f"api:{name}": _pk(CouncilSession)
        for name in ("get_session", "add_agenda", "open_session", "close_session")
    },
    **{
        f"api:{name}": lambda: (lambda b: {"pk": b.session_id, "ballot": b.pk})(_first(Ballot))
        for name in ("vote", "record_hands")
    },
    "api:amend_decision": _pk(Decision),
    "api:revoke_award": _record,
    # Any link: the page says it can no longer be used.
    "accounts:password_reset_confirm": lambda: {"uidb64": "MQ", "token": "da-het-han"},
    **{
        f"api:{name}": _cluster
        for name in (
            *("get_cluster", "get_covenant", "sign_covenant", "list_sheets", "start_sheet"),
            *("assign_reviewers", "get_ranking", "publish_ranking"),
            *("add_criterion", "open_covenant", "reopen_covenant", "record_conference"),
            *("list_shortfalls", "assign_reviewer_by_hand"),
        )
    },
    **{
        f"api:{name}": _with(_cluster, pk=lambda: _first(Criterion).pk)
        for name in ("update_criterion", "remove_criterion")
    },
    "api:correct_signature": _with(_cluster, pk=lambda: _first(CovenantSignature).pk),
    **{f"api:{name}": _pk(Movement) for name in ("get_movement", "advance_movement")},
    **{
        f"api:{name}": _pk(Registration)
        for name in (
            *("get_registration", "submit_registration"),
            *("approve_registration", "return_registration"),
        )
    },
    **{f"api:{name}": _pk(ScoreSheet) for name in ("get_sheet", "submit_sheet", "recuse_sheet")},
    **{
        f"api:{name}": _with(_pk(ScoreSheet), criterion=lambda: _first(Criterion).pk)
        for name in ("put_line", "put_evidence")
    },
}


def _rows_the_demo_lacks() -> None:
    """An import job, a dossier and a movement's document, so their pages have a row."""
    officer = User.objects.get(username=OFFICER)
    template = BytesIO()
    workbook_template(template)
    workbook_import_start(
        user=officer, upload=SimpleUploadedFile("so-lieu.xlsx", template.getvalue())
    )
    proposal = Proposal.objects.filter(unit__code="HP-KA").order_by("pk").first()
    assert proposal is not None
    dossier_generate(proposal=proposal, by=officer)
    movement = Movement.objects.filter(launched_by__code="HP-KA").order_by("pk").first()
    assert movement is not None
    movement_attachment_add(
        movement=movement,
        by=officer,
        title="Kế hoạch",
        file=SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4\n%%EOF\n"),
    )


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=StringIO())
        _rows_the_demo_lacks()
        yield
        transaction.set_rollback(True)
