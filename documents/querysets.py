"""The read rules of documents, chained on ``published()`` (publishing.models)."""

from __future__ import annotations

import datetime as dt

from django.db import models

from documents.validity import validity_expression, validity_q
from publishing.models import PublishableQuerySet

# What a row of the public list shows; the long texts stay in the database.
LIST_FIELDS = (
    "number", "slug", "summary", "issued_on", "effective_from", "expires_on",
    "validity_override", "status", "published_at", "doc_type_id", "issuer_id", "field_id",
    "doc_type__name", "doc_type__slug", "issuer__name", "issuer__slug",
)  # fmt: skip


class DocumentQuerySet(PublishableQuerySet):
    def latest_first(self) -> DocumentQuerySet:
        """Newest issued first (how portals list documents)."""
        return self.order_by("-issued_on", "-pk")

    def with_validity(self, today: dt.date | None = None) -> DocumentQuerySet:
        return self.annotate(validity_now=validity_expression(today))

    def in_status(self, status: str, today: dt.date | None = None) -> DocumentQuerySet:
        return self.filter(validity_q(status, today))

    def for_list(self) -> DocumentQuerySet:
        """A row of the list: number, dates, summary, type, issuer and its files (two
        queries)."""
        attachment = self.model._meta.get_field("attachments").related_model
        files = attachment.objects.only("pk", "document_id", "kind", "size", "position", "title")
        return (
            self.select_related("doc_type", "issuer")
            .only(*LIST_FIELDS)
            .prefetch_related(models.Prefetch("attachments", queryset=files))
        )

    def for_page(self) -> DocumentQuerySet:
        """The document page: type, issuer, field, files, and its links both ways."""
        link = self.model._meta.get_field("links_out").related_model
        attachment = self.model._meta.get_field("attachments").related_model
        linked = ("source__doc_type", "target__doc_type")
        return (
            self.select_related("doc_type", "issuer", "field")
            .defer("search_text", "search_vector", "full_text")
            .prefetch_related(
                models.Prefetch("attachments", queryset=attachment.objects.defer("text")),
                models.Prefetch("links_out", queryset=link.objects.select_related(*linked)),
                models.Prefetch("links_in", queryset=link.objects.select_related(*linked)),
            )
        )
