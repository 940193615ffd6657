using System.Diagnostics;

namespace CommitmentTracker.Integration.Tests.Infrastructure;

/// <summary>
/// The Host's own assembly run as a process, as the README runs it, until it exits by itself: its exit code and what it
/// wrote. Started as Production on the given SQLite file with the repository's seeds and the tests' administrator
/// password, unless <c>environment</c> says otherwise (a null value removes a variable). The process is killed by its
/// handle if it outlives the timeout.
/// </summary>
public static class HostCommand
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(string database, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CommitmentTracker.Host.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__CommitmentTracker"] = $"Data Source={database}";
        start.Environment["Database__SeedDirectory"] = Repository.Seeds;
        start.Environment["Bootstrap__AdminPassword"] = AppFactory.BootstrapPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Host.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
