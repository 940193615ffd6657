namespace CommitmentTracker.Domain.Commitments;

public enum LifecycleStatus
{
    Captured,
    Confirmed,
    InProgress,
    Stalled,
    Fulfilled,
    PartiallyFulfilled,
    NotFulfilled,
    Superseded,
    Withdrawn,
}

/// <summary>
/// The allowed moves between lifecycle statuses, as people actually make them: forward through Captured →
/// Confirmed → InProgress (a step may be skipped: work often starts with no formal confirmation), any open
/// status to Stalled, Stalled back to InProgress, and any open status to a closed outcome (who may close is an
/// access rule, not a lifecycle one: a manager's decision). Closed statuses are final. Recording the same status
/// again is an assessment (new score, confidence or evidence) and is always allowed.
/// </summary>
public static class Lifecycle
{
    private static readonly LifecycleStatus[] Outcomes =
    [
        LifecycleStatus.Fulfilled,
        LifecycleStatus.PartiallyFulfilled,
        LifecycleStatus.NotFulfilled,
        LifecycleStatus.Superseded,
        LifecycleStatus.Withdrawn,
    ];

    private static readonly Dictionary<LifecycleStatus, LifecycleStatus[]> Moves = new()
    {
        [LifecycleStatus.Captured] = [LifecycleStatus.Confirmed, LifecycleStatus.InProgress, LifecycleStatus.Stalled, .. Outcomes],
        [LifecycleStatus.Confirmed] = [LifecycleStatus.InProgress, LifecycleStatus.Stalled, .. Outcomes],
        [LifecycleStatus.InProgress] = [LifecycleStatus.Stalled, .. Outcomes],
        [LifecycleStatus.Stalled] = [LifecycleStatus.InProgress, .. Outcomes],
    };

    /// <summary>Statuses that end a commitment's life; a closed item is never overdue.</summary>
    public static IReadOnlyList<LifecycleStatus> Closed => Outcomes;

    public static bool IsClosed(LifecycleStatus status) => Array.IndexOf(Outcomes, status) >= 0;

    public static IReadOnlyList<LifecycleStatus> NextFrom(LifecycleStatus from) =>
        Moves.TryGetValue(from, out var next) ? next : [];

    public static bool CanMove(LifecycleStatus from, LifecycleStatus to) =>
        from == to || NextFrom(from).Contains(to);

    public static void EnsureCanMove(LifecycleStatus from, LifecycleStatus to)
    {
        if (CanMove(from, to))
        {
            return;
        }

        var allowed = NextFrom(from);
        var hint = allowed.Count == 0
            ? $"{from} is a closed status; no further change is possible."
            : $"From {from} the allowed statuses are: {string.Join(", ", allowed)} (or {from} again to record an assessment).";
        throw new DomainRuleException("Status", $"A commitment cannot move from {from} to {to}. {hint}");
    }
}
