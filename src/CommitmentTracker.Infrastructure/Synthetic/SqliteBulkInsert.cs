using System.Data.Common;
using System.Globalization;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// Writes <see cref="AddedRows"/> straight to SQLite in the caller's transaction, one prepared INSERT per table
/// reused for every row, each value bound as Microsoft.Data.Sqlite binds SaveChanges' parameters, so the rows are
/// exactly what SaveChanges would have written. The search index's triggers (decision 0028) are suspended inside the same transaction and the batch
/// is indexed with one statement at the end (decision 0043): same index content, without a trigger program and a
/// correlated quote lookup per row.
/// </summary>
internal static class SqliteBulkInsert
{
    // One row per statement, through SQLite's own API: one prepared statement per table, values bound by position and
    // the statement reset for the next row. Microsoft.Data.Sqlite's ExecuteNonQuery looks every parameter up by name
    // and makes a reader on every execution; that was a third of the generator's time (profiled, decision 0049).
    public static async Task InsertAsync(AppDbContext db, IReadOnlyList<AddedRows> tables, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");

        // Rows of one write reference each other; foreign keys are checked at commit, as for any bulk insert.
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", ct);
        var search = await SuspendSearchIndexAsync(connection, transaction, ct);

        foreach (var rows in tables)
        {
            Insert(connection, rows);
        }

        if (search is not null)
        {
            await ResumeSearchIndexAsync(connection, transaction, search, ct);
        }
    }

    // The statement runs on the connection's own handle, so inside the transaction the caller began on it.
    private static void Insert(SqliteConnection connection, AddedRows rows)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var sql = $"INSERT INTO \"{rows.Table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"?{i + 1}"))})";
        var storage = StorageOf(connection, rows);
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            foreach (var entity in rows.Entities)
            {
                for (var i = 0; i < storage.Length; i++)
                {
                    Check(Bind(statement, i + 1, rows.Value(entity, i), storage[i]), handle);
                }

                Check(raw.sqlite3_step(statement), handle, raw.SQLITE_DONE);
                raw.sqlite3_reset(statement);
            }
        }
    }

    // How each column's values are stored (a GUID as text or as a blob), as the column's type mapping configures the
    // parameter SaveChanges binds: the parameter is made once per column only to be asked.
    private static SqliteType[] StorageOf(SqliteConnection connection, AddedRows rows)
    {
        using var command = connection.CreateCommand();
        return [.. rows.Properties.Select((p, i) => ((SqliteParameter)rows.Mappings[i].CreateParameter(command, $"p{i}", null, p.IsNullable)).SqliteType)];
    }

    // A value as Microsoft.Data.Sqlite binds it (its SqliteValueBinder), for the types the model's columns hold after
    // their value converters; anything else throws rather than be stored in a form SaveChanges would not use.
    private static int Bind(sqlite3_stmt statement, int index, object? value, SqliteType storage) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        Guid guid when storage == SqliteType.Blob => raw.sqlite3_bind_blob(statement, index, guid.ToByteArray()),
        Guid guid => raw.sqlite3_bind_text(statement, index, guid.ToString().ToUpperInvariant()),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        short number => raw.sqlite3_bind_int64(statement, index, number),
        byte number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double number when !double.IsNaN(number) => raw.sqlite3_bind_double(statement, index, number),
        decimal number => raw.sqlite3_bind_text(statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        DateOnly day when storage != SqliteType.Real => raw.sqlite3_bind_text(statement, index, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        DateTime time when storage != SqliteType.Real => raw.sqlite3_bind_text(statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"The bulk insert does not bind {value.GetType().Name} values stored as {storage}: SaveChanges' binding of them is not repeated here."),
    };

    private static void Check(int result, sqlite3 handle, int expected = raw.SQLITE_OK)
    {
        if (result != expected)
        {
            SqliteException.ThrowExceptionForRC(result, handle);
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
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
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
