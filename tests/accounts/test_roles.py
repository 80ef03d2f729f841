"""Roles are declared in accounts/roles.py; the groups follow the declaration after migrate."""

import pytest
from django.contrib.auth.models import Permission

from accounts import roles
from accounts.models import GroupRole, User
from accounts.roles import PERMISSIONS, Role, group_of, sync_roles

pytestmark = pytest.mark.django_db


def granted(role: Role) -> set[str]:
    group = group_of(role)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_every_role_has_a_group_with_exactly_its_permissions():
    for role in Role:
        assert group_of(role).name == role.label
        assert granted(role) == set(PERMISSIONS[role])


def test_a_permission_given_by_hand_is_taken_back_at_the_next_migrate():
    group = group_of(Role.REPORTER)
    group.permissions.add(Permission.objects.get(codename="publish_article"))
    sync_roles()
    assert "articles.publish_article" not in granted(Role.REPORTER)


def test_a_group_is_found_by_its_role_not_by_its_name(monkeypatch):
    group = group_of(Role.EDITOR)
    group.name = "Biên tập"  # renamed by an administrator
    group.save()
    assert group_of(Role.EDITOR) == group
    # The label in the code is what people see: the next migrate puts it back.
    sync_roles()
    group.refresh_from_db()
    assert group.name == "Biên tập viên"
    assert GroupRole.objects.filter(code="editor").count() == 1


def test_what_a_role_may_do_is_what_its_members_may_do(reporter, approver):
    assert reporter.has_perm("articles.submit_article")
    assert not reporter.has_perm("articles.publish_article")
    assert approver.has_perm("articles.publish_article")
    assert not User.objects.get(pk=reporter.pk).has_perm("photos.delete_image")


def test_a_permission_that_does_not_exist_is_a_loud_mistake(monkeypatch):
    monkeypatch.setitem(roles.PERMISSIONS, Role.REPORTER, ["articles.fly_article"])
    with pytest.raises(LookupError, match="fly_article"):
        sync_roles()
