using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CommitmentTracker.Integration.Tests.Ledger;

/// <summary>
/// A synthetic load leaves the write-ahead log for the rollback journal only when no other connection has the file
/// open, and the file goes back to WAL after it (decision 0070). Real files, real SQLite.
/// </summary>
public sealed class SqliteJournalTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"journal-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connection_alone_on_its_file_leaves_the_write_ahead_log_and_goes_back_to_it()
    {
        await using var load = await OpenAsync();

        (await SqliteJournal.LeaveWriteAheadLogAsync(load, Ct)).ShouldBeTrue();
        (await ModeAsync(load)).ShouldBe("delete");
        (await ScalarAsync(load, "PRAGMA synchronous")).ShouldBe(2L, "the rollback journal survives a power cut only with FULL");

        // The load's rows are written and committed through the rollback journal, then the file is WAL again.
        await ExecuteAsync(load, "BEGIN; WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 1000) INSERT INTO Rows (Value) SELECT v FROM n; COMMIT;");
        await ExecuteAsync(load, SqliteJournal.WriteAheadLog);
        (await ModeAsync(load)).ShouldBe("wal");
        (await ScalarAsync(load, "SELECT count(*) FROM Rows")).ShouldBe(1002L);
        (await ScalarAsync(load, "PRAGMA integrity_check")).ShouldBe("ok");
    }

    [Fact]
    public async Task Another_open_connection_keeps_the_write_ahead_log_and_its_snapshot()
    {
        await using var load = await OpenAsync();
        await using var reader = new SqliteConnection($"Data Source={_file};Pooling=False");
        await reader.OpenAsync(Ct);
        await ExecuteAsync(reader, "BEGIN");
        (await ScalarAsync(reader, "SELECT count(*) FROM Rows")).ShouldBe(2L);

        (await SqliteJournal.LeaveWriteAheadLogAsync(load, Ct)).ShouldBeFalse();
        (await ModeAsync(load)).ShouldBe("wal");

        // Answered at once rather than after the 30 s busy wait; the load goes on in WAL mode and the reader keeps
        // the snapshot it began with.
        await ExecuteAsync(load, "INSERT INTO Rows (Value) VALUES (3)");
        (await ScalarAsync(reader, "SELECT count(*) FROM Rows")).ShouldBe(2L);
        await ExecuteAsync(reader, "COMMIT");
        (await ScalarAsync(reader, "SELECT count(*) FROM Rows")).ShouldBe(3L);
    }

    [Fact]
    public async Task A_file_not_in_WAL_mode_is_left_as_it_is()
    {
        await using var load = await OpenAsync();
        await ExecuteAsync(load, "PRAGMA journal_mode = TRUNCATE");

        (await SqliteJournal.LeaveWriteAheadLogAsync(load, Ct)).ShouldBeFalse();
        (await ModeAsync(load)).ShouldBe("truncate");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, $"{_file}-wal", $"{_file}-shm", $"{_file}-journal" })
        {
            File.Delete(path);
        }
    }

    // The file in WAL mode, as the app's start-up leaves it, with two rows; the connection the load would use.
    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_file}");
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; CREATE TABLE Rows (Value INTEGER NOT NULL); INSERT INTO Rows (Value) VALUES (1), (2);");
        return connection;
    }

    private static async Task<string?> ModeAsync(SqliteConnection connection) => (string?)await ScalarAsync(connection, "PRAGMA journal_mode");

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
