"""The newsroom's roles, as Django groups.

The groups and their model permissions are created by a data migration
(accounts/migrations/0002_role_groups.py); object-level rules live in services.
"""

from django.db import models


class Role(models.TextChoices):
    REPORTER = "reporter", "Phóng viên"
    EDITOR = "editor", "Biên tập viên"
    APPROVER = "approver", "Lãnh đạo duyệt"
    PHOTO_STAFF = "photo_staff", "Cán bộ phụ trách ảnh"
    ADMINISTRATOR = "administrator", "Quản trị"
