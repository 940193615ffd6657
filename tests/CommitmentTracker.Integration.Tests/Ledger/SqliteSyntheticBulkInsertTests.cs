using System.Globalization;
using System.Text.RegularExpressions;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Infrastructure.Synthetic;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CommitmentTracker.Integration.Tests.Ledger;

/// <summary>A second SQLite app with its own file, so one test class can hold two.</summary>
public sealed class SecondSqliteAppFactory : SqliteAppFactory;

/// <summary>
/// The synthetic generator writes to SQLite with prepared INSERTs from the domain objects, never through the change
/// tracker (decision 0043), as one transaction that makes the secondary indexes, the search index and the dashboard
/// projection once at its end (decision 0049). The same set is written to one file that way and to another through
/// SaveChanges: every ledger table must hold the same rows (GUIDs aside), the schema must be the same (indexes and
/// triggers back as they were), the search index must hold the same words, and the API must read both alike, before
/// and after ordinary writes.
/// </summary>
public sealed partial class SqliteSyntheticBulkInsertTests(SqliteAppFactory inserted, SecondSqliteAppFactory saved)
    : IClassFixture<SqliteAppFactory>, IClassFixture<SecondSqliteAppFactory>
{
    // Batches end at meetings of 50: the second batch starts in the middle of the run, after rows already indexed.
    private static readonly SyntheticDataRequest Request = new(Meetings: 6, Commitments: 300, Seed: 15, BatchSize: 120);

    // Every table the generator writes, and the ones derived from it in the same transaction.
    private static readonly string[] Tables =
    [
        "Parties", "Meetings", "Participants", "Documents", "Commitments", "Responsibilities", "SourceSpans", "StatusEntries",
        "DashboardCounts", "AuditTrail",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_inserted_in_bulk_are_the_rows_SaveChanges_writes_and_the_search_index_keeps_working()
    {
        inserted.Clock.Now = saved.Clock.Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        await PostgreSqlSyntheticBulkCopyTests.GenerateAsync(inserted, Request);
        await PostgreSqlSyntheticBulkCopyTests.GenerateAsync(saved, Request with { UseSaveChanges = true });

        var summary = await inserted.Api().GetAsync("/api/v1/summary", Ct).ShouldBeJsonAsync<SummaryDto>();
        summary.Total.ShouldBe(323);

        // Table by table, row by row: every value but the GUIDs each database made for itself.
        foreach (var table in Tables)
        {
            var rows = await RowsAsync(inserted, $"SELECT * FROM \"{table}\"");
            rows.ShouldNotBeEmpty(table);
            rows.ShouldBe(await RowsAsync(saved, $"SELECT * FROM \"{table}\""), table);
        }

        // The indexes and triggers the load dropped are back, each as its migration made it.
        const string Schema = "SELECT type || ' ' || name || ' ' || tbl_name || ': ' || coalesce(sql, '') FROM sqlite_master";
        (await RowsAsync(inserted, Schema)).ShouldBe(await RowsAsync(saved, Schema));

        // The file is in WAL mode again, whichever journal the load wrote through (decision 0070).
        (await RowsAsync(inserted, "PRAGMA journal_mode")).ShouldBe(["wal"]);

        // The bulk load left one audit record per batch, not one per row: the parties, then two batches of three meetings.
        (await RowsAsync(inserted, "SELECT \"EntityType\" FROM \"AuditTrail\" WHERE \"EntityType\" = 'BulkLoad'")).Count.ShouldBe(3);

        await ShouldIndexAlikeAsync();
        await ShouldReadAlikeAsync(PostgreSqlSyntheticBulkCopyTests.Reads);
        var synthetic = await inserted.Api().GetAsync("/api/v1/commitments?q=SYN&pageSize=1", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        synthetic.TotalCount.ShouldBe(300);

        // Ordinary writes after the load go through the restored triggers: a status entry on a loaded commitment, a
        // new meeting and a commitment whose words must be found.
        var code = (await inserted.Api().GetAsync("/api/v1/commitments?status=Captured&q=SYN&pageSize=1", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).Items.ShouldHaveSingleItem().Code;
        var created = await PostgreSqlSyntheticBulkCopyTests.WriteAsync(inserted, code);
        (await PostgreSqlSyntheticBulkCopyTests.WriteAsync(saved, code)).ShouldBe(created);
        var renewed = await inserted.Api().GetAsync("/api/v1/commitments?q=renew%20tram&pageSize=10", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        renewed.Items.ShouldContain(c => c.Code == created);

        await ShouldIndexAlikeAsync();
        await ShouldReadAlikeAsync([.. PostgreSqlSyntheticBulkCopyTests.Reads, $"/api/v1/commitments/{code}", $"/api/v1/commitments/{created}", "/api/v1/commitments?q=renew&pageSize=100"]);
    }

    // One search row per commitment, under the commitment's own rowid, with the same words in both files; and the six
    // triggers of decision 0028 as they were.
    private async Task ShouldIndexAlikeAsync()
    {
        // The quotes of a commitment cited more than once are joined in no set order (group_concat), and the seeded
        // ones were saved in an order of their own in each file: compare each row's words, not their order.
        const string Search = "SELECT \"Code\", \"Title\", \"Summary\", \"Quotes\" FROM \"CommitmentSearch\"";
        static List<string> Words(List<string> rows) =>
            [.. rows.Select(r => r[..r.LastIndexOf('|')] + "|" + string.Join(' ', r[(r.LastIndexOf('|') + 1)..].Split(' ').Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
        var words = Words(await RowsAsync(inserted, Search));
        words.ShouldBe(Words(await RowsAsync(saved, Search)));
        var commitments = await RowsAsync(inserted, "SELECT \"Id\" FROM \"Commitments\"");
        words.Count.ShouldBe(commitments.Count);
        (await RowsAsync(inserted, "SELECT s.rowid FROM \"CommitmentSearch\" AS s JOIN \"Commitments\" AS c ON c.rowid = s.rowid AND c.\"Id\" = s.\"CommitmentId\"")).Count.ShouldBe(commitments.Count);

        const string Triggers = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'CommitmentSearch%'";
        var triggers = await RowsAsync(inserted, Triggers);
        triggers.Count.ShouldBe(6);
        triggers.ShouldBe(await RowsAsync(saved, Triggers));
    }

    private async Task ShouldReadAlikeAsync(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var (fromBulk, fromSave) = (await PostgreSqlSyntheticBulkCopyTests.ReadAsync(inserted, path), await PostgreSqlSyntheticBulkCopyTests.ReadAsync(saved, path));
            fromBulk.ShouldBe(fromSave, path);
        }
    }

    // The rows of a query, each as its values joined with '|' and every GUID written "guid", sorted: the two files
    // made their own GUIDs (and rowid order is no part of what a row says).
    private static async Task<List<string>> RowsAsync(SqliteAppFactory app, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            rows.Add(Guids().Replace(string.Join('|', values), "guid"));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guids();
}
