"""Importers: one reader per format (JSON, CSV, XLSX, GraphML, GEXF, Kumu) turning
files into validated rows; one loader writes them.  Filled by the importers issue."""
