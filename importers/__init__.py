"""Data in and out: one module per file format under :mod:`importers.formats`
turns a file into records (and records back into a file); :mod:`importers.validation`
checks and resolves every record before anything is written; :mod:`importers.loader`
writes a validated import in one transaction (all or nothing) and says what it
created, updated or left unchanged."""
