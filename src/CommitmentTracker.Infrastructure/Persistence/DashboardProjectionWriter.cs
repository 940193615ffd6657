using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommitmentTracker.Infrastructure.Persistence;

/// <summary>
/// Keeps the dashboard projection (decision 0022) in step with the commitments. Before a save it works out, for each
/// commitment the save touches, its part in the figures before and after; the difference is added to the stored rows
/// by relative upserts ("Change = Change + x") inside the save's transaction, so concurrent saves never lose each
/// other's counts and a failed save leaves the projection as it was.
/// </summary>
internal static class DashboardProjectionWriter
{
    /// <summary>The projection rows this save must add, or none when it touches nothing the dashboard counts.</summary>
    public static async Task<List<DashboardCount>> CollectAsync(AppDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var commitments = tracker.Entries<Commitment>().ToDictionary(e => e.Entity.Id);
        var addedEntries = tracker.Entries<StatusEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToLookup(e => e.CommitmentId);
        var responsibilityChanges = tracker.Entries<Responsibility>().Where(e => e.State is EntityState.Added or EntityState.Deleted).ToLookup(e => e.Entity.CommitmentId);

        var touched = new HashSet<Guid>(addedEntries.Select(g => g.Key).Concat(responsibilityChanges.Select(g => g.Key)));
        foreach (var (id, entry) in commitments)
        {
            if (entry.State is EntityState.Added or EntityState.Deleted
                || (entry.State == EntityState.Modified && (Changed(entry, nameof(Commitment.Kind)) || Changed(entry, nameof(Commitment.DueLatest)) || Changed(entry, nameof(Commitment.DuePhrase)))))
            {
                touched.Add(id);
            }
        }

        if (touched.Count == 0)
        {
            return [];
        }

        // What the database holds now (the "before"), read only for commitments that existed before this save.
        var existing = touched.Where(id => !commitments.TryGetValue(id, out var e) || e.State != EntityState.Added).ToList();
        var storedLog = existing.Count == 0 ? [] : await db.StatusEntries.AsNoTracking().Where(e => existing.Contains(e.CommitmentId)).ToListAsync(ct);
        var storedResponsibilities = existing.Count == 0 ? [] : await db.Responsibilities.AsNoTracking().Where(r => existing.Contains(r.CommitmentId)).ToListAsync(ct);
        var untracked = existing.Where(id => !commitments.ContainsKey(id)).ToList();
        var storedTerms = untracked.Count == 0 ? [] : await db.Commitments.AsNoTracking().Where(c => untracked.Contains(c.Id)).ToListAsync(ct);
        var logOf = storedLog.ToLookup(e => e.CommitmentId);
        var responsibilitiesOf = storedResponsibilities.ToLookup(r => r.CommitmentId);

        var changes = new List<(string, string, DateOnly, int)>();
        foreach (var id in touched)
        {
            var entry = commitments.GetValueOrDefault(id);
            var current = entry?.Entity ?? storedTerms.Single(c => c.Id == id);
            var before = entry is { State: EntityState.Added } ? null : Subject(entry?.OriginalValues, current, responsibilitiesOf[id], logOf[id]);
            var deletedIds = responsibilityChanges[id].Where(r => r.State == EntityState.Deleted).Select(r => r.Entity.Id).ToHashSet();
            var after = entry is { State: EntityState.Deleted }
                ? null
                : DashboardSubject.Of(
                    current,
                    responsibilitiesOf[id].Where(r => !deletedIds.Contains(r.Id)).Concat(responsibilityChanges[id].Where(r => r.State == EntityState.Added).Select(r => r.Entity)),
                    logOf[id].Concat(addedEntries[id]));
            if (before is not null)
            {
                changes.AddRange(DashboardContribution.Of(before).Select(c => (c.Figure, c.Item, c.Day, -c.Change)));
            }

            if (after is not null)
            {
                changes.AddRange(DashboardContribution.Of(after));
            }
        }

        return DashboardContribution.ToRows(changes);
    }

