"""Analysis options that would crash or mislead the engines are refused up front."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graph_service.services.analyses import AnalysisQuery


@pytest.mark.parametrize(
    "weight", ["FUNDS=nan", "FUNDS=inf", "FUNDS=-inf", "FUNDS=-1", "FUNDS=1e308", "FUNDS=x"]
)
def test_non_finite_or_negative_weights_are_refused(weight: str) -> None:
    with pytest.raises(ValidationError, match="TYPE=weight"):
        AnalysisQuery(weights=[weight], weighted=True)


def test_finite_weights_and_bounded_seeds_pass() -> None:
    query = AnalysisQuery(weights=["FUNDS=0.5", "MEMBER_OF=0"], seed=2**31 - 1)
    assert query.type_weights()["FUNDS"] == 0.5
    for seed in (-1, 2**31):
        with pytest.raises(ValidationError):
            AnalysisQuery(seed=seed)


def test_the_explorer_sends_each_analysis_only_the_options_it_reads() -> None:
    """The explorer's "Résultats (JSON)" link keeps, of the form's fields, the scope
    and the analysis's own options: its JSON refuses any other (a partition sent to
    the allies answered 422).  Its table must follow ANALYSIS_OPTIONS."""
    import json
    import re
    from pathlib import Path

    from graph_service.services.analyses import ANALYSIS_OPTIONS, SCOPE_OPTIONS

    root = Path(__file__).resolve().parents[2] / "visualisations"
    script = (root / "web" / "explorer.js").read_text("utf-8")
    template = (root / "templates" / "explorer.html").read_text("utf-8")
    form = set(re.findall(r'name="(\w+)"', template)) - {"kind", "lang", "size_by", "query"}
    scope = json.loads(re.search(r"SCOPE_FIELDS = (\[.*?\]);", script, re.S).group(1))  # type: ignore[union-attr]
    table = re.search(r"ANALYSIS_FIELDS = (\{.*?\});", script, re.S).group(1)  # type: ignore[union-attr]
    fields = json.loads(re.sub(r"(\w+):", r'"\1":', table.replace(",\n}", "\n}")))
    assert set(scope) == form & set(SCOPE_OPTIONS)
    assert fields == {
        name.value: [option for option in options if option in form]
        for name, options in ANALYSIS_OPTIONS.items()
    }
