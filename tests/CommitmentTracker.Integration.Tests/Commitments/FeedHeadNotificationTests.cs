using System.Diagnostics;
using System.Net;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure.Audit;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CommitmentTracker.Integration.Tests.Commitments;

/// <summary>
/// The PostgreSQL app as deployed: the feed's head kept until PostgreSQL notifies that it moved (decision 0068). Its
/// clock stands still, so the backstop never passes and only a notification can make it read the head again. Its
/// webhook worker is off: fanning out another instance's event is a local write, which would forget the head too.
/// </summary>
public sealed class PostgreSqlFeedNotifiedAppFactory : PostgreSqlAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:WorkerEnabled", "false");
    }
}

/// <summary>A second instance over the database another factory made.</summary>
public sealed class SecondPostgreSqlInstance(string connectionString) : PostgreSqlAppFactory(connectionString);

/// <summary>Every write of the kept-answer contract is read at once while the head is kept on notifications.</summary>
public sealed class PostgreSqlFeedNotifiedCommitmentReadSnapshotTests(PostgreSqlFeedNotifiedAppFactory app)
    : CommitmentReadSnapshotTests(app), IClassFixture<PostgreSqlFeedNotifiedAppFactory>;

public sealed class FeedHeadNotificationTests(PostgreSqlFeedNotifiedAppFactory app) : IClassFixture<PostgreSqlFeedNotifiedAppFactory>
{
    private const string Api = AppPaths.Api;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FeedHeadReuse Reuse => app.Services.GetRequiredService<FeedHeadReuse>();

    [Fact]
    public async Task Another_instance_s_write_is_read_once_its_notification_arrives()
    {
        await UntilAsync(() => Reuse.IsListening, "the app listens for the feed's notifications");
        var client = app.Api();
        var code = await FeedHeadReuseTests.CaptureAsync(client);
        (await ReadAsync(client, code)).Status.ShouldBe(LifecycleStatus.Captured);
        var kept = Reuse.Generation;
        await Task.Delay(300, Ct);
        Reuse.Generation.ShouldBe(kept, "nothing in this app writes while it is left alone");

        await using var other = new SecondPostgreSqlInstance(app.DatabaseConnectionString);
        await ConfirmAsync(other.Api(), code, "Signed in the other instance.");

        // This process did not write: only the other instance's commit, notified, moves the generation.
        await UntilAsync(() => Reuse.Generation != kept, "the other instance's commit is notified");
        var after = await ReadAsync(client, code);
        (after.Status, after.LatestEntry!.Rationale).ShouldBe((LifecycleStatus.Confirmed, "Signed in the other instance."));
    }

    [Fact]
    public async Task A_lost_listening_connection_stops_the_reuse_until_it_listens_again()
    {
        await UntilAsync(() => Reuse.IsListening, "the app listens for the feed's notifications");
        var database = new NpgsqlConnectionStringBuilder(app.DatabaseConnectionString).Database;
        await using (var connection = new NpgsqlConnection(app.DatabaseConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND application_name = @name",
                connection);
            terminate.Parameters.AddWithValue("db", database!);
            terminate.Parameters.AddWithValue("name", FeedHeadListener.ApplicationName);
            (await terminate.ExecuteScalarAsync(Ct)).ShouldBe(1L, "one listening connection per app");
        }

        // The listener tries again a second later: in between, every kept answer reads the head.
        await UntilAsync(() => !Reuse.IsListening && !Reuse.Enabled, "the reuse stops with the connection");
        await UntilAsync(() => Reuse.IsListening, "the app listens again");

        var client = app.Api();
        var code = await FeedHeadReuseTests.CaptureAsync(client);
        (await ReadAsync(client, code)).Status.ShouldBe(LifecycleStatus.Captured);
        var kept = Reuse.Generation;
        await using var other = new SecondPostgreSqlInstance(app.DatabaseConnectionString);
        await ConfirmAsync(other.Api(), code, "Signed after the listener came back.");
        await UntilAsync(() => Reuse.Generation != kept, "notifications arrive again");
        (await ReadAsync(client, code)).Status.ShouldBe(LifecycleStatus.Confirmed);
    }

    [Fact]
    public async Task Readiness_says_degraded_while_the_notifications_do_not_arrive()
    {
        await UntilAsync(() => Reuse.IsListening, "the app listens for the feed's notifications");
        (await app.Anonymous().GetStringAsync("/health/ready", Ct)).ShouldBe("Healthy");

        var settings = DatabaseSettings.From(new DatabaseOptions { Provider = "PostgreSql" }, "Host=db;Database=x", Path.GetTempPath(), isDevelopment: false);
        var reuse = new FeedHeadReuse(settings, TimeProvider.System);
        var health = new FeedHeadListenerHealth(reuse);
        (await health.CheckHealthAsync(new HealthCheckContext(), Ct)).Status.ShouldBe(HealthStatus.Degraded);
        reuse.Enabled.ShouldBeFalse("nothing reused without notifications or a window");
        reuse.Listening(true);
        (await health.CheckHealthAsync(new HealthCheckContext(), Ct)).Status.ShouldBe(HealthStatus.Healthy);
        reuse.Enabled.ShouldBeTrue();
    }

    [Fact]
    public void Notifications_are_on_by_default_and_only_on_PostgreSQL()
    {
        Settings("PostgreSql", new DatabaseOptions()).FeedHeadNotifications.ShouldBeTrue();
        Settings("PostgreSql", new DatabaseOptions { FeedHeadNotifications = false }).FeedHeadNotifications.ShouldBeFalse();
        Settings("Sqlite", new DatabaseOptions()).FeedHeadNotifications.ShouldBeFalse();
        Settings("SqlServer", new DatabaseOptions()).FeedHeadNotifications.ShouldBeFalse();

        static DatabaseSettings Settings(string provider, DatabaseOptions options)
        {
            options.Provider = provider;
            var connectionString = provider switch { "PostgreSql" => "Host=db;Database=x", "SqlServer" => "Server=db;Database=x", _ => "Data Source=x.db" };
            return DatabaseSettings.From(options, connectionString, Path.GetTempPath(), isDevelopment: false);
        }
    }

    private static async Task ConfirmAsync(HttpClient client, string code, string rationale) =>
        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed, Rationale = rationale })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

    private static async Task<CommitmentDetailDto> ReadAsync(HttpClient client, string code) =>
        await client.GetAsync($"{Api}/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();

    // Notifications travel between processes: how soon is the server's and the thread pool's business, so the test
    // waits for the state rather than for a time.
    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            waited.Elapsed.ShouldBeLessThan(Patience, $"waited for: {what}");
            await Task.Delay(10, Ct);
        }
    }
}
