"""Stored districts in the official spelling (lms.districts, issue 18 item 3): "kapanewon depok "
becomes "Depok"; a value that names none of its regency's districts stays as it is."""

from django.db import migrations

from lms.districts import official_district


def districts_to_official_names(apps, schema_editor):
    Business = apps.get_model("lms", "Business")
    renamed = []
    for business in (
        Business.objects.exclude(district="")
        .only("pk", "regency", "district")
        .iterator(chunk_size=2000)
    ):
        name = official_district(business.regency, business.district)
        if name is not None and name != business.district:
            business.district = name
            renamed.append(business)
    Business.objects.bulk_update(renamed, ["district"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("lms", "0004_temporary_password_once")]

    operations = [
        migrations.RunPython(districts_to_official_names, migrations.RunPython.noop),
    ]
