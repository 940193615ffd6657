using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// Writes the rows the change tracker holds as Added (<see cref="AddedRows"/>) straight to SQLite, one prepared INSERT
/// per table reused for every row, in the caller's transaction. Parameters are made by each column's EF type mapping
/// (the same SaveChanges uses), so the rows are exactly what SaveChanges would have written; what it skips is
/// SaveChanges' per-row bookkeeping, which made the generator spend most of its time in EF rather than SQLite.
/// Interceptors do not run: the caller adds the audit record and the dashboard projection itself.
/// </summary>
internal static class SqliteBulkInsert
{
    public static async Task InsertAddedAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");

        // Rows of one save reference each other (a status entry its commitment): foreign keys are checked at commit.
        await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON;", ct);

        // Children before parents (foreign keys wait for the commit): the search index's triggers (decision 0028) then
        // index each commitment once, with its quotes already in place, instead of indexing it on its own insert and
        // again (a delete and an insert) on each quote's. Same index content, a third of the FTS5 writes (decision 0035).
        foreach (var rows in AddedRows.Of(db).Reverse())
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{rows.Table}\" ({string.Join(", ", rows.Columns.Select(c => $"\"{c}\""))}) "
                + $"VALUES ({string.Join(", ", rows.Columns.Select((_, i) => $"@p{i}"))})";

            // Parameters made once by each column's type mapping (its database type); each row only sets values,
            // converted to what the column stores (GUID text, timestamps as numbers, enums by name, lists as JSON).
            var parameters = rows.Properties.Select((p, i) => rows.Mappings[i].CreateParameter(command, $"@p{i}", null, p.IsNullable)).ToArray();
            command.Parameters.AddRange(parameters);
            command.Prepare();
            foreach (var entry in rows.Entries)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = rows.Value(entry, i) ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
            }
        }
    }
}
