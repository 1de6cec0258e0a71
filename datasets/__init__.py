"""Reference datasets shipped with Maillage (``maillage import --dataset NAME``)."""
