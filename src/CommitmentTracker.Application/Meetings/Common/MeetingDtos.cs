using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Meetings;

namespace CommitmentTracker.Application.Meetings.Common;

// Meeting read models; their maps are in MeetingMappings.

public sealed class ParticipantDto
{
    public string PartyKey { get; init; } = string.Empty;

    public string PartyName { get; init; } = string.Empty;

    public string? PersonName { get; init; }

    public string? Position { get; init; }

    public ParticipantRole Role { get; init; }
}

public sealed class DocumentDto
{
    public Guid Id { get; init; }

    public Guid MeetingId { get; init; }

    public string Title { get; init; } = string.Empty;

    public string? Url { get; init; }

    public string Language { get; init; } = string.Empty;

    public string Sha256 { get; init; } = string.Empty;

    public DateTimeOffset RetrievedAt { get; init; }

    /// <summary>Length of the text in characters (UTF-16 code units, the unit of span offsets).</summary>
    public int Length { get; init; }
}

public sealed class MeetingSummaryDto
{
    public Guid Id { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public DateOnly Date { get; init; }

    public string Place { get; init; } = string.Empty;

    public MeetingFormat Format { get; init; }

    public int CommitmentCount { get; set; }

    public long Version { get; init; }
}

public sealed class MeetingDetailDto
{
    public Guid Id { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public DateOnly Date { get; init; }

    public string Place { get; init; } = string.Empty;

    public MeetingFormat Format { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<ParticipantDto> Participants { get; set; } = [];

    public IReadOnlyList<DocumentDto> Documents { get; init; } = [];

    public IReadOnlyList<CommitmentSummaryDto> Commitments { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }
}
