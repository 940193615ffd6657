using System.Diagnostics;
using CommitmentTracker.Application.Webhooks.Commands.AnnounceOverdue;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Infrastructure.Webhooks;

/// <summary>
/// Runs in every instance: the overdue check on its interval, then fan-out and delivery on every poll. Intervals
/// are measured on the machine's clock (they are waits, not dates); dates come from the app's TimeProvider.
/// </summary>
internal sealed partial class WebhookWorker(WebhookDispatcher dispatcher, IServiceScopeFactory scopes, IOptions<WebhookOptions> options, ILogger<WebhookWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.PollSeconds));
        var overdueEvery = TimeSpan.FromSeconds(options.Value.OverdueCheckSeconds);
        long? lastOverdueCheck = null;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lastOverdueCheck is null || Stopwatch.GetElapsedTime(lastOverdueCheck.Value) >= overdueEvery)
                {
                    lastOverdueCheck = Stopwatch.GetTimestamp();
                    await AnnounceOverdueAsync(stoppingToken);
                }

                // Drain what is ready before sleeping, so a burst of events is not spread over many polls.
                while (await dispatcher.FanOutAsync(stoppingToken) > 0)
                {
                }

                await dispatcher.DeliverDueAsync(stoppingToken);
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The worker only schedules: deciding what is overdue and announcing it is the Application's use case.</summary>
    private async Task AnnounceOverdueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AnnounceOverdueCommand(), ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The webhook worker failed a round; it tries again at the next poll")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
