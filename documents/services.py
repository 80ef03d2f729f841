"""State changes of legal documents: the editorial workflow (publishing/workflow.py), the
files, the links, and the import.

What is particular to documents is here: who counts as a document's author (who created
it), who may edit it, where its files are stored, and what a link does to the document
it replaces or repeals. Views, the admin, importers and commands call these.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.files import inspect
from documents.models import (
    Attachment,
    Document,
    DocumentLink,
    DocumentStep,
    attachment_upload_to,
)
from publishing import workflow
from publishing.models import Action, Status

RULES = workflow.RULES


# Who may do what ---------------------------------------------------------------------


def is_author(document: Document, user) -> bool:
    return document.pk is None or document.created_by_id == user.pk


def desk_documents(user, documents=None):
    """All documents for editors and above; one's own for the others."""
    documents = Document.objects.all() if documents is None else documents
    if user.is_superuser or user.has_perm("documents.edit_any_document"):
        return documents
    return documents.filter(created_by=user)


def can_edit(user, document: Document) -> bool:
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("documents.change_document"):
        return False
    if document.status == Status.ARCHIVED:
        return False
    if document.status == Status.PUBLISHED:
        return user.has_perm("documents.publish_document")
    if user.has_perm("documents.edit_any_document"):
        return True
    return document.status in {Status.DRAFT, Status.RETURNED} and is_author(document, user)


def allowed_actions(user, document: Document) -> list[str]:
    return workflow.allowed_actions(user, document, authored=is_author(document, user))


# The workflow ------------------------------------------------------------------------


def record_step(document: Document, **step) -> DocumentStep:
    return DocumentStep.objects.create(document=document, **step)


def document_transition(*, document: Document, by, action: str, comment: str = "") -> DocumentStep:
    """Move ``document`` one step and record who, when and why."""
    return workflow.transition(
        item=document,
        by=by,
        action=action,
        comment=comment,
        authored=is_author(document, by),
        record=record_step,
    )


def document_submit(*, document: Document, by) -> DocumentStep:
    return document_transition(document=document, by=by, action=Action.SUBMIT)


def document_forward(*, document: Document, by, comment: str = "") -> DocumentStep:
    return document_transition(document=document, by=by, action=Action.FORWARD, comment=comment)


def document_return(*, document: Document, by, comment: str) -> DocumentStep:
    return document_transition(document=document, by=by, action=Action.RETURN, comment=comment)


def document_approve(*, document: Document, by, comment: str = "") -> DocumentStep:
    return document_transition(document=document, by=by, action=Action.APPROVE, comment=comment)


def document_take_down(*, document: Document, by, reason: str) -> DocumentStep:
    return document_transition(document=document, by=by, action=Action.TAKE_DOWN, comment=reason)


# Files -------------------------------------------------------------------------------


def _may_change(document: Document, by) -> None:
    if by is None or not can_edit(by, document):
        raise PermissionDenied(_("You cannot edit this document."))


@transaction.atomic
def attachment_add(
    *, document: Document, data: bytes, original_name: str, by, title: str = ""
) -> Attachment:
    """Verify ``data`` (documents.files), store it under a random name and read its
    text into the document's search text. The same file twice on one document is refused."""
    _may_change(document, by)
    inspected = inspect(data)
    if document.attachments.filter(checksum=inspected.checksum).exists():
        raise ValidationError(_("This file is already attached to the document."), code="twice")
    attachment = Attachment(
        document=document,
        kind=inspected.kind,
        title=title.strip()[:200],
        original_name=original_name.replace("\\", "/").rsplit("/", 1)[-1][:255],
        size=inspected.size,
        checksum=inspected.checksum,
        pages=inspected.pages,
        text=inspected.text,
        position=document.attachments.count(),
        uploaded_by=by,
    )
    name = default_storage.save(
        attachment_upload_to(attachment, f"x.{inspected.kind}"), ContentFile(data)
    )
    try:
        attachment.file.name = name
        attachment.save()
        refresh_full_text(document)
    except BaseException:
        default_storage.delete(name)
        raise
    # A caller whose transaction fails later removes the file (``discard_file``).
    return attachment


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def discard_file(name: str) -> None:
    """Remove a stored file whose record was rolled back (an import that failed)."""
    default_storage.delete(name)


