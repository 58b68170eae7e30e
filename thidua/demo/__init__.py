"""The demo data, built from the five seeds through the same services the application uses.

Not a Django app: ``thidua demo`` (``thidua.web.management.commands.demo``) calls
``build_demo``. The build is deterministic (one seeded generator) and runs in one transaction.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from auditlog.context import disable_auditlog
from django.db import transaction

from thidua.demo.accounts import ACCOUNTS, Account, build_accounts, describe
from thidua.demo.commendation import play_commendation
from thidua.demo.community import community_grants
from thidua.demo.decisions import build_issuers, issue_grants
from thidua.demo.emulation import build_emulation
from thidua.demo.emulation_year import play_emulation
from thidua.demo.history import build_history
from thidua.demo.initiatives import InitiativeBook
from thidua.demo.names import NameMaker
from thidua.demo.people import build_people
from thidua.demo.places import KIEN_AN_WARD_CODES, build_places
from thidua.demo.reform import MERGED_WARDS, NEW_WARD, build_reform
from thidua.demo.state import Demo
from thidua.orgs.models import Assessment, Unit

DEMO_SEED = 2024
# A unit only the demo creates: its presence means the demo is loaded.
MARKER_UNIT = "HP-KA"

__all__ = [
    "ACCOUNTS",
    "KIEN_AN_WARD_CODES",
    "MERGED_WARDS",
    "NEW_WARD",
    "Account",
    "DemoSummary",
    "build_demo",
    "demo_loaded",
    "describe",
]


@dataclass
class DemoSummary:
    counts: dict[str, int] = field(default_factory=dict)
    accounts: list[Account] = field(default_factory=list)
    seconds: float = 0.0


def demo_loaded() -> bool:
    return Unit.objects.filter(code=MARKER_UNIT).exists()


def build_demo(*, seed: int = DEMO_SEED) -> DemoSummary:
    """Load the demo into an empty database, in one transaction.

    The audit log stays off while loading: the demo is the starting point, not a change
    anybody made.
    """
    started = time.monotonic()
    rng = random.Random(seed)
    demo = Demo(rng=rng, names=NameMaker(rng))
    with transaction.atomic(), disable_auditlog():
        build_places(demo)
        build_people(demo)
        issuers = build_issuers(demo)
        book = InitiativeBook()
        history = build_history(demo, book)
        Assessment.objects.bulk_create(history.assessments, batch_size=500)
        records = issue_grants(demo, issuers, [*history.grants, *community_grants(demo)])
        emulation = build_emulation(demo, history.cstdcs[2024], history.ldtt[2024])
        build_reform(demo)
        accounts = build_accounts(demo)
        emulation |= play_emulation(demo)
        emulation |= play_commendation()
    counts = {
        "units": len(demo.units),
        "people": len(demo.staff),
        "assessments": len(history.assessments),
        "initiatives": book.created,
        "award_records": records,
        **emulation,
        "accounts": len(accounts),
    }
    return DemoSummary(counts=counts, accounts=accounts, seconds=time.monotonic() - started)
