"""Query-string values as the pages read them: every page answers whatever is typed in the
address bar, never with a server error. Text is cut to a length a person types (a search of
50,000 characters is a paste or an attack, and SQLite refuses such LIKE patterns); numbers
are read only when they are numbers in their range, otherwise the page's default applies."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import HttpRequest

TEXT_MAX_LENGTH = 200
# A long text typed in a form or sent to the API (a movement's goals, a criterion's wording):
# a page of a document at most; a longer one is an attachment.
LONG_TEXT_MAX_LENGTH = 5000
# Years a record can carry: the Republic's first (no award history before it) to the end of
# the century; the workbook import and export accept the same.
YEAR_MIN, YEAR_MAX = 1945, 2100
# A row's id in the database (a signed 64-bit integer).
ID_MAX = 2**63 - 1


def clean_text(value: str, *, max_length: int = TEXT_MAX_LENGTH) -> str:
    """``value`` without NUL characters (PostgreSQL stores none), cut and stripped."""
    return value.replace("\x00", "")[:max_length].strip()


def text_param(
    request: HttpRequest, name: str, *, default: str = "", max_length: int = TEXT_MAX_LENGTH
) -> str:
    """``?name=`` as text; a longer value is cut, and the page says so."""
    raw = request.GET.get(name, default)
    value = clean_text(raw, max_length=max_length)
    if len(raw) > max_length:
        messages.warning(
            request,
            f"Nội dung tìm kiếm dài quá {max_length} ký tự: chỉ tìm theo {max_length} ký tự đầu.",
        )
    return value


def int_param(
    request: HttpRequest, name: str, *, minimum: int = 0, maximum: int = ID_MAX
) -> int | None:
    """``?name=`` when it is a whole number from ``minimum`` to ``maximum``; None otherwise."""
    return parse_int(request.GET.get(name, ""), minimum=minimum, maximum=maximum)


def parse_int(raw: str, *, minimum: int = 0, maximum: int = ID_MAX) -> int | None:
    text = raw.strip()
    digits = text[1:] if text.startswith("-") else text
    # More digits than the maximum has cannot be in range; int() of them would be slow.
    if not digits.isascii() or not digits.isdigit() or len(digits) > len(str(maximum)):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def year_param(request: HttpRequest, name: str = "nam") -> int | None:
    """``?nam=`` when it is a year a record may carry."""
    return int_param(request, name, minimum=YEAR_MIN, maximum=YEAR_MAX)


def page_param(request: HttpRequest, rows: Any, *, per_page: int) -> Page[Any]:
    """The page ``?trang=`` of ``rows``; a page that is not a number, or past the last, is
    the first or the last (Django's ``get_page``)."""
    return Paginator(rows, per_page).get_page(request.GET.get("trang"))
