using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CommitmentTracker.Application.Common;

/// <summary>Logs every request's name, outcome and duration.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            LogHandled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {Request} in {ElapsedMs} ms")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMs);
}
