"""``python -m bench [NAME…] [OPTIONS…]``: run every benchmark listed here, or the ones named;
options (from the first argument that starts with ``-``) go to the benchmark named, e.g.
``python -m bench rules --scale 0.1 --db sqlite``.

Adding one: a module ``bench/<name>.py`` with a ``main() -> None`` that prints its table
(``main(argv)`` if it takes options), and its name in ``BENCHES``.
"""

from __future__ import annotations

import importlib
import sys

BENCHES = ("workbook", "rules")


def main(argv: list[str]) -> int:
    split = next((i for i, arg in enumerate(argv) if arg.startswith("-")), len(argv))
    names, options = argv[:split], argv[split:]
    wanted = names or list(BENCHES)
    unknown = [name for name in wanted if name not in BENCHES]
    if unknown:
        print(f"Không có benchmark: {', '.join(unknown)} (có: {', '.join(BENCHES)})")
        return 2
    if options and len(wanted) != 1:
        print("Tùy chọn chỉ dùng khi chạy một benchmark: python -m bench TÊN --tùy-chọn …")
        return 2
    for name in wanted:
        print(f"== {name} ==", flush=True)
        module = importlib.import_module(f"bench.{name}")
        if options:
            module.main(options)
        else:
            module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
