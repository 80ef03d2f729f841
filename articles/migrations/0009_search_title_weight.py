"""The title becomes the weightiest part ("A") of the stored ``search_vector``.

Search ranked a title match higher by parsing each candidate's title again at every
search (``to_tsvector`` with ``unaccent`` on 200 titles: most of a search's time). Now the
trigger writes the title's words once, on save, weighted "A", and ``ts_rank_cd``'s
default weights (A = 1.0, D = 0.1) give the title its bonus from the stored vector.
"""

from django.db import migrations

from articles.migration_operations import PostgresOnlySQL

CONFIG = "newsroom_vi"


def trigger(vector: str, columns: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := {vector.replace("{row}", "NEW.")};
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
DROP TRIGGER articles_article_search_vector ON articles_article;
CREATE TRIGGER articles_article_search_vector
    BEFORE INSERT OR UPDATE OF {columns} ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
UPDATE articles_article SET search_vector = {vector.replace("{row}", "")};
"""


WEIGHTED = (
    f"setweight(to_tsvector('{CONFIG}'::regconfig, COALESCE({{row}}title, '')), 'A')"
    f" || to_tsvector('{CONFIG}'::regconfig, COALESCE({{row}}search_text, ''))"
)
PLAIN = f"to_tsvector('{CONFIG}'::regconfig, COALESCE({{row}}search_text, ''))"


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0008_link_indexes"),
    ]

    operations = [
        PostgresOnlySQL(trigger(WEIGHTED, "title, search_text"), trigger(PLAIN, "search_text")),
    ]
