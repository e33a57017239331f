"""The lender list as checked against public sources (credit/migrations/0004)."""

from importlib import import_module

import pytest
from django.apps import apps

from credit.models import Lender, LenderKind

pytestmark = pytest.mark.django_db

seed_lenders = import_module("credit.migrations.0002_seed_lenders")
cite_sources = import_module("credit.migrations.0004_lender_notes_cite_sources")

PNM = "PNM (Permodalan Nasional Madani): Mekaar, ULaMM"


def test_btn_is_an_ojk_supervised_kur_bank():
    btn = Lender.objects.get(name="BTN (Bank Tabungan Negara)")
    assert btn.kind == LenderKind.KUR_BANK
    assert btn.ojk_supervised
    assert "penyalur KUR" in btn.note
    assert not btn.needs_warning


def test_bank_bpd_diy_is_a_regional_bank_that_distributes_kur_under_ojk():
    bpd = Lender.objects.get(name="Bank BPD DIY")
    assert bpd.kind == LenderKind.REGIONAL_BANK
    assert bpd.ojk_supervised
    assert "Menyalurkan KUR" in bpd.note
    assert "diawasi OJK" in bpd.note


def test_pnm_is_a_non_bank_supervised_by_ojk_under_its_own_rule():
    pnm = Lender.objects.get(name=PNM)
    assert pnm.kind == LenderKind.NON_BANK
    assert pnm.ojk_supervised
    assert "POJK 16/POJK.05/2019" in pnm.note
    assert "bukan bank" in pnm.note
    assert "Mekaar" in pnm.note
    assert "ULaMM" in pnm.note


def test_every_seeded_kind_and_flag_is_unchanged_after_the_check():
    seeded = {v["name"]: (v["kind"], v["ojk_supervised"]) for v in seed_lenders.LENDERS}
    current = {
        lender.name: (lender.kind, lender.ojk_supervised)
        for lender in Lender.objects.filter(name__in=seeded)
    }
    assert current == seeded


def test_the_notes_replaced_are_exactly_the_seeded_ones():
    seeded = {v["name"]: v["note"] for v in seed_lenders.LENDERS}
    for name, (old, new) in cite_sources.NOTES.items():
        assert seeded[name] == old
        assert new != old


def test_citing_sources_twice_changes_nothing_and_reverse_restores_the_seeded_notes():
    cite_sources.cite_sources(apps, None)
    cite_sources.cite_sources(apps, None)
    for name, (_, new) in cite_sources.NOTES.items():
        assert Lender.objects.get(name=name).note == new

    cite_sources.restore_seeded_notes(apps, None)
    for name, (old, _) in cite_sources.NOTES.items():
        assert Lender.objects.get(name=name).note == old


def test_a_note_a_coordinator_edited_is_left_alone_both_ways():
    Lender.objects.filter(name=PNM).update(note="Catatan koordinator.")
    cite_sources.restore_seeded_notes(apps, None)
    cite_sources.cite_sources(apps, None)
    assert Lender.objects.get(name=PNM).note == "Catatan koordinator."
