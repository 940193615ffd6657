namespace CommitmentTracker.Web.Services;

/// <summary>
/// Runs a check every few seconds for as long as a page is open, so a colleague's change (made in another tab or over
/// the API) reaches the page without a reload. The circuit already holds the connection that pushes the new render;
/// this only asks the ledger whether anything moved. Stops when the page is disposed; a failed check is skipped, not
/// shown, and the next tick tries again.
/// </summary>
public sealed class LiveWatch : IAsyncDisposable
{
    /// <summary>How often an open page asks; a change shows within this long.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LiveWatch(Func<CancellationToken, Task> check, TimeSpan interval) => _loop = RunAsync(check, interval);

    /// <summary>Starts checking; dispose the watch when the page goes away.</summary>
    public static LiveWatch Start(Func<CancellationToken, Task> check, TimeSpan? interval = null) => new(check, interval ?? Interval);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while a check was running: nothing to finish.
        }

        _stop.Dispose();
    }

    private async Task RunAsync(Func<CancellationToken, Task> check, TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            try
            {
                await check(_stop.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A check that fails (the commitment was deleted, the database is busy) is tried again next tick;
                // the page keeps what it shows.
            }
        }
    }
}
