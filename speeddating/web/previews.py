"""Thumbnails of the printed documents for the print screen: the first page of a PDF the page wrote,
rendered here with PDFium (pypdfium2) and kept beside it, so the organiser sees each document before
opening it. Only files of the plan's folder are rendered, named by the page, never by the browser."""

import io
import threading
from contextlib import closing
from pathlib import Path

import pypdfium2

from speeddating.fileio import atomic_write_bytes

PREVIEW_WIDTH = 360
"""Pixels across a thumbnail: readable titles and table numbers, small enough for four side by side."""
PREVIEW_FOLDER = "previews"


PDFIUM = threading.Lock()
"""PDFium is not thread-safe, not even on different documents: every use in the process holds this lock, and
closes what it opened (bitmap, page, document) before letting go, so no finalizer calls PDFium later from
another thread. Two renderings at once, or one beside a garbage-collected page, crashed the process."""


class Previews:
    """Renders and keeps thumbnails, one rendering at a time in the whole process (`PDFIUM`)."""

    def thumbnail(self, pdf: Path) -> bytes:
        """The PNG of `pdf`'s first page, rendered again only when the PDF is newer than the one kept."""
        kept = pdf.parent / PREVIEW_FOLDER / (pdf.stem + ".png")
        with PDFIUM:
            if kept.is_file() and kept.stat().st_mtime_ns >= pdf.stat().st_mtime_ns:
                return kept.read_bytes()
            buffer = io.BytesIO()
            with (
                closing(pypdfium2.PdfDocument(pdf)) as document,
                closing(document[0]) as page,
                closing(page.render(scale=PREVIEW_WIDTH / page.get_width())) as bitmap,
            ):
                bitmap.to_pil().save(buffer, format="PNG", optimize=True)
            kept.parent.mkdir(exist_ok=True)
            atomic_write_bytes(kept, buffer.getvalue())
            return buffer.getvalue()