    /// <summary>
    /// The projection rows for commitments that are all new, with their responsibilities and log (the bulk path,
    /// whose objects are never tracked): what <see cref="CollectAsync"/> gives for the same commitments added.
    /// </summary>
    public static List<DashboardCount> ForNew(IEnumerable<Commitment> commitments) =>
        DashboardContribution.ToRows(commitments.SelectMany(c => DashboardContribution.Of(DashboardSubject.Of(c, c.Responsibilities, c.StatusLog))));

    private static bool Changed(EntityEntry<Commitment> entry, string property) => entry.Property(property).IsModified;

    private static DashboardSubject Subject(PropertyValues? original, Commitment current, IEnumerable<Responsibility> responsibilities, IEnumerable<StatusEntry> log) =>
        new(
            original?.GetValue<CommitmentKind>(nameof(Commitment.Kind)) ?? current.Kind,
            original is null ? current.DuePhrase : original.GetValue<string?>(nameof(Commitment.DuePhrase)),
            original is null ? current.DueLatest : original.GetValue<DateOnly?>(nameof(Commitment.DueLatest)),
            [.. responsibilities.Select(r => (r.PartyId, r.Role))],
            [.. log.Select(e => (e.Sequence, DashboardSubject.DayOf(e), e.Status))]);

    /// <summary>
    /// Adds <paramref name="rows"/> to the stored projection, in the caller's transaction, with one set-based upsert
    /// per call whatever the number of rows: a bulk batch of 5,000 commitments moves about 15,000 rows, and one round
    /// trip per row was what the generator spent most of its time on (decision 0035).
    /// </summary>
    public static async Task ApplyAsync(AppDbContext db, IReadOnlyList<DashboardCount> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The dashboard projection is written inside the save's transaction.");

        // Always in key order: two saves that move the same rows lock them in the same order and cannot deadlock.
        // The statements keep this order (an ordinal on the rows as sent), whatever collation the columns have.
        var ordered = rows.OrderBy(r => r.Figure, StringComparer.Ordinal).ThenBy(r => r.Item, StringComparer.Ordinal).ThenBy(r => r.WholeMonth).ThenBy(r => r.Day).ToList();

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (db.Database.IsNpgsql())
        {
            // Five typed arrays, one parameter each, unnested into rows in the server (no statement-size limit).
            command.CommandText = UpsertSql(Engine.PostgreSql);
            command.Parameters.Add(new NpgsqlParameter<string[]>("f", [.. ordered.Select(r => r.Figure)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("i", [.. ordered.Select(r => r.Item)]));
            command.Parameters.Add(new NpgsqlParameter<bool[]>("m", [.. ordered.Select(r => r.WholeMonth)]));
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("d", [.. ordered.Select(r => r.Day)]));
            command.Parameters.Add(new NpgsqlParameter<int[]>("c", [.. ordered.Select(r => r.Change)]));
        }
        else
        {
            // SQLite and SQL Server: the rows as one JSON array parameter, read by json_each / OPENJSON. The day is
            // sent as "yyyy-MM-dd", which is how EF stores a DateOnly on SQLite and what SQL Server converts to date.
            command.CommandText = UpsertSql(db.Database.IsSqlServer() ? Engine.SqlServer : Engine.Sqlite);
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@rows";
            parameter.Value = RowsAsJson(ordered);
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    internal enum Engine
    {
        Sqlite,
        PostgreSql,
        SqlServer,
    }

    /// <summary>The one upsert statement of <see cref="ApplyAsync"/> for an engine (its text is tested for SQL Server).</summary>
    internal static string UpsertSql(Engine engine) => engine switch
    {
        // "WHERE true" is SQLite's documented way to keep "ON CONFLICT" from being read as a join's ON.
        Engine.Sqlite => """
            INSERT INTO "DashboardCounts" ("Figure", "Item", "WholeMonth", "Day", "Change")
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]')
            FROM json_each(@rows) WHERE true ORDER BY key
            ON CONFLICT ("Figure", "Item", "WholeMonth", "Day") DO UPDATE SET "Change" = "DashboardCounts"."Change" + excluded."Change"
            """,
        Engine.PostgreSql => """
            INSERT INTO "DashboardCounts" ("Figure", "Item", "WholeMonth", "Day", "Change")
            SELECT f, i, m, d, c FROM unnest(@f, @i, @m, @d, @c) WITH ORDINALITY AS r (f, i, m, d, c, n) ORDER BY n
            ON CONFLICT ("Figure", "Item", "WholeMonth", "Day") DO UPDATE SET "Change" = "DashboardCounts"."Change" + excluded."Change"
            """,
        // HOLDLOCK: the key range stays locked from the match to the insert, so two saves cannot both insert a row.
        Engine.SqlServer => """
            MERGE [DashboardCounts] WITH (HOLDLOCK) AS t
            USING (SELECT [Figure], [Item], [WholeMonth], [Day], [Change] FROM OPENJSON(@rows)
                   WITH ([Figure] nvarchar(16) '$[0]', [Item] nvarchar(40) '$[1]', [WholeMonth] bit '$[2]', [Day] date '$[3]', [Change] int '$[4]')) AS s
            ON t.[Figure] = s.[Figure] AND t.[Item] = s.[Item] AND t.[WholeMonth] = s.[WholeMonth] AND t.[Day] = s.[Day]
            WHEN MATCHED THEN UPDATE SET t.[Change] = t.[Change] + s.[Change]
            WHEN NOT MATCHED THEN INSERT ([Figure], [Item], [WholeMonth], [Day], [Change]) VALUES (s.[Figure], s.[Item], s.[WholeMonth], s.[Day], s.[Change]);
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };

    /// <summary>[["Status","Open",false,"2024-03-01",1], …]: the rows in the order given.</summary>
    internal static string RowsAsJson(IEnumerable<DashboardCount> rows)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                json.WriteStringValue(row.Figure);
                json.WriteStringValue(row.Item);
                json.WriteBooleanValue(row.WholeMonth);
                json.WriteStringValue(row.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteNumberValue(row.Change);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Throws the projection away and computes it again from every commitment and its log, in one transaction
    /// (`rebuild-dashboard`, and the first start after the projection was added to a database that has data).
    /// </summary>
    public static async Task<int> RebuildAsync(AppDbContext db, CancellationToken ct)
    {
        const int chunk = 5_000;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Set<DashboardCount>().ExecuteDeleteAsync(token);
            var changes = new List<(string, string, DateOnly, int)>();
            var sums = new List<DashboardCount>();
            string? after = null;
            var commitments = 0;
            while (true)
            {
                // Keyset paging by code; EF translates string.Compare to the column's own (SQL) comparison.
#pragma warning disable CA1309
                var page = await db.Commitments.AsNoTracking()
                    .Where(c => after == null || string.Compare(c.Code, after) > 0)
                    .OrderBy(c => c.Code)
                    .Take(chunk)
                    .ToListAsync(token);
#pragma warning restore CA1309
                if (page.Count == 0)
                {
                    break;
                }

                var ids = page.Select(c => c.Id).ToList();
                var log = (await db.StatusEntries.AsNoTracking().Where(e => ids.Contains(e.CommitmentId)).ToListAsync(token)).ToLookup(e => e.CommitmentId);
                var responsibilities = (await db.Responsibilities.AsNoTracking().Where(r => ids.Contains(r.CommitmentId)).ToListAsync(token)).ToLookup(r => r.CommitmentId);
                foreach (var c in page)
                {
                    changes.AddRange(DashboardContribution.Of(DashboardSubject.Of(c, responsibilities[c.Id], log[c.Id])));
                }

                // Fold as we go: the sums stay as small as the projection, whatever the number of commitments.
                sums = DashboardContribution.ToRows(sums.Where(r => !r.WholeMonth).Select(r => (r.Figure, r.Item, r.Day, r.Change)).Concat(changes));
                changes.Clear();
                commitments += page.Count;
                after = page[^1].Code;
                db.ChangeTracker.Clear();
            }

            await ApplyAsync(db, sums, token);
            await transaction.CommitAsync(token);
            return commitments;
        }, ct);
    }
}
