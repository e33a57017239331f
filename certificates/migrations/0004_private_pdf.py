import lms.files
from django.db import migrations, models



class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0003_alter_certificatetemplate_body'),
    ]

    operations = [
        migrations.AlterField(
            model_name='certificate',
            name='pdf',
            field=models.FileField(blank=True, storage=lms.files.private_storage, upload_to='certificates/', verbose_name='PDF'),
        ),
        migrations.RunPython(*lms.files.moves_to_private("certificates", "Certificate", "pdf")),
    ]
