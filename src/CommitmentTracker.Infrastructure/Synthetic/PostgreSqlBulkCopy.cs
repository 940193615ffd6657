using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// Writes <see cref="AddedRows"/> (the same rule and values as SQLite's writer) to PostgreSQL through binary COPY, one COPY per table, in the caller's transaction. COPY fires the row
/// triggers an INSERT fires, so the audit record's commit stamp (decision 0016) is set at commit exactly as for a
/// record SaveChanges wrote, and identity columns take their next values from their own sequences.
/// Interceptors do not run: the caller adds the audit record and the dashboard projection itself.
/// </summary>
internal static class PostgreSqlBulkCopy
{
    public static async Task CopyAsync(AppDbContext db, IReadOnlyList<AddedRows> tables, CancellationToken ct)
    {
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk copy runs inside the caller's transaction.");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();

        foreach (var rows in tables)
        {
            // Binary COPY names each value's type; the column's own type, read from the catalogue, is what it must be.
            var types = await ColumnTypesAsync(connection, rows.Table, ct);
            var dataTypes = rows.Columns.Select(c => types.TryGetValue(c, out var t) ? t : throw new InvalidOperationException($"\"{rows.Table}\".\"{c}\" is not in the database: migrate first.")).ToArray();

            var columns = string.Join(", ", rows.Columns.Select(c => $"\"{c}\""));
            await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{rows.Table}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var entity in rows.Entities)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < dataTypes.Length; i++)
                {
                    if (rows.Value(entity, i) is { } value)
                    {
                        await importer.WriteAsync(value, dataTypes[i], ct);
                    }
                    else
                    {
                        await importer.WriteNullAsync(ct);
                    }
                }
            }

            await importer.CompleteAsync(ct);
        }
    }

    // Column name → fully qualified type name ("pg_catalog.varchar", "public.citext", "pg_catalog._text" for text[]).
    private static async Task<Dictionary<string, string>> ColumnTypesAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT a.attname, n.nspname || '.' || t.typname
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE a.attrelid = to_regclass(quote_ident(@table)) AND a.attnum > 0 AND NOT a.attisdropped
            """,
            connection);
        command.Parameters.AddWithValue("table", table);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return types;
    }
}
