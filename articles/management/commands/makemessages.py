from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """Django's makemessages without fuzzy matching.

    A guessed ("fuzzy") translation is skipped at run time, so a new string would
    silently show in English; an empty one is caught by tests/test_translations.py.
    """

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
