namespace CommitmentTracker.Domain.Commitments;

/// <summary>
/// One row of the append-only status log: a status change or an assessment. Rows are never edited. Each row has
/// two times: <see cref="At"/>, when it was recorded, and <see cref="EffectiveOn"/>, the day it took effect (a
/// manager learning today that something stalled in March records it effective in March). The log is one
/// timeline in both orders — an entry never takes effect before the one recorded ahead of it — so the current
/// status is the row with the highest sequence, and the status on any day is the last row in effect by then.
/// </summary>
public sealed class StatusEntry : Entity
{
    public const int MaxAuthorLength = 200;
    public const int MaxRationaleLength = 4000;
    public const int MaxEvidenceLinks = 20;
    public const int MaxEvidenceLinkLength = 1000;

    private readonly List<EvidenceFile> _evidenceFiles = [];

    private StatusEntry()
    {
        Author = string.Empty;
        EvidenceLinks = [];
    }

    internal StatusEntry(Guid commitmentId, int sequence, StatusAssessment assessment, string author, DateTimeOffset at, DateOnly effectiveOn)
    {
        CommitmentId = commitmentId;
        Sequence = sequence;
        Status = assessment.Status;
        ComplianceScore = assessment.ComplianceScore;
        Confidence = assessment.Confidence;
        Rationale = assessment.Rationale;
        EvidenceLinks = [.. assessment.EvidenceLinks];
        Author = Require.Text(author, nameof(Author), MaxAuthorLength);
        At = at;
        EffectiveOn = effectiveOn;
        _evidenceFiles.AddRange(assessment.EvidenceFiles.Select((f, i) => new EvidenceFile(commitmentId, Id, i, f)));
    }

    public Guid CommitmentId { get; private set; }

    /// <summary>1, 2, 3… per commitment: the order of the log, independent of clock resolution.</summary>
    public int Sequence { get; private set; }

    /// <summary>When the entry was recorded (the system's clock); never changes what the entry says happened.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The day the status took effect (UTC day); "as of" questions read this, not <see cref="At"/>.</summary>
    public DateOnly EffectiveOn { get; private set; }

    public string Author { get; private set; }

    public LifecycleStatus Status { get; private set; }

    /// <summary>G7/G20 Research Group scale: −1 no compliance, 0 partial, +1 full.</summary>
    public int? ComplianceScore { get; private set; }

    public Confidence? Confidence { get; private set; }

    public string? Rationale { get; private set; }

    public List<string> EvidenceLinks { get; private set; }

    /// <summary>Files attached when the entry was recorded; their bytes are in the evidence store.</summary>
    public IReadOnlyList<EvidenceFile> EvidenceFiles => _evidenceFiles;
}

/// <summary>
/// The one rule for an entry's effective day, used by the domain (which enforces it), the API (its messages) and
/// the form (its date picker's bounds): not after the day it is recorded, not before the meeting that made the
/// commitment, and not before the day of the entry recorded ahead of it (so the log stays one timeline).
/// </summary>
public static class EffectiveDay
{
    public const string Field = nameof(StatusEntry.EffectiveOn);

    /// <summary>The earliest day an entry may take effect: the meeting's day, or the latest entry's if later.</summary>
    public static DateOnly Earliest(DateOnly meetingDate, DateOnly? latestEffective) =>
        latestEffective is { } latest && latest > meetingDate ? latest : meetingDate;

    /// <summary>Why <paramref name="effectiveOn"/> cannot be used, in words for the person who chose it; null when it can.</summary>
    public static string? Problem(DateOnly effectiveOn, DateOnly meetingDate, DateOnly? latestEffective, DateOnly recordedOn)
    {
        if (effectiveOn > recordedOn)
        {
            return $"The effective date {effectiveOn:yyyy-MM-dd} is in the future; a status can only take effect on or before today ({recordedOn:yyyy-MM-dd}).";
        }

        if (effectiveOn < meetingDate)
        {
            return $"The effective date {effectiveOn:yyyy-MM-dd} is before the meeting of {meetingDate:yyyy-MM-dd} that made the commitment.";
        }

        if (latestEffective is { } latest && effectiveOn < latest)
        {
            return $"The effective date {effectiveOn:yyyy-MM-dd} is before {latest:yyyy-MM-dd}, the effective date of the latest entry in the log; entries take effect in the order they are recorded.";
        }

        return null;
    }

    public static void Ensure(DateOnly effectiveOn, DateOnly meetingDate, DateOnly? latestEffective, DateOnly recordedOn)
    {
        if (Problem(effectiveOn, meetingDate, latestEffective, recordedOn) is { } problem)
        {
            throw new DomainRuleException(Field, problem);
        }
    }
}

/// <summary>What an analyst or manager records about a commitment; validated before it enters the log.</summary>
public sealed record StatusAssessment
{
    public StatusAssessment(
        LifecycleStatus status,
        int? complianceScore = null,
        Confidence? confidence = null,
        string? rationale = null,
        IEnumerable<string>? evidenceLinks = null,
        IEnumerable<EvidenceFacts>? evidenceFiles = null)
    {
        if (complianceScore is { } score && (score < -1 || score > 1))
        {
            throw new DomainRuleException(nameof(ComplianceScore), "The compliance score must be −1 (no compliance), 0 (partial) or +1 (full).");
        }

        var links = (evidenceLinks ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (links.Count > StatusEntry.MaxEvidenceLinks)
        {
            throw new DomainRuleException(nameof(EvidenceLinks), $"At most {StatusEntry.MaxEvidenceLinks} evidence links can be attached to one entry.");
        }

        foreach (var link in links)
        {
            if (link.Length > StatusEntry.MaxEvidenceLinkLength
                || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new DomainRuleException(nameof(EvidenceLinks), $"Evidence link '{link}' must be an absolute http(s) URL of at most {StatusEntry.MaxEvidenceLinkLength} characters.");
            }
        }

        var files = (evidenceFiles ?? []).ToList();
        if (files.Count > EvidenceFile.MaxPerEntry)
        {
            throw new DomainRuleException(nameof(EvidenceFiles), $"At most {EvidenceFile.MaxPerEntry} evidence files can be attached to one entry.");
        }

        Status = status;
        ComplianceScore = complianceScore;
        Confidence = confidence;
        Rationale = Require.OptionalText(rationale, nameof(Rationale), StatusEntry.MaxRationaleLength);
        EvidenceLinks = links;
        EvidenceFiles = files;
    }

    public LifecycleStatus Status { get; }

    public int? ComplianceScore { get; }

    public Confidence? Confidence { get; }

    public string? Rationale { get; }

    public IReadOnlyList<string> EvidenceLinks { get; }

    /// <summary>Files whose content was already read and checked (type, size, hash); stored with the entry.</summary>
    public IReadOnlyList<EvidenceFacts> EvidenceFiles { get; }
}
