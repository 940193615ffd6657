using Npgsql;
using Testcontainers.PostgreSql;

namespace CommitmentTracker.Integration.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the PostgreSQL twins run against, found once per test run: the server named by
/// <see cref="ServerVariable"/> (what .ci/run starts), else a Testcontainers.PostgreSql container where a Docker
/// engine answers. With neither, the twins skip saying why; with <see cref="RequiredVariable"/> set (CI) they fail.
/// Each factory creates its own database on the server and drops it afterwards.
/// </summary>
public static class PostgreSqlServer
{
    /// <summary>A connection string to the server with the right to create databases, e.g. Host=127.0.0.1;Port=55432;Username=postgres.</summary>
    public const string ServerVariable = "COMMITMENT_TRACKER_TEST_POSTGRES";

    /// <summary>Set (to anything) where the PostgreSQL twins must run: a missing server is then a failure.</summary>
    public const string RequiredVariable = "COMMITMENT_TRACKER_REQUIRE_POSTGRES";

    private static readonly Lazy<Task<Server>> Found = new(FindAsync);

    private sealed record Server(string? ConnectionString, string? Unavailable);

    /// <summary>A new, empty database's connection string, or the reason there is no server to make it on.</summary>
    public static async Task<(string? ConnectionString, string? SkipReason)> CreateDatabaseAsync()
    {
        var server = await Found.Value;
        if (server.ConnectionString is null)
        {
            if (Environment.GetEnvironmentVariable(RequiredVariable) is { Length: > 0 })
            {
                throw new InvalidOperationException($"PostgreSQL is required here ({RequiredVariable} is set) but none is available: {server.Unavailable}");
            }

            return (null, server.Unavailable);
        }

        var name = $"ct_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            // template0 with UTF-8: the test database does not inherit whatever encoding the server's template1 has.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Pooled, as the app runs in production: the server's string is unpooled (it only creates and drops databases),
        // and a new PostgreSQL connection costs a process on the server, tens of milliseconds for every query.
        return (new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString, null);
    }

    /// <summary>Drops the database a factory made, closing what the app's pool still holds open to it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var server = await Found.Value;
        if (server.ConnectionString is null)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<Server> FindAsync()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured)
        {
            var builder = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false };
            return new Server(builder.ConnectionString, null);
        }

        try
        {
            // Started once per run and removed by Testcontainers' resource reaper when the run ends.
            var container = new PostgreSqlBuilder("postgres:17-alpine").Build();
            await container.StartAsync();
            var builder = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres", Pooling = false };
            return new Server(builder.ConnectionString, null);
        }
        catch (Exception ex) when (ex.GetType().Name is "DockerUnavailableException" || ex is TimeoutException)
        {
            return new Server(null, $"PostgreSQL suite skipped: {ServerVariable} is not set and no Docker engine is available for Testcontainers.PostgreSql ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}). .ci/run starts a server and sets it.");
        }
    }
}

/// <summary>The app over its own database on the PostgreSQL server; skips (or, in CI, fails) when there is none.</summary>
public class PostgreSqlAppFactory : AppFactory
{
    private readonly bool _ownsDatabase;
    private string? _connectionString;

    public PostgreSqlAppFactory()
    {
        _ownsDatabase = true;
    }

    /// <summary>A second app over a database another factory made (two instances, or a restart); it leaves it in place.</summary>
    protected PostgreSqlAppFactory(string connectionString)
    {
        _connectionString = connectionString;
    }

    public string DatabaseConnectionString => _connectionString ?? throw new InvalidOperationException("The database is made in InitializeAsync.");

    protected override string Provider => "PostgreSql";

    protected override string ConnectionString => _connectionString ?? string.Empty;

    public override async ValueTask InitializeAsync()
    {
        if (_ownsDatabase)
        {
            (_connectionString, SkipReason) = await PostgreSqlServer.CreateDatabaseAsync();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && _connectionString is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(_connectionString);
        }

        GC.SuppressFinalize(this);
    }
}
