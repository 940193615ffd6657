using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Infrastructure.Seeding;

// The shapes of seeds/parties.json and seeds/meetings/*.json (documented in seeds/README.md); responsibilities
// and targets use the same records as the API, so a seed reads like a capture request.

public sealed record PartySeed(string Key, string Name, PartyKind Kind, string? Parent, IReadOnlyList<string>? Aliases = null);

public sealed record MeetingSeed(
    string Code,
    string Title,
    DateOnly Date,
    string Place,
    MeetingFormat Format,
    string? Summary,
    DocumentSeed Document,
    IReadOnlyList<ParticipantSeed> Participants,
    IReadOnlyList<CommitmentSeed> Commitments);

public sealed record DocumentSeed(string File, string Title, Uri? Url, string Language, DateTimeOffset RetrievedAt);

public sealed record ParticipantSeed(string Person, string? Position, string Party, ParticipantRole Role);

public sealed record CommitmentSeed(
    string Code,
    string Title,
    string? Summary,
    CommitmentKind Kind,
    Modality Modality,
    string Issuer,
    IReadOnlyList<ResponsibilityInput> Responsibilities,
    string? Due,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<SpanSeed> Spans,
    TargetInput? Target);

public sealed record SpanSeed(int Start, int End, string Quote);
