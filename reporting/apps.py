from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("How to report a crime")
    # Channels are kept under django-reversion by their admin (reversion's VersionAdmin).
