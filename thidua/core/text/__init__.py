"""Vietnamese text helpers: normal form, diacritic folding, name collation, dates, counts."""

from thidua.core.text.collation import name_sort_key, sort_key
from thidua.core.text.dates import format_date, format_date_long, parse_date
from thidua.core.text.fold import fold, normalize
from thidua.core.text.numbers import format_count, number_in_words

__all__ = [
    "fold",
    "format_count",
    "format_date",
    "format_date_long",
    "name_sort_key",
    "normalize",
    "number_in_words",
    "parse_date",
    "sort_key",
]
