"""One module per kind of map: each builds a :class:`~visualisations.document.MapDocument`
from an analysis (graph and report) without touching the database."""
