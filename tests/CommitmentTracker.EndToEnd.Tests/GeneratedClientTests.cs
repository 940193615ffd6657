using System.Diagnostics;
using System.Text;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 17, as a consumer meets the contract: the committed OpenAPI document passes Spectral (spectral:oas) and
/// Redocly (recommended) with no error and no warning, and clients generated from it by Kiota, NSwag and
/// openapi-typescript compile unmodified and run the whole scenario (upload a record, accept a proposal, list and
/// filter, read with the ETag, update with If-Match and be refused when stale, append a status entry, follow the
/// change feed to its end, download the CSV export) against the running app. The steps are those of
/// tests/contract/clients/run.sh, which a person runs the same way.
/// </summary>
public sealed class GeneratedClientTests(HostProcess host)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(6);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ContractFolder => Path.Combine(Repository.Root, "tests", "contract");

    [Fact]
    public async Task The_committed_document_passes_spectral_and_redocly_with_nothing_to_report()
    {
        var (exit, output) = await RunAsync("npm", ["run", "-s", "lint"], ContractFolder, []);

        exit.ShouldBe(0, output);
        output.ShouldContain("No results with a severity of 'warn' or higher found!", customMessage: "Spectral");
        output.ShouldContain("Your API description is valid", customMessage: "Redocly");
        output.ShouldNotMatch(@"You have \d+ warning", "Redocly counts its warnings after the verdict");
    }

    [Theory]
    [InlineData("typescript")]
    [InlineData("kiota")]
    [InlineData("nswag")]
    public async Task A_generated_client_compiles_unmodified_and_runs_the_consumer_scenario(string client)
    {
        var key = await host.IssueApiKeyAsync($"{client} client");
        var run = $"{client[..2]}{Guid.NewGuid():N}"[..10];

        var (exit, output) = await RunAsync("bash", [Path.Combine(ContractFolder, "clients", "run.sh"), client], ContractFolder, new()
        {
            ["CT_BASE_URL"] = host.BaseAddress.ToString().TrimEnd('/'),
            ["CT_API_KEY"] = key,
            ["CT_RUN"] = run,
        });

        exit.ShouldBe(0, output);
        output.ShouldContain($"scenario passed: ");
        output.ShouldContain($"-{run.ToUpperInvariant()}-001");
    }

    /// <summary>Runs a tool to its end (killed with its children if it outlives the step timeout), output and errors together.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] arguments, string folder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(StepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
