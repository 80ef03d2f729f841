"""The portal's identity as the demo province "Sông Lam" (fictional) has it: administrators
replace it with their own under “Thông tin của Cổng”; the names follow SITE_NAME."""

from django.conf import settings
from django.db import migrations


def create(apps, schema_editor):
    PortalIdentity = apps.get_model("public", "PortalIdentity")
    name = settings.SITE_NAME
    PortalIdentity.objects.get_or_create(
        pk=1,
        defaults={
            "masthead_kicker": "Cổng thông tin điện tử",
            "motto": "Vì nước quên thân, vì dân phục vụ",
            "governing_agency": name,
            "responsible_person": "Đại tá Hà Minh Triết, Giám đốc Công an tỉnh",
            "address": "Số 18 đường Lê Lợi, phường Trung Tâm, tỉnh Sông Lam",
            "duty_phone": "0200 3855 113",
            "hotline": "0200 3855 068",
            "email": "banbientap@congan.example.vn",
            "licence": (
                "Giấy phép số 45/GP-TTĐT do Sở Khoa học và Công nghệ tỉnh Sông Lam "
                "cấp ngày 16/6/2025."
            ),
            "reuse_notice": (
                f"Ghi rõ nguồn “Cổng thông tin điện tử {name}” khi phát hành lại thông tin "
                "từ Cổng."
            ),
            "public_services_url": "https://dichvucong.bocongan.gov.vn/",
        },
    )


def remove(apps, schema_editor):
    apps.get_model("public", "PortalIdentity").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [("public", "0004_portal_identity")]

    operations = [migrations.RunPython(create, remove)]
