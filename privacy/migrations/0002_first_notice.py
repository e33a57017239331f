"""Publish version 1 of the privacy notice, in plain Indonesian, and let coordinators (not
mentors) add and edit the notice's versions."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

SUMMARY = (
    "Versi pertama pemberitahuan privasi Pintar UMKM: data apa yang kami simpan, untuk apa, "
    "siapa yang melihatnya, berapa lama, dan hak Anda."
)


def body(years: int) -> str:
    return f"""
<h2>Data yang kami simpan</h2>
<ul>
<li>Nama Anda, nomor HP dan/atau email, dan tahun lahir (jika Anda isi).</li>
<li>Data usaha: nama usaha, nomor SiBakul, sektor, kabupaten/kota dan kapanewon/kemantren.</li>
<li>Kemajuan belajar: pelajaran yang selesai, jawaban kuis, kuesioner dan survei, nilai, dan sertifikat.</li>
</ul>
<h2>Untuk apa</h2>
<ul>
<li>Menjalankan kelas: mencatat kemajuan Anda dan usaha Anda, serta menerbitkan sertifikat.</li>
<li>Menilai program: laporan untuk pemerintah daerah tentang berapa banyak peserta yang belajar dan hasilnya.</li>
<li>Penelitian dan publikasi bersama universitas, <b>hanya jika Anda setuju</b>, dan hanya dengan data yang dianonimkan (tanpa nama, nomor HP, atau email).</li>
</ul>
<h2>Siapa yang melihat</h2>
<ul>
<li>Mentor kelas Anda: kemajuan belajar Anda (tanpa nomor HP atau email).</li>
<li>Koordinator program di tingkat provinsi: data Anda dan kemajuan belajar Anda.</li>
<li>Pemilik usaha Anda: nama dan kemajuan belajar anggota usahanya.</li>
<li>Kami tidak menjual data Anda dan tidak memberikannya untuk iklan.</li>
</ul>
<h2>Berapa lama disimpan</h2>
<p>Selama akun Anda aktif, dan paling lama {years} tahun setelah Anda terakhir masuk. Setelah itu
nama dan kontak Anda dihapus; angka ringkasan (nilai dan kelulusan) tetap ada tanpa identitas Anda.</p>
<h2>Peserta di bawah 18 tahun</h2>
<p>Peserta yang belum berusia 18 tahun mendaftar dengan persetujuan orang tua atau wali. Data
mereka hanya dipakai untuk penelitian jika orang tua atau wali juga menyetujuinya.</p>
<h2>Hak Anda (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi)</h2>
<ul>
<li>Melihat data Anda dan mengunduh salinannya.</li>
<li>Memperbaiki data yang salah.</li>
<li>Menghapus akun Anda.</li>
<li>Menarik persetujuan, termasuk persetujuan penelitian, kapan saja di halaman profil.</li>
</ul>
<p>Semua ini bisa Anda lakukan sendiri di halaman profil. Jika ada pertanyaan atau keluhan,
hubungi kontak di bawah ini.</p>
""".strip()


def publish(apps, schema_editor):
    PrivacyNotice = apps.get_model("privacy", "PrivacyNotice")
    PrivacyNotice.objects.get_or_create(
        version=1,
        defaults={
            "published_at": timezone.now(),
            "summary": SUMMARY,
            "body": body(getattr(settings, "RETENTION_INACTIVE_YEARS", 3)),
        },
    )
    app_config = apps.get_app_config("privacy")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    coordinators, _ = Group.objects.get_or_create(name="Coordinators")
    coordinators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="privacy",
            codename__in=["add_privacynotice", "change_privacynotice", "view_privacynotice"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_notice_and_consent"),
        ("lms", "0003_roles_and_home_page"),
    ]

    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
