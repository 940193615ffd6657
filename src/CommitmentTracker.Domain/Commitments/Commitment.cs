using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Domain.Commitments;

/// <summary>A party to a commitment and the part it plays.</summary>
public sealed class Responsibility : Entity
{
    private Responsibility()
    {
    }

    internal Responsibility(Commitment commitment, Guid partyId, ResponsibilityRole role)
    {
        CommitmentId = commitment.Id;
        PartyId = partyId;
        Role = role;
        Follow(commitment);
    }

    public Guid CommitmentId { get; private set; }

    public Guid PartyId { get; private set; }

    public ResponsibilityRole Role { get; private set; }

    public Party Party { get; private set; } = null!;

    // The commitment's status, kind and last due day, copied onto each of its parties' rows so that a party's
    // commitments are filtered by them from one index without reading every commitment (decision 0145). The commitment
    // copies them when it makes or changes them in memory; in the database a trigger on the commitment's row keeps them
    // current on every update, whatever loaded it.
    public LifecycleStatus CommitmentStatus { get; private set; }

    public CommitmentKind CommitmentKind { get; private set; }

    public DateOnly? CommitmentDueLatest { get; private set; }

    internal void Follow(Commitment commitment) =>
        (CommitmentStatus, CommitmentKind, CommitmentDueLatest) = (commitment.CurrentStatus, commitment.Kind, commitment.DueLatest);
}

/// <summary>What a commitment says, as an analyst captures or revises it.</summary>
public sealed record CommitmentTerms(
    string Title,
    string? Summary,
    CommitmentKind Kind,
    Modality Modality,
    Guid IssuerPartyId,
    DueWindow? Due,
    IReadOnlyList<(Guid PartyId, ResponsibilityRole Role)> Responsibilities,
    IReadOnlyList<string> Tags,
    Target? Target = null,
    string? Owner = null);

/// <summary>
/// A promise made at a meeting, tied to the words it came from, with an append-only status log.
/// </summary>
public sealed class Commitment : Entity
{
    public const int MaxCodeLength = 40;
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 4000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;

    /// <summary>An owner is a user account, named by its user name (Identity allows 256 characters).</summary>
    public const int MaxOwnerLength = 256;

    private readonly List<Responsibility> _responsibilities = [];
    private readonly List<SourceSpan> _spans = [];
    private readonly List<StatusEntry> _statusLog = [];

    private Commitment()
    {
        Code = string.Empty;
        Title = string.Empty;
        Tags = [];
    }

    public Commitment(string code, Meeting meeting, CommitmentTerms terms, string author, DateTimeOffset capturedAt)
    {
        Code = Require.Text(code, nameof(Code), MaxCodeLength).ToUpperInvariant();
        MeetingId = meeting.Id;
        Meeting = meeting;
        CreatedAt = capturedAt;
        Title = string.Empty;
        Tags = [];
        ApplyTerms(terms);
        UpdatedAt = capturedAt;
        AppendToLog(new StatusAssessment(LifecycleStatus.Captured, rationale: "Captured from the meeting record."), author, capturedAt, AsOfDay.DayOf(capturedAt));
        Raise(new CommitmentCaptured(this, capturedAt));
    }

    /// <summary>Stable human-readable code, e.g. <c>NSK-2023-004</c>.</summary>
    public string Code { get; private set; }

    public Guid MeetingId { get; private set; }

    public string Title { get; private set; }

    public string? Summary { get; private set; }

    public CommitmentKind Kind { get; private set; }

    public Modality Modality { get; private set; }

    public Guid IssuerPartyId { get; private set; }

    public Party Issuer { get; private set; } = null!;

    public Meeting Meeting { get; private set; } = null!;

    // The due window is stored flat so the overdue queries can index its latest date.
    public string? DuePhrase { get; private set; }

    public DuePrecision? DuePrecision { get; private set; }

    public DateOnly? DueEarliest { get; private set; }

    public DateOnly? DueLatest { get; private set; }

    public DueWindow? Due => DuePhrase is null ? null : new DueWindow(DuePhrase, DuePrecision!.Value, DueEarliest, DueLatest);

    public List<string> Tags { get; private set; }

    public Target? Target { get; private set; }

    /// <summary>
    /// The person (a user account, by user name) who follows the commitment up for the tracking side; null while nobody
    /// does. Distinct from the responsible parties, which are the states and bodies that made the promise.
    /// </summary>
    public string? Owner { get; private set; }

    /// <summary>
    /// The status of the latest log entry, kept on the row so lists and dashboards filter by it without
    /// reading the log. Only <see cref="AppendStatus"/> changes it, in the same save as the entry.
    /// </summary>
    public LifecycleStatus CurrentStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token (the ETag); bumped on every change.</summary>
    public long Version { get; private set; } = 1;

    public IReadOnlyList<Responsibility> Responsibilities => _responsibilities;

    public IReadOnlyList<SourceSpan> Spans => _spans;

    public IReadOnlyList<StatusEntry> StatusLog => _statusLog;

    public bool IsClosed => Lifecycle.IsClosed(CurrentStatus);

    /// <summary>Overdue: the due window closed before <paramref name="asOf"/> and the item is still open.</summary>
    public bool IsOverdue(DateOnly asOf) => OverdueRule.Holds(CurrentStatus, DueLatest, asOf);

    /// <summary>The status in effect at the end of <paramref name="day"/>; null before the item was captured.</summary>
    public LifecycleStatus? StatusOn(DateOnly day) =>
        _statusLog.AsQueryable().Where(AsOfDay.InEffectOn(day)).OrderBy(e => e.Sequence).LastOrDefault()?.Status;

