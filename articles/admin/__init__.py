"""The editorial desk, on top of the Django admin (each module registers its models)."""

from articles.admin import articles, history, taxonomy  # noqa: F401
