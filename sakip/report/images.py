"""A figure's picture in the form a renderer needs: the HTML and the PDF embed the SVG itself
(vector, no time spent rasterising); the DOCX takes PNG only, so an SVG figure is drawn as PNG
when the DOCX is written, at :data:`DPI` for its printed width.

The PNG is drawn by Typst (the ``typst`` package: its SVG renderer, resvg, shapes text with
HarfBuzz's rules and falls back to installed fonts), compiling a page holding only the image:
Arabic letters are joined and laid out right to left, CJK and emoji are found in the machine's
fonts. (cairosvg, used before, drew Arabic and CJK labels as empty boxes, and unjoined where a
font had them.) The same SVG gives the same PNG bytes."""

from __future__ import annotations

import base64
import functools
import warnings
from decimal import Decimal
from typing import Any

from sakip.report.model import Figure

DPI = 200  # pixels per inch of an SVG figure drawn for the DOCX
PAGE = b"""#set page(width: auto, height: auto, margin: 0pt, fill: white)
#image(bytes(sys.inputs.svg), format: "svg", width: float(sys.inputs.width) * 1cm)
"""


@functools.cache
def _compiler() -> Any:
    import typst  # the fonts are found once per process, on the first PNG

    return typst.Compiler()


def svg_to_png(svg: str, width_cm: Decimal, dpi: int = DPI) -> bytes:
    """The SVG drawn as PNG ``width_cm`` wide at ``dpi``; Typst's warnings passed on."""
    png, found = _compiler().compile_with_warnings(
        PAGE, format="png", ppi=dpi, sys_inputs={"svg": svg, "width": str(width_cm)})
    for warning in found:
        warnings.warn(str(getattr(warning, "message", warning)), stacklevel=2)
    return bytes(png)


def png_of(figure: Figure) -> bytes:
    """The figure as PNG: its own, or its SVG drawn at :data:`DPI` for its width."""
    if figure.svg is None:
        return figure.png
    return svg_to_png(figure.svg, figure.width_cm)


def data_uri(figure: Figure) -> str:
    """The figure as a data URI for an <img>: SVG when it has one, else PNG."""
    if figure.svg is not None:
        return "data:image/svg+xml;base64," + base64.b64encode(figure.svg.encode("utf-8")).decode("ascii")
    return "data:image/png;base64," + base64.b64encode(figure.png).decode("ascii")
