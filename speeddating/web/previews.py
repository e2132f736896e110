"""Thumbnails of the printed documents for the print screen: the first page of a PDF the page wrote,
rendered here with PDFium (pypdfium2) and kept beside it, so the organiser sees each document before
opening it. Only files of the plan's folder are rendered, named by the page, never by the browser."""

import io
import threading
from pathlib import Path

import pypdfium2

from speeddating.fileio import atomic_write_bytes

PREVIEW_WIDTH = 360
"""Pixels across a thumbnail: readable titles and table numbers, small enough for four side by side."""
PREVIEW_FOLDER = "previews"


class Previews:
    """Renders and keeps thumbnails; PDFium is not thread-safe, so one rendering at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def thumbnail(self, pdf: Path) -> bytes:
        """The PNG of `pdf`'s first page, rendered again only when the PDF is newer than the one kept."""
        kept = pdf.parent / PREVIEW_FOLDER / (pdf.stem + ".png")
        with self._lock:
            if kept.is_file() and kept.stat().st_mtime_ns >= pdf.stat().st_mtime_ns:
                return kept.read_bytes()
            document = pypdfium2.PdfDocument(pdf)
            try:
                page = document[0]
                bitmap = page.render(scale=PREVIEW_WIDTH / page.get_width())
                buffer = io.BytesIO()
                bitmap.to_pil().save(buffer, format="PNG", optimize=True)
            finally:
                document.close()
            kept.parent.mkdir(exist_ok=True)
            atomic_write_bytes(kept, buffer.getvalue())
            return buffer.getvalue()
