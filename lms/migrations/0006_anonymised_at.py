from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("lms", "0005_official_districts")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="anonymised_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="anonymised at"
            ),
        ),
    ]
