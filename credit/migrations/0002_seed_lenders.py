"""The lenders businesses choose from, with whether each is licensed and supervised by OJK.

Sources, as published when this list was made (check them again before adding a lender):
- OJK, list of banks in Indonesia (Statistik Perbankan Indonesia, ojk.go.id): BRI, BNI, Bank
  Mandiri, BSI, BTN and Bank BPD DIY are licensed commercial banks supervised by OJK.
- Kementerian Koordinator Bidang Perekonomian, KUR distributors (kur.ekon.go.id): the state
  banks above and regional development banks including Bank BPD DIY distribute KUR.
- OJK, licensed pawnshops (Daftar Perusahaan Pergadaian Berizin, ojk.go.id): PT Pegadaian.
- PT Permodalan Nasional Madani (pnm.co.id): a state-owned financing company supervised by
  OJK; Mekaar (groups of women running micro businesses) and ULaMM (individual loans).
- OJK, licensed P2P lending platforms (Penyelenggara Fintech Lending Berizin di OJK,
  ojk.go.id): Amartha (PT Amartha Mikro Fintek) and Modalku (PT Mitrausaha Indonesia Grup).
  Licences can be revoked: the note says to check the current list.
- UU No. 4 Tahun 2023 (P2SK) and UU No. 25 Tahun 1992: savings and loan cooperatives serving
  their members are supervised by the Ministry of Cooperatives, not OJK; only those serving
  non-members need an OJK licence.
- OJK contact centre: telephone 157, WhatsApp 081 157 157 157, ojk.go.id.

Notes are content, written in Indonesian as learners read them.
"""

from django.db import migrations

CHECK_AT_OJK = "Periksa dulu di OJK: telepon 157, WhatsApp 081 157 157 157, atau ojk.go.id."

LENDERS = [
    {
        "name": "Bank BPD DIY",
        "kind": "regional_bank",
        "ojk_supervised": True,
        "note": (
            "Bank Pembangunan Daerah milik Pemda DIY, diawasi OJK. Menyalurkan KUR dan kredit "
            "usaha lainnya; tanyakan di kantor cabang terdekat."
        ),
    },
    {
        "name": "BRI (Bank Rakyat Indonesia)",
        "kind": "kur_bank",
        "ojk_supervised": True,
        "note": "Bank BUMN penyalur KUR (KUR Super Mikro, Mikro, Kecil), diawasi OJK.",
    },
    {
        "name": "BNI (Bank Negara Indonesia)",
        "kind": "kur_bank",
        "ojk_supervised": True,
        "note": "Bank BUMN penyalur KUR, diawasi OJK.",
    },
    {
        "name": "Bank Mandiri",
        "kind": "kur_bank",
        "ojk_supervised": True,
        "note": "Bank BUMN penyalur KUR, diawasi OJK.",
    },
    {
        "name": "BSI (Bank Syariah Indonesia)",
        "kind": "kur_bank",
        "ojk_supervised": True,
        "note": "Bank syariah penyalur KUR Syariah (dengan margin, bukan bunga), diawasi OJK.",
    },
    {
        "name": "BTN (Bank Tabungan Negara)",
        "kind": "kur_bank",
        "ojk_supervised": True,
        "note": "Bank BUMN penyalur KUR, diawasi OJK.",
    },
    {
        "name": "PT Pegadaian",
        "kind": "pawnshop",
        "ojk_supervised": True,
        "note": (
            "Gadai dan pembiayaan usaha, berizin dan diawasi OJK. Usaha gadai swasta juga "
            "wajib berizin OJK: periksa dulu sebelum menggadaikan barang."
        ),
    },
    {
        "name": "PNM (Permodalan Nasional Madani): Mekaar, ULaMM",
        "kind": "non_bank",
        "ojk_supervised": True,
        "note": (
            "BUMN pembiayaan yang diawasi OJK. Mekaar untuk kelompok ibu pelaku usaha ultra "
            "mikro; ULaMM untuk pinjaman perorangan."
        ),
    },
    {
        "name": "Koperasi simpan pinjam (KSP/KSPPS)",
        "kind": "cooperative",
        "ojk_supervised": False,
        "note": (
            "Koperasi simpan pinjam yang melayani anggotanya diawasi Kementerian Koperasi dan "
            "dinas koperasi, bukan OJK; hanya koperasi yang melayani bukan anggota wajib berizin "
            "OJK. Pastikan koperasi berbadan hukum, Anda tercatat sebagai anggota, dan biaya "
            "serta bunganya tertulis. " + CHECK_AT_OJK
        ),
    },
    {
        "name": "Amartha",
        "kind": "p2p_platform",
        "ojk_supervised": True,
        "note": (
            "Pinjaman online (P2P lending) PT Amartha Mikro Fintek, berizin OJK, untuk usaha "
            "mikro perempuan. Izin bisa dicabut: cocokkan dengan daftar fintech lending berizin "
            "di ojk.go.id."
        ),
    },
    {
        "name": "Modalku",
        "kind": "p2p_platform",
        "ojk_supervised": True,
        "note": (
            "Pinjaman online (P2P lending) PT Mitrausaha Indonesia Grup, berizin OJK, untuk "
            "modal usaha. Izin bisa dicabut: cocokkan dengan daftar fintech lending berizin "
            "di ojk.go.id."
        ),
    },
    {
        "name": "Lainnya",
        "kind": "other",
        "ojk_supervised": False,
        "note": (
            "Pemberi pinjaman yang tidak ada di daftar. " + CHECK_AT_OJK + " Pinjol ilegal "
            "sering menawarkan lewat SMS atau WhatsApp, meminta akses kontak dan galeri, dan "
            "tidak menyebut bunga serta denda dengan jelas."
        ),
    },
]


def seed(apps, schema_editor):
    lender = apps.get_model("credit", "Lender")
    for values in LENDERS:
        lender.objects.update_or_create(name=values["name"], defaults=values)


def unseed(apps, schema_editor):
    lender = apps.get_model("credit", "Lender")
    lender.objects.filter(
        name__in=[values["name"] for values in LENDERS], applications=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("credit", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
