using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// A synthetic load into SQLite as one transaction (decision 0049): <see cref="AddedRows"/> written straight to the
/// tables with one prepared INSERT per table reused for every row, each value bound as Microsoft.Data.Sqlite binds
/// SaveChanges' parameters, so the rows are exactly what SaveChanges would have written. What SQLite would otherwise
/// maintain row by row is done once at the end, inside the same transaction: the search index (its triggers,
/// decision 0028, are suspended), the secondary indexes of the tables a load fills (dropped when the load is larger
/// than what they hold, and created again from their own text) and the dashboard projection (summed in memory).
/// No other connection sees any of it missing: SQLite has one writer, readers keep the snapshot before the load, and
/// a failure rolls everything back, indexes and triggers included.
/// </summary>
internal sealed class SqliteBulkLoad : IBulkLoad
{
    private readonly AppDbContext _db;
    private readonly SqliteConnection _connection;
    private readonly IDbContextTransaction _transaction;
    private readonly List<string> _suspended;
    private readonly long _lastCommitment;
    private readonly long _lastSpan;
    private readonly bool _fewerStored;

    private readonly DashboardSum _dashboard = new();

    private SqliteBulkLoad(AppDbContext db, IDbContextTransaction transaction, List<string> suspended, long lastCommitment, long lastSpan, bool fewerStored)
    {
        (_db, _transaction, _suspended, _lastCommitment, _lastSpan, _fewerStored) = (db, transaction, suspended, lastCommitment, lastSpan, fewerStored);
        _connection = (SqliteConnection)db.Database.GetDbConnection();
    }

