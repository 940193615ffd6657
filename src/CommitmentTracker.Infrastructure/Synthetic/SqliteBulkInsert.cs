using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// Writes the rows the change tracker holds as Added straight to SQLite, one prepared INSERT per table reused for
/// every row, in the caller's transaction. Column names, value conversions and parameter types come from the EF model
/// (the same type mappings SaveChanges uses), so the rows are exactly what SaveChanges would have written; what it
/// skips is SaveChanges' per-row bookkeeping, which made the generator spend most of its time in EF rather than SQLite.
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

        foreach (var group in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata))
        {
            var type = group.Key;
            var table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
            var store = StoreObjectIdentifier.Table(table, type.GetSchema());

            // Database-generated keys (the audit trail's Position) are left to the database.
            var properties = type.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid))).ToArray();
            var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();

            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""))}) "
                + $"VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";

            // Parameters made once by each column's type mapping (its database type); each row only sets values,
            // converted to what the column stores (GUID text, timestamps as numbers, enums by name, lists as JSON).
            var parameters = properties.Select((p, i) => mappings[i].CreateParameter(command, $"@p{i}", null, p.IsNullable)).ToArray();
            command.Parameters.AddRange(parameters);
            command.Prepare();
            foreach (var entry in group)
            {
                for (var i = 0; i < properties.Length; i++)
                {
                    var value = entry.CurrentValues[properties[i]];
                    parameters[i].Value = value is null ? DBNull.Value : mappings[i].Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
                }

                command.ExecuteNonQuery();
            }
        }
    }
}
