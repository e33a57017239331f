"""The lender list from 0002, checked against public sources; the notes now name what to check.

Every kind and OJK flag seeded by 0002 held up; no lender changes kind or flag. PNM's note gains
the rule a learner can check at OJK (its supervision rule) and says it is neither a bank nor an
online lender. A note a coordinator has since edited is left alone.

What was checked (sources as stored in public copies, read 2026-12-01):
- BRI, BNI, Bank Mandiri: KUR distributors (kur_bank), supervised by OJK as commercial banks.
  Kemenko Perekonomian figures on KUR 2021 naming the three as the main distributors
  (sumsel.carapandang.com/read-news/tahun-2021-penyaluran-kur-capai-rp28186-triliun);
  DJPb figures to 15 Sept 2020 (koranbumn.com/hingga-15-september-2020-realisasi-penyaluran-kur-
  telah-capai-rp-10728-triliun).
- BTN: KUR distributor. Kemenko Perekonomian figures to September 2019 list BTN's KUR
  disbursement (fbeta.republika.co.id/berita/q0uhdl370/perbankan-disebut-sudah-sepakat-
  penurunan-suku-bunga-kur); Komite KUR figures for May 2014 (amp.kontan.co.id/news/kredit-
  macet-kur-btn-tembus-102). No 2025-2026 list of distributors was found: check kur.ekon.go.id.
- BSI: distributes KUR Syariah (margin, not interest); secondary sources only (tipkerja.com/
  tabel-kur-bsi, banjoo.id 2026 KUR BSI article).
- Bank BPD DIY: regional development bank (regional_bank) distributing KUR. Named among the
  banks distributing KUR in 2016 (bali.antaranews.com/berita/89757/bpd-bali-bidik-kur-ritel-
  rp295-miliar); its Bantul branch offers KUR (jogja.antaranews.com/berita/339535/kredit-mikro-
  bank-bpd-sasar-1325-pedagang). A bank, so licensed and supervised by OJK (UU 21/2011); its
  2021 annual report names it PT Bank Pembangunan Daerah Daerah Istimewa Yogyakarta.
- PT Pegadaian: listed by OJK among licensed pawnshops in May 2018 (hariansib.com/v1/Dalam-
  Negeri/205148); private pawnshops need an OJK licence under POJK 31/POJK.05/2016, and under
  UU 4/2023 (P2SK) had until 12 January 2026 to obtain one (e-satu.com/2025/05/industri-
  pegadaian-didorong-ajukan-izin.html).
- PNM (PT Permodalan Nasional Madani (Persero)): a state-owned company set up by PP 38/1999,
  not a bank and not a lending platform; supervised by OJK under POJK 16/POJK.05/2019 on the
  supervision of PNM (Lembaran Negara 2019 No. 107). Before that rule its business was not
  supervised (keuangan.kontan.co.id/news/ojk-siapkan-aturan-main-bagi-pnm). Mekaar's handbook
  states "Terdaftar dan diawasi oleh Otoritas Jasa Keuangan". Kind non_bank, OJK flag kept.
- Savings and loan cooperatives: under UU 4/2023 (P2SK) those serving only their members
  (closed loop) stay with the Ministry of Cooperatives; those serving non-members (open loop)
  move to OJK (tempo.co/ekonomi/begini-pembagian-kewenangan-ojk-dan-kemenkop-ukm-soal-koperasi-
  open-loop-dan-close-loop-218730; antaranews.com/berita/4392346). Flag False kept.
- Amartha, Modalku: licensed lending platforms on OJK's list (Amartha on the list of 9 October
  2023, tempo.co/ekonomi/daftar-lengkap-pinjol-legal-818991); their licence numbers were found
  only in an undated copy of the list, so the notes do not quote them.
- Lainnya: kind other, flag False, "check at OJK first" (157, WhatsApp 081 157 157 157).

Licences can be revoked and KUR distributors change each year: the notes keep telling learners to
check ojk.go.id and kur.ekon.go.id.
"""

from django.db import migrations

NOTES = {
    "PNM (Permodalan Nasional Madani): Mekaar, ULaMM": (
        "BUMN pembiayaan yang diawasi OJK. Mekaar untuk kelompok ibu pelaku usaha ultra "
        "mikro; ULaMM untuk pinjaman perorangan.",
        "BUMN pembiayaan, bukan bank dan bukan pinjaman online, diawasi OJK berdasarkan "
        "POJK 16/POJK.05/2019. Mekaar untuk kelompok ibu pelaku usaha ultra mikro; ULaMM "
        "untuk pinjaman perorangan.",
    ),
}


def cite_sources(apps, schema_editor):
    lender = apps.get_model("credit", "Lender")
    for name, (seeded, checked) in NOTES.items():
        lender.objects.filter(name=name, note=seeded).update(note=checked)


def restore_seeded_notes(apps, schema_editor):
    lender = apps.get_model("credit", "Lender")
    for name, (seeded, checked) in NOTES.items():
        lender.objects.filter(name=name, note=checked).update(note=seeded)


class Migration(migrations.Migration):
    dependencies = [("credit", "0003_permissions")]

    operations = [migrations.RunPython(cite_sources, restore_seeded_notes)]
