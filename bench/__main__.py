"""``python -m bench [NAME…]``: run every benchmark listed here, or the ones named.

Adding one: a module ``bench/<name>.py`` with a ``main() -> None`` that prints its table,
and its name in ``BENCHES``.
"""

from __future__ import annotations

import importlib
import sys

BENCHES = ("workbook",)


def main(argv: list[str]) -> int:
    wanted = argv or list(BENCHES)
    unknown = [name for name in wanted if name not in BENCHES]
    if unknown:
        print(f"Không có benchmark: {', '.join(unknown)} (có: {', '.join(BENCHES)})")
        return 2
    for name in wanted:
        print(f"== {name} ==", flush=True)
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
