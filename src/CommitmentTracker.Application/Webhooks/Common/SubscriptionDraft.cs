using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Webhooks;
using FluentValidation;

namespace CommitmentTracker.Application.Webhooks.Common;

/// <summary>What an administrator states about a subscription.</summary>
public record SubscriptionDraft
{
    /// <summary>A name people recognise, e.g. "Ministry dashboard".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Where events are posted: an absolute http(s) URL.</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>commitment.created, commitment.updated, status.appended, commitment.overdue.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];
}

public sealed class SubscriptionDraftValidator : AbstractValidator<SubscriptionDraft>
{
    public SubscriptionDraftValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(WebhookSubscription.MaxNameLength);
        RuleFor(x => x.Url).NotEmpty().MaximumLength(WebhookSubscription.MaxUrlLength).IsHttpUrl();
        RuleFor(x => x.EventTypes).NotNull().Must(t => t is { Count: > 0 })
            .WithMessage($"Choose at least one event type: {string.Join(", ", WebhookEventTypes.All)}.");
        RuleForEach(x => x.EventTypes).Must(WebhookEventTypes.IsKnown)
            .WithMessage((_, type) => $"'{type}' is not an event type; use {string.Join(", ", WebhookEventTypes.All)}.");
    }
}
