"""Strings of other packages shown at the desk, listed so that makemessages puts them in
our Vietnamese catalogue (locale/vi/LC_MESSAGES/django.po). Never imported.

Our catalogue comes first: Django merges the catalogues of LOCALE_PATHS over those of
the installed apps, so for the same msgid our translation is the one shown
(tests/accounts/test_desk_in_vietnamese.py holds that). Four kinds of strings are here:

- django-axes ships no Vietnamese;
- Django's own Vietnamese catalogue dates from Django 3.2: the admin's strings added
  since (the skip link, the filters, the password-based authentication switch, the
  plurals of ``timeuntil`` that the "Scheduled · in 1 day, 2 hours" badge uses…) are
  missing from it;
- some of its translations read wrong: "Thêm vào bài viết" for "Add article", "Bản ghi
  nhớ" for "History", "Hoạt động:" for "Action:", "0 của 32 được chọn", "Bởi trạng
  thái", "Các mô models trong…";
- the strings of the admin's scripts (the djangojs domain) are in djangojs.po beside
  django.po, written by hand (makemessages reads only our own scripts for that domain).
"""

from django.utils.translation import gettext_noop, ngettext_lazy

STRINGS = [
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Access Attempt"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("Locked Out"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Username"),
]

DJANGO_ADMIN = [
    gettext_noop("Skip to main content"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Sidebar"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Filter navigation items"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Select all objects on this page for an action"),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Error:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("Set password"),
    ngettext_lazy("Please correct the error below.", "Please correct the errors below.", 1),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop(
        "This action will <strong>enable</strong> password-based authentication for this user."
    ),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("entry"),
    gettext_noop("LogEntry Object"),
]

# Django's Vietnamese that reads wrong at the desk, said again.
DJANGO_ADMIN_REWORDED = [
    gettext_noop("Add"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add %s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Change"),
    gettext_noop("Change %s"),
    gettext_noop("Change selected %(model)s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("History"),
    gettext_noop("Change history: %s"),
    gettext_noop("Action:"),
    gettext_noop("Action"),
    gettext_noop("User"),
    gettext_noop("Go"),
    gettext_noop("Run the selected action"),
    gettext_noop("0 of %(cnt)s selected"),
    ngettext_lazy("%(total_count)s selected", "All %(total_count)s selected", 1),
    gettext_noop("Select all %(total_count)s %(module_name)s"),
    gettext_noop("Click here to select the objects across all pages"),
    gettext_noop("Clear selection"),
    gettext_noop(" By %(filter_title)s "),
    gettext_noop("Models in the %(name)s application"),
    gettext_noop("%(app)s administration"),
    gettext_noop("Delete?"),
    gettext_noop(
        'Are you sure you want to delete the %(object_name)s "%(escaped_object)s"? All of '
        "the following related items will be deleted:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would result in deleting related "
        "objects, but your account doesn't have permission to delete the following types of "
        "objects:"
    ),
    gettext_noop(
        "Deleting the %(object_name)s '%(escaped_object)s' would require deleting the "
        "following protected related objects:"
    ),
    gettext_noop(
        "Are you sure you want to delete the selected %(objects_name)s? All of the following "
        "objects and their related items will be deleted:"
    ),
    gettext_noop("Objects"),
    gettext_noop("No, take me back"),
    gettext_noop("Save"),
    gettext_noop("Save and view"),
    gettext_noop("Save as new"),
    gettext_noop("Welcome,"),
    gettext_noop("Currently:"),
    gettext_noop("Toggle sorting"),
    gettext_noop("Remove from sorting"),
    gettext_noop("Sorting priority: %(priority_number)s"),
    gettext_noop("Any date"),
    gettext_noop("Past 7 days"),
    gettext_noop("No date"),
    gettext_noop("Has date"),
    gettext_noop("Added."),
    gettext_noop("No fields changed."),
    gettext_noop("Changed {fields}."),
    gettext_noop(
        "This object doesn’t have a change history. It probably wasn’t added via this admin site."
    ),
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("The %(name)s “%(obj)s” was deleted successfully."),
    gettext_noop("Successfully deleted %(count)d %(items)s."),
    ngettext_lazy(
        "%(count)s %(name)s was changed successfully.",
        "%(count)s %(name)s were changed successfully.",
        1,
    ),
    gettext_noop(
        "Items must be selected in order to perform actions on them. No items have been changed."
    ),
    gettext_noop("No action selected."),
    gettext_noop(
        "Please enter the correct %(username)s and password for a staff account. Note that "
        "both fields may be case-sensitive."
    ),
    gettext_noop("Log out"),
]

# Django's core and authentication strings shown at the desk that its Vietnamese lacks.
DJANGO_CORE = [
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
    ngettext_lazy("%(size)d byte", "%(size)d bytes", "size"),
    gettext_noop("%s KB"),
    gettext_noop("%s MB"),
    gettext_noop("%s GB"),
    gettext_noop("Forbidden"),
    gettext_noop("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."),
    gettext_noop(
        "Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens."
    ),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("Enter a complete value."),
    gettext_noop("The inline value did not match the parent instance."),
    gettext_noop("“%(pk)s” is not a valid value."),
    ngettext_lazy(
        "Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", "num"
    ),
    ngettext_lazy(
        "Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", "num"
    ),
    gettext_noop(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be "
        "ambiguous or it may not exist."
    ),
    gettext_noop("%(from)s-%(to)s relationship"),
    gettext_noop("%(from)s-%(to)s relationships"),
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop("Reset password"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP."
    ),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Enable password-based authentication for this user by setting a password."),
    gettext_noop("Email"),
    gettext_noop("email address"),
    # What the password hashers show of a stored password (the account's form).
    gettext_noop("algorithm"),
    gettext_noop("iterations"),
    gettext_noop("salt"),
    gettext_noop("hash"),
    gettext_noop("variety"),
    gettext_noop("version"),
    gettext_noop("memory cost"),
    gettext_noop("time cost"),
    gettext_noop("parallelism"),
    gettext_noop("work factor"),
    gettext_noop("checksum"),
    gettext_noop("block size"),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        1,
    ),
    gettext_noop(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and "
        "uppercase A-Z letters, numbers, and @/./+/-/_ characters."
    ),
    # django-reversion (the history and recovery pages of the police sections) ships no
    # Vietnamese.
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop(
        "Choose a date from the list below to revert to a previous version of this object."
    ),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop(
        "This object doesn't have a change history. It probably wasn't added via this admin site."
    ),
    gettext_noop("Initial version."),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Could not load %(object_repr)s version - not found"),
]
