"""The shell's own pages: Tổng quan, Tra cứu and Quản trị."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from thidua.awards.choices import AWARD_CODE_GROUPS, DecisionStatus
from thidua.awards.selectors import award_counts_by_kind, decisions_search
from thidua.common.htmx import render_page
from thidua.common.params import text_param, year_param
from thidua.core.catalog import BY_CODE, Kind
from thidua.orgs.models import Unit
from thidua.orgs.selectors import people_count_on, people_for_user, unit_count_on, units_for_user
from thidua.web.tasks import tasks_for

SEARCH_LIMIT = 20


@dataclass(frozen=True, slots=True)
class Figure:
    """One line of Tổng quan: this year's count against last year's."""

    label: str
    note: str
    now: int
    before: int

    @property
    def change(self) -> int:
        return self.now - self.before

    @property
    def change_abs(self) -> int:
        return abs(self.change)


def _same_day(day: date, year: int) -> date:
    """``day`` in another year (29/02 becomes 28/02)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Tổng quan: this year's figures against last year's, and what waits for the user
    (Việc cần làm, with its deadlines)."""
    today = timezone.localdate()
    year = today.year
    last_year_end = date(year - 1, 12, 31)
    same_day_last_year = _same_day(today, year - 1)
    awards = award_counts_by_kind(user=request.user, start=date(year, 1, 1), end=today)
    awards_before = award_counts_by_kind(
        user=request.user, start=date(year - 1, 1, 1), end=same_day_last_year
    )
    period = f"quyết định ký từ 01/01 đến {today:%d/%m}, không tính khen thưởng đã hủy"
    figures = [
        Figure(
            "Đơn vị đang hoạt động",
            f"hiện nay và ngày {last_year_end:%d/%m/%Y}",
            now=unit_count_on(user=request.user, on=today),
            before=unit_count_on(user=request.user, on=last_year_end),
        ),
        Figure(
            "Cá nhân đang công tác",
            f"hiện nay và ngày {last_year_end:%d/%m/%Y}",
            now=people_count_on(user=request.user, on=today),
            before=people_count_on(user=request.user, on=last_year_end),
        ),
        Figure(
            "Lượt danh hiệu thi đua được tặng",
            period,
            now=awards[Kind.TITLE],
            before=awards_before[Kind.TITLE],
        ),
        Figure(
            "Lượt hình thức khen thưởng",
            period,
            now=awards[Kind.FORM],
            before=awards_before[Kind.FORM],
        ),
    ]
    return render(
        request,
        "web/home.html",
        {
            "year": year,
            "last_year": year - 1,
            "today": today,
            "figures": figures,
            "tasks": tasks_for(user=request.user),
        },
    )


@login_required
def search(request: HttpRequest) -> HttpResponse:
    """Tra cứu: one box over people, units and decisions, ignoring diacritics; the decisions
    narrowed by year, title or form, unit and status, every filter in the URL."""
    query = text_param(request, "q")
    year = year_param(request)
    code = text_param(request, "ma")
    code = code if code in BY_CODE else ""
    unit_code = text_param(request, "don_vi")
    unit = Unit.objects.filter(code=unit_code).first() if unit_code else None
    status = text_param(request, "trang_thai")
    status = status if status in DecisionStatus.values else ""
    filtered = bool(year or code or unit or status)
    context: dict[str, object] = {
        "query": query,
        "year": year,
        "code": code,
        "unit_code": unit.code if unit else "",
        "status": status,
        "code_groups": AWARD_CODE_GROUPS,
        "statuses": DecisionStatus.choices,
        "limit": SEARCH_LIMIT,
    }
    if query and not filtered:
        people = people_for_user(user=request.user, query=query)
        units = units_for_user(user=request.user, query=query)
        context |= {
            "show_people": True,
            "people": list(people[:SEARCH_LIMIT]),
            "people_total": people.count(),
            "units": list(units[:SEARCH_LIMIT]),
            "units_total": units.count(),
        }
    if query or filtered:
        found = decisions_search(
            user=request.user, query=query, year=year, code=code, unit=unit, status=status
        )
        context |= {
            "searched": True,
            "decisions": list(found[:SEARCH_LIMIT]),
            "decisions_total": found.count(),
        }
    return render_page(request, "web/search.html", context)


# (heading, what it holds, URL name, for administrators only)
ADMIN_SECTIONS = (
    (
        "Quy định riêng của địa phương",
        "Tỷ lệ, hạn mức khen thưởng và tiêu chuẩn Giấy khen do tỉnh, bộ, ngành quy định",
        "awards:local_rules",
        False,
    ),
    (
        "Ngày nghỉ, ngày làm bù",
        "Lịch ngày làm việc dùng để tính thời hạn lấy ý kiến (ngoài các ngày lễ, Tết theo luật)",
        "admin:awards_calendarday_changelist",
        True,
    ),
    (
        "Người dùng và vai trò",
        "Tài khoản, đơn vị mỗi người được làm việc và vai trò tại đơn vị đó",
        "admin:accounts_user_changelist",
        True,
    ),
    (
        "Đăng nhập: khóa và nhật ký",
        "Tài khoản, địa chỉ đang bị khóa do nhập sai mật khẩu nhiều lần (mở khóa) và mọi lần "
        "đăng nhập, đăng nhập sai",
        "accounts:signins",
        True,
    ),
    (
        "Mã truy cập API",
        "Mã cấp cho phần mềm khác gọi API (tạo bằng lệnh thidua token create)",
        "admin:accounts_apitoken_changelist",
        True,
    ),
    (
        "Nhật ký thay đổi dữ liệu",
        "Ai thay đổi gì, khi nào, giá trị cũ và mới",
        "admin:auditlog_logentry_changelist",
        True,
    ),
    ("Quản trị dữ liệu", "Mọi bảng dữ liệu của hệ thống", "admin:index", True),
)


@login_required
def admin_home(request: HttpRequest) -> HttpResponse:
    """Quản trị: the settings an officer may read, and for administrators the data admin."""
    sections = [
        {"title": title, "holds": holds, "url": reverse(name)}
        for title, holds, name, staff_only in ADMIN_SECTIONS
        if request.user.is_staff or not staff_only
    ]
    return render(request, "web/admin_home.html", {"sections": sections})
