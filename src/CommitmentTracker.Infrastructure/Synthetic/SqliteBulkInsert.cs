using System.Data.Common;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// Writes <see cref="AddedRows"/> straight to SQLite in the caller's transaction, one prepared INSERT per table
/// reused for every row. Parameters are made by each column's EF type mapping (the same SaveChanges uses), so the rows are exactly what SaveChanges would
/// have written. The search index's triggers (decision 0028) are suspended inside the same transaction and the batch
/// is indexed with one statement at the end (decision 0043): same index content, without a trigger program and a
/// correlated quote lookup per row.
/// </summary>
internal static class SqliteBulkInsert
{
    // One row per statement: Microsoft.Data.Sqlite binds every parameter by name on every execution, a linear search
    // of the statement's names, so a multi-row INSERT of 999 values spent half the load in that search (profiled,
    // decision 0043); with one row's twenty names the search is noise.
    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<AddedRows> tables, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");

        // Rows of one write reference each other; foreign keys are checked at commit, as for any bulk insert.
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", ct);
        var search = await SuspendSearchIndexAsync(connection, transaction, ct);

        foreach (var rows in tables)
        {
            Insert(connection, transaction, rows);
        }

        if (search is not null)
        {
            await ResumeSearchIndexAsync(connection, transaction, search, ct);
        }
    }

    private static void Insert(DbConnection connection, DbTransaction transaction, AddedRows rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{rows.Table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"@p{i}"))})";

        // Parameters made once by each column's type mapping (its database type); each row only sets values,
        // converted to what the column stores (GUID text, timestamps as numbers, enums by name, lists as JSON).
        var parameters = rows.Properties.Select((p, i) => rows.Mappings[i].CreateParameter(command, $"@p{i}", null, p.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        foreach (var entity in rows.Entities)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = rows.Value(entity, i) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private sealed record SuspendedSearch(List<string> Triggers, long LastCommitment, long LastSpan);

    // The triggers that keep "CommitmentSearch" (decision 0028), dropped inside this transaction: no other connection
    // ever sees them missing (SQLite has one writer, and a rollback puts them back). The rowids the table ends at now
    // tell the rows this write adds.
    private static async Task<SuspendedSearch?> SuspendSearchIndexAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        var triggers = new List<(string Name, string Sql)>();
        await using (var read = Command(connection, transaction, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('Commitments', 'SourceSpans') AND sql LIKE '%\"CommitmentSearch\"%' ORDER BY name"))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        if (triggers.Count == 0)
        {
            return null;
        }

        foreach (var (name, _) in triggers)
        {
            await ExecuteAsync(connection, transaction, $"DROP TRIGGER \"{name}\"", ct);
        }

        return new SuspendedSearch([.. triggers.Select(t => t.Sql)], await LastRowidAsync("Commitments"), await LastRowidAsync("SourceSpans"));

        async Task<long> LastRowidAsync(string table)
        {
            await using var command = Command(connection, transaction, $"SELECT coalesce(max(rowid), 0) FROM \"{table}\"");
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    // What the triggers would have done for this write, as two set-based statements: index every new commitment, and
    // re-index an existing one that gained a quote; then the triggers again, as they were.
    private static async Task ResumeSearchIndexAsync(DbConnection connection, DbTransaction transaction, SuspendedSearch search, CancellationToken ct)
    {
        const string Row = """
            INSERT INTO "CommitmentSearch" (rowid, "CommitmentId", "Code", "Title", "Summary", "Quotes")
            SELECT c.rowid, c."Id", c."Code", c."Title", c."Summary",
                   (SELECT group_concat(s."Quote", ' ') FROM "SourceSpans" AS s WHERE s."CommitmentId" = c."Id")
            FROM "Commitments" AS c
            """;
        const string QuotedAnew = """
            c.rowid <= @lastCommitment AND c."Id" IN (SELECT n."CommitmentId" FROM "SourceSpans" AS n WHERE n.rowid > @lastSpan)
            """;
        await ExecuteAsync(connection, transaction, $"DELETE FROM \"CommitmentSearch\" WHERE rowid IN (SELECT c.rowid FROM \"Commitments\" AS c WHERE {QuotedAnew})", ct, search);
        await ExecuteAsync(connection, transaction, $"{Row} WHERE {QuotedAnew}", ct, search);
        await ExecuteAsync(connection, transaction, $"{Row} WHERE c.rowid > @lastCommitment", ct, search);
        foreach (var trigger in search.Triggers)
        {
            await ExecuteAsync(connection, transaction, trigger, ct);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, SuspendedSearch? search = null)
    {
        await using var command = Command(connection, transaction, sql);
        if (search is not null)
        {
            foreach (var (name, value) in new[] { ("@lastCommitment", search.LastCommitment), ("@lastSpan", search.LastSpan) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
