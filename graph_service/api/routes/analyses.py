"""Analyses: ``GET /api/v1/analyses/{name}`` for brokers, silos, allies, inside-allies,
levels, double-space, introductions, horizontalisation and similar."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from graph_service.api.query_string import QueryString
from graph_service.api.reports import REPORTS
from graph_service.api.services import AnalysisServiceDep
from graph_service.services.analyses import AnalysisName, options_model, query_of

router = APIRouter(prefix="/analyses", tags=["analyses"])

SUMMARIES = {
    AnalysisName.BROKERS: "Brokers: betweenness, Gould-Fernandez roles, constraint, effective size",
    AnalysisName.SILOS: (
        "Cloisonnement: E-I index with permutation test, mixing, modularity, communities"
    ),
    AnalysisName.ALLIES: "Possible allies of an actor, with reasons",
    AnalysisName.INSIDE_ALLIES: "Inside allies in a target institution (sensitive permission)",
    AnalysisName.LEVELS: "Multi-level dialogue frameworks of an operation, a territory or all",
    AnalysisName.DOUBLE_SPACE: "Double espace: both sides of a link (or every link), who holds it",
    AnalysisName.INTRODUCTIONS: "Who can introduce an actor to another: best paths",
    AnalysisName.HORIZONTALISATION: (
        "Horizontalisation: the lead's share of brokerage in an operation at two dates"
    ),
    AnalysisName.SIMILAR: (
        "Similar actors: those whose partners most resemble an actor's, or the most "
        "similar pairs of a scope (node similarity)"
    ),
}


def _endpoint(name: AnalysisName, options_of: QueryString[Any]) -> Callable[..., dict[str, Any]]:
    Options = options_of.model

    def run(
        options: Annotated[Options, Depends(options_of)],  # type: ignore[valid-type]
        analyses: AnalysisServiceDep,
    ) -> dict[str, Any]:
        return analyses.run(name, query_of(options))

    run.__name__ = f"analyse_{name.value.replace('-', '_')}"
    return run


for analysis in AnalysisName:
    # Each route documents (and accepts) only the options its analysis reads.
    options_of = QueryString(options_model(analysis))
    router.add_api_route(
        f"/{analysis.value}",
        _endpoint(analysis, options_of),
        openapi_extra=options_of.openapi,
        methods=["GET"],
        summary=SUMMARIES[analysis],
        response_model=REPORTS[analysis],
        # Members only some options produce are left out rather than null.
        response_model_exclude_unset=True,
    )
