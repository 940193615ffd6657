using CommitmentTracker.Application.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommitmentTracker.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "CommitmentTracker";

    /// <summary><c>Sqlite</c> (default, embedded), <c>SqlServer</c> or <c>PostgreSql</c> (the two server engines).</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Folder of the SQLite file when no connection string is given; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations at start. Default: always for SQLite, only in Development for the server engines.</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>
    /// How long one statement of the start-up work (migrations, the first projection build) may run. A migration that
    /// fills a new column or index over a million commitments takes minutes, where the 30 s of ordinary requests would
    /// abort start-up half-way.
    /// </summary>
    public int StartupCommandTimeoutSeconds { get; set; } = 1800;

    /// <summary>
    /// How long, in milliseconds, the change feed's head read before a kept answer may be reused (decision 0061). Zero
    /// (default): read on every request. Above zero, this process's own writes are still read at once; another
    /// process's writes (a second instance, the generator) are seen within this time.
    /// </summary>
    public int FeedHeadReuseMilliseconds { get; set; }

    /// <summary>
    /// PostgreSQL only (decision 0068): keep the change feed's head until PostgreSQL notifies that it moved, so a kept
    /// answer costs no round trip. Default on. Another instance's write is read as soon as its notification arrives
    /// (delivered at its commit); while the listening connection is down, the head is read on every request.
    /// </summary>
    public bool FeedHeadNotifications { get; set; } = true;

    /// <summary>Load the curated seed data (idempotent) at start.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Folder holding parties.json and meetings/*.json; defaults to the seeds shipped next to the app.</summary>
    public string? SeedDirectory { get; set; }
}

/// <summary>The database choice after validation: what the app will actually connect to.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup, bool Seed, string SeedDirectory)
{
    /// <summary>Another process's writes may go unseen this long at most: beyond a second, a person would notice.</summary>
    public const int MaxFeedHeadReuseMilliseconds = 1000;

    /// <summary>See <see cref="DatabaseOptions.StartupCommandTimeoutSeconds"/>.</summary>
    public TimeSpan StartupCommandTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>See <see cref="DatabaseOptions.FeedHeadReuseMilliseconds"/>; zero means read the head every time.</summary>
    public TimeSpan FeedHeadReuse { get; init; }

    /// <summary>See <see cref="DatabaseOptions.FeedHeadNotifications"/>: true only on PostgreSQL.</summary>
    public bool FeedHeadNotifications { get; init; }

    /// <summary>
    /// PostgreSQL connections per core of this machine when the connection string does not size the pool (decision
    /// 0073). Npgsql's own default of 100 lets every request that arrives run at once, and on a small server the
    /// slowest lists' tails doubled; a few per core queue the rest in the app.
    /// </summary>
    public const int PostgreSqlConnectionsPerCore = 4;

    /// <summary>The pool size the app gives PostgreSQL when the connection string names none.</summary>
    public static int DefaultPostgreSqlPoolSize => PostgreSqlConnectionsPerCore * Environment.ProcessorCount;

    public static DatabaseSettings From(DatabaseOptions options, string? connectionString, string contentRoot, bool isDevelopment)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new StartupRefusedException(
                $"Database:Provider must be 'Sqlite', 'SqlServer' or 'PostgreSql', but it is '{options.Provider}'. Set it in appsettings.json or with the environment variable Database__Provider.");
        }

        // A server engine has no sensible default address: refusing to start says what to set.
        if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupRefusedException(
                $"Database:Provider is {provider} but no connection string is set. Set ConnectionStrings:{DatabaseOptions.ConnectionStringName} (environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName}).");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.GetFullPath(options.DataDirectory, contentRoot);
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "commitment-tracker.db")}";
        }

        // A connection string the engine's driver cannot read stops the start here, naming the setting, instead of at
        // the first query with the driver's own words only. The driver's message names a keyword, never a value, so no
        // password is printed.
        try
        {
            _ = provider switch
            {
                DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(connectionString),
                DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(connectionString),
                _ => (System.Data.Common.DbConnectionStringBuilder)new SqliteConnectionStringBuilder(connectionString),
            };
        }
        catch (ArgumentException e)
        {
            throw new StartupRefusedException($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not a connection string {provider} can use: {e.Message}", e);
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            connectionString = WithPostgreSqlPool(connectionString);
        }

        var migrate = options.MigrateOnStartup ?? (provider == DatabaseProvider.Sqlite || isDevelopment);
        var seeds = options.SeedDirectory is { Length: > 0 } dir ? Path.GetFullPath(dir, contentRoot) : Path.Combine(AppContext.BaseDirectory, "seeds");
        if (options.StartupCommandTimeoutSeconds < 1)
        {
            throw new StartupRefusedException($"Database:StartupCommandTimeoutSeconds must be at least 1, but it is {options.StartupCommandTimeoutSeconds}.");
        }

        if (options.FeedHeadReuseMilliseconds is < 0 or > MaxFeedHeadReuseMilliseconds)
        {
            throw new StartupRefusedException(
                $"Database:FeedHeadReuseMilliseconds must be between 0 (read the change feed's head on every request) and {MaxFeedHeadReuseMilliseconds}, but it is {options.FeedHeadReuseMilliseconds}.");
        }

        return new DatabaseSettings(provider, connectionString, migrate, options.Seed, seeds)
        {
            StartupCommandTimeout = TimeSpan.FromSeconds(options.StartupCommandTimeoutSeconds),
            FeedHeadReuse = TimeSpan.FromMilliseconds(options.FeedHeadReuseMilliseconds),
            FeedHeadNotifications = provider == DatabaseProvider.PostgreSql && options.FeedHeadNotifications,
        };
    }

    // The app's pool size goes first, so a size the connection string gives, under any of Npgsql's names for it
    // ("Maximum Pool Size", "MaxPoolSize", any case), is read after it and wins. It is never below the minimum the
    // connection string asks for, which Npgsql would refuse.
    private static string WithPostgreSqlPool(string connectionString)
    {
        var size = Math.Max(DefaultPostgreSqlPoolSize, new NpgsqlConnectionStringBuilder(connectionString).MinPoolSize);
        return new NpgsqlConnectionStringBuilder($"Maximum Pool Size={size};{connectionString}").ConnectionString;
    }
}
