"""Requests generated from the OpenAPI document (schemathesis, bounded examples)
against the real API on the reference dataset: no server error, and every answer
whose status is documented matches its documented schema."""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from graph_service.api.app import create_app
from graph_service.cli.transfer import shipped_dataset
from graph_service.domain.access import Role
from graph_service.repositories.database import Database
from graph_service.services.transfer import TransferService
from tests.callers import OPERATOR
from tests.integration.conftest import api_settings, issue_key

#: Generated examples per operation: enough to reach odd values, few enough for CI.
EXAMPLES = int(os.environ.get("MAILLAGE_FUZZ_EXAMPLES", "15"))
#: The same examples at every run (CI); MAILLAGE_FUZZ_RANDOM=1 explores new ones.
DERANDOMIZE = os.environ.get("MAILLAGE_FUZZ_RANDOM", "") != "1"


def test_generated_requests_never_get_a_server_error(clean_database: Database) -> None:
    TransferService(clean_database, OPERATOR).import_file(shipped_dataset("caac"))
    app = create_app(api_settings(MAILLAGE_RATE_LIMIT_PER_MINUTE=0), database=clean_database)
    headers = {"Authorization": f"Bearer {issue_key(clean_database, Role.ADMIN, sensitive=True)}"}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers=headers)
    failures: dict[str, str] = {}
    tried = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        # Deletes and imports would empty the dataset the other examples read.
        if operation.method.upper() == "DELETE" or operation.path == "/api/v1/imports":
            continue
        tried += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=DERANDOMIZE,
            suppress_health_check=list(HealthCheck),
            phases=[Phase.explicit, Phase.generate],
            database=None,
        )
        def check(case: Any) -> None:
            case.call_and_validate(
                headers=headers, checks=[not_a_server_error, response_schema_conformance]
            )

        try:
            check()
        except Exception as exc:  # every operation is tried; all failures are shown
            failures[operation.label] = str(exc)[:600]
    assert tried > 40
    assert failures == {}
