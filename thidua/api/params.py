"""The bounds of what the API reads from a path or a query string, so that a value no row
can have is refused as a 422 in the API's error format, never passed to the database (an
id past 64 bits, page 10³⁰, a year 99999999999, a search of 50,000 characters).

The routers that use these evaluate their annotations (no ``from __future__ import
annotations``): ninja's ``@paginate`` reads a view's signature again from its own module,
where a string annotation such as ``"SearchText"`` names nothing."""

from __future__ import annotations

from typing import Annotated

from ninja import Field, Path, Query, Schema
from ninja.pagination import PageNumberPagination
from pydantic import AfterValidator

from thidua.common.params import ID_MAX, TEXT_MAX_LENGTH, YEAR_MAX, YEAR_MIN, clean_text

# 100 rows a page: a hundred million rows are more than any province keeps.
PAGE_MAX = 1_000_000

Id = Annotated[int, Path(ge=1, le=ID_MAX)]
PathYear = Annotated[int, Path(ge=YEAR_MIN, le=YEAR_MAX)]
# Without NUL characters, which PostgreSQL refuses in any text it compares.
SearchText = Annotated[str, Query(max_length=TEXT_MAX_LENGTH), AfterValidator(clean_text)]
QueryYear = Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX)]


class Pages(PageNumberPagination):
    """Ninja's page numbers, with a last page the database can count to."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=PAGE_MAX)
        page_size: int | None = Field(None, ge=1, le=PAGE_MAX)
