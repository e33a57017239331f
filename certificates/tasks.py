"""Background work: certificate PDFs are rendered by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from .models import Certificate


@task()
def certificate_render_task(certificate_id: int) -> None:
    from .services import certificate_render

    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is not None:
        certificate_render(certificate)
