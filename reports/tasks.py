"""Background work: evaluation reports are rendered by the task worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def evaluation_report_render_task(report_id: int) -> None:
    from .services import evaluation_report_render

    evaluation_report_render(report_id=report_id)