@transaction.atomic
def attachment_remove(*, attachment: Attachment, by) -> None:
    document = attachment.document
    _may_change(document, by)
    name = attachment.file.name
    attachment.delete()
    refresh_full_text(document)
    transaction.on_commit(lambda: default_storage.delete(name))


def refresh_full_text(document: Document) -> None:
    """The document's full text: its files' text layers, in order."""
    texts = document.attachments.order_by("position", "pk").values_list("text", flat=True)
    document.full_text = "\n".join(t for t in texts if t)
    document.save(update_fields=["full_text", "updated_at"])


# Links -------------------------------------------------------------------------------


@transaction.atomic
def link_add(*, source: Document, kind: str, target: Document, by) -> DocumentLink:
    """``source`` guides, amends, replaces or repeals ``target``. A replaced or repealed
    document with no expiry date goes out of force when ``source`` comes into force."""
    _may_change(source, by)
    link, _created = DocumentLink.objects.get_or_create(source=source, kind=kind, target=target)
    apply_link(link)
    return link


def apply_link(link: DocumentLink) -> None:
    """What a link changes on its target (also called after the admin saves links)."""
    if link.kind not in (DocumentLink.Kind.REPLACES, DocumentLink.Kind.REPEALS):
        return
    target = link.target
    ends = link.source.in_force_from
    if target.expires_on is None and ends > target.in_force_from:
        target.expires_on = ends
        with reversion.create_revision():
            target.save(update_fields=["expires_on", "updated_at"])
            reversion.set_comment(
                _("Out of force from %(date)s: %(link)s")
                % {"date": ends.strftime("%d/%m/%Y"), "link": link}
            )


# Import ------------------------------------------------------------------------------

_DECIDED_BY_THE_DESK = frozenset({Status.UNPUBLISHED, Status.ARCHIVED})


def import_refusal(*, document: Document, by) -> str:
    """Why an import must leave ``document`` alone ("" when it may go on)."""
    if by is None or not (by.is_active and by.is_staff):
        raise PermissionDenied(_("Imports are made by an active member of staff."))
    needed = "documents.change_document" if document.pk else "documents.add_document"
    if not by.has_perm(needed):
        raise PermissionDenied(_("You do not have the right to do this."))
    if document.pk and document.status in _DECIDED_BY_THE_DESK:
        return _("The document is “%(status)s” on this site: skipped.") % {
            "status": document.get_status_display()
        }
    return ""


@transaction.atomic
def document_import(
    *, document: Document, publish: bool, by, note: str, published_at: dt.datetime | None = None
) -> DocumentStep | None:
    """Save an imported document: a new one as a draft, or published when asked (with the
    right to publish); one already here keeps the desk's state unless it is to be
    published. The step is recorded in the register, with a revision."""
    refusal = import_refusal(document=document, by=by)
    if refusal:
        raise ValidationError(refusal)
    created = document.pk is None
    previous = Status.DRAFT if created else document.status
    target = Status.PUBLISHED if publish else previous
    if target == Status.PUBLISHED and previous != Status.PUBLISHED:
        if not by.has_perm("documents.publish_document"):
            raise PermissionDenied(_("You do not have the right to publish documents."))
        document.published_at = published_at or document.published_at or timezone.now()
        document.first_published_at = document.first_published_at or document.published_at
    document.status = target
    document.updated_by = by
    if created:
        document.created_by = by
    with reversion.create_revision():
        document.save()
        reversion.set_user(by)
        reversion.set_comment(_("Imported (%(source)s)") % {"source": note})
    if not created and previous == target:
        return None
    return DocumentStep.objects.create(
        document=document,
        action=Action.IMPORT,
        from_status=previous,
        to_status=target,
        by=by,
        comment=note,
    )


def find_existing(*, number_key: str, issuer_id: int) -> Document | None:
    return Document.objects.filter(Q(number_key=number_key) & Q(issuer_id=issuer_id)).first()
