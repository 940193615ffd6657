using System.Net.Http.Json;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommitmentTracker.Integration.Tests.Persistence;

/// <summary>Start-up as a new user meets it: the database is created, migrated and seeded once; bad settings say what to fix.</summary>
public sealed class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_start_on_the_same_database_adds_nothing()
    {
        await using var first = new SqliteAppFactory();
        var counts = await CountRowsAsync(first);
        var client = first.Api();
        (await client.GetFromJsonAsync<PagedResult<CommitmentSummaryDto>>("/api/v1/commitments?pageSize=1", AppFactory.Json, Ct))!.TotalCount.ShouldBe(23);

        // A second app instance over the same file runs migrations and the seeder again.
        await using var second = new ReusedDatabaseFactory(first.DatabaseFile);
        second.Api();
        (await CountRowsAsync(second)).ShouldBe(counts);
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode()
    {
        await using var app = new SqliteAppFactory();
        app.Api();

        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        (await command.ExecuteScalarAsync(Ct))!.ToString().ShouldBe("wal");
    }

    [Theory]
    [InlineData("Oracle", "", "Database:Provider must be 'Sqlite', 'SqlServer' or 'PostgreSql', but it is 'Oracle'")]
    [InlineData("SqlServer", "", "Database:Provider is SqlServer but no connection string is set. Set ConnectionStrings:CommitmentTracker")]
    [InlineData("PostgreSql", " ", "Database:Provider is PostgreSql but no connection string is set. Set ConnectionStrings:CommitmentTracker")]
    [InlineData("PostgreSql", "Hots=db;Password=hunter2", "ConnectionStrings:CommitmentTracker is not a connection string PostgreSql can use: ")]
    [InlineData("SqlServer", "Sever=db;Password=hunter2", "ConnectionStrings:CommitmentTracker is not a connection string SqlServer can use: ")]
    [InlineData("Sqlite", "Data Sorce=x.db", "ConnectionStrings:CommitmentTracker is not a connection string Sqlite can use: Connection string keyword 'data sorce' is not supported.")]
    public void Bad_database_settings_stop_start_up_with_a_clear_message(string provider, string connectionString, string expected)
    {
        var error = Should.Throw<StartupRefusedException>(() =>
            DatabaseSettings.From(new DatabaseOptions { Provider = provider }, connectionString, Path.GetTempPath(), isDevelopment: true));

        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("hunter2");
    }

    [Theory]
    [InlineData("Sqlite", null, true)]
    [InlineData("SqlServer", null, true)]
    [InlineData("SqlServer", false, true)]
    [InlineData("SqlServer", null, false)]
    public void Migrations_on_start_are_always_on_for_sqlite_and_a_setting_for_sql_server(string provider, bool? configured, bool development)
    {
        var settings = DatabaseSettings.From(
            new DatabaseOptions { Provider = provider, MigrateOnStartup = configured },
            provider == "SqlServer" ? "Server=db;Database=x" : $"Data Source={Path.GetTempFileName()}",
            Path.GetTempPath(),
            development);

        settings.MigrateOnStartup.ShouldBe(configured ?? (provider == "Sqlite" || development));
    }

    // Decision 0073: a few PostgreSQL connections per core unless the connection string sizes the pool itself, under
    // any of Npgsql's names for the setting; never below the minimum it asks for. The rest of the string is kept.
    [Theory]
    [InlineData("Host=db;Username=app;Password=hunter2", null)]
    [InlineData("Host=db;Maximum Pool Size=3", 3)]
    [InlineData("Host=db;MaxPoolSize=50", 50)]
    [InlineData("Host=db;maximum pool size=100", 100)]
    [InlineData("Host=db;Minimum Pool Size=90", 90)]
    public void PostgreSql_gets_a_few_connections_per_core_unless_the_connection_string_sizes_its_pool(string connectionString, int? expected)
    {
        var settings = DatabaseSettings.From(new DatabaseOptions { Provider = "PostgreSql" }, connectionString, Path.GetTempPath(), isDevelopment: false);

        var pool = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        pool.MaxPoolSize.ShouldBe(expected ?? DatabaseSettings.PostgreSqlConnectionsPerCore * Environment.ProcessorCount);
        pool.Host.ShouldBe("db");
        if (connectionString.Contains("hunter2", StringComparison.Ordinal))
        {
            (pool.Username, pool.Password).ShouldBe(("app", "hunter2"));
        }
    }

    [Fact]
    public void Sqlite_and_sql_server_connection_strings_are_used_as_given()
    {
        DatabaseSettings.From(new DatabaseOptions { Provider = "SqlServer" }, "Server=db;Database=x", Path.GetTempPath(), isDevelopment: false)
            .ConnectionString.ShouldBe("Server=db;Database=x");
        DatabaseSettings.From(new DatabaseOptions { Provider = "Sqlite" }, "Data Source=x.db", Path.GetTempPath(), isDevelopment: false)
            .ConnectionString.ShouldBe("Data Source=x.db");
    }

    private static async Task<string> CountRowsAsync(AppFactory app)
    {
        app.Api();
        var file = ((SqliteAppFactory?)(app as SqliteAppFactory))?.DatabaseFile ?? ((ReusedDatabaseFactory)app).File;
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        var counts = new List<string>();
        foreach (var table in new[] { "Parties", "People", "Meetings", "Documents", "Participants", "Commitments", "Responsibilities", "SourceSpans", "StatusEntries", "Targets", "Observations" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Add($"{table}={await command.ExecuteScalarAsync(Ct)}");
        }

        return string.Join(", ", counts);
    }

}
