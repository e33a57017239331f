import lms.files
import reports.models
from django.db import migrations, models



class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0003_evaluation_report'),
    ]

    operations = [
        migrations.AlterField(
            model_name='evaluationreport',
            name='pdf',
            field=models.FileField(blank=True, storage=lms.files.private_storage, upload_to=reports.models._evaluation_upload_to, verbose_name='PDF'),
        ),
        migrations.AlterField(
            model_name='evaluationreport',
            name='xlsx',
            field=models.FileField(blank=True, storage=lms.files.private_storage, upload_to=reports.models._evaluation_upload_to, verbose_name='workbook'),
        ),
        migrations.RunPython(*lms.files.moves_to_private("reports", "EvaluationReport", "pdf", "xlsx")),
    ]
