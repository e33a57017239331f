from tests.reports.conftest import coordinator_client, province  # noqa: F401 - shared fixtures
