using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommitmentTracker.Infrastructure.Audit;

/// <summary>
/// PostgreSQL only (decision 0068): one connection of its own that LISTENs on <see cref="Channel"/>, on which the
/// commit-time stamp trigger notifies every commit that wrote an audit record, whoever made it. Each notification makes
/// <see cref="FeedHeadReuse"/> read the head again; while connected, kept answers need no round trip at all. When the
/// connection fails, the reuse stops (every kept answer reads the head, as without it) until listening again.
/// </summary>
internal sealed partial class FeedHeadListener(DatabaseSettings settings, FeedHeadReuse reuse, ILogger<FeedHeadListener> logger) : BackgroundService
{
    /// <summary>The channel the stamp trigger notifies (migration FeedHeadNotifications).</summary>
    public const string Channel = "commitment_tracker_feed";

    /// <summary>The listening connection's name in pg_stat_activity.</summary>
    public const string ApplicationName = "CommitmentTracker feed listener";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle listening connection proves it is alive; a dead one stops the reuse within this.</summary>
    public const int KeepAliveSeconds = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not pooled: the connection is held for the life of the process and closed, not returned, when it fails.
        var connectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            Pooling = false,
            KeepAlive = KeepAliveSeconds,
            ApplicationName = ApplicationName,
        }.ConnectionString;
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => reuse.Written();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                reuse.Listening(true);
                LogListening(logger);
                retry = FirstRetry;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Whatever broke the connection (the server restarted, the network, a terminated backend), the app keeps
                // serving with the head read on every request, and listens again when it can.
                LogLost(logger, retry.TotalSeconds, e);
            }
            finally
            {
                reuse.Listening(false);
            }

            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for change feed notifications: kept answers reuse the feed's head until it moves")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change feed notifications lost; every kept answer reads the feed's head until listening again (next try in {Seconds} s)")]
    private static partial void LogLost(ILogger logger, double seconds, Exception exception);
}

/// <summary>
/// Readiness says "Degraded" while the notifications do not arrive: the app answers correctly but reads the feed's head
/// on every kept answer, a round trip each on PostgreSQL.
/// </summary>
internal sealed class FeedHeadListenerHealth(FeedHeadReuse reuse) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(reuse.IsListening
            ? HealthCheckResult.Healthy("Listening for change feed notifications.")
            : HealthCheckResult.Degraded("Not listening for change feed notifications: every kept answer reads the feed's head."));
}
