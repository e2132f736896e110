"""Thumbnails of the print screen: the first page of a PDF as a PNG, kept, and rendered again when it changes."""

import io
import os
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from speeddating.web.previews import PDFIUM, PREVIEW_FOLDER, PREVIEW_WIDTH, Previews
from tests.helpers import pdf_text


def write_pdf(path: Path, shade: float) -> None:
    """An A4 page filled with one grey (0 black, 1 white), then a second page the thumbnail must not show."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFillGray(shade)
    canvas.rect(0, 0, *A4, fill=1, stroke=0)
    canvas.showPage()
    canvas.rect(0, 0, *A4, fill=1, stroke=0)
    canvas.save()


def centre_grey(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("L")
    return int(image.getpixel((image.width // 2, image.height // 2)))  # type: ignore[arg-type]


def test_the_first_page_is_rendered_once_and_again_when_the_pdf_changes(tmp_path: Path) -> None:
    pdf = tmp_path / "table-cards.pdf"
    write_pdf(pdf, 0.0)
    previews = Previews()
    first = previews.thumbnail(pdf)
    image = Image.open(io.BytesIO(first))
    assert image.format == "PNG" and image.width == PREVIEW_WIDTH
    assert abs(image.height - PREVIEW_WIDTH * A4[1] / A4[0]) < 1  # the page keeps its proportions
    assert centre_grey(first) == 0
    kept = tmp_path / PREVIEW_FOLDER / "table-cards.png"
    assert kept.read_bytes() == first

    kept.write_bytes(b"kept")  # a thumbnail newer than its PDF is served as kept
    assert previews.thumbnail(pdf) == b"kept"

    write_pdf(pdf, 1.0)
    later = kept.stat().st_mtime_ns + 1_000_000_000
    os.utime(pdf, ns=(later, later))
    assert centre_grey(previews.thumbnail(pdf)) == 255


def test_every_use_of_pdfium_holds_the_one_lock_of_the_process(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """PDFium is not thread-safe across documents either: the previews of the page's server and the tests reading
    PDFs beside it must take turns, or the process crashes (it did, in a browser test)."""
    pdf = tmp_path / "agenda.pdf"
    write_pdf(pdf, 0.5)
    opened = []
    real = pypdfium2.PdfDocument

    def checked(*args: Any, **kwargs: Any) -> pypdfium2.PdfDocument:
        opened.append(PDFIUM.locked())
        return real(*args, **kwargs)

    monkeypatch.setattr(pypdfium2, "PdfDocument", checked)
    Previews().thumbnail(pdf)
    pdf_text(pdf.read_bytes())
    assert opened == [True, True] and not PDFIUM.locked()
