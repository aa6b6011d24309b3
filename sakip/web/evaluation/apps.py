from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "sakip.web.evaluation"
    label = "evaluation"
    verbose_name = "Evaluasi SAKIP (LKE)"
