from django.urls import path

from . import evaluation_views, outcome_views, views

app_name = "reports"


def _report(name, view_class):
    return [
        path(f"{name}/", view_class.as_view(), name=name),
        path(f"{name}/results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *_report("overview", views.OverviewView),
    *_report("businesses", views.BusinessReportView),
    *_report("breakdowns", views.BreakdownReportView),
    *_report("learners", views.LearnerReportView),
    *_report("knowledge", views.KnowledgeReportView),
    *_report("survey", views.SurveyReportView),
    *_report("survey_statements", views.SurveyStatementsView),
    *_report("questions", views.QuestionReportView),
    path("businesses/<int:pk>/", views.BusinessDetailView.as_view(), name="business"),
    *_report("evaluation", evaluation_views.EvaluationReportView),
    *_report("outcomes", outcome_views.OutcomeReportView),
    path(
        "evaluation/<int:pk>/<str:kind>/",
        evaluation_views.evaluation_download,
        name="evaluation_download",
    ),
]
