namespace CommitmentTracker.Infrastructure.Webhooks;

/// <summary>Exponential back-off with "equal jitter": half the wait is fixed, half random, so receivers that failed together do not all retry together.</summary>
public static class RetrySchedule
{
    /// <summary>The wait after <paramref name="failedAttempts"/> failures (1 after the first); <paramref name="random"/> is in [0, 1).</summary>
    public static TimeSpan Delay(int failedAttempts, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponential = baseDelay.TotalSeconds * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalSeconds);
        return TimeSpan.FromSeconds((capped / 2) + (capped / 2 * random));
    }
}
