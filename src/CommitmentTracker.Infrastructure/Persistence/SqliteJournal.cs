using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CommitmentTracker.Infrastructure.Persistence;

/// <summary>
/// SQLite's journal: the write-ahead log the app keeps the file in, and the rollback journal a synthetic load writes
/// through when it has the file to itself (decision 0070). In WAL mode a transaction larger than the page cache
/// writes every page it makes to the write-ahead log, and the checkpoint after it copies them into the file: a load
/// writes the database twice and spends as long in the kernel as in SQLite. With the rollback journal the new pages go
/// straight into the file, and the journal holds only the few existing pages the load changes: the load stays one
/// atomic transaction.
/// </summary>
internal static class SqliteJournal
{
    /// <summary>
    /// The statement that puts the file into WAL mode, which lets readers carry on while a write commits; the mode is
    /// stored in the file. Start-up runs it (DatabaseInitialiser) and so does the end of a load.
    /// </summary>
    public const string WriteAheadLog = "PRAGMA journal_mode = WAL;";

    /// <summary>
    /// Switches the file from WAL to the rollback journal for a load on <paramref name="connection"/>, with
    /// synchronous = FULL on it, and says whether it did. SQLite switches only when no other connection has the file
    /// open; otherwise the mode stays WAL and the load runs as before, so readers elsewhere keep their snapshot. This
    /// process's own idle pooled connections (start-up's migrations left one) are closed first: they hold the file open.
    /// </summary>
    public static async Task<bool> LeaveWriteAheadLogAsync(SqliteConnection connection, CancellationToken ct)
    {
        if (!string.Equals(await ScalarAsync(connection, "PRAGMA journal_mode;", ct), "wal", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        SqliteConnection.ClearPool(connection);
        try
        {
            // Another connection makes SQLite answer "busy", at once: it is not waited for.
            if (!string.Equals(await ScalarAsync(connection, "PRAGMA journal_mode = DELETE;", ct, timeoutSeconds: 1), "delete", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // WAL is safe from a power cut with synchronous = NORMAL; the rollback journal only with FULL (the journal is
            // synced before the file is written over). The caller's restore puts the connection's own setting back.
            await ScalarAsync(connection, "PRAGMA synchronous = FULL;", ct);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
        {
            return false;
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct, int? timeoutSeconds = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds ?? command.CommandTimeout;
        return (string?)await command.ExecuteScalarAsync(ct);
    }
}
