from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    name = "ops.devtools"
    label = "devtools"
    verbose_name = "Strumenti di sviluppo"
