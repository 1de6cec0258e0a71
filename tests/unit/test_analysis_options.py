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
