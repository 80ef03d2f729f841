"""schema.org data for share cards and search engines (JSON-LD)."""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from documents.files import CONTENT_TYPES
from documents.models import Document
from documents.validity import LEGAL_FORCE
from organisation.contacts import PortalContact
from organisation.models import Unit
from photos.renditions import social_image_url
from public import addresses


def news_article(article: Article) -> dict:
    """schema.org NewsArticle for ``article`` (times with the +07:00 offset)."""
    publisher = {
        "@type": "NewsMediaOrganization",
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
        "logo": {
            "@type": "ImageObject",
            "url": addresses.absolute(static(settings.SITE_LOGO)),
            "width": 512,
            "height": 512,
        },
    }
    # A preview of a draft has no publication time yet.
    published = article.published_at or article.updated_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {
            "@type": "WebPage",
            "@id": addresses.absolute(article.get_absolute_url()),
        },
        "headline": article.title[:110],
        "description": article.sapo,
        "datePublished": timezone.localtime(published).isoformat(),
        "dateModified": timezone.localtime(max(article.updated_at, published)).isoformat(),
        "articleSection": article.section.name,
        "inLanguage": "vi",
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": addresses.absolute(author.get_absolute_url()),
                **(
                    {"affiliation": {"@type": "Organization", "name": author.unit}}
                    if author.unit
                    else {}
                ),
            }
            for author in article.author_list
        ],
        "publisher": publisher,
        "keywords": [t.name for t in article.tags.all()],
    }
    if article.cover and article.cover.file:
        data["image"] = [
            {
                "@type": "ImageObject",
                "url": social_image_url(article.cover),
                "width": 1200,
                "height": 630,
                "caption": article.cover.caption,
            }
        ]
    return data


def legislation(document: Document) -> dict:
    """schema.org Legislation for a legal document: its number, type, issuer, dates,
    legal force and files."""
    data = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "@id": addresses.absolute(document.get_absolute_url()),
        "url": addresses.absolute(document.get_absolute_url()),
        "name": document.title,
        "legislationIdentifier": document.number,
        "legislationType": document.doc_type.name,
        "abstract": document.summary,
        "legislationDate": document.issued_on.isoformat(),
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": document.issuer.name},
        "legislationLegalForce": {"@id": LEGAL_FORCE[document.validity()]},
        "inLanguage": "vi",
        "datePublished": timezone.localtime(
            document.published_at or document.updated_at
        ).isoformat(),
        "dateModified": timezone.localtime(document.updated_at).isoformat(),
        "publisher": {"@type": "GovernmentOrganization", "name": settings.SITE_NAME},
    }
    if document.effective_from:
        data["legislationDateVersion"] = document.effective_from.isoformat()
    if document.signer_name:
        data["author"] = {
            "@type": "Person",
            "name": document.signer_name,
            "jobTitle": document.signer_title,
        }
    files = [
        {
            "@type": "MediaObject",
            "contentUrl": addresses.absolute(
                reverse("public:document-file", args=[document.slug, a.pk])
            ),
            "encodingFormat": CONTENT_TYPES[a.kind],
            "contentSize": str(a.size),
        }
        for a in document.attachments.all()
    ]
    if files:
        data["encoding"] = files
    return data


def government_organization(
    contact: PortalContact, units: list[Unit], *, language: str = "vi"
) -> dict:
    """schema.org GovernmentOrganization for the contact pages, each unit a PoliceStation."""

    def station(unit: Unit) -> dict:
        entry = {
            "@type": "PoliceStation",
            "name": unit.name if language == "vi" else unit.english_name,
            "url": addresses.absolute(unit.get_absolute_url()),
        }
        if unit.address:
            entry["address"] = unit.address
        if unit.phone_list:
            entry["telephone"] = unit.phone_list[0]
        if unit.email:
            entry["email"] = unit.email
        return entry

    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": contact.name if language == "vi" else (contact.name_en or contact.name),
        "url": settings.SITE_URL + "/",
        "logo": addresses.absolute(static(settings.SITE_LOGO)),
    }
    if contact.address:
        data["address"] = contact.address
    if contact.phones:
        data["telephone"] = contact.phones[0]
    if contact.email:
        data["email"] = contact.email
    if units:
        data["subOrganization"] = [station(unit) for unit in units]
    return data
