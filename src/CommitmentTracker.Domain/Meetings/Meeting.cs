using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Domain.Meetings;

public enum MeetingFormat
{
    Bilateral,
    Multilateral,
    Talks,
    Visit,
    Call,
    Conference,
    Other,
}

public enum ParticipantRole
{
    Host,
    Guest,
    Delegate,
    Observer,
}

/// <summary>An official meeting: where commitments are made. Its date anchors every relative due phrase.</summary>
public sealed class Meeting : Entity
{
    public const int MaxCodeLength = 40;
    public const int MaxTitleLength = 300;
    public const int MaxPlaceLength = 200;
    public const int MaxSummaryLength = 4000;

    private readonly List<Participant> _participants = [];
    private readonly List<SourceDocument> _documents = [];

    private Meeting()
    {
        Code = string.Empty;
        Title = string.Empty;
        Place = string.Empty;
    }

    public Meeting(string code, string title, DateOnly date, string place, MeetingFormat format, string? summary, DateTimeOffset now)
    {
        Code = Require.Text(code, nameof(Code), MaxCodeLength).ToUpperInvariant();
        Title = string.Empty;
        Place = string.Empty;
        CreatedAt = now;
        Describe(title, date, place, format, summary, now);
    }

    /// <summary>Human-readable key, e.g. <c>NSK-2023</c>; prefix of its commitments' codes.</summary>
    public string Code { get; private set; }

    public string Title { get; private set; }

    public DateOnly Date { get; private set; }

    public string Place { get; private set; }

    public MeetingFormat Format { get; private set; }

    public string? Summary { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token; bumped on every change.</summary>
    public long Version { get; private set; } = 1;

    public IReadOnlyList<Participant> Participants => _participants;

    public IReadOnlyList<SourceDocument> Documents => _documents;

    public void Describe(string title, DateOnly date, string place, MeetingFormat format, string? summary, DateTimeOffset now)
    {
        Title = Require.Text(title, nameof(Title), MaxTitleLength);
        Place = Require.Text(place, nameof(Place), MaxPlaceLength);
        Summary = Require.OptionalText(summary, nameof(Summary), MaxSummaryLength);
        Date = date;
        Format = format;
        Touch(now);
    }

    public Participant AddParticipant(Guid partyId, Guid? personId, ParticipantRole role, string? position)
    {
        var participant = new Participant(Id, partyId, personId, role, position);
        _participants.Add(participant);
        return participant;
    }

    public void ReplaceParticipants(IEnumerable<(Guid PartyId, Guid? PersonId, ParticipantRole Role, string? Position)> participants, DateTimeOffset now)
    {
        _participants.Clear();
        foreach (var p in participants)
        {
            AddParticipant(p.PartyId, p.PersonId, p.Role, p.Position);
        }

        Touch(now);
    }

    public SourceDocument AddDocument(string title, Uri? url, string language, string text, DateTimeOffset retrievedAt)
    {
        var document = new SourceDocument(Id, title, url, language, text, retrievedAt);
        _documents.Add(document);
        return document;
    }

    private void Touch(DateTimeOffset now)
    {
        if (UpdatedAt != default)
        {
            Version++;
        }

        UpdatedAt = now;
    }
}

/// <summary>A person or party taking part in a meeting, in a role.</summary>
public sealed class Participant : Entity
{
    public const int MaxPositionLength = 300;

    private Participant()
    {
    }

    internal Participant(Guid meetingId, Guid partyId, Guid? personId, ParticipantRole role, string? position)
    {
        MeetingId = meetingId;
        PartyId = partyId;
        PersonId = personId;
        Role = role;
        Position = Require.OptionalText(position, nameof(Position), MaxPositionLength);
    }

    public Guid MeetingId { get; private set; }

    public Guid PartyId { get; private set; }

    public Guid? PersonId { get; private set; }

    public ParticipantRole Role { get; private set; }

    /// <summary>The position held at the time of the meeting ("Governor of Novosibirsk Oblast").</summary>
    public string? Position { get; private set; }

    public Party Party { get; private set; } = null!;

    public Person? Person { get; private set; }
}
