using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CommitmentTracker.Integration.Tests.Ledger;

/// <summary>
/// The README's <c>generate-synthetic</c> command, run as a process of the real Host: bad numbers are refused before
/// the database is touched, and a load on a file it has to itself (so through the rollback journal, decision 0070;
/// <see cref="SqliteJournalTests"/> covers the switch) leaves the file whole and in WAL mode.
/// </summary>
public sealed class SyntheticDataCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"generate-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("--commitments", "-1", "--commitments must be a whole number of at least 0, not '-1'.")]
    [InlineData("--commitments", "many", "--commitments must be a whole number of at least 0, not 'many'.")]
    [InlineData("--meetings", "0", "--meetings must be a whole number of at least 1, not '0'.")]
    [InlineData("--batch", "0", "--batch must be a whole number of at least 1, not '0'.")]
    public async Task Bad_numbers_are_refused_with_exit_code_2_before_the_database_is_made(string option, string value, string message)
    {
        var (code, output, error) = await RunAsync(option, value);

        code.ShouldBe(2, output + error);
        error.Trim().ShouldBe(message);
        File.Exists(_file).ShouldBeFalse("nothing was created or migrated");
    }

    [Fact]
    public async Task A_load_alone_on_its_file_writes_the_rows_and_leaves_the_file_in_WAL_mode()
    {
        var (code, output, error) = await RunAsync("--commitments", "300", "--meetings", "6", "--seed", "15");

        code.ShouldBe(0, error);
        output.ShouldContain("Wrote 6 meetings, 300 commitments");
        File.Exists($"{_file}-journal").ShouldBeFalse("the rollback journal is gone once the load committed");
        await using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        await connection.OpenAsync(Ct);
        (await ScalarAsync(connection, "PRAGMA journal_mode")).ShouldBe("wal");
        (await ScalarAsync(connection, "PRAGMA integrity_check")).ShouldBe("ok");
        (await ScalarAsync(connection, "SELECT count(*) FROM \"Commitments\" WHERE \"Code\" LIKE 'SYN-%'")).ShouldBe(300L);
        (await ScalarAsync(connection, "SELECT count(*) FROM \"CommitmentSearch\"")).ShouldBe(await ScalarAsync(connection, "SELECT count(*) FROM \"Commitments\""));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, $"{_file}-wal", $"{_file}-shm", $"{_file}-journal" })
        {
            File.Delete(path);
        }
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] arguments) =>
        HostCommand.RunAsync(_file, new Dictionary<string, string?>(), ["generate-synthetic", .. arguments], Ct);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
