"""Progress of a long import as one fraction ``(done, total)``, for a terminal line or a
web job's bar: three equal phases (read, check, write) over the rows of the workbook."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
PHASES = ("Đọc", "Kiểm tra", "Ghi")


def phase_of(done: int, total: int) -> tuple[str, int, int]:
    """(phase name, rows done in it, rows) for a ``(done, total)`` report."""
    rows = max(total // len(PHASES), 1)
    # A phase's last step and the next one's first are the same point: show the finished one.
    index = min(max(done - 1, 0) // rows, len(PHASES) - 1)
    return PHASES[index], min(done - index * rows, rows), rows


class Meter:
    def __init__(self, callback: Progress | None) -> None:
        self.callback = callback
        self.rows = 0
        self.phase = 0
        self.done = 0  # in the current phase
        self._step = 1
        self._reported = -1

    def start(self, phase: int, rows: int) -> None:
        self.phase, self.rows, self.done = phase, max(rows, 1), 0
        self._step = max(self.rows // 200, 1)
        self._report(force=True)

    def tick(self, n: int = 1) -> None:
        self.done = min(self.done + n, self.rows)
        self._report()

    def finish(self) -> None:
        self.done = self.rows
        self._report(force=True)

    def _report(self, *, force: bool = False) -> None:
        if self.callback is None:
            return
        done = self.phase * self.rows + self.done
        if force or done - self._reported >= self._step:
            self._reported = done
            self.callback(done, len(PHASES) * self.rows)
