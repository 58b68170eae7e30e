"""The sheets of the workbook, in the order they are checked and written (a sheet may refer
to the ones before it). Adding a sheet: a module with a ``Sheet`` subclass, a line here, a
test module; the template, the export and the notes sheet follow."""

from __future__ import annotations

from typing import Any

from thidua.dataio.workbook.base import Sheet
from thidua.dataio.workbook.sheets.assessments import AssessmentsSheet
from thidua.dataio.workbook.sheets.awards import AwardsSheet
from thidua.dataio.workbook.sheets.clusters import ClustersSheet
from thidua.dataio.workbook.sheets.initiatives import InitiativesSheet
from thidua.dataio.workbook.sheets.people import PeopleSheet
from thidua.dataio.workbook.sheets.units import UnitsSheet

SHEETS: tuple[type[Sheet[Any]], ...] = (
    UnitsSheet,
    PeopleSheet,
    ClustersSheet,
    AssessmentsSheet,
    InitiativesSheet,
    AwardsSheet,
)
