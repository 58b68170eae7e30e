"""Reads of the ``emulation`` app, always through the user's scope (404 outside it)."""

from thidua.emulation.selectors.clusters import (
    CriterionRow,
    LeaderYear,
    cluster_changes,
    cluster_get_for_user,
    cluster_leader_history,
    cluster_members,
    cluster_years_for_user,
    clusters_for_user,
    covenant_for_cluster,
    criteria_rows,
)
from thidua.emulation.selectors.movements import (
    movement_get_for_user,
    movements_for_user,
    movements_open_for_registration,
)
from thidua.emulation.selectors.ranking import (
    RankingView,
    RankRow,
    nominations_for_user,
    nominations_for_year,
    ranking_view,
)
from thidua.emulation.selectors.registrations import (
    Summary,
    SummaryRow,
    registration_get_for_user,
    registration_summary,
    registrations_for_user,
)
from thidua.emulation.selectors.scoring import (
    Tasks,
    can_read_sheet,
    can_write_sheet,
    line_get_for_user,
    reviews_of_covenant,
    scoring_tasks,
    sheet_changes,
    sheet_get_for_user,
    sheet_lines,
)
from thidua.emulation.selectors.tasks import Waiting, Work, emulation_waiting

__all__ = [
    "CriterionRow",
    "LeaderYear",
    "RankRow",
    "RankingView",
    "Summary",
    "SummaryRow",
    "Tasks",
    "Waiting",
    "Work",
    "can_read_sheet",
    "can_write_sheet",
    "cluster_changes",
    "cluster_get_for_user",
    "cluster_leader_history",
    "cluster_members",
    "cluster_years_for_user",
    "clusters_for_user",
    "covenant_for_cluster",
    "criteria_rows",
    "emulation_waiting",
    "line_get_for_user",
    "movement_get_for_user",
    "movements_for_user",
    "movements_open_for_registration",
    "nominations_for_user",
    "nominations_for_year",
    "ranking_view",
    "registration_get_for_user",
    "registration_summary",
    "registrations_for_user",
    "reviews_of_covenant",
    "scoring_tasks",
    "sheet_changes",
    "sheet_get_for_user",
    "sheet_lines",
]
