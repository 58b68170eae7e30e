"""What a generated document looks like once printed: converted to PDF by LibreOffice (as a
văn thư opens it), then read back with poppler — the page size, the margins the text keeps,
the fonts and their sizes, and the text line by line as it is laid out. Used by the layout
tests."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

PT_PER_MM = 72 / 25.4
A4_MM = (210.0, 297.0)
LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
# Metric-compatible with Times New Roman (same widths), as LibreOffice substitutes it.
TIMES_COMPATIBLE = re.compile(r"Times|LiberationSerif|Liberation Serif|Tinos|NimbusRom")


@dataclass(frozen=True, slots=True)
class Word:
    page: int
    text: str
    x0: float  # mm from the left edge
    y0: float  # mm from the top edge
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class Line:
    page: int
    y: float
    x0: float
    x1: float
    text: str


@dataclass(frozen=True, slots=True)
class Printed:
    pages: int
    size_mm: tuple[float, float]
    words: tuple[Word, ...]
    fonts: tuple[str, ...]
    # Font size (pt) → how much text is set in it.
    sizes: Counter[float]

    def body_words(self) -> list[Word]:
        """The words of the body: not the page number at the top of pages 2 onwards."""
        return [
            w
            for w in self.words
            if not (w.page > 1 and w.text.isdigit() and w.y1 < 20)  # the header area
        ]

    def margins_mm(self) -> dict[str, float]:
        """The smallest distance the text keeps from each edge, over all pages."""
        words = self.body_words()
        width, height = self.size_mm
        return {
            "top": min(w.y0 for w in words if w.page == 1),
            "bottom": height - max(w.y1 for w in words),
            "left": min(w.x0 for w in words),
            "right": width - max(w.x1 for w in words),
        }

    def lines(
        self, page: int = 1, *, left_of: float | None = None, right_of: float | None = None
    ) -> list[Line]:
        """The text of ``page`` as laid out, a line per baseline, optionally only the words
        left of (or right of) a position in mm."""
        rows: dict[float, list[Word]] = {}
        for w in self.words:
            if w.page != page or (left_of is not None and w.x1 > left_of):
                continue
            if right_of is not None and w.x0 < right_of:
                continue
            key = next((y for y in rows if abs(y - w.y1) < 1.0), w.y1)
            rows.setdefault(key, []).append(w)
        return [
            Line(
                page,
                y,
                min(w.x0 for w in ws),
                max(w.x1 for w in ws),
                " ".join(w.text for w in sorted(ws, key=lambda w: w.x0)),
            )
            for y, ws in sorted(rows.items())
        ]

    def dominant_size(self) -> float:
        return self.sizes.most_common(1)[0][0]


def to_pdf(documents: dict[str, bytes], workdir: Path) -> dict[str, Path]:
    """The documents converted by LibreOffice in one headless run, with its own profile so
    that runs in parallel do not share one."""
    assert LIBREOFFICE is not None
    sources = []
    for name, data in documents.items():
        source = workdir / f"{name}.docx"
        source.write_bytes(data)
        sources.append(str(source))
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=workdir))
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            *sources,
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {name: workdir / f"{name}.pdf" for name in documents}


def _words(pdf: Path) -> tuple[tuple[Word, ...], tuple[float, float]]:
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode()
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    words: list[Word] = []
    size = A4_MM
    for number, page in enumerate(root.iterfind(".//h:page", ns), start=1):
        size = (float(page.get("width", 0)) / PT_PER_MM, float(page.get("height", 0)) / PT_PER_MM)
        for w in page.iterfind("h:word", ns):
            words.append(
                Word(
                    number,
                    w.text or "",
                    *(float(w.get(k, 0)) / PT_PER_MM for k in ("xMin", "yMin", "xMax", "yMax")),
                )
            )
    return tuple(words), size


def _fonts(pdf: Path) -> tuple[str, ...]:
    out = subprocess.run(
        ["pdffonts", str(pdf)],
        check=True,
        capture_output=True,
    ).stdout.decode()
    return tuple(line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip())


def _sizes(pdf: Path) -> Counter[float]:
    """Each font size set by the page streams ("/F1 14 Tf"), weighted by the text drawn in it
    until the next change."""
    sizes: Counter[float] = Counter()
    data = pdf.read_bytes()
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            stream = zlib.decompress(match.group(1))
        except zlib.error:
            continue
        parts = re.split(rb"/F\d+\s+([\d.]+)\s+Tf", stream)
        for size, text in zip(parts[1::2], parts[2::2], strict=True):
            drawn = sum(len(s) for s in re.findall(rb"<([0-9A-Fa-f]*)>", text))
            sizes[float(size)] += drawn
    return sizes


def printed(documents: dict[str, bytes], workdir: Path) -> dict[str, Printed]:
    result = {}
    for name, pdf in to_pdf(documents, workdir).items():
        words, size = _words(pdf)
        pages = max((w.page for w in words), default=0)
        result[name] = Printed(pages, size, words, _fonts(pdf), _sizes(pdf))
    return result
