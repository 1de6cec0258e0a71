"""What each analysis returns, for OpenAPI: the top-level members of its report,
each described.  Their insides stay as the analyses build them (documented in
docs/analyses.md); members that only some options produce are optional and left
out when absent."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph_service.services.analyses import AnalysisName

Rows = list[dict[str, Any]]


class Report(BaseModel):
    model_config = ConfigDict(extra="allow")

    analysis: str = Field(description="The analysis's name.")
    parameters: dict[str, Any] = Field(description="The scope and options it ran with.")


class ScopedReport(Report):
    scope_check: dict[str, Any] | None = Field(
        default=None, description="Whether the scope is large enough to conclude anything."
    )
    labels: dict[str, str] | None = Field(default=None, description="Names of the groups.")
    summary: dict[str, Any] | None = Field(default=None, description="Counts of the scope.")


class BrokersReport(ScopedReport):
    results: Rows = Field(
        description="Actors by betweenness: constraint, effective size, brokerage roles."
    )
    brokerage_totals: dict[str, Any] = Field(
        description="Gould–Fernandez roles, observed/expected."
    )
    bridges: list[list[str]] = Field(description="Ties (pairs of ids) whose removal splits it.")
    articulation_points: list[Any] = Field(description="Actors whose removal splits it.")
    change: dict[str, Any] | None = Field(default=None, description="With compare_at.")


class SilosReport(ScopedReport):
    ei_index: dict[str, Any] = Field(description="E-I index, with its permutation test.")
    mixing_matrix: dict[str, Any] = Field(description="Ties between and within groups.")
    assortativity: float | None = None
    modularity: float | None = None
    communities: dict[str, Any] = Field(description="Detected communities against the groups.")
    missing_bridges: list[list[str]] = Field(
        description="Pairs of groups with no tie between them."
    )
    compared: dict[str, Any] | None = Field(default=None, description="With compare_at.")
    change: dict[str, Any] | None = Field(default=None, description="With compare_at.")


class AlliesReport(Report):
    actor: dict[str, Any] = Field(description="The actor asking.")
    results: Rows = Field(description="Possible allies, best first, each with its reasons.")
    already_partners: Rows = Field(description="Actors already working with it, apart.")
    search: dict[str, Any] = Field(
        description="What was read: around (true: the actor's surroundings, not the "
        "whole scope), actors_read."
    )


class InsideAlliesReport(Report):
    actor: str
    target: str
    causes: list[Any] = Field(description="What counts as the actor's cause.")
    max_age_months: int
    results: Rows = Field(description="Persons inside the target, with stance and path.")


class LevelsReport(Report):
    levels: list[str] = Field(description="The levels present, from local to international.")
    frameworks: dict[str, Any] = Field(description="Frameworks by level.")
    without_level: list[Any] = Field(description="Frameworks whose level is not recorded.")
    nesting: list[Any] = Field(description="(framework, the framework it is part of) pairs.")
    succession: list[Any] = Field(description="(framework, its successor) pairs.")
    articulation: list[Any] = Field(description="How frameworks of two levels are tied.")
    unarticulated: list[Any] = Field(description="Levels tied to no other.")
    multi_level_participants: list[Any] = Field(description="Who takes part at several levels.")


class DoubleSpaceReport(Report):
    pairs: Rows = Field(description="Each territory link: both sides, who holds it, over time.")
    south_south: dict[str, Any] = Field(description="South–South ties of the scope.")


class IntroductionsReport(Report):
    actor: str
    target: str
    results: Rows = Field(description="Best paths, naming the intermediaries.")
    search: dict[str, Any] = Field(
        description="How far the search around both actors went: around (true: rings "
        "around both actors, not the whole scope), exact (false when the paths found "
        "may not be the best, past the search budget), max_ties, actors_read."
    )


class HorizontalisationReport(Report):
    operation: str
    holder: str = Field(description="Whose share is followed (the lead, or main intermediary).")
    leads: Rows = Field(description="The operation's leads (id, name).")
    points: Rows = Field(description="The share at each date.")
    change: float | None = Field(default=None, description="From the first date to the last.")
    ties: dict[str, Any] = Field(description="Ties gained and lost between the dates.")


class SimilarReport(Report):
    actor: dict[str, Any] | None = Field(
        default=None, description="The actor whose similar actors are listed (with actor)."
    )
    results: Rows = Field(
        description="With actor: the actors whose partners most resemble its own (id, "
        "name, sphere, score, shared partners, their number of partners, tied). "
        "Without: the most similar pairs of the scope (a, b, score, shared, tied)."
    )
    search: dict[str, Any] = Field(
        description="What was read: around (true: only the surroundings of the actor, or "
        "of the pairs found in the database, not the whole scope), exact (with actor: "
        "false when the rings around it stopped at their budget), in_database (without "
        "actor: the pairs were found inside Neo4j), actors_read."
    )


REPORTS: dict[AnalysisName, type[Report]] = {
    AnalysisName.BROKERS: BrokersReport,
    AnalysisName.SILOS: SilosReport,
    AnalysisName.ALLIES: AlliesReport,
    AnalysisName.INSIDE_ALLIES: InsideAlliesReport,
    AnalysisName.LEVELS: LevelsReport,
    AnalysisName.DOUBLE_SPACE: DoubleSpaceReport,
    AnalysisName.INTRODUCTIONS: IntroductionsReport,
    AnalysisName.HORIZONTALISATION: HorizontalisationReport,
    AnalysisName.SIMILAR: SimilarReport,
}
