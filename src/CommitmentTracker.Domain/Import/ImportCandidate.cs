using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Import;

public enum CandidateDecision
{
    Proposed,
    Accepted,
    Rejected,
}

/// <summary>
/// A passage the extractor proposes as a commitment, kept with the rule that fired, until an analyst accepts it
/// (it becomes a Captured commitment citing the passage) or rejects it (and it is never proposed again for that
/// document).
/// </summary>
public sealed class ImportCandidate : Entity
{
    public const int MaxTitleLength = Commitment.MaxTitleLength;

    private ImportCandidate()
    {
        Quote = string.Empty;
        SuggestedTitle = string.Empty;
        Cue = string.Empty;
        PartyKeys = [];
        Amounts = [];
    }

    public ImportCandidate(Guid meetingId, Guid documentId, int start, int end, string quote, CommitmentKind kind, Modality modality,
        string suggestedTitle, IEnumerable<string> partyKeys, string? duePhrase, IEnumerable<string> amounts, string cue, double confidence)
    {
        MeetingId = meetingId;
        DocumentId = documentId;
        Start = start;
        End = end;
        Quote = quote;
        Kind = kind;
        Modality = modality;
        SuggestedTitle = suggestedTitle.Length <= MaxTitleLength ? suggestedTitle : string.Concat(suggestedTitle.AsSpan(0, MaxTitleLength - 1), "…");
        PartyKeys = [.. partyKeys];
        DuePhrase = duePhrase;
        Amounts = [.. amounts];
        Cue = cue;
        Confidence = Math.Clamp(confidence, 0, 1);
    }

    public Guid MeetingId { get; private set; }

    public Guid DocumentId { get; private set; }

    public int Start { get; private set; }

    public int End { get; private set; }

    public string Quote { get; private set; }

    public CommitmentKind Kind { get; private set; }

    public Modality Modality { get; private set; }

    public string SuggestedTitle { get; private set; }

    public List<string> PartyKeys { get; private set; }

    public string? DuePhrase { get; private set; }

    /// <summary>The amounts found, normalised ("500000000 USD").</summary>
    public List<string> Amounts { get; private set; }

    /// <summary>The rule that proposed it, so analysts can see why.</summary>
    public string Cue { get; private set; }

    public double Confidence { get; private set; }

    public CandidateDecision Decision { get; private set; }

    public Guid? CommitmentId { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public void Accept(Guid commitmentId, string by, DateTimeOffset at)
    {
        EnsureOpen();
        (Decision, CommitmentId, DecidedBy, DecidedAt) = (CandidateDecision.Accepted, commitmentId, by, at);
    }

    public void Reject(string by, DateTimeOffset at)
    {
        EnsureOpen();
        (Decision, DecidedBy, DecidedAt) = (CandidateDecision.Rejected, by, at);
    }

    private void EnsureOpen()
    {
        if (Decision != CandidateDecision.Proposed)
        {
            throw new DomainRuleException(nameof(Decision), $"This candidate was already {Decision.ToString().ToLowerInvariant()}.");
        }
    }
}
