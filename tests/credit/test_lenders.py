import pytest

from credit import demo
from credit.models import CreditApplication, Document, Lender, LenderKind, Status
from lms import demo as lms_demo

pytestmark = pytest.mark.django_db

KUR_BANKS = {
    "BRI (Bank Rakyat Indonesia)",
    "BNI (Bank Negara Indonesia)",
    "Bank Mandiri",
    "BSI (Bank Syariah Indonesia)",
    "BTN (Bank Tabungan Negara)",
}


def test_the_banks_pawnshop_pnm_and_platforms_are_supervised_by_ojk():
    supervised = set(Lender.objects.filter(ojk_supervised=True).values_list("name", flat=True))
    assert KUR_BANKS | {"Bank BPD DIY", "PT Pegadaian"} <= supervised
    assert (
        set(Lender.objects.filter(kind=LenderKind.KUR_BANK).values_list("name", flat=True))
        == KUR_BANKS
    )
    assert Lender.objects.get(name="Bank BPD DIY").kind == LenderKind.REGIONAL_BANK
    assert Lender.objects.get(name="PT Pegadaian").kind == LenderKind.PAWNSHOP
    platforms = Lender.objects.filter(kind=LenderKind.P2P_PLATFORM)
    assert platforms.exists()
    assert all(lender.ojk_supervised and "ojk.go.id" in lender.note for lender in platforms)


def test_cooperatives_are_not_ojk_supervised_and_say_who_supervises_them():
    cooperative = Lender.objects.get(kind=LenderKind.COOPERATIVE)
    assert not cooperative.ojk_supervised
    assert cooperative.needs_warning
    assert "Kementerian Koperasi" in cooperative.note
    assert "bukan OJK" in cooperative.note


def test_other_is_flagged_check_at_ojk_first():
    other = Lender.objects.get(kind=LenderKind.OTHER)
    assert other.name == "Lainnya"
    assert other.is_other
    assert other.needs_warning
    assert not other.ojk_supervised
    assert "Periksa dulu di OJK" in other.note
    assert "157" in other.note
    assert not Lender.objects.get(name="Bank BPD DIY").needs_warning


def test_demo_seeds_sutarnis_kur_application_at_the_survey_once():
    lms_demo.seed()
    demo.seed()
    demo.seed()
    application = CreditApplication.objects.get()
    assert application.business.name == "Bakpia Sutarni"
    assert application.lender.name == "Bank BPD DIY"
    assert application.product == "KUR Mikro"
    assert application.status == Status.SURVEY
    assert application.submitted_on <= application.survey_on
    assert len(application.documents) == len(Document.values) - 1
