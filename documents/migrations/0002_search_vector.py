"""Documents' full-text search on PostgreSQL: a stored ``search_vector`` kept by a trigger
from the number and summary (weight A, the weightiest) and the folded ``search_text``
(number, summary, type, issuer, field, signer and the text of the files), with a GIN
index. The ``newsroom_vi`` configuration is made by articles' migration 0004. SQLite
does without (documents/search.py matches whole words on ``search_text`` there).
"""

from django.db import migrations

from articles.migration_operations import PostgresOnlySQL

CONFIG = "newsroom_vi"
VECTOR = (
    f"setweight(to_tsvector('{CONFIG}'::regconfig,"
    f" COALESCE({{row}}number, '') || ' ' || COALESCE({{row}}summary, '')), 'A')"
    f" || to_tsvector('{CONFIG}'::regconfig, COALESCE({{row}}search_text, ''))"
)

CREATE = f"""
CREATE FUNCTION documents_document_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := {VECTOR.replace("{row}", "NEW.")};
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER documents_document_search_vector
    BEFORE INSERT OR UPDATE OF number, summary, search_text ON documents_document
    FOR EACH ROW EXECUTE FUNCTION documents_document_search_vector();
UPDATE documents_document SET search_vector = {VECTOR.replace("{row}", "")};
CREATE INDEX document_search_idx ON documents_document USING gin (search_vector);
"""

DROP = """
DROP INDEX document_search_idx;
DROP TRIGGER documents_document_search_vector ON documents_document;
DROP FUNCTION documents_document_search_vector();
"""


class Migration(migrations.Migration):

    dependencies = [
        ("documents", "0001_initial"),
        ("articles", "0004_search_index"),
    ]

    operations = [PostgresOnlySQL(CREATE, DROP)]
