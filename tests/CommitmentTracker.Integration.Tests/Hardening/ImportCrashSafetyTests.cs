using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>
/// The app with a hook in its saves: when armed, the save that writes an import's proposals (after the meeting and
/// its document were saved in the same transaction) cancels the client's request and stops there, as a client
/// giving up mid-import does. A middleware reports when each import request has really finished on the server.
/// </summary>
public sealed class InterruptibleImportAppFactory : SqliteAppFactory
{
    public ImportInterruption Interruption { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Interruption);
            services.AddScoped<ISaveChangesInterceptor, ProposalSaveInterruption>();
            services.AddSingleton<IStartupFilter>(new ImportCompletion(Interruption));
        });
    }

    public sealed class ImportInterruption
    {
        private TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Cancelled by the server when it reaches the proposals; null when not armed.</summary>
        public CancellationTokenSource? Client { get; set; }

        /// <summary>Completes when the interrupted import request has left the server (its transaction is over).</summary>
        public Task Finished => _finished.Task;

        public void Arm(CancellationTokenSource client)
        {
            _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
            Client = client;
        }

        public void RequestFinished() => _finished.TrySetResult();
    }

    private sealed class ProposalSaveInterruption(ImportInterruption interruption) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (interruption.Client is { } client && eventData.Context!.ChangeTracker.Entries<ImportCandidate>().Any(e => e.State == EntityState.Added))
            {
                interruption.Client = null;
                client.Cancel();
                throw new OperationCanceledException("The client gave up while the proposals were being written.");
            }

            return ValueTask.FromResult(result);
        }
    }

    private sealed class ImportCompletion(ImportInterruption interruption) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    if (context.Request.Path.StartsWithSegments("/api/v1/imports"))
                    {
                        interruption.RequestFinished();
                    }
                }
            });
            next(app);
        };
    }
}

