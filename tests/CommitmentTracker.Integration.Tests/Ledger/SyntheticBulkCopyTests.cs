using System.Net;
using System.Text.RegularExpressions;
using CommitmentTracker.Application.Changes.Queries.ListChanges;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Synthetic;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommitmentTracker.Integration.Tests.Ledger;

/// <summary>A second PostgreSQL app with its own database, so one test class can hold two.</summary>
public sealed class SecondPostgreSqlAppFactory : PostgreSqlAppFactory;

/// <summary>
/// The synthetic generator writes to PostgreSQL through binary COPY (decision 0032), skipping SaveChanges and its
/// interceptors, as one transaction that makes the search rows, the growing tables' indexes and foreign keys and the
/// dashboard projection once at its end (decision 0063). The same synthetic set is written to one database that way
/// and to another through SaveChanges: the schema must be the same afterwards (indexes, keys and triggers back as they
/// were), the search rows must hold the same words, and the API must read both alike: counts, lists, a commitment,
/// its log, a meeting, the change feed; then the next ordinary writes must land after the copied rows (fresh positions
/// and commit stamps) and read alike too. A load that fails leaves the database as it was.
/// </summary>
public sealed partial class PostgreSqlSyntheticBulkCopyTests(PostgreSqlAppFactory copied, SecondPostgreSqlAppFactory saved)
    : IClassFixture<PostgreSqlAppFactory>, IClassFixture<SecondPostgreSqlAppFactory>
{
    private static readonly SyntheticDataRequest Request = new(Meetings: 6, Commitments: 300, Seed: 15, BatchSize: 120);

    /// <summary>What both databases must answer alike (GUIDs masked): figures, every list shape, one item, the feed.</summary>
    internal static readonly string[] Reads =
    [
        "/api/v1/summary",
        "/api/v1/summary?asOf=2024-06-01",
        "/api/v1/commitments?pageSize=100",
        "/api/v1/commitments?party=SYN-P07&pageSize=100",
        "/api/v1/commitments?q=tram&pageSize=100",
        "/api/v1/commitments?overdue=true&sort=-due&pageSize=100",
        "/api/v1/commitments/SYN-000003-007",
        "/api/v1/commitments/SYN-000003-007/status-history",
        "/api/v1/meetings/SYN-000002",
        "/api/v1/changes?limit=1000",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_copied_in_bulk_read_exactly_as_rows_saved_one_by_one_and_ordinary_writes_follow_them()
    {
        // After every synthetic capture and status entry (they run to 2026), so "today" counts them all.
        copied.Clock.Now = saved.Clock.Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        await GenerateAsync(copied, Request);
        await GenerateAsync(saved, Request with { UseSaveChanges = true });

        // The same data, not two empty databases: 23 seeded commitments and the 300 synthetic ones.
        var summary = await copied.Api().GetAsync("/api/v1/summary", Ct).ShouldBeJsonAsync<SummaryDto>();
        summary.Total.ShouldBe(323);
        summary.ByStatus.Count.ShouldBeGreaterThan(3);

        // Every index, key and trigger the load suspended is back as its migration made it, and enabled.
        (await RowsAsync(copied, Schema)).ShouldBe(await RowsAsync(saved, Schema));
        await ShouldIndexAlikeAsync();

        string[] reads = Reads;
        await ShouldReadAlikeAsync(reads);
        var synthetic = await copied.Api().GetAsync("/api/v1/commitments?q=SYN&pageSize=1", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        synthetic.TotalCount.ShouldBe(300);

        // Every audit record, the copied ones included, carries its own commit stamp: the change feed's order.
        var before = await AuditTrailAsync(copied, []);
        before.ShouldBe(await AuditTrailAsync(saved, []));
        before.Bulk.ShouldBe(3); // the parties, then two batches of three meetings (a batch ends at a meeting)
        before.Stamped.ShouldBe(before.Records);
        before.DistinctStamps.ShouldBe(before.Records);

        // Ordinary writes after the bulk load: a status entry on a copied commitment, a new meeting and commitment.
        var tail = (await copied.Api().GetAsync("/api/v1/changes?limit=1000", Ct).ShouldBeJsonAsync<ChangePage>()).Next;
        var code = (await copied.Api().GetAsync("/api/v1/commitments?status=Captured&q=SYN&pageSize=1", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).Items.ShouldHaveSingleItem().Code;
        var created = await WriteAsync(copied, code);
        (await WriteAsync(saved, code)).ShouldBe(created);

        var after = await AuditTrailAsync(copied, [code, "BULK-2024", created]);
        after.FirstNewPosition.ShouldBeGreaterThan(before.LastPosition);
        after.FirstNewStamp.ShouldBeGreaterThan(before.LastStamp);
        after.Stamped.ShouldBe(after.Records);
        after.DistinctStamps.ShouldBe(after.Records);
        var page = await copied.Api().GetAsync($"/api/v1/changes?after={tail}", Ct).ShouldBeJsonAsync<ChangePage>();
        page.Changes.ShouldContain(c => c.Entity == "statusEntry" && c.Key == code);
        page.Changes.ShouldContain(c => c.Entity == "commitment" && c.Key == created);
        page.Changes.ShouldAllBe(c => string.CompareOrdinal(c.Cursor, tail) > 0);

        await ShouldReadAlikeAsync([.. reads, $"/api/v1/commitments/{code}", $"/api/v1/commitments/{code}/status-history", $"/api/v1/commitments/{created}"]);
        await ShouldIndexAlikeAsync();

        // A second load, smaller than the ledger it joins, keeps the indexes and keys and suspends only the search
        // triggers: the same schema, words and answers again.
        var smaller = Request with { Meetings = 2, Commitments = 60, Seed = 16 };
        await GenerateAsync(copied, smaller);
        await GenerateAsync(saved, smaller with { UseSaveChanges = true });
        (await RowsAsync(copied, Schema)).ShouldBe(await RowsAsync(saved, Schema));
        await ShouldIndexAlikeAsync();
        await ShouldReadAlikeAsync([.. reads, "/api/v1/commitments?q=SYN-000008&pageSize=100"]);
    }

    // Indexes, constraints and triggers (with whether each is enabled) of the application's tables, as definitions.
    internal const string Schema = """
        SELECT tablename || ': ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
        UNION ALL SELECT conrelid::regclass || ': ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
        UNION ALL SELECT tgrelid::regclass || ': ' || tgenabled::text || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
        """;

    // One search row per commitment, with the same words in both databases.
    private async Task ShouldIndexAlikeAsync()
    {
        const string Words = "SELECT c.\"Code\" || ' ' || s.\"Words\"::text FROM \"CommitmentSearch\" AS s JOIN \"Commitments\" AS c ON c.\"Id\" = s.\"CommitmentId\"";
        var words = await RowsAsync(copied, Words);
        words.Count.ShouldBe((await RowsAsync(copied, "SELECT \"Id\"::text FROM \"Commitments\"")).Count);
        words.ShouldBe(await RowsAsync(saved, Words));
    }

    // The rows of a one-column query, sorted.
    internal static async Task<List<string>> RowsAsync(PostgreSqlAppFactory app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    internal static async Task GenerateAsync(AppFactory app, SyntheticDataRequest request)
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var report = await scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>().GenerateAsync(request, Ct);
        report.Commitments.ShouldBe(request.Commitments);
    }

    // A status entry on a copied commitment, then a new meeting and commitment; returns the new commitment's code.
    internal static async Task<string> WriteAsync(AppFactory app, string code)
    {
        var client = app.Api();
        await client.PostJsonAsync($"/api/v1/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed, Rationale = "Confirmed after the bulk load." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        const string text = "The sides agreed to renew the tram fleet by the end of 2025.";
        await client.PostJsonAsync("/api/v1/meetings", new CreateMeetingCommand
        {
            Code = "BULK-2024",
            Title = "Talks after the load",
            Date = new DateOnly(2024, 3, 1),
            Place = "Minsk",
            Document = new DocumentInput("Record", null, "en", text, null),
        }).ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);
        var commitment = await client.PostJsonAsync("/api/v1/commitments", new CreateCommitmentCommand
        {
            Meeting = "BULK-2024",
            Title = "Renew the tram fleet",
            Kind = CommitmentKind.Cooperation,
            Issuer = "BY",
            Due = "by the end of 2025",
            Spans = [new SpanInput(null, null, null, text)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        return commitment.Code;
    }

    private async Task ShouldReadAlikeAsync(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var (fromCopy, fromSave) = (await ReadAsync(copied, path), await ReadAsync(saved, path));
            fromCopy.ShouldBe(fromSave, path);
        }
    }

    // The body, with each GUID (made afresh by the domain in each database) replaced by the order it first appears in:
    // everything else, cursors and versions included, must be the same byte for byte. (ETags are hashes of bodies
    // with those GUIDs in them, so they differ by construction.)
    internal static async Task<string> ReadAsync(AppFactory app, string path)
    {
        var response = await app.Api().GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {body}");
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return Guids().Replace(body, m => $"guid#{(seen.TryGetValue(m.Value, out var n) ? n : seen[m.Value] = seen.Count + 1)}");
    }

    private sealed record AuditTrail(long Records, long Stamped, long DistinctStamps, long Bulk, long LastPosition, long LastStamp, long FirstNewPosition, long FirstNewStamp);

    // Read from the table itself: the commit stamp is no part of the API, only the order it gives. The "new" records
    // are those filed under the keys the ordinary writes touched.
    private static async Task<AuditTrail> AuditTrailAsync(PostgreSqlAppFactory app, string[] newKeys)
    {
        await using var connection = new NpgsqlConnection(app.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*), count("CommitStamp"), count(DISTINCT "CommitStamp"),
                   count(*) FILTER (WHERE "EntityType" = 'BulkLoad'),
                   coalesce(max("Position") FILTER (WHERE "EntityType" = 'BulkLoad'), 0),
                   coalesce(max("CommitStamp") FILTER (WHERE "EntityType" = 'BulkLoad'), 0),
                   coalesce(min("Position") FILTER (WHERE "EntityKey" = ANY(@keys)), 0),
                   coalesce(min("CommitStamp") FILTER (WHERE "EntityKey" = ANY(@keys)), 0)
            FROM "AuditTrail"
            """,
            connection);
        command.Parameters.AddWithValue("keys", newKeys);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        (await reader.ReadAsync(Ct)).ShouldBeTrue();
        return new AuditTrail(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guids();
}

/// <summary>
/// A PostgreSQL bulk load is one transaction (decision 0063): when it fails after dropping the growing tables' indexes
/// and keys, disabling the search triggers and writing rows, everything is as it was before it began.
/// </summary>
public sealed class PostgreSqlSyntheticLoadFailureTests(PostgreSqlAppFactory app) : IClassFixture<PostgreSqlAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_load_that_fails_leaves_rows_indexes_keys_and_triggers_as_they_were()
    {
        // A meeting holding the code the load's first meeting will take (the load numbers on from the SYN- meetings
        // it finds): the load drops the indexes and disables the triggers, writes its parties, then fails on it.
        await app.Api().PostJsonAsync("/api/v1/meetings", new CreateMeetingCommand { Code = "SYN-000002", Title = "In the way", Date = new DateOnly(2024, 3, 1), Place = "Minsk" })
            .ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);
        string[] tables = ["Parties", "Meetings", "Commitments", "StatusEntries", "SourceSpans", "CommitmentSearch", "DashboardCounts", "AuditTrail"];
        var counts = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t} ' || count(*) FROM \"{t}\""));
        var schema = await PostgreSqlSyntheticBulkCopyTests.RowsAsync(app, PostgreSqlSyntheticBulkCopyTests.Schema);
        var before = await PostgreSqlSyntheticBulkCopyTests.RowsAsync(app, counts);

        await using (var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            var failure = await Should.ThrowAsync<PostgresException>(() => scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>().GenerateAsync(new SyntheticDataRequest(Meetings: 6, Commitments: 300, Seed: 15, BatchSize: 120), Ct));
            failure.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        }

        (await PostgreSqlSyntheticBulkCopyTests.RowsAsync(app, PostgreSqlSyntheticBulkCopyTests.Schema)).ShouldBe(schema);
        (await PostgreSqlSyntheticBulkCopyTests.RowsAsync(app, counts)).ShouldBe(before);
        (await app.Api().GetAsync("/api/v1/summary", Ct).ShouldBeJsonAsync<SummaryDto>()).Total.ShouldBe(23);
    }
}
