using System.Linq.Expressions;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Application.Commitments.Common;

// Commitment read models served by the API and the UI alike. Classes with init setters, so AutoMapper can project
// them straight from the database (ProjectTo) without loading entities; their maps are in CommitmentMappings.

public sealed class DueWindowDto
{
    /// <summary>The words as spoken, e.g. "autumn 2024".</summary>
    public string Phrase { get; init; } = string.Empty;

    public DuePrecision Precision { get; init; }

    public DateOnly? Earliest { get; init; }

    public DateOnly? Latest { get; init; }

    /// <summary>The window a commitment's columns hold; an expression, so EF Core translates it inside ProjectTo.</summary>
    public static readonly Expression<Func<Commitment, DueWindowDto?>> OfCommitment = c =>
        c.DuePhrase == null
            ? null
            : new DueWindowDto { Phrase = c.DuePhrase, Precision = c.DuePrecision!.Value, Earliest = c.DueEarliest, Latest = c.DueLatest };

    public static DueWindowDto From(DueWindow due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return new() { Phrase = due.Phrase, Precision = due.Precision, Earliest = due.Earliest, Latest = due.Latest };
    }
}

public sealed class ResponsibilityDto
{
    public string PartyKey { get; init; } = string.Empty;

    public string PartyName { get; init; } = string.Empty;

    public ResponsibilityRole Role { get; init; }
}

public sealed class SourceSpanDto
{
    public Guid DocumentId { get; init; }

    public int Start { get; init; }

    public int End { get; init; }

    public string Quote { get; init; } = string.Empty;
}

public sealed class ObservationDto
{
    public DateOnly PeriodStart { get; init; }

    public DateOnly PeriodEnd { get; init; }

    public decimal Value { get; init; }

    public string? Source { get; init; }
}

public sealed class TargetDto
{
    public string Metric { get; init; } = string.Empty;

    public string Unit { get; init; } = string.Empty;

    public TargetDirection Direction { get; init; }

    public decimal? BaselineValue { get; init; }

    public DateOnly? BaselineDate { get; init; }

    public string? BaselineNote { get; init; }

    public decimal? GoalValue { get; init; }

    public IReadOnlyList<ObservationDto> Observations { get; init; } = [];
}

public sealed class StatusEntryDto
{
    public int Sequence { get; init; }

    /// <summary>When the entry was recorded.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The day the status took effect; "as of" questions read this.</summary>
    public DateOnly EffectiveOn { get; init; }

    public string Author { get; init; } = string.Empty;

    public LifecycleStatus Status { get; init; }

    public int? ComplianceScore { get; init; }

    public Confidence? Confidence { get; init; }

    public string? Rationale { get; init; }

    public IReadOnlyList<string> EvidenceLinks { get; init; } = [];

    /// <summary>Files attached when the entry was recorded; download each from /commitments/{code}/evidence/{id}.</summary>
    public IReadOnlyList<EvidenceFileDto> EvidenceFiles { get; init; } = [];
}

/// <summary>An evidence file's facts: the name it is downloaded under, the type found in its content, its size and SHA-256.</summary>
public sealed class EvidenceFileDto
{
    public Guid Id { get; init; }

    public string FileName { get; init; } = string.Empty;

    /// <summary>The media type read from the content when it was attached; the download is served with it.</summary>
    public string ContentType { get; init; } = string.Empty;

    public long SizeBytes { get; init; }

    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    public string Sha256 { get; init; } = string.Empty;
}

/// <summary>A commitment as a row of a list.</summary>
public sealed class CommitmentSummaryDto
{
    public Guid Id { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public CommitmentKind Kind { get; init; }

    public Modality Modality { get; init; }

    public LifecycleStatus Status { get; init; }

    public string MeetingCode { get; init; } = string.Empty;

    public DateOnly MeetingDate { get; init; }

    public string IssuerKey { get; init; } = string.Empty;

    public DueWindowDto? Due { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who captured it (the author of its first status entry).</summary>
    public string CapturedBy { get; init; } = string.Empty;

    public long Version { get; init; }
}

/// <summary>A commitment with everything it says and where it came from.</summary>
public sealed class CommitmentDetailDto
{
    public Guid Id { get; init; }

    public string Code { get; init; } = string.Empty;

    /// <summary>Who captured it (the author of its first status entry).</summary>
    public string CapturedBy { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string? Summary { get; init; }

    public CommitmentKind Kind { get; init; }

    public Modality Modality { get; init; }

    public LifecycleStatus Status { get; init; }

    public Guid MeetingId { get; init; }

    public string MeetingCode { get; init; } = string.Empty;

    public DateOnly MeetingDate { get; init; }

    public string IssuerKey { get; init; } = string.Empty;

    public string IssuerName { get; init; } = string.Empty;

    public DueWindowDto? Due { get; init; }

    /// <summary>True when the due window has closed before today and the item is still open.</summary>
    public bool IsOverdue { get; set; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<ResponsibilityDto> Responsibilities { get; set; } = [];

    public IReadOnlyList<SourceSpanDto> Spans { get; init; } = [];

    public TargetDto? Target { get; init; }

    public StatusEntryDto? LatestEntry { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }
}
