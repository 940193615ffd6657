using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>
/// The app over a SQLite file with a webhook worker that polls every 100 ms. Given a file, the factory leaves it (the
/// Data Protection keys are inside it) in place, so a second factory can start over the same data: an app restart.
/// </summary>
public sealed class WebhookAppFactory : AppFactory
{
    private readonly bool _ownsFile;

    public WebhookAppFactory()
        : this(Path.Combine(Path.GetTempPath(), $"commitment-tracker-webhooks-{Guid.NewGuid():N}.db"), ownsFile: true)
    {
    }

    private WebhookAppFactory(string file, bool ownsFile)
    {
        DatabaseFile = file;
        _ownsFile = ownsFile;
    }

    public string DatabaseFile { get; }

    /// <summary>An instance over an existing file, which it leaves in place.</summary>
    public static WebhookAppFactory Over(string file) => new(file, ownsFile: false);

    /// <summary>Webhooks:* settings for this instance, on top of the fast test defaults.</summary>
    public Dictionary<string, string> Webhooks { get; } = FastWebhooks.Settings();

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={DatabaseFile};Pooling=False";

    public static void DeleteFiles(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsFile)
        {
            DeleteFiles(DatabaseFile);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FastWebhooks.Apply(builder, Webhooks);
    }
}

/// <summary>The same app over its own PostgreSQL database (or, through <see cref="Over"/>, another factory's).</summary>
public sealed class PostgreSqlWebhookAppFactory : PostgreSqlAppFactory
{
    public PostgreSqlWebhookAppFactory()
    {
    }

    private PostgreSqlWebhookAppFactory(string connectionString)
        : base(connectionString)
    {
    }

    /// <summary>An instance over an existing database, which it leaves in place.</summary>
    public static PostgreSqlWebhookAppFactory Over(string connectionString) => new(connectionString);

    public Dictionary<string, string> Webhooks { get; } = FastWebhooks.Settings();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        FastWebhooks.Apply(builder, Webhooks);
    }
}

/// <summary>A worker that polls every 100 ms and retries slowly, so tests move the clock rather than wait.</summary>
public static class FastWebhooks
{
    public static Dictionary<string, string> Settings() => new()
    {
        ["PollSeconds"] = "0.1",
        ["RetryBaseSeconds"] = "60",
        ["RetryMaxSeconds"] = "600",
        ["TimeoutSeconds"] = "30",
        ["DisableAfterFailures"] = "3",
        ["MaxAttempts"] = "10",
    };

    public static void Apply(IWebHostBuilder builder, Dictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting($"Webhooks:{key}", value);
        }
    }
}
