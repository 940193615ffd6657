using System.Data.Common;
using CommitmentTracker.Application.Common;
using Microsoft.AspNetCore.Connections;

namespace CommitmentTracker.Host;

/// <summary>
/// A start that cannot go on for a reason that is the operator's to fix: a setting the app refuses
/// (<see cref="StartupRefusedException"/>), a database it cannot open or migrate (the driver's <see cref="DbException"/>)
/// or an address already in use. The Host prints the reason as one line on standard error and exits with code 1;
/// before, each ended as an unhandled exception, a stack trace and an abort (exit code 134). Anything else is a fault
/// and still ends that way, with its stack trace.
/// </summary>
internal static class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>The line to print, or null when <paramref name="failure"/> is a fault, not the setup's.</summary>
    public static string? LineFor(Exception failure)
    {
        var causes = Chain(failure).ToList();
        var reason = causes.OfType<StartupRefusedException>().FirstOrDefault()?.Message
            ?? (causes.OfType<DbException>().FirstOrDefault() is { } database ? $"the database could not be opened or migrated: {database.Message}" : null)
            // Kestrel's IOException names the address ("Failed to bind to address http://…: address already in use.").
            ?? causes.Where(c => c.InnerException is AddressInUseException).Select(c => c.Message).FirstOrDefault();
        return reason is null ? null : $"CommitmentTracker did not start: {reason}";
    }

    // EF Core's execution strategies and the host wrap what went wrong; the cause is further down.
    private static IEnumerable<Exception> Chain(Exception? failure)
    {
        for (; failure is not null; failure = failure is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : failure.InnerException)
        {
            yield return failure;
        }
    }
}
