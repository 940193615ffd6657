namespace CommitmentTracker.Domain.Commitments;

/// <summary>
/// One row of the append-only status log: a status change or an assessment. Rows are never edited; the
/// current status is the row with the highest sequence, and the status on any past day is the last row
/// recorded by then.
/// </summary>
public sealed class StatusEntry : Entity
{
    public const int MaxAuthorLength = 200;
    public const int MaxRationaleLength = 4000;
    public const int MaxEvidenceLinks = 20;
    public const int MaxEvidenceLinkLength = 1000;

    private StatusEntry()
    {
        Author = string.Empty;
        EvidenceLinks = [];
    }

    internal StatusEntry(Guid commitmentId, int sequence, StatusAssessment assessment, string author, DateTimeOffset at)
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
    }

    public Guid CommitmentId { get; private set; }

    /// <summary>1, 2, 3… per commitment: the order of the log, independent of clock resolution.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Author { get; private set; }

    public LifecycleStatus Status { get; private set; }

    /// <summary>G7/G20 Research Group scale: −1 no compliance, 0 partial, +1 full.</summary>
    public int? ComplianceScore { get; private set; }

    public Confidence? Confidence { get; private set; }

    public string? Rationale { get; private set; }

    public List<string> EvidenceLinks { get; private set; }
}

/// <summary>What an analyst or manager records about a commitment; validated before it enters the log.</summary>
public sealed record StatusAssessment
{
    public StatusAssessment(LifecycleStatus status, int? complianceScore = null, Confidence? confidence = null, string? rationale = null, IEnumerable<string>? evidenceLinks = null)
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

        Status = status;
        ComplianceScore = complianceScore;
        Confidence = confidence;
        Rationale = Require.OptionalText(rationale, nameof(Rationale), StatusEntry.MaxRationaleLength);
        EvidenceLinks = links;
    }

    public LifecycleStatus Status { get; }

    public int? ComplianceScore { get; }

    public Confidence? Confidence { get; }

    public string? Rationale { get; }

    public IReadOnlyList<string> EvidenceLinks { get; }
}
