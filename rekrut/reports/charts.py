"""Charts drawn on the server as SVG: horizontal bars, grouped or stacked, from a report's table.

No script and no inline style (the Content Security Policy allows neither): geometry is SVG attributes,
colours are classes in rekrut.css. Every chart sits beside the table it was drawn from, which is what
screen readers read; the SVG itself is marked as an image with a title.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rekrut.reports.formatting import cell_text
from rekrut.reports.tables import Chart

WIDTH = 720
LABEL_WIDTH = 220
VALUE_WIDTH = 70
ROW_HEIGHT = 30
BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH
MAX_ROWS = 30


@dataclass
class Shape:
    x: float
    y: float
    w: float
    h: float
    css: str
    title: str


@dataclass
class Text:
    x: float
    y: float
    text: str
    anchor: str = "start"


@dataclass
class Drawing:
    title: str
    width: int
    height: int
    shapes: list[Shape] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def chart_draw(chart: Chart) -> Drawing | None:
    table = chart.table
    rows = table.rows[:MAX_ROWS]
    if not rows:
        return None
    n_series = len(chart.columns)
    if chart.stacked:
        totals = [sum(_number(row[c]) for c in chart.columns) for row in rows]
    else:
        totals = [max(_number(row[c]) for c in chart.columns) for row in rows]
    top = 100.0 if chart.percent else max(totals) or 1.0
    drawing = Drawing(str(chart.title or table.caption), WIDTH, ROW_HEIGHT * len(rows) + 8)
    drawing.legend = (
        [(f"chart-s{i}", str(table.headers[c])) for i, c in enumerate(chart.columns)] if n_series > 1 else []
    )
    for r, row in enumerate(rows):
        y = 4 + r * ROW_HEIGHT
        drawing.texts.append(Text(LABEL_WIDTH - 8, y + ROW_HEIGHT / 2 + 4, str(row[0])[:34], "end"))
        x = float(LABEL_WIDTH)
        for i, c in enumerate(chart.columns):
            value = _number(row[c])
            w = BAR_AREA * value / top
            title = f"{row[0]} · {table.headers[c]}: {cell_text(row[c], table.kinds[c])}"
            if chart.stacked:
                drawing.shapes.append(Shape(x, y + 4, w, ROW_HEIGHT - 8, f"chart-s{i}", title))
                x += w
            else:
                h = (ROW_HEIGHT - 8) / n_series
                drawing.shapes.append(Shape(LABEL_WIDTH, y + 4 + i * h, w, h - 1, f"chart-s{i}", title))
        if chart.stacked:
            end, shown = x, totals[r]
            label = cell_text(shown, table.kinds[chart.columns[0]]) if not chart.percent else ""
        else:
            end = LABEL_WIDTH + BAR_AREA * totals[r] / top
            label = cell_text(row[chart.columns[0]], table.kinds[chart.columns[0]])
        if label:
            drawing.texts.append(Text(end + 6, y + ROW_HEIGHT / 2 + 4, label))
    return drawing
