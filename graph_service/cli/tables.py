"""Analyses as a person reads them in a terminal: a title, the scope, a table
of names (never ids) and French labels that fits the terminal's width, and a
short reading of the result — the same words as the maps."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from visualisations.document import MapDocument

__all__ = ["print_document"]

#: Rows listed under each side panel (missing bridges, paths…) before "…".
PANEL_ROWS = 12


def print_document(document: MapDocument, console: Console) -> None:
    console.print(Text(document.title, style="bold"))
    console.print(Text(document.scope, style="dim"))
    columns = document.columns or ["", "", "", ""]
    values = [[row.name, row.group, row.measure, row.sentence] for row in document.rows]
    shown = [i for i, title in enumerate(columns) if title and any(v[i] for v in values)]
    if values and shown:
        table = Table(show_lines=len(shown) > 3, expand=False, pad_edge=False)
        for i in shown:
            # Names and sentences wrap; figures keep to one line.
            table.add_column(
                columns[i],
                overflow="fold",
                no_wrap=i == 2,
                justify="right" if i == 2 else "left",
                ratio=3 if i == 3 else 2 if i == 0 else None,
            )
        for value in values:
            table.add_row(*(value[i] for i in shown))
        console.print(table)
    for sentence in document.reading:
        console.print(Text("• " + sentence))
    for panel in document.panels:
        if panel.rows and not (panel.restates_results and values):
            console.print(Text(panel.title, style="bold"))
            for row in panel.rows[:PANEL_ROWS]:
                console.print(Text("  – " + row))
            if len(panel.rows) > PANEL_ROWS:
                console.print(Text(f"  … (+{len(panel.rows) - PANEL_ROWS})"))
