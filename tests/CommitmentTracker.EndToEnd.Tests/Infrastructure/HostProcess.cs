using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real app, built with the tests (ProjectReference without its assembly) and started as its own process
/// on a free loopback port over a fresh SQLite file seeded from seeds/. One per test run (assembly fixture).
/// Out of process there is no fixed clock: tests may rely only on what the seeds guarantee for any date after
/// 2024-11-30 (e.g. NSK-2023-009 and NSK-2023-010 are overdue).
/// </summary>
public sealed class HostProcess : IAsyncLifetime
{
    private readonly string _environment;

    /// <summary>The Host as the browser tests run it: the build output, in Development.</summary>
    public HostProcess()
        : this("Development")
    {
    }

    /// <summary>The build output in another environment (e.g. Production, as an operator might start it).</summary>
    internal HostProcess(string environment) => _environment = environment;

    // A wait for readiness, not a measure: at a load average of 40-60 (a clean-clone CI beside other builds) a Host took
    // 49 s to start and a Production one more than 60, which failed ProductionBuildOutputTests for no fault of the app.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"commitment-tracker-e2e-{Guid.NewGuid():N}.db");
    private readonly string _evidenceDirectory = Path.Combine(Path.GetTempPath(), $"commitment-tracker-e2e-evidence-{Guid.NewGuid():N}");
    private readonly Lock _logLock = new();
    private Process? _process;
    private StreamWriter? _log;

    /// <summary>The app's root URL, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the Host's stdout and stderr go: TestResults/e2e/host-PORT.log.</summary>
    public string LogFile { get; private set; } = string.Empty;

    public string HostDirectory { get; } = Path.Combine(Repository.Root, "src", "CommitmentTracker.Host", "bin", Repository.Configuration, "net10.0");

    /// <summary>A client for the same process signed in as the administrator: the API at /api/v1, anything over HTTP.</summary>
    public HttpClient CreateClient() => WithCsrfHeader(new(_administrator, disposeHandler: false) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) });

    /// <summary>
    /// Cookie-authenticated API writes must carry X-CSRF (a header a page on another site cannot add); these clients
    /// act for a person with a cookie, so they send it like the app's own code would.
    /// </summary>
    public static HttpClient WithCsrfHeader(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return client;
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient CreateAnonymousClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    // One cookie jar for the administrator, signed in once when the Host is ready.
    private readonly HttpClientHandler _administrator = new() { AllowAutoRedirect = false, UseCookies = true };

    public async ValueTask InitializeAsync()
    {
        var hostDll = Path.Combine(HostDirectory, "CommitmentTracker.Host.dll");
        if (!File.Exists(hostDll))
        {
            throw new InvalidOperationException(
                $"{hostDll} does not exist. The test project builds the Host through its ProjectReference: build the tests with the same configuration ({Repository.Configuration}).");
        }

        var port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var logDirectory = Path.Combine(Repository.TestResults, "e2e");
        Directory.CreateDirectory(logDirectory);
        LogFile = Path.Combine(logDirectory, $"host-{port}.log");
        _log = new StreamWriter(LogFile, append: false) { AutoFlush = true };

        var start = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = HostDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = _environment;
        start.Environment["ConnectionStrings__CommitmentTracker"] = $"Data Source={_databaseFile}";
        start.Environment["Database__SeedDirectory"] = Repository.Seeds;
        start.Environment["Evidence__Directory"] = _evidenceDirectory;
        start.Environment["Bootstrap__AdminPassword"] = Accounts.AdminPassword;
        // A circuit's exception reaches the browser's console with its type and message, not only "There was an
        // exception invoking 'DispatchEventAsync'": a test that fails on a console error then says which one.
        start.Environment["DetailedErrors"] = "true";
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_URLS");

        WriteLog($"# {start.FileName} {string.Join(' ', start.ArgumentList)} (cwd {HostDirectory}, database {_databaseFile})");
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => WriteLog(e.Data is null ? null : "[stderr] " + e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {start.FileName}.");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync(process);
        using var administrator = CreateClient();
        await Accounts.SignInAsync(administrator, Accounts.AdminUserName, Accounts.AdminPassword, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            try
            {
                // SIGTERM first, by PID: the Host shuts down as in production, and code that runs at process exit
                // (coverlet's hit counts when coverage is collected from it) gets to run. SIGKILL only if it hangs.
                if (!process.HasExited && !(OperatingSystem.IsLinux() && Terminate(process.Id) == 0))
                {
                    process.Kill(entireProcessTree: true);
                }

                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    WriteLog($"# the Host (pid {process.Id}) did not stop within {StopTimeout.TotalSeconds:0} s of SIGTERM; killing it");
                    process.Kill(entireProcessTree: true);
                    using var killTimeout = new CancellationTokenSource(StopTimeout);
                    await process.WaitForExitAsync(killTimeout.Token);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
            {
                WriteLog($"# could not stop the Host (pid {process.Id}): {ex.Message}");
            }
            finally
            {
                process.Dispose();
                _process = null;
            }
        }

        _administrator.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            try
            {
                File.Delete(_databaseFile + suffix);
            }
            catch (IOException)
            {
                // Best effort: a file in the temp folder.
            }
        }

        try
        {
            if (Directory.Exists(_evidenceDirectory))
            {
                Directory.Delete(_evidenceDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a folder in the temp folder.
        }
    }

    private static int Terminate(int pid) => Kill(pid, 15);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    private async Task WaitUntilReadyAsync(Process process)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        string last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The Host exited with code {process.ExitCode} before it was ready.\n{LogTail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    WriteLog($"# ready after {clock.Elapsed.TotalSeconds:0.0} s");
                    return;
                }

                last = $"GET /health/ready answered {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The Host at {BaseAddress} was not ready within {StartTimeout.TotalSeconds:0} s ({last}).\n{LogTail()}");
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    private string LogTail(int lines = 40)
    {
        string[] all;
        lock (_logLock)
        {
            _log?.Flush();
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            all = reader.ReadToEnd().Split('\n');
        }

        return $"--- last {lines} lines of {LogFile} ---\n" + string.Join('\n', all.TakeLast(lines));
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The dotnet that runs these tests (set by the SDK), else the one on PATH.</summary>
    private static string DotnetExecutable()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk) ? fromSdk : "dotnet";
    }
}
