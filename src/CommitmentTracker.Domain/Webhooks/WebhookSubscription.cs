namespace CommitmentTracker.Domain.Webhooks;

/// <summary>
/// A receiver an administrator registered: where to post which events, and the secret that signs them. Repeated
/// failures disable it with a reason people can read; an administrator enables it again.
/// </summary>
public sealed class WebhookSubscription : Entity
{
    public const int MaxNameLength = 100;
    public const int MaxUrlLength = 2000;
    public const int MaxReasonLength = 500;

    private WebhookSubscription()
    {
        Name = string.Empty;
        Url = string.Empty;
        EventTypes = [];
        ProtectedSecret = string.Empty;
    }

    // The signing secret arrives protected: encrypting it at rest is the infrastructure's job.
    public WebhookSubscription(string name, string url, IEnumerable<string> eventTypes, string protectedSecret, DateTimeOffset now)
    {
        Name = string.Empty;
        Url = string.Empty;
        EventTypes = [];
        ProtectedSecret = Require.Text(protectedSecret, nameof(ProtectedSecret), int.MaxValue);
        CreatedAt = now;
        IsEnabled = true;
        Apply(name, url, eventTypes);
        UpdatedAt = now;
    }

    public string Name { get; private set; }

    public string Url { get; private set; }

    public List<string> EventTypes { get; private set; }

    public string ProtectedSecret { get; private set; }

    public bool IsEnabled { get; private set; }

    /// <summary>Why the subscription is disabled, e.g. "Disabled after 5 consecutive failures; last: HTTP 500".</summary>
    public string? DisabledReason { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Failed attempts since the last success, across all of the subscription's deliveries.</summary>
    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token (the ETag); bumped on every change an administrator can see.</summary>
    public long Version { get; private set; } = 1;

    public bool Wants(string eventType) => EventTypes.Contains(eventType, StringComparer.Ordinal);

    public void Revise(string name, string url, IEnumerable<string> eventTypes, DateTimeOffset now)
    {
        Apply(name, url, eventTypes);
        Touch(now);
    }

    /// <summary>Resumes delivery; the failure count starts again from zero.</summary>
    public void Enable(DateTimeOffset now)
    {
        IsEnabled = true;
        DisabledReason = null;
        DisabledAt = null;
        ConsecutiveFailures = 0;
        Touch(now);
    }

    public void Disable(string reason, DateTimeOffset now)
    {
        IsEnabled = false;
        DisabledReason = Require.Text(reason, nameof(DisabledReason), MaxReasonLength);
        DisabledAt = now;
        Touch(now);
    }

    public void RecordSuccess() => ConsecutiveFailures = 0;

    /// <summary>Counts a failed attempt; at <paramref name="disableAfter"/> in a row the subscription disables itself.</summary>
    public void RecordFailure(string outcome, int disableAfter, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        if (IsEnabled && ConsecutiveFailures >= disableAfter)
        {
            var reason = $"Disabled after {ConsecutiveFailures} consecutive failures; last: {outcome}";
            Disable(reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength], now);
        }
    }

    private void Apply(string name, string url, IEnumerable<string> eventTypes)
    {
        Name = Require.Text(name, nameof(Name), MaxNameLength);
        var address = Require.Text(url, nameof(Url), MaxUrlLength);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DomainRuleException(nameof(Url), "The URL must be an absolute http(s) URL.");
        }

        Url = address;
        var types = eventTypes.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (types.Count == 0)
        {
            throw new DomainRuleException(nameof(EventTypes), "A subscription needs at least one event type.");
        }

        var unknown = types.FirstOrDefault(t => !WebhookEventTypes.IsKnown(t));
        EventTypes = unknown is null
            ? types
            : throw new DomainRuleException(nameof(EventTypes), $"'{unknown}' is not an event type; use {string.Join(", ", WebhookEventTypes.All)}.");
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
