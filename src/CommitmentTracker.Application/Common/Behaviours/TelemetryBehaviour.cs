using System.Diagnostics;
using CommitmentTracker.Application.Common.Telemetry;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CommitmentTracker.Application.Common;

/// <summary>
/// Every request, whichever door it came through (API, page, worker): a span named for it, its outcome and duration
/// counted, and a log line. Outermost in the pipeline, so refusals by authorization and validation count too.
/// </summary>
public sealed partial class TelemetryBehaviour<TMessage, TResponse>(ILogger<TelemetryBehaviour<TMessage, TResponse>> logger, AppTelemetry telemetry)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly string RequestName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = AppTelemetry.Source.StartActivity(RequestName);
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var outcome = AppTelemetry.OutcomeOf(failure);
            activity?.SetTag("outcome", outcome);
            if (outcome == "error")
            {
                activity?.SetStatus(ActivityStatusCode.Error, failure?.GetType().Name);
            }

            telemetry.RequestHandled(RequestName, outcome, elapsed);
            LogHandled(logger, RequestName, outcome, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {Request}: {Outcome} in {ElapsedMs} ms")]
    private static partial void LogHandled(ILogger logger, string request, string outcome, double elapsedMs);
}
