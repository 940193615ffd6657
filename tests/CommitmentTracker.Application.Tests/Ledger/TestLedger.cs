using System.Security.Claims;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CommitmentTracker.Application.Tests.Ledger;

/// <summary>
/// A real ledger for one test: the app's own <see cref="AppDbContext"/> (with its save interceptors: audit trail,
/// webhook outbox, dashboard projection) on its own SQLite file built by the real SQLite migrations, and the real
/// Mediator pipeline (authorization, validation) in front of the handlers, as <c>AddApplication</c> and
/// <c>AddInfrastructure</c> compose them for the Host. The clock is a <see cref="FakeTimeProvider"/> and the actor a
/// test person of a chosen role. Every send runs in its own DI scope, like an API request, so nothing a handler
/// tracked survives into the next one. Dispose deletes the file.
/// </summary>
/// <remarks>
/// Migrating a database costs about a second here; the migrations run once per test run into a template file, and
/// each ledger starts from a copy of it (milliseconds), so every test can afford a database of its own.
/// </remarks>
public sealed class TestLedger : IAsyncDisposable
{
    /// <summary>Where the clock starts: mid-morning UTC, so "today" is 2024-01-10 whatever the machine's zone.</summary>
    public static readonly DateTimeOffset Start = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "commitment-tracker-application-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static readonly Lazy<Task<string>> Template = new(MigrateTemplateAsync);

    private readonly ServiceProvider _services;
    private readonly string _file;

    private TestLedger(string file, Action<IServiceCollection>? configure)
    {
        _file = file;
        _services = Compose(file, Clock, configure);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Who sends the next requests; an analyst unless a test says otherwise.</summary>
    public ClaimsPrincipal Actor { get; set; } = Person("ana", Roles.Analyst);

    /// <param name="configure">Services to add after the app's own (a later registration wins).</param>
    public static async Task<TestLedger> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var template = await Template.Value;
        var file = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
        File.Copy(template, file);
        return new TestLedger(file, configure);
    }

    public static ClaimsPrincipal Person(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, name), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "Test"));

    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    /// <summary>Reads (or arranges) the database directly, through a context of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>Runs <paramref name="work"/> with the services of one scope acting for <see cref="Actor"/>, as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Scope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_file + suffix);
        }
    }

    private AsyncServiceScope Scope()
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentActor>().ActAs(Actor);
        return scope;
    }

    // The Host's own composition of the two layers, over this file, with the test's clock in place of the system's.
    private static ServiceProvider Compose(string file, TimeProvider clock, Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:Seed"] = "false",
            // No pooling: a closed connection releases the file, so the test can delete it.
            ["ConnectionStrings:CommitmentTracker"] = $"Data Source={file};Pooling=False",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication(autoMapperLicenseKey: null);
        services.AddInfrastructure(configuration, new TestEnvironment());
        services.AddSingleton(clock);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static async Task<string> MigrateTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder();
        var file = Path.Combine(Folder, "template.db");
        await using var services = Compose(file, TimeProvider.System, null);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
        return file;
    }

    // Best effort at exit: a file still open (a test that failed mid-write) stays behind in the temp folder.
    private static void DeleteFolder()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "CommitmentTracker.Application.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
