using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>A database that outlives the app instances over it: for a restart, or for several instances at once.</summary>
public interface ISharedDatabase : IAsyncDisposable
{
    /// <summary>Another app instance (with the fast webhook worker) over this database; the caller disposes it.</summary>
    AppFactory NewInstance();
}

public sealed class SqliteSharedDatabase : ISharedDatabase
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"commitment-tracker-shared-{Guid.NewGuid():N}.db");

    public AppFactory NewInstance() => WebhookAppFactory.Over(_file);

    public ValueTask DisposeAsync()
    {
        WebhookAppFactory.DeleteFiles(_file);
        return ValueTask.CompletedTask;
    }
}

public sealed class PostgreSqlSharedDatabase : ISharedDatabase
{
    private readonly string _connectionString;

    private PostgreSqlSharedDatabase(string connectionString) => _connectionString = connectionString;

    /// <summary>A new database on the test server; skips the test, saying why, where there is none.</summary>
    public static async Task<PostgreSqlSharedDatabase> CreateAsync()
    {
        var (connectionString, skipReason) = await PostgreSqlServer.CreateDatabaseAsync();
        Assert.SkipWhen(connectionString is null, skipReason ?? string.Empty);
        return new PostgreSqlSharedDatabase(connectionString!);
    }

    public AppFactory NewInstance() => PostgreSqlWebhookAppFactory.Over(_connectionString);

    public async ValueTask DisposeAsync() => await PostgreSqlServer.DropDatabaseAsync(_connectionString);
}
