using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommitmentTracker.Api.Infrastructure;

/// <summary>
/// The id a problem response tells the user to report, and the one the server's log line carries for the same
/// failure: the W3C trace context of the request when it is traced, else the server's own request id.
/// </summary>
public static partial class ProblemTrace
{
    public const string Extension = "traceId";

    public static string IdOf(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "Server error {Status} for {Method} {Path}, traceId {TraceId}")]
    public static partial void LogServerError(ILogger logger, int? status, string method, string path, string traceId);
}
