using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Decision 0041: PostgreSQL's full-text index over code, title, summary and quotes, the twin of SQLite's FTS5 table
    /// (decision 0028). Not part of the EF model (only raw SQL reads it, see AppDbContext.CommitmentsMatchingText), so
    /// the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261201183000_PerfPostgreSqlTextSearch")]
    public partial class PerfPostgreSqlTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Statements)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS commitment_search_inserted ON "Commitments";
                DROP TRIGGER IF EXISTS commitment_search_updated ON "Commitments";
                DROP TRIGGER IF EXISTS commitment_search_quotes_inserted ON "SourceSpans";
                DROP TRIGGER IF EXISTS commitment_search_quotes_updated ON "SourceSpans";
                DROP TRIGGER IF EXISTS commitment_search_quotes_deleted ON "SourceSpans";
                DROP FUNCTION IF EXISTS commitment_search_commitments_inserted();
                DROP FUNCTION IF EXISTS commitment_search_commitment_updated();
                DROP FUNCTION IF EXISTS commitment_search_quotes_inserted();
                DROP FUNCTION IF EXISTS commitment_search_quotes_updated();
                DROP FUNCTION IF EXISTS commitment_search_quotes_deleted();
                DROP FUNCTION IF EXISTS commitment_search_refresh(uuid[]);
                DROP TABLE IF EXISTS "CommitmentSearch";
                DROP FUNCTION IF EXISTS commitment_search_words(text);
                """);
        }

        // The words of a commitment: lower-cased by ICU (Cyrillic too, whatever the database's locale), every run of
        // characters that is not a letter or digit made a space (so "SYN-000050-001" is syn, 000050, 001 as FTS5's
        // unicode61 reads it, not the signed numbers '-000050' the default parser makes), then the 'simple'
        // configuration: no stemming, no stop words, the same words the query side (TextSearch.PostgreSqlQuery) makes.
        // One row per commitment, kept by statement triggers in the transaction of the write that changes a
        // commitment or its quotes (EF, binary COPY or SQL alike); the commitment's delete cascades to its row.
        private static readonly string[] Statements =
        [
            """
            CREATE FUNCTION commitment_search_words(content text) RETURNS tsvector
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN to_tsvector('simple'::regconfig, regexp_replace(lower(content COLLATE "und-x-icu"), '[^[:alnum:]]+', ' ', 'g'));
            """,
            """
            CREATE TABLE "CommitmentSearch" (
                "CommitmentId" uuid NOT NULL PRIMARY KEY REFERENCES "Commitments" ("Id") ON DELETE CASCADE,
                "Words" tsvector NOT NULL);
            """,
            """
            CREATE FUNCTION commitment_search_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
                INSERT INTO "CommitmentSearch" ("CommitmentId", "Words")
                SELECT c."Id", commitment_search_words(concat_ws(' ', c."Code", c."Title", c."Summary",
                    (SELECT string_agg(s."Quote", ' ' ORDER BY s."Start") FROM "SourceSpans" AS s WHERE s."CommitmentId" = c."Id")))
                FROM "Commitments" AS c
                WHERE c."Id" = ANY (ids)
                ON CONFLICT ("CommitmentId") DO UPDATE SET "Words" = excluded."Words";
            $$;
            """,
            // Filled before the index is built: one GIN build is much cheaper than a million index insertions.
            """
            INSERT INTO "CommitmentSearch" ("CommitmentId", "Words")
            SELECT c."Id", commitment_search_words(concat_ws(' ', c."Code", c."Title", c."Summary", q.quotes))
            FROM "Commitments" AS c
            LEFT JOIN (SELECT "CommitmentId", string_agg("Quote", ' ' ORDER BY "Start") AS quotes FROM "SourceSpans" GROUP BY "CommitmentId") AS q
                ON q."CommitmentId" = c."Id";
            """,
            """CREATE INDEX "IX_CommitmentSearch_Words" ON "CommitmentSearch" USING gin ("Words");""",
            """
            CREATE FUNCTION commitment_search_commitments_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM commitment_search_refresh(ARRAY(SELECT "Id" FROM added));
                RETURN NULL;
            END $$;
            """,
            """
            CREATE TRIGGER commitment_search_inserted AFTER INSERT ON "Commitments"
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION commitment_search_commitments_inserted();
            """,
            // Only when a searched column changes (a status change leaves the words alone).
            """
            CREATE FUNCTION commitment_search_commitment_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM commitment_search_refresh(ARRAY[NEW."Id"]);
                RETURN NULL;
            END $$;
            """,
            """
            CREATE TRIGGER commitment_search_updated AFTER UPDATE OF "Code", "Title", "Summary" ON "Commitments"
                FOR EACH ROW WHEN (OLD."Code" IS DISTINCT FROM NEW."Code" OR OLD."Title" IS DISTINCT FROM NEW."Title" OR OLD."Summary" IS DISTINCT FROM NEW."Summary")
                EXECUTE FUNCTION commitment_search_commitment_updated();
            """,
            """
            CREATE FUNCTION commitment_search_quotes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM commitment_search_refresh(ARRAY(SELECT DISTINCT "CommitmentId" FROM added));
                RETURN NULL;
            END $$;
            """,
            """
            CREATE TRIGGER commitment_search_quotes_inserted AFTER INSERT ON "SourceSpans"
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION commitment_search_quotes_inserted();
            """,
            """
            CREATE FUNCTION commitment_search_quotes_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM commitment_search_refresh(ARRAY(SELECT "CommitmentId" FROM added UNION SELECT "CommitmentId" FROM removed));
                RETURN NULL;
            END $$;
            """,
            """
            CREATE TRIGGER commitment_search_quotes_updated AFTER UPDATE ON "SourceSpans"
                REFERENCING NEW TABLE AS added OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION commitment_search_quotes_updated();
            """,
            // A commitment's own delete cascades here too; its row is gone already and the refresh finds nothing.
            """
            CREATE FUNCTION commitment_search_quotes_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM commitment_search_refresh(ARRAY(SELECT DISTINCT "CommitmentId" FROM removed));
                RETURN NULL;
            END $$;
            """,
            """
            CREATE TRIGGER commitment_search_quotes_deleted AFTER DELETE ON "SourceSpans"
                REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION commitment_search_quotes_deleted();
            """,
        ];
    }
}
