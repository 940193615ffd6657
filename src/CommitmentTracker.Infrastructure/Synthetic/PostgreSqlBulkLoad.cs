using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// A synthetic load into PostgreSQL as one transaction (decision 0063): <see cref="AddedRows"/> (the same rule and
/// values as SQLite's writer) written by binary COPY, one COPY per table and batch. COPY fires the row triggers an
/// INSERT fires, so the audit record's commit stamp (decision 0016) is set at commit exactly as for a record
/// SaveChanges wrote, and identity columns take their next values from their own sequences.
/// What PostgreSQL would otherwise keep up row by row is done once at the end, inside the same transaction: the
/// search rows (the insert triggers of decision 0041 are disabled meanwhile, and the load refreshes the commitments
/// it wrote or quoted with the triggers' own function), and, for a load at least as large as what the growing tables
/// hold, their secondary indexes and foreign keys (dropped, then made again from their own definitions: an index made
/// from a sort and a key checked by one join cost far less than a million index insertions and lookups). A failure
/// rolls all of it back. Until the commit, the tables whose indexes were dropped are locked against readers too.
/// Interceptors do not run: the load adds the audit record and the dashboard projection itself.
/// </summary>
internal sealed class PostgreSqlBulkLoad : IBulkLoad
{
    // The ledger's growing tables and the search rows, one per commitment (a table here, not SQLite's virtual table).
    private static readonly string[] Suspended = [.. GrowingTables.Ledger, "CommitmentSearch"];

    private readonly AppDbContext _db;
    private readonly NpgsqlConnection _connection;
    private readonly IDbContextTransaction _transaction;
    private readonly List<string> _restore;
    private readonly DashboardSum _dashboard = new();

    // The commitments whose words the load changes: every new one, and any whose quotes it adds to.
    private readonly HashSet<Guid> _searched = [];

    // Column name → fully qualified type name, per table, read from the catalogue once per load.
    private readonly Dictionary<string, string[]> _dataTypes = [];

    private PostgreSqlBulkLoad(AppDbContext db, IDbContextTransaction transaction, List<string> restore)
    {
        (_db, _transaction, _restore) = (db, transaction, restore);
        _connection = (NpgsqlConnection)db.Database.GetDbConnection();
    }

