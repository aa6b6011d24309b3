from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "sakip.web.workflow"
    label = "workflow"
    verbose_name = "Alur kerja"
