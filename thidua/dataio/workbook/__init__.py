"""The data workbook (shared/spec/workbook.md): import, export and the empty template."""

from thidua.dataio.workbook.export import workbook_export
from thidua.dataio.workbook.problems import Problem, WorkbookRefused
from thidua.dataio.workbook.progress import Progress, phase_of
from thidua.dataio.workbook.reader import read_workbook
from thidua.dataio.workbook.service import ImportResult, workbook_apply, workbook_import
from thidua.dataio.workbook.template import workbook_template
from thidua.dataio.workbook.validate import Plan, plan_import

__all__ = [
    "ImportResult",
    "Plan",
    "Problem",
    "Progress",
    "WorkbookRefused",
    "phase_of",
    "plan_import",
    "read_workbook",
    "workbook_apply",
    "workbook_export",
    "workbook_import",
    "workbook_template",
]
