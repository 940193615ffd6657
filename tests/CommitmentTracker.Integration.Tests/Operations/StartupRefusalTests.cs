using System.Net;
using System.Net.Sockets;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CommitmentTracker.Integration.Tests.Operations;

/// <summary>
/// A start that cannot go on, run as a process of the real Host: a setting it refuses, a database it cannot open or an
/// address already taken ends with one line on standard error saying why and exit code 1 — no stack trace, no abort
/// (it was an unhandled exception, exit code 134, before).
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private const string Prefix = "CommitmentTracker did not start: ";

    // The Host's StartupFailure.ExitCode, as an operator's script sees it.
    private const int StartupFailureExitCode = 1;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"startup-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Database__Provider", "Oracle", "Database:Provider must be 'Sqlite', 'SqlServer' or 'PostgreSql', but it is 'Oracle'. Set it in appsettings.json or with the environment variable Database__Provider.")]
    [InlineData("Database__FeedHeadNotifications", "maybe", "Failed to convert configuration value 'maybe' at 'Database:FeedHeadNotifications' to type 'System.Boolean'.")]
    [InlineData("Database__StartupCommandTimeoutSeconds", "0", "Database:StartupCommandTimeoutSeconds must be at least 1, but it is 0.")]
    [InlineData("Telemetry__Otlp__Endpoint", "collector", "Telemetry:Otlp:Endpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) must be an absolute URL such as http://collector:4318; it is 'collector'.")]
    public async Task A_setting_it_cannot_use_is_named_in_one_line_before_the_database_is_touched(string name, string value, string message)
    {
        var (code, error) = await StartAsync(new Dictionary<string, string?> { [name] = value });

        code.ShouldBe(StartupFailureExitCode, error);
        LastLine(error).ShouldBe(Prefix + message);
        error.ShouldNotContain("   at ", Case.Sensitive, "no stack trace for a setting to fix");
        File.Exists(_file).ShouldBeFalse("the database is not created or migrated");
    }

    [Fact]
    public async Task A_connection_string_the_driver_cannot_read_names_the_setting_and_the_keyword_only()
    {
        var (code, error) = await StartAsync(new Dictionary<string, string?> { ["ConnectionStrings__CommitmentTracker"] = $"Data Sorce={_file};Password=secret-value" });

        code.ShouldBe(StartupFailureExitCode, error);
        LastLine(error).ShouldStartWith(Prefix + "ConnectionStrings:CommitmentTracker is not a connection string Sqlite can use: Connection string keyword 'data sorce' is not supported.");
        error.ShouldNotContain("secret-value");
        error.ShouldNotContain("   at ", Case.Sensitive);
        File.Exists(_file).ShouldBeFalse();
    }

    [Fact]
    public async Task A_database_file_that_cannot_be_opened_is_named_as_the_database()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "ledger.db");

        var (code, error) = await StartAsync(new Dictionary<string, string?> { ["ConnectionStrings__CommitmentTracker"] = $"Data Source={missingFolder}" });

        code.ShouldBe(StartupFailureExitCode, error);
        LastLine(error).ShouldBe(Prefix + "the database could not be opened or migrated: SQLite Error 14: 'unable to open database file'.");
        Directory.Exists(Path.GetDirectoryName(missingFolder)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_first_start_in_production_without_an_administrator_password_says_what_to_set()
    {
        var (code, error) = await StartAsync(new Dictionary<string, string?> { ["Bootstrap__AdminPassword"] = null });

        code.ShouldBe(StartupFailureExitCode, error);
        LastLine(error).ShouldBe(Prefix + "No administrator exists and Bootstrap:AdminPassword is not set. Set the environment variable Bootstrap__AdminPassword (at least 12 characters) for the first start; the password is not stored anywhere else.");
        error.ShouldNotContain("   at ", Case.Sensitive);

        // The ledger was migrated and seeded; a start with the password goes on from there.
        await using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"AspNetUsers\"";
        (await command.ExecuteScalarAsync(Ct)).ShouldBe(0L);
    }

    [Fact]
    public async Task An_address_already_in_use_is_named()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, error) = await StartAsync(new Dictionary<string, string?>(), "--urls", $"http://127.0.0.1:{port}");

        code.ShouldBe(StartupFailureExitCode, error);
        LastLine(error).ShouldBe($"{Prefix}Failed to bind to address http://127.0.0.1:{port}: address already in use.");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, $"{_file}-wal", $"{_file}-shm" })
        {
            File.Delete(path);
        }
    }

    private async Task<(int Code, string Error)> StartAsync(Dictionary<string, string?> environment, params string[] arguments)
    {
        // A start that is not refused would serve until killed: a port of its own, and the timeout, keep that bounded.
        var (code, _, error) = await HostCommand.RunAsync(_file, environment, arguments.Length > 0 ? arguments : ["--urls", "http://127.0.0.1:0"], Ct);
        return (code, error);
    }

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
}
