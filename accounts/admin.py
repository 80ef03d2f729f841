from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "get_full_name", "unit", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_active", "groups"]
    search_fields = ["username", "first_name", "last_name", "email", "unit"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Newsroom"), {"fields": ["unit"]}),
    ]