    /// <summary>Begins the load's transaction, disabling the search triggers and, for a load of
    /// <paramref name="commitments"/> at least as large as the table, dropping the growing tables' secondary indexes and
    /// foreign keys. Keeps the statements that make each again, in the order they are made at the end.</summary>
    public static async Task<PostgreSqlBulkLoad> BeginAsync(AppDbContext db, int commitments, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var stored = (long)(await ScalarAsync(connection, "SELECT count(*) FROM \"Commitments\"", ct))!;
            var suspend = commitments >= stored;

            // Indexes first (the search refresh reads quotes through one; the search rows' own come after them), then
            // the triggers, then the keys (checked against everything written, including the search rows).
            var (drop, restore) = (new List<string>(), new List<string>());
            if (suspend)
            {
                // Not the indexes of a constraint (primary keys, and any a foreign key elsewhere refers to).
                foreach (var (name, definition) in await PairsAsync(
                    connection,
                    """
                    SELECT quote_ident(ic.relname), pg_get_indexdef(i.indexrelid)
                    FROM pg_index AS i JOIN pg_class AS ic ON ic.oid = i.indexrelid JOIN pg_class AS t ON t.oid = i.indrelid
                    WHERE t.relname = ANY (@tables) AND t.relnamespace = current_schema()::regnamespace
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = i.indexrelid)
                    ORDER BY t.relname = 'CommitmentSearch', 1
                    """,
                    ct))
                {
                    drop.Add($"DROP INDEX {name}");
                    restore.Add(definition);
                }
            }

            foreach (var (table, trigger) in await PairsAsync(
                connection,
                """
                SELECT quote_ident(t.relname), quote_ident(g.tgname)
                FROM pg_trigger AS g JOIN pg_class AS t ON t.oid = g.tgrelid
                WHERE NOT g.tgisinternal AND g.tgenabled <> 'D' AND t.relname = ANY (@tables)
                  AND t.relnamespace = current_schema()::regnamespace AND g.tgname LIKE 'commitment\_search\_%inserted'
                ORDER BY 1, 2
                """,
                ct))
            {
                drop.Add($"ALTER TABLE {table} DISABLE TRIGGER {trigger}");
                restore.Add($"ALTER TABLE {table} ENABLE TRIGGER {trigger}");
            }

            if (suspend)
            {
                foreach (var (table, key) in await PairsAsync(
                    connection,
                    """
                    SELECT quote_ident(t.relname), quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid)
                    FROM pg_constraint AS c JOIN pg_class AS t ON t.oid = c.conrelid
                    WHERE c.contype = 'f' AND t.relname = ANY (@tables) AND t.relnamespace = current_schema()::regnamespace
                    ORDER BY 1, 2
                    """,
                    ct))
                {
                    drop.Insert(0, $"ALTER TABLE {table} DROP CONSTRAINT {key[..key.IndexOf(' ', StringComparison.Ordinal)]}");
                    restore.Add($"ALTER TABLE {table} ADD CONSTRAINT {key}");
                }
            }

            foreach (var statement in drop)
            {
                await ScalarAsync(connection, statement, ct);
            }

            return new PostgreSqlBulkLoad(db, transaction, restore);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async ValueTask WriteAsync(IReadOnlyList<AddedRows> tables, IEnumerable<DashboardCount> dashboard, CancellationToken ct)
    {
        foreach (var rows in tables)
        {
            await CopyAsync(rows, ct);
            if (rows.Type.ClrType == typeof(Commitment))
            {
                _searched.UnionWith(rows.Entities.Cast<Commitment>().Select(c => c.Id));
            }
            else if (rows.Type.ClrType == typeof(SourceSpan))
            {
                _searched.UnionWith(rows.Entities.Cast<SourceSpan>().Select(s => s.CommitmentId));
            }
        }

        _dashboard.Add(dashboard);
    }

    /// <summary>The indexes again, the search rows the triggers would have written, the triggers and keys again, the
    /// projection, and the commit.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        // The search rows' own index after them: one GIN build instead of an insertion per row.
        var indexes = _restore.TakeWhile(s => s.StartsWith("CREATE ", StringComparison.Ordinal) && !s.Contains("\"CommitmentSearch\"", StringComparison.Ordinal)).ToList();
        foreach (var statement in indexes)
        {
            await ScalarAsync(_connection, statement, ct);
        }

        if (_searched.Count > 0)
        {
            await using var refresh = new NpgsqlCommand("SELECT commitment_search_refresh(@ids)", _connection) { CommandTimeout = 0 };
            refresh.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. _searched]));
            await refresh.ExecuteNonQueryAsync(ct);
        }

        foreach (var statement in _restore.Skip(indexes.Count))
        {
            await ScalarAsync(_connection, statement, ct);
        }

        await DashboardProjectionWriter.ApplyAsync(_db, _dashboard.Rows(), ct);
        await _transaction.CommitAsync(ct);
    }

    /// <summary>Rolls the load back unless it completed: rows, indexes, keys and triggers as they were.</summary>
    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    private async Task CopyAsync(AddedRows rows, CancellationToken ct)
    {
        // Binary COPY names each value's type; the column's own type, read from the catalogue, is what it must be.
        if (!_dataTypes.TryGetValue(rows.Table, out var dataTypes))
        {
            var types = await ColumnTypesAsync(_connection, rows.Table, ct);
            _dataTypes[rows.Table] = dataTypes = [.. rows.Columns.Select(c => types.TryGetValue(c, out var t) ? t : throw new InvalidOperationException($"\"{rows.Table}\".\"{c}\" is not in the database: migrate first."))];
        }

        var columns = string.Join(", ", rows.Columns.Select(c => $"\"{c}\""));
        var write = ColumnWriters.GetValue(rows.Type, _ => ColumnWritersOf(rows));
        await using var importer = await _connection.BeginBinaryImportAsync($"COPY \"{rows.Table}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entity in rows.Entities)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < dataTypes.Length; i++)
            {
                await write[i](importer, entity, dataTypes[i], ct);
            }
        }

        await importer.CompleteAsync(ct);
    }

    /// <summary>Writes one column of one object to the COPY as its stored type (named by the catalogue), or NULL.</summary>
    private delegate Task ColumnWriter(NpgsqlBinaryImporter importer, object entity, string dataType, CancellationToken ct);

    // Compiled once per entity type of a model, from the same typed values as SQLite's binder (decision 0074).
    private static readonly ConditionalWeakTable<IEntityType, ColumnWriter[]> ColumnWriters = new();

    private static ColumnWriter[] ColumnWritersOf(AddedRows rows)
    {
        var importer = Expression.Parameter(typeof(NpgsqlBinaryImporter), "importer");
        var entity = Expression.Parameter(typeof(object), "entity");
        var dataType = Expression.Parameter(typeof(string), "dataType");
        var ct = Expression.Parameter(typeof(CancellationToken), "ct");
        var writeNull = typeof(NpgsqlBinaryImporter).GetMethod(nameof(NpgsqlBinaryImporter.WriteNullAsync), [typeof(CancellationToken)])!;
        var write = typeof(NpgsqlBinaryImporter).GetMethods().Single(m => m.Name == nameof(NpgsqlBinaryImporter.WriteAsync) && m.IsGenericMethod
            && m.GetParameters() is [_, { ParameterType: var named }, { ParameterType: var token }] && named == typeof(string) && token == typeof(CancellationToken));
        return [.. rows.Columns.Select((_, i) => Expression.Lambda<ColumnWriter>(
            AddedRows.WhenPresent(
                rows.ValueOf(i, entity),
                value => Expression.Call(importer, write.MakeGenericMethod(value.Type), value, dataType, ct),
                Expression.Call(importer, writeNull, ct)),
            importer,
            entity,
            dataType,
            ct).Compile())];
    }

    // Column name → fully qualified type name ("pg_catalog.varchar", "public.citext", "pg_catalog._text" for text[]).
    private static async Task<Dictionary<string, string>> ColumnTypesAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, type) in await PairsAsync(
            connection,
            """
            SELECT a.attname, n.nspname || '.' || t.typname
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE a.attrelid = to_regclass(quote_ident(@table)) AND a.attnum > 0 AND NOT a.attisdropped
            """,
            ct,
            table))
        {
            types[column] = type;
        }

        return types;
    }

    // No time limit: index builds and key checks grow with the load (about 3 s each at a million commitments here).
    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(ct);
    }

    // The rows of a two-column query about the growing tables (@tables) or, when one is named, that table (@table).
    private static async Task<List<(string, string)>> PairsAsync(NpgsqlConnection connection, string sql, CancellationToken ct, string? table = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(table is null ? new NpgsqlParameter<string[]>("tables", Suspended) : new NpgsqlParameter<string>("table", table));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }
}
