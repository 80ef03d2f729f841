"""The editorial desk, on top of the Django admin (each module registers its models, and
``dashboard`` its panels of the desk's front page)."""

from articles.admin import articles, dashboard, history, taxonomy  # noqa: F401
