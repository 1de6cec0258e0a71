"""Callers for tests that use the services directly (the API's own are built
from real keys, see tests/integration/conftest.py)."""

from graph_service.domain.access import Caller, Role

#: The person at the terminal, entitled to everything (what the CLI acts as with --persons).
OPERATOR = Caller.operator("tests", sensitive=True)
#: A reader without the sensitive permission.
VIEWER = Caller("test-viewer", Role.VIEWER)