    /// <summary>Begins the load's transaction, suspending the search triggers and, for a load of
    /// <paramref name="commitments"/> at least as large as the table, the growing tables' secondary indexes.</summary>
    public static async Task<SqliteBulkLoad> BeginAsync(AppDbContext db, int commitments, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Rows of one load reference each other; foreign keys are checked at commit, as for any bulk insert.
            await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var inTransaction = (SqliteTransaction)transaction.GetDbTransaction();
            var stored = await ScalarAsync(connection, inTransaction, "SELECT count(*) FROM \"Commitments\"", ct);
            var tables = string.Join(", ", GrowingTables.Ledger.Select(t => $"'{t}'"));

            // Indexes are re-made from a sort of every row, so only when the load at least doubles the table; the
            // unique ones among them still refuse duplicates, at the end, and the whole load with them.
            var suspended = await SchemaAsync(
                connection,
                inTransaction,
                $"""
                SELECT type, name, sql FROM sqlite_master
                WHERE (type = 'trigger' AND tbl_name IN ('Commitments', 'SourceSpans') AND sql LIKE '%"CommitmentSearch"%')
                   OR (type = 'index' AND sql IS NOT NULL AND tbl_name IN ({tables}) AND {commitments} >= {stored})
                ORDER BY type DESC, name
                """,
                ct);
            var load = new SqliteBulkLoad(db, transaction, [.. suspended.Select(s => s.Sql)], await ScalarAsync(connection, inTransaction, "SELECT coalesce(max(rowid), 0) FROM \"Commitments\"", ct), await ScalarAsync(connection, inTransaction, "SELECT coalesce(max(rowid), 0) FROM \"SourceSpans\"", ct), stored <= commitments);
            foreach (var (type, name, _) in suspended)
            {
                await load.ExecuteAsync($"DROP {type.ToUpperInvariant()} \"{name}\"", ct);
            }

            return load;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public ValueTask WriteAsync(IReadOnlyList<AddedRows> tables, IEnumerable<DashboardCount> dashboard, CancellationToken ct)
    {
        foreach (var rows in tables)
        {
            Insert(_connection, rows);
        }

        _dashboard.Add(dashboard);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The indexes again (first: the search rows are read through them), what the search triggers would have done for
    /// the load (every new commitment indexed, an existing one that gained a quote re-indexed), the triggers again,
    /// the projection, and the commit.
    /// </summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        const string Row = """
            INSERT INTO "CommitmentSearch" (rowid, "CommitmentId", "Code", "Title", "Summary", "Quotes")
            SELECT c.rowid, c."Id", c."Code", c."Title", c."Summary",
                   (SELECT group_concat(s."Quote", ' ') FROM "SourceSpans" AS s WHERE s."CommitmentId" = c."Id")
            FROM "Commitments" AS c
            """;
        // Stored commitments that gained a quote in this load, found from the smaller side: each stored commitment probed
        // for a new span, or each new span's commitment looked up. The new spans of a load into a fresh file are a
        // million rows, read twice for the 23 seeded commitments (1.6 s of a million's load).
        var quotedAnew = _fewerStored
            ? string.Create(CultureInfo.InvariantCulture, $"""c.rowid <= {_lastCommitment} AND EXISTS (SELECT 1 FROM "SourceSpans" AS n WHERE n."CommitmentId" = c."Id" AND n.rowid > {_lastSpan})""")
            : string.Create(CultureInfo.InvariantCulture, $"""c.rowid <= {_lastCommitment} AND c."Id" IN (SELECT n."CommitmentId" FROM "SourceSpans" AS n WHERE n.rowid > {_lastSpan})""");
        var indexes = _suspended.Where(s => !s.StartsWith("CREATE TRIGGER", StringComparison.Ordinal)).ToList();
        if (indexes.Count > 0)
        {
            // Each index is made from a sort of every row. Within the load's 256 MiB page cache that sort is one list in
            // memory; within 8 MiB it is sorted in runs of 8 MiB and merged, which reads memory in order: the 17
            // indexes of a million in about 20 s instead of 23 s, and a shorter commit (decision 0072). The generator
            // puts the cache back.
            await ExecuteAsync("PRAGMA cache_size = -8192", ct);
        }

        foreach (var index in indexes)
        {
            await ExecuteAsync(index, ct);
        }

        if (_suspended.Any(s => s.StartsWith("CREATE TRIGGER", StringComparison.Ordinal)))
        {
            await ExecuteAsync($"DELETE FROM \"CommitmentSearch\" WHERE rowid IN (SELECT c.rowid FROM \"Commitments\" AS c WHERE {quotedAnew})", ct);
            await ExecuteAsync($"{Row} WHERE {quotedAnew}", ct);
            await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"{Row} WHERE c.rowid > {_lastCommitment}"), ct);
        }

        foreach (var trigger in _suspended.Where(s => s.StartsWith("CREATE TRIGGER", StringComparison.Ordinal)))
        {
            await ExecuteAsync(trigger, ct);
        }

        await DashboardProjectionWriter.ApplyAsync(_db, _dashboard.Rows(), ct);
        await _transaction.CommitAsync(ct);
    }

    /// <summary>Rolls the load back unless it completed: rows, indexes and triggers as they were.</summary>
    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    // One row per statement, through SQLite's own API: one prepared statement per table, values bound by position and
    // the statement reset for the next row. Microsoft.Data.Sqlite's ExecuteNonQuery looks every parameter up by name
    // and makes a reader on every execution; that was a third of the generator's time (profiled, decision 0049).
    // The statement runs on the connection's own handle, so inside the transaction the caller began on it.
    private static void Insert(SqliteConnection connection, AddedRows rows)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var sql = $"INSERT INTO \"{rows.Table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"?{i + 1}"))})";
        var bind = RowBinders.GetValue(rows.Type, _ => RowBinderOf(rows));
        var text = new Utf8Text();
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            foreach (var entity in rows.Entities)
            {
                Check(bind(entity, statement, text), handle);
                Check(raw.sqlite3_step(statement), handle, raw.SQLITE_DONE);
                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>Binds one object's values to the statement's parameters, in column order; SQLITE_OK or the first error.</summary>
    private delegate int RowBinder(object entity, sqlite3_stmt statement, Utf8Text text);

    // Compiled once per entity type of a model: what a column binds depends only on its type mapping.
    private static readonly ConditionalWeakTable<IEntityType, RowBinder> RowBinders = new();

    private static RowBinder RowBinderOf(AddedRows rows)
    {
        var entity = Expression.Parameter(typeof(object), "entity");
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var text = Expression.Parameter(typeof(Utf8Text), "text");
        var result = Expression.Variable(typeof(int), "result");
        var end = Expression.Label(typeof(int), "end");
        var body = new List<Expression>();
        var storage = StorageOf(rows);
        for (var i = 0; i < storage.Length; i++)
        {
            var index = Expression.Constant(i + 1);
            var column = i;
            var bound = AddedRows.WhenPresent(
                rows.ValueOf(i, entity),
                value => Bind(value, storage[column], statement, index, text),
                Expression.Call(typeof(raw).GetMethod(nameof(raw.sqlite3_bind_null))!, statement, index));
            body.Add(Expression.Assign(result, bound));
            body.Add(Expression.IfThen(Expression.NotEqual(result, Expression.Constant(raw.SQLITE_OK)), Expression.Return(end, result)));
        }

        body.Add(Expression.Label(end, Expression.Constant(raw.SQLITE_OK)));
        return Expression.Lambda<RowBinder>(Expression.Block([result], body), entity, statement, text).Compile();
    }

    // How each column's values are stored (a GUID as text or as a blob), as the column's type mapping configures the
    // parameter SaveChanges binds: the parameter is made once per column only to be asked.
    private static SqliteType[] StorageOf(AddedRows rows)
    {
        using var command = new SqliteCommand();
        return [.. rows.Properties.Select((p, i) => ((SqliteParameter)rows.Mappings[i].CreateParameter(command, $"p{i}", null, p.IsNullable)).SqliteType)];
    }

    // A value that is there, bound as Microsoft.Data.Sqlite binds it (its SqliteValueBinder), for the types the model's
    // columns hold after their value converters; any other type is refused when the binder is made rather than stored
    // in a form SaveChanges would not use.
    private static MethodCallExpression Bind(Expression value, SqliteType storage, Expression statement, Expression index, Expression text)
    {
        var type = value.Type;
        var method = type switch
        {
            _ when type == typeof(string) => nameof(BindText),
            _ when type == typeof(byte[]) => nameof(BindBlob),
            _ when type == typeof(Guid) => storage == SqliteType.Blob ? nameof(BindGuidBlob) : nameof(BindGuidText),
            _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) => nameof(BindInteger),
            _ when type == typeof(bool) => nameof(BindFlag),
            _ when type == typeof(double) => nameof(BindReal),
            _ when type == typeof(decimal) => nameof(BindDecimal),
            _ when type == typeof(DateOnly) && storage != SqliteType.Real => nameof(BindDay),
            _ when type == typeof(DateTime) && storage != SqliteType.Real => nameof(BindTime),
            _ => throw new NotSupportedException($"The bulk insert does not bind {type.Name} values stored as {storage}: SaveChanges' binding of them is not repeated here."),
        };
        var bind = typeof(SqliteBulkLoad).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!;
        return Expression.Call(bind, statement, index, Expression.Convert(value, bind.GetParameters()[2].ParameterType), text);
    }

    // Text is written as UTF-8 into one reused buffer (SQLite copies it while binding): a string per GUID, day and
    // upper-cased GUID, and a UTF-8 copy of every string, were a third of the insert's time (profiled, decision 0049).
    private static int BindText(sqlite3_stmt statement, int index, string value, Utf8Text text) => raw.sqlite3_bind_text(statement, index, text.Of(value));

    private static int BindBlob(sqlite3_stmt statement, int index, byte[] value, Utf8Text text) => raw.sqlite3_bind_blob(statement, index, value);

    private static int BindGuidBlob(sqlite3_stmt statement, int index, Guid value, Utf8Text text) => raw.sqlite3_bind_blob(statement, index, text.Of(value));

    private static int BindGuidText(sqlite3_stmt statement, int index, Guid value, Utf8Text text) => raw.sqlite3_bind_text(statement, index, text.UpperCase(value));

    private static int BindInteger(sqlite3_stmt statement, int index, long value, Utf8Text text) => raw.sqlite3_bind_int64(statement, index, value);

    private static int BindFlag(sqlite3_stmt statement, int index, bool value, Utf8Text text) => raw.sqlite3_bind_int64(statement, index, value ? 1 : 0);

    private static int BindReal(sqlite3_stmt statement, int index, double value, Utf8Text text) =>
        double.IsNaN(value) ? throw new InvalidOperationException("SQLite cannot store NaN.") : raw.sqlite3_bind_double(statement, index, value);

    private static int BindDecimal(sqlite3_stmt statement, int index, decimal value, Utf8Text text) => raw.sqlite3_bind_text(statement, index, text.Of(value, "0.0###########################"));

    private static int BindDay(sqlite3_stmt statement, int index, DateOnly value, Utf8Text text) => raw.sqlite3_bind_text(statement, index, text.Of(value, @"yyyy\-MM\-dd"));

    private static int BindTime(sqlite3_stmt statement, int index, DateTime value, Utf8Text text) => raw.sqlite3_bind_text(statement, index, text.Of(value, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF"));

    /// <summary>One buffer a value is written into as UTF-8 (or as a GUID's 16 bytes), valid until the next value.</summary>
    private sealed class Utf8Text
    {
        private byte[] _buffer = new byte[256];

        public ReadOnlySpan<byte> Of(string value)
        {
            var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (needed > _buffer.Length)
            {
                _buffer = new byte[Math.Max(needed, _buffer.Length * 2)];
            }

            return _buffer.AsSpan(0, Encoding.UTF8.GetBytes(value, _buffer));
        }

        public ReadOnlySpan<byte> Of(Guid value)
        {
            value.TryWriteBytes(_buffer);
            return _buffer.AsSpan(0, 16);
        }

        // Microsoft.Data.Sqlite stores a GUID as text in upper case ("D" format).
        public ReadOnlySpan<byte> UpperCase(Guid value)
        {
            value.TryFormat(_buffer, out var written, "D");
            var text = _buffer.AsSpan(0, written);
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is >= (byte)'a' and <= (byte)'f')
                {
                    text[i] -= 'a' - 'A';
                }
            }

            return text;
        }

        public ReadOnlySpan<byte> Of<T>(T value, string format)
            where T : IUtf8SpanFormattable
        {
            value.TryFormat(_buffer, out var written, format, CultureInfo.InvariantCulture);
            return _buffer.AsSpan(0, written);
        }
    }

    private static void Check(int result, sqlite3 handle, int expected = raw.SQLITE_OK)
    {
        if (result != expected)
        {
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = (SqliteTransaction)_transaction.GetDbTransaction();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<List<(string Type, string Name, string Sql)>> SchemaAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