    public void Revise(CommitmentTerms terms, DateTimeOffset now)
    {
        ApplyTerms(terms);
        Touch(now);
        Raise(new CommitmentRevised(this, now));
    }

    /// <summary>Gives the commitment to <paramref name="owner"/> (a user name), or to nobody when null.</summary>
    public void AssignOwner(string? owner, DateTimeOffset now)
    {
        var normalised = Require.OptionalText(owner, nameof(Owner), MaxOwnerLength);
        if (normalised == Owner)
        {
            return;
        }

        Owner = normalised;
        Touch(now);
        Raise(new CommitmentRevised(this, now));
    }

    /// <summary>Adds <paramref name="tag"/> (normalised as every tag is) unless the commitment already carries it.</summary>
    public void AddTag(string tag, DateTimeOffset now)
    {
        var tags = NormaliseTags([.. Tags, tag]);
        if (tags.Count == Tags.Count)
        {
            return;
        }

        Tags = tags;
        Touch(now);
        Raise(new CommitmentRevised(this, now));
    }

    /// <summary>Sets a re-resolved due window, e.g. after the meeting date was corrected.</summary>
    public void Reschedule(DueWindow? due, DateTimeOffset now)
    {
        SetDue(due);
        Touch(now);
        Raise(new CommitmentRevised(this, now));
    }

    public SourceSpan Cite(SourceDocument document, int start, int end, string? expectedQuote)
    {
        if (document.MeetingId != MeetingId)
        {
            throw new DomainRuleException("Spans", "A source span must point into a document of the commitment's own meeting.");
        }

        var span = SourceSpan.Create(Id, document, start, end, expectedQuote);
        if (_spans.Any(s => s.DocumentId == span.DocumentId && s.Start == span.Start && s.End == span.End))
        {
            throw new DomainRuleException("Spans", $"The span {start}–{end} is already cited.");
        }

        _spans.Add(span);
        return span;
    }

    public void ClearSpans() => _spans.Clear();

    /// <summary>
    /// Appends a status change or assessment recorded at <paramref name="at"/> and taking effect on
    /// <paramref name="effectiveOn"/> (default: the day it is recorded), enforcing the lifecycle's allowed moves and
    /// <see cref="EffectiveDay"/>. Needs <see cref="Meeting"/> loaded: the meeting's day bounds the effective day.
    /// </summary>
    public StatusEntry AppendStatus(StatusAssessment assessment, string author, DateTimeOffset at, DateOnly? effectiveOn = null)
    {
        Lifecycle.EnsureCanMove(CurrentStatus, assessment.Status);
        var last = _statusLog.Count == 0 ? (DateTimeOffset?)null : _statusLog.Max(e => e.At);
        if (last is { } previous && at < previous)
        {
            throw new DomainRuleException("At", "A status entry cannot be dated before the latest entry in the log.");
        }

        var recordedOn = AsOfDay.DayOf(at);
        var effective = effectiveOn ?? recordedOn;
        var meeting = Meeting ?? throw new InvalidOperationException("The commitment's meeting must be loaded to check an effective date.");
        var latestEffective = _statusLog.Count == 0 ? (DateOnly?)null : _statusLog.Max(e => e.EffectiveOn);
        EffectiveDay.Ensure(effective, meeting.Date, latestEffective, recordedOn);

        var entry = AppendToLog(assessment, author, at, effective);
        Touch(at);
        Raise(new StatusAppended(this, entry, at));
        return entry;
    }

    private StatusEntry AppendToLog(StatusAssessment assessment, string author, DateTimeOffset at, DateOnly effectiveOn)
    {
        var sequence = _statusLog.Count == 0 ? 1 : _statusLog.Max(e => e.Sequence) + 1;
        var entry = new StatusEntry(Id, sequence, assessment, author, at, effectiveOn);
        _statusLog.Add(entry);
        CurrentStatus = entry.Status;
        FollowedByResponsibilities();
        return entry;
    }

    private void ApplyTerms(CommitmentTerms terms)
    {
        Title = Require.Text(terms.Title, nameof(Title), MaxTitleLength);
        Summary = Require.OptionalText(terms.Summary, nameof(Summary), MaxSummaryLength);
        Kind = terms.Kind;
        Modality = terms.Modality;
        IssuerPartyId = terms.IssuerPartyId;
        SetDue(terms.Due);
        Tags = NormaliseTags(terms.Tags);
        Target = terms.Target;
        Owner = Require.OptionalText(terms.Owner, nameof(Owner), MaxOwnerLength);

        if (terms.Responsibilities.GroupBy(r => r.PartyId).Any(g => g.Count() > 1))
        {
            throw new DomainRuleException(nameof(Responsibilities), "A party can hold only one role in a commitment.");
        }

        _responsibilities.Clear();
        _responsibilities.AddRange(terms.Responsibilities.Select(r => new Responsibility(this, r.PartyId, r.Role)));
    }

    private void SetDue(DueWindow? due)
    {
        DuePhrase = due?.Phrase;
        DuePrecision = due?.Precision;
        DueEarliest = due?.Earliest;
        DueLatest = due?.Latest;
        FollowedByResponsibilities();
    }

    private void FollowedByResponsibilities()
    {
        foreach (var responsibility in _responsibilities)
        {
            responsibility.Follow(this);
        }
    }

    private static List<string> NormaliseTags(IEnumerable<string> tags)
    {
        var normalised = tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (normalised.Count > MaxTags)
        {
            throw new DomainRuleException(nameof(Tags), $"A commitment can carry at most {MaxTags} tags.");
        }

        var tooLong = normalised.FirstOrDefault(t => t.Length > MaxTagLength);
        return tooLong is null ? normalised : throw new DomainRuleException(nameof(Tags), $"Tag '{tooLong}' is longer than {MaxTagLength} characters.");
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