/// <summary>
/// Issue 14, item 1: an import is the whole import or nothing, whether the client gives up half way or the process is
/// killed while it writes, and sending it again completes it.
/// </summary>
public sealed class ImportCrashSafetyTests(InterruptibleImportAppFactory app) : IClassFixture<InterruptibleImportAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_cancelled_while_its_proposals_are_written_leaves_nothing_and_a_retry_completes_it()
    {
        var command = LargeImport("CUT-1", sentences: 200);
        var client = app.Api();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        app.Interruption.Arm(giveUp);

        (await Record.ExceptionAsync(() => client.PostAsJsonAsync("/api/v1/imports", command, AppFactory.Json, giveUp.Token))).ShouldBeAssignableTo<OperationCanceledException>();
        await app.Interruption.Finished.WaitAsync(Ct);

        await client.GetAsync("/api/v1/meetings/CUT-1", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/meetings?q=CUT-1", Ct).ShouldBeJsonAsync<PagedResult<MeetingSummaryDto>>()).TotalCount.ShouldBe(0);

        var retried = await client.PostJsonAsync("/api/v1/imports", command).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        retried.Candidates.ShouldBeGreaterThan(100);
        (await client.GetAsync("/api/v1/meetings/CUT-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).Count.ShouldBe(retried.Candidates);
    }

    [Fact]
    public async Task Sending_a_finished_import_again_answers_it_as_it_stands_and_creates_nothing()
    {
        var command = LargeImport("AGAIN-1", sentences: 5);
        var client = app.Api();
        var first = await client.PostJsonAsync("/api/v1/imports", command).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        var again = await client.PostJsonAsync("/api/v1/imports", command).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.OK);

        again.Repeated.ShouldBeTrue();
        again.DocumentId.ShouldBe(first.DocumentId);
        again.Candidates.ShouldBe(first.Candidates);
        (await client.GetAsync("/api/v1/meetings/AGAIN-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).Count.ShouldBe(first.Candidates);
        await client.PostJsonAsync("/api/v1/imports", command with { Code = "AGAIN-2" }).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_meeting_left_without_proposals_gets_them_when_the_import_is_sent_again()
    {
        // What the old two-step import left behind when it was cut: the meeting and its document, no proposals.
        var command = LargeImport("HALF-1", sentences: 20);
        var client = app.Api();
        var first = await client.PostJsonAsync("/api/v1/imports", command).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            (await db.ImportCandidates.Where(c => c.DocumentId == first.DocumentId).ExecuteDeleteAsync(Ct)).ShouldBe(first.Candidates);
        }

        var completed = await client.PostJsonAsync("/api/v1/imports", command).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.OK);

        completed.Repeated.ShouldBeTrue();
        completed.Candidates.ShouldBe(first.Candidates);
        (await client.GetAsync("/api/v1/meetings/HALF-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).Count.ShouldBe(first.Candidates);
    }

    [Fact]
    public async Task A_process_killed_while_it_writes_an_import_keeps_all_of_it_or_none_and_a_retry_completes_it()
    {
        var database = Path.Combine(Path.GetTempPath(), $"commitment-tracker-kill-{Guid.NewGuid():N}.db");
        var command = LargeImport("KILL-1", sentences: 900);
        try
        {
            // First life: killed (SIGKILL, no shutdown) as soon as it starts writing the meeting.
            await using (var host = await KillableHost.StartAsync(database, Ct))
            {
                var client = await host.SignedInClientAsync(Ct);
                host.DiscardOutput(); // seeding wrote meetings too
                var import = client.PostAsJsonAsync("/api/v1/imports", command, AppFactory.Json, Ct);
                await host.Output.FirstAsync(line => line.Contains("INSERT INTO \"Meetings\"", StringComparison.Ordinal), Ct);
                host.Kill();
                (await Record.ExceptionAsync(() => import)).ShouldNotBeNull("the killed process never answered");
            }

            IntegrityOf(database).ShouldBe("ok");

            // Second life: the import is there whole, or not at all; sending it again completes it either way.
            await using (var host = await KillableHost.StartAsync(database, Ct))
            {
                var client = await host.SignedInClientAsync(Ct);
                var meeting = await client.GetAsync("/api/v1/meetings/KILL-1", Ct);
                var proposalsBefore = meeting.StatusCode == HttpStatusCode.OK
                    ? (await client.GetAsync("/api/v1/meetings/KILL-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).Count
                    : -1;
                (meeting.StatusCode == HttpStatusCode.NotFound || proposalsBefore > 100).ShouldBeTrue(
                    $"after the kill the meeting is either absent or complete: {(int)meeting.StatusCode} with {proposalsBefore} proposals");

                var retry = await client.PostAsJsonAsync("/api/v1/imports", command, AppFactory.Json, Ct);
                retry.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
                var result = await retry.Content.ReadFromJsonAsync<ImportResult>(AppFactory.Json, Ct);
                result!.Candidates.ShouldBeGreaterThan(100);
                (await client.GetAsync("/api/v1/meetings/KILL-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).Count.ShouldBe(result.Candidates);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    /// <summary>
    /// A record with many distinct undertakings (each with its own deadline, so none is merged as a restatement of
    /// another), so writing its proposals takes a while.
    /// </summary>
    private static ImportMeetingCommand LargeImport(string code, int sentences)
    {
        var months = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        var text = new StringBuilder($"Meeting of the Governor of Novosibirsk Oblast with the Minister of Industry of Belarus ({code}).\n\n");
        for (var i = 1; i <= sentences; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"The sides agreed to open trade house number {i} in Novosibirsk by {months[i % 12]} {2025 + (i / 12)}. ");
            if (i % 10 == 0)
            {
                text.Append("\n\n");
            }
        }

        return new ImportMeetingCommand
        {
            Code = code,
            Title = "Meeting of the Governor with the Minister",
            Date = new DateOnly(2024, 3, 1),
            Place = "Minsk",
            Language = "en",
            Participants = [new("BY", null, null, Domain.Meetings.ParticipantRole.Host), new("RU-NVS", null, null, Domain.Meetings.ParticipantRole.Guest)],
            Text = text.ToString(),
        };
    }

    private static string IntegrityOf(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)check.ExecuteScalar()!;
    }
}

/// <summary>
/// The Host as its own process over a SQLite file, logging the SQL it runs, so a test can kill it (by its handle,
/// SIGKILL) at a chosen point of a write and start it again on the same file.
/// </summary>
public sealed class KillableHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

    private KillableHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process writes to standard output, line by line, from now on.</summary>
    public IAsyncEnumerable<string> Output => _lines.Reader.ReadAllAsync();

    public static async Task<KillableHost> StartAsync(string database, CancellationToken ct)
    {
        var port = FreePort();
        var hostDll = Path.Combine(AppContext.BaseDirectory, "CommitmentTracker.Host.dll");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__CommitmentTracker"] = $"Data Source={database}";
        start.Environment["Database__SeedDirectory"] = Repository.Seeds;
        start.Environment["Bootstrap__AdminPassword"] = AppFactory.BootstrapPassword;
        start.Environment["Webhooks__WorkerEnabled"] = "false";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment.Remove("ASPNETCORE_URLS");

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Host.");
        var host = new KillableHost(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                host._lines.Writer.TryWrite(line);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(ct);
        }
        catch
        {
            // A host that never became ready is still a process of this test's: stop it by its handle, then report.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>A client signed in as the first administrator through the real form, sending the CSRF header.</summary>
    public async Task<HttpClient> SignedInClientAsync(CancellationToken ct)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };
        var page = await client.GetStringAsync("/account/sign-in", ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AccountForms.AntiforgeryToken(page),
            ["UserName"] = "admin",
            ["Password"] = AppFactory.BootstrapPassword,
            ["ReturnUrl"] = "/",
        });
        (await client.PostAsync("/account/sign-in", form, ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        client.DefaultRequestHeaders.Add(People.CsrfHeader, "1");
        return client;
    }

    /// <summary>Forgets what was written so far (start-up, seeding, signing in).</summary>
    public void DiscardOutput()
    {
        while (_lines.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no rollback by the app.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _lines.Writer.TryComplete();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await probe.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening but still starting (migrations, a loaded machine): this probe's own time-out, not the test's.
            }

            // Readiness is polled (the process has no other signal); nothing is asserted on time.
            await Task.Delay(200, ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
