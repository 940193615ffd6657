namespace CommitmentTracker.Domain.Commitments;

/// <summary>A commitment was captured (with its first, Captured, status entry).</summary>
public sealed record CommitmentCaptured(Commitment Commitment, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

/// <summary>A commitment's terms changed: title, kind, parties, due window (also when re-resolved against a new meeting date)…</summary>
public sealed record CommitmentRevised(Commitment Commitment, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

/// <summary>A status entry was appended to a commitment's log after its capture.</summary>
public sealed record StatusAppended(Commitment Commitment, StatusEntry Entry, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

/// <summary>A commitment's due window closed while it was open, announced once per window.</summary>
public sealed record CommitmentWentOverdue(Commitment Commitment, DateOnly DueLatest, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);
