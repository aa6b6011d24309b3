"""A figure's picture in the form a renderer needs: the DOCX takes PNG only, so an SVG figure is
drawn as PNG (by cairosvg) when the DOCX is written, at :data:`DPI` for its printed width; the
HTML and the PDF embed the SVG itself (vector, and no time spent rasterising)."""

from __future__ import annotations

import base64
from decimal import Decimal

from sakip.report.model import Figure

DPI = 200  # pixels per inch of an SVG figure drawn for the DOCX


def png_of(figure: Figure) -> bytes:
    """The figure as PNG: its own, or its SVG drawn at :data:`DPI` for its width."""
    if figure.svg is None:
        return figure.png
    import cairosvg

    pixels = int(figure.width_cm / Decimal("2.54") * DPI)
    return bytes(cairosvg.svg2png(bytestring=figure.svg.encode("utf-8"), output_width=pixels))


def data_uri(figure: Figure) -> str:
    """The figure as a data URI for an <img>: SVG when it has one, else PNG."""
    if figure.svg is not None:
        return "data:image/svg+xml;base64," + base64.b64encode(figure.svg.encode("utf-8")).decode("ascii")
    return "data:image/png;base64," + base64.b64encode(figure.png).decode("ascii")
