using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommitmentTracker.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Decision 0028: the -due order as an index, and the full-text index over code, title, summary and quotes.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261201100000_PerfSearchAndDueOrder")]
    public partial class PerfSearchAndDueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Commitments_DueLatest_Descending_Code",
                table: "Commitments",
                columns: new[] { "DueLatest", "Code" },
                descending: new[] { true, false });

            // FTS5 with the unicode61 tokenizer: case folded for every alphabet (Провести = провести), diacritics
            // removed (ё = е, é = e). One row per commitment, its FTS rowid the commitment's rowid so triggers find it
            // without a scan; CommitmentId is what a search returns. The triggers keep it in the transaction of the
            // write that changes a commitment or its quotes, whatever writes it (EF, the bulk generator, SQL).
            // A VACUUM may renumber the commitments' rowids: after one, run the two statements after CREATE again.
            migrationBuilder.Sql(SearchTable);
            migrationBuilder.Sql(Fill);
            foreach (var trigger in Triggers)
            {
                migrationBuilder.Sql(trigger);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in new[] { "CommitmentSearch_Inserted", "CommitmentSearch_Updated", "CommitmentSearch_Deleted", "CommitmentSearch_QuoteInserted", "CommitmentSearch_QuoteUpdated", "CommitmentSearch_QuoteDeleted" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{name}\";");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS \"CommitmentSearch\";");
            migrationBuilder.DropIndex(
                name: "IX_Commitments_DueLatest_Descending_Code",
                table: "Commitments");
        }

        private const string SearchTable = """
            CREATE VIRTUAL TABLE "CommitmentSearch" USING fts5(
                "CommitmentId" UNINDEXED, "Code", "Title", "Summary", "Quotes",
                tokenize = 'unicode61 remove_diacritics 2');
            """;

        // The row of one commitment (new.rowid / old.rowid given by the caller), its quotes joined in span order.
        private const string Row = """
            SELECT c.rowid, c."Id", c."Code", c."Title", c."Summary",
                   (SELECT group_concat(s."Quote", ' ') FROM "SourceSpans" AS s WHERE s."CommitmentId" = c."Id")
            FROM "Commitments" AS c
            """;

        private const string Fill = "DELETE FROM \"CommitmentSearch\"; INSERT INTO \"CommitmentSearch\" (rowid, \"CommitmentId\", \"Code\", \"Title\", \"Summary\", \"Quotes\") " + Row + ";";

        private static readonly string[] Triggers =
        [
            $"""
            CREATE TRIGGER "CommitmentSearch_Inserted" AFTER INSERT ON "Commitments" BEGIN
                INSERT INTO "CommitmentSearch" (rowid, "CommitmentId", "Code", "Title", "Summary", "Quotes") {Row} WHERE c.rowid = new.rowid;
            END;
            """,
            $"""
            CREATE TRIGGER "CommitmentSearch_Updated" AFTER UPDATE OF "Code", "Title", "Summary" ON "Commitments" BEGIN
                DELETE FROM "CommitmentSearch" WHERE rowid = old.rowid;
                INSERT INTO "CommitmentSearch" (rowid, "CommitmentId", "Code", "Title", "Summary", "Quotes") {Row} WHERE c.rowid = new.rowid;
            END;
            """,
            """
            CREATE TRIGGER "CommitmentSearch_Deleted" AFTER DELETE ON "Commitments" BEGIN
                DELETE FROM "CommitmentSearch" WHERE rowid = old.rowid;
            END;
            """,
            $"""
            CREATE TRIGGER "CommitmentSearch_QuoteInserted" AFTER INSERT ON "SourceSpans" BEGIN
                DELETE FROM "CommitmentSearch" WHERE rowid = (SELECT rowid FROM "Commitments" WHERE "Id" = new."CommitmentId");
                INSERT INTO "CommitmentSearch" (rowid, "CommitmentId", "Code", "Title", "Summary", "Quotes") {Row} WHERE c."Id" = new."CommitmentId";
            END;
            """,
            $"""
            CREATE TRIGGER "CommitmentSearch_QuoteUpdated" AFTER UPDATE OF "Quote", "CommitmentId" ON "SourceSpans" BEGIN
                DELETE FROM "CommitmentSearch" WHERE rowid IN (SELECT rowid FROM "Commitments" WHERE "Id" IN (old."CommitmentId", new."CommitmentId"));
                INSERT INTO "CommitmentSearch" (rowid, "CommitmentId", "Code", "Title", "Summary", "Quotes") {Row} WHERE c."Id" IN (old."CommitmentId", new."CommitmentId");
            END;
            """,
            $"""
            CREATE TRIGGER "CommitmentSearch_QuoteDeleted" AFTER DELETE ON "SourceSpans" BEGIN
                DELETE FROM "CommitmentSearch" WHERE rowid = (SELECT rowid FROM "Commitments" WHERE "Id" = old."CommitmentId");
                INSERT INTO "CommitmentSearch" (rowid, "CommitmentId", "Code", "Title", "Summary", "Quotes") {Row} WHERE c."Id" = old."CommitmentId";
            END;
            """,
        ];
    }
}
