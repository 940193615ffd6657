using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommitmentTracker.Application.Common.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Testcontainers.MsSql;

namespace CommitmentTracker.Integration.Tests.Infrastructure;

/// <summary>The repository's own folders, found from the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommitmentTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CommitmentTracker.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A clock stopped at a known instant, so "overdue" and "today" mean the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The real app (Program of the Host) over a real database, seeded from seeds/. Subclasses choose the database.
/// One instance per test class (IClassFixture), so classes never share data.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The first administrator ("admin") is created with this password.</summary>
    public const string BootstrapPassword = "correct horse battery staple";

    public FixedClock Clock { get; } = new(FixedClock.Default);

    /// <summary>Where this app keeps evidence files: a folder of its own in the temp folder, deleted afterwards.</summary>
    public string EvidenceDirectory { get; } = Path.Combine(Path.GetTempPath(), $"commitment-tracker-evidence-{Guid.NewGuid():N}");

    /// <summary>Set when the database engine is not available here; tests then skip with this reason.</summary>
    public string? SkipReason { get; protected set; }

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The app's services; reaching them skips the test, too, when the database engine is not available.</summary>
    public override IServiceProvider Services
    {
        get
        {
            Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
            return base.Services;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(EvidenceDirectory))
        {
            Directory.Delete(EvidenceDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A client signed in as an administrator (may do everything), for tests that are not about access.</summary>
    public HttpClient Api() => ApiAs(Roles.Administrator);

    /// <summary>A client signed in as a test person with <paramref name="role"/>.</summary>
    public HttpClient ApiAs(string role)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(TestUsers.RoleHeader, role);
        return client;
    }

    /// <summary>A client with no credentials: the app's real cookie and API-key authentication apply.</summary>
    public HttpClient Anonymous()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:CommitmentTracker", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedDirectory", Repository.Seeds);
        builder.UseSetting("Bootstrap:AdminPassword", BootstrapPassword);
        builder.UseSetting("Evidence:Directory", EvidenceDirectory);
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddTestUsers();
        });
    }
}

/// <summary>A fresh SQLite file per test class, deleted afterwards. Subclasses may add settings (see the Security tests).</summary>
public class SqliteAppFactory : AppFactory
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"commitment-tracker-test-{Guid.NewGuid():N}.db");

    public string DatabaseFile => _file;

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={_file}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        using (var pooled = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A second app instance over an existing SQLite file (another process, as far as the first one can tell), left in
/// place afterwards: its first owner deletes it.
/// </summary>
public sealed class ReusedDatabaseFactory(string file) : AppFactory
{
    public string File => file;

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={file};Pooling=False";
}

/// <summary>SQL Server 2022 in a container when a Docker engine answers; otherwise every test skips, saying so.</summary>
public sealed class SqlServerAppFactory : AppFactory
{
    private MsSqlContainer? _container;

    protected override string Provider => "SqlServer";

    protected override string ConnectionString => _container?.GetConnectionString() ?? string.Empty;

    public override async ValueTask InitializeAsync()
    {
        try
        {
            _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await _container.StartAsync();
        }
        catch (Exception ex) when (ex.GetType().Name is "DockerUnavailableException" || ex is TimeoutException)
        {
            SkipReason = $"SQL Server suite skipped: no Docker engine is available for Testcontainers.MsSql ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}).";
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
