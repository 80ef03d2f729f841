from django.contrib import admin
from reversion.admin import VersionAdmin

from reporting.models import Channel


@admin.register(Channel)
class ChannelAdmin(VersionAdmin):
    """Every change is kept as a revision: “History” shows who changed what, and when."""

    list_display = ["name", "kind", "phone", "featured", "shown", "position"]
    list_editable = ["featured", "shown", "position"]
    list_filter = ["kind", "shown"]
    search_fields = ["name", "phone", "address"]
