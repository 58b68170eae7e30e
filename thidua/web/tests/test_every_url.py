"""Every GET of every URL the app has, with oversize, huge and malformed values in the query
parameters the views read, is answered without a server error (issue 14: a 50,001-character
search, a page number past any page, ``?nam=99999999999``, ``?sua=abc``).

The URLs come from the URL configuration, so a new page is walked as soon as it exists; its
path arguments are real rows of the demo (``ARGUMENTS``), and a pattern with arguments that
has no row there fails the test until it gets one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from io import BytesIO, StringIO
from typing import Any
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from thidua.accounts.models import User
from thidua.awards.models import AwardRecord, Certificate, Decision
from thidua.awards.models_council import Ballot, CouncilSession
from thidua.awards.models_disclosure import Comment, Disclosure
from thidua.awards.models_proposals import Candidate, DossierDocument, Proposal
from thidua.awards.services.dossier import dossier_generate
from thidua.dataio.models import WorkbookImport
from thidua.dataio.services import workbook_import_start
from thidua.dataio.workbook.template import workbook_template
from thidua.emulation.models import (
    Cluster,
    Criterion,
    Movement,
    MovementAttachment,
    Registration,
    ScoreLine,
    ScoreSheet,
)
from thidua.emulation.services.movements import movement_attachment_add
from thidua.orgs.models import Person, Unit

pytestmark = pytest.mark.django_db

OFFICER = "canbo.kienan"
# Django's own admin (/quan-tri-du-lieu/) is not the app's code and refuses officers anyway.
SKIPPED_PREFIXES = ("quan-tri-du-lieu/",)
# Every name a view, a form or an API operation reads from the query string.
PARAMETERS = (
    *("q", "trang", "page", "sap_xep", "xem", "nam", "year", "sua", "xoa", "don_vi", "unit"),
    *("hinh_thuc", "form", "doi_tuong", "kind", "trang_thai", "status", "de_nghi", "so", "ma"),
    *("danh_hieu", "code", "tu_nam", "den_nam", "year_from", "year_to", "next", "cum", "movement"),
    *("page_size", "offset", "limit", "order", "person", "unit_code", "recipient", "ky"),
)
# Names that pick a unit or a row: a wrong one is a 404 before the others are read, so a
# value refused is tried again without them.
PICKERS = frozenset({"don_vi", "unit", "code", "ma", "so", "de_nghi", "person", "unit_code"})
VALUES = {
    "oversize": "a" * 50_001 + " nguyễn" * 2_000,
    "huge number": "9" * 30,
    "malformed": "1a'\"<>%_\\\x00",
}


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
        )
    },
    "emulation:criterion_remove": _with(_cluster, pk=lambda: _first(Criterion).pk),
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
    **{f"awards:{name}": _pk(Decision) for name in ("decision", "decision_docx", "decision_issue")},
    "awards:award_revoke": lambda: (lambda r: {"pk": r.decision_id, "record": r.pk})(
        _first(AwardRecord)
    ),
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
    **{f"api:{name}": _proposal for name in ("get_proposal", "add_candidate", "submit_proposal")},
    **{
        f"api:{name}": _cluster
        for name in (
            *("get_cluster", "get_covenant", "sign_covenant", "list_sheets", "start_sheet"),
            *("assign_reviewers", "get_ranking", "publish_ranking"),
        )
    },
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


def _patterns(
    patterns: list[Any], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, URLPattern]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            inner = f"{namespace}:{p.namespace}" if namespace and p.namespace else p.namespace
            yield from _patterns(p.url_patterns, prefix + str(p.pattern), inner or namespace)
        elif not (prefix + str(p.pattern)).startswith(SKIPPED_PREFIXES):
            name = f"{namespace}:{p.name}" if namespace else str(p.name)
            yield name, p


def _urls() -> dict[str, tuple[str, URLPattern]]:
    found: dict[str, tuple[str, URLPattern]] = {}
    for name, pattern in _patterns(get_resolver().url_patterns):
        # The API names one pattern per path; its GET and POST share it.
        found.setdefault(name, (name, pattern))
    return found


URLS = _urls()


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


def _path(name: str, pattern: URLPattern) -> str:
    converters = pattern.pattern.converters
    if not converters and "<" not in str(pattern.pattern):
        return reverse(name)
    assert name in ARGUMENTS, f"{name}: add its path arguments to ARGUMENTS"
    return reverse(name, kwargs=ARGUMENTS[name]())


@pytest.mark.parametrize("name", sorted(URLS))
def test_no_query_string_makes_a_page_fail(name: str, demo: None) -> None:
    # given: an officer of a district with a year of history
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=OFFICER))
    path = _path(*URLS[name])
    failures = []
    for label, value in VALUES.items():
        for names in (PARAMETERS, [p for p in PARAMETERS if p not in PICKERS]):
            # when
            response = client.get(f"{path}?{urlencode(dict.fromkeys(names, value))}")
            # then
            if response.status_code < 400:
                break
            if response.status_code >= 500:
                error = getattr(response, "exc_info", None)
                cause = repr(error[1])[:300] if error else ""
                failures.append(f"{label} ({len(names)} names): {response.status_code} {cause}")
    assert not failures, f"{path}: {failures}"
