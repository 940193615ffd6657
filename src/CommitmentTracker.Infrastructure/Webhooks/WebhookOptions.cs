namespace CommitmentTracker.Infrastructure.Webhooks;

/// <summary>The <c>Webhooks</c> section: how often the worker looks, how hard it tries, when it gives up.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>False stops the delivery worker in this instance (events are still recorded).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for new events and due deliveries.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>How often the overdue check runs.</summary>
    public double OverdueCheckSeconds { get; set; } = 300;

    /// <summary>The wait before the first retry; each further retry waits twice as long, with jitter.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public double RetryMaxSeconds { get; set; } = 3600;

    /// <summary>Attempts per delivery before it is abandoned.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Consecutive failed attempts after which a subscription is disabled.</summary>
    public int DisableAfterFailures { get; set; } = 5;

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries sent at the same time by one instance.</summary>
    public int Parallelism { get; set; } = 4;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>How long a claim holds: past the timeout, so a live worker never loses its claim mid-send.</summary>
    public TimeSpan Lease => Timeout + TimeSpan.FromSeconds(30);
}
