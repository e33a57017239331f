"""The certificate list's CSV and XLSX files: names typed by learners and mentors never reach the
coordinator's spreadsheet as a formula."""

import pytest
from django.urls import reverse

from certificates.models import Certificate, CertificateTemplate
from tests.factories import BusinessFactory, UserFactory, build_course
from tests.spreadsheets import PAYLOADS, read_csv, read_xlsx

pytestmark = pytest.mark.django_db

INDEX = reverse("certificate_admin:index")
# The exported columns typed by people, in list_export order (serial is column 0).
TYPED = {"holder_name": 1, "business_name": 2, "mentor_name": 4, "revoked_reason": 7}


@pytest.fixture
def certificate_of(db):
    course = build_course(weeks=1, lessons_per_week=1, slug="ekspor")

    def certificate_of(payload):
        return Certificate.objects.create(
            learner=UserFactory(full_name=payload),
            course=course,
            business=BusinessFactory(name=payload),
            template=CertificateTemplate.objects.first(),
            serial="PU-2020-000001",
            holder_name=payload,
            business_name=payload,
            course_title=course.title,
            mentor_name=payload,
            completed_on="2026-01-15",
            revoked_at="2026-05-01T10:00:00+07:00",
            revoked_reason=payload,
        )

    return certificate_of


@pytest.mark.parametrize("payload", PAYLOADS)
def test_certificate_csv_cells_that_would_start_a_formula_begin_with_a_quote(
    client, coordinator, certificate_of, payload
):
    certificate_of(payload)
    client.force_login(coordinator)
    header, row = read_csv(client.get(INDEX, {"export": "csv"}))
    assert [row[column] for column in TYPED.values()] == ["'" + payload] * len(TYPED)
    assert row[0] == "PU-2020-000001"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_certificate_xlsx_cells_hold_the_text_as_text(client, coordinator, certificate_of, payload):
    certificate_of(payload)
    client.force_login(coordinator)
    sheet = read_xlsx(client.get(INDEX, {"export": "xlsx"}))
    cells = [sheet.cell(row=2, column=column + 1) for column in TYPED.values()]
    assert {cell.data_type for cell in cells} == {"s"}
    assert {cell.value.replace("\r", "\n") for cell in cells} == {payload.replace("\r", "\n")}
