using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Import;

public enum CandidateDecision
{
    Proposed,
    Accepted,
    Rejected,
}

/// <summary>A passage of a proposal: offsets into the document's text and the words there.</summary>
public sealed record CandidatePassage(int Start, int End, string Quote);

/// <summary>
/// A passage the extractor proposes as a commitment, kept with the rule that fired, until an analyst accepts it
/// (it becomes a Captured commitment citing every passage) or rejects it (and its first passage is never proposed
/// again for that document). A proposal may cite several passages when the record says the same undertaking twice.
/// </summary>
public sealed class ImportCandidate : Entity
{
    public const int MaxTitleLength = Commitment.MaxTitleLength;
    public const int MaxLanguageLength = 16;
    public const int MaxNewPartyLength = 200;

    private ImportCandidate()
    {
        Quote = string.Empty;
        SuggestedTitle = string.Empty;
        Cue = string.Empty;
        Language = string.Empty;
        PartyKeys = [];
        Lead = [];
        Counterparts = [];
        Amounts = [];
        Passages = [];
    }

    public ImportCandidate(Guid meetingId, Guid documentId, IReadOnlyList<CandidatePassage> passages, string language, CommitmentKind kind, Modality modality,
        string suggestedTitle, string? issuer, IEnumerable<string> lead, IEnumerable<string> counterparts, IEnumerable<string> mentioned,
        string? duePhrase, IEnumerable<string> amounts, string cue, double confidence, string? newParty = null)
    {
        if (passages.Count == 0)
        {
            throw new DomainRuleException(nameof(Passages), "A proposal cites at least one passage.");
        }

        MeetingId = meetingId;
        DocumentId = documentId;
        Passages = [.. passages.OrderBy(p => p.Start)];
        (Start, End, Quote) = (Passages[0].Start, Passages[0].End, Passages[0].Quote);
        Language = Require.Text(language, nameof(Language), MaxLanguageLength);
        Kind = kind;
        Modality = modality;
        SuggestedTitle = suggestedTitle.Length <= MaxTitleLength ? suggestedTitle : string.Concat(suggestedTitle.AsSpan(0, MaxTitleLength - 1), "…");
        Issuer = issuer;
        Lead = [.. lead];
        Counterparts = [.. counterparts];
        PartyKeys = [.. mentioned];
        DuePhrase = duePhrase;
        Amounts = [.. amounts];
        Cue = cue;
        Confidence = Math.Clamp(confidence, 0, 1);
        NewParty = Require.OptionalText(newParty, nameof(NewParty), MaxNewPartyLength);
    }

    public Guid MeetingId { get; private set; }

    public Guid DocumentId { get; private set; }

    /// <summary>The first passage's offsets: with the document, what makes a passage "already decided".</summary>
    public int Start { get; private set; }

    public int End { get; private set; }

    public string Quote { get; private set; }

    /// <summary>
    /// Every passage the proposal cites: those it was proposed with, in text order (the first is
    /// <see cref="Start"/>..<see cref="End"/>), then those of restatements an analyst merged into it (<see cref="Absorb"/>).
    /// </summary>
    public List<CandidatePassage> Passages { get; private set; }

    /// <summary>The language the record was read in ("en", "ru").</summary>
    public string Language { get; private set; }

    public CommitmentKind Kind { get; private set; }

    public Modality Modality { get; private set; }

    public string SuggestedTitle { get; private set; }

    /// <summary>The party whose words these are (the meeting's speaker side), when known.</summary>
    public string? Issuer { get; private set; }

    public List<string> Lead { get; private set; }

    public List<string> Counterparts { get; private set; }

    /// <summary>Every registered party the passages name.</summary>
    public List<string> PartyKeys { get; private set; }

    /// <summary>An actor the text has act that matches no registered party: a party the analyst may add.</summary>
    public string? NewParty { get; private set; }

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

    /// <summary>
    /// The analyst's reading that <paramref name="restatement"/> says this proposal's undertaking again (a news lead's
    /// paraphrase and then the direct quote): its passages join this proposal's, after them, with the due phrase when
    /// this one has none and the amounts and parties it names, and it is decided as rejected, so it is not proposed
    /// again. Both must be open proposals of the same record.
    /// </summary>
    public void Absorb(ImportCandidate restatement, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(restatement);
        if (ReferenceEquals(restatement, this) || restatement.Id == Id)
        {
            throw new DomainRuleException("Into", "A proposal cannot be merged into itself.");
        }

        if (restatement.DocumentId != DocumentId)
        {
            throw new DomainRuleException("Into", "Only proposals of the same record can be merged.");
        }

        EnsureOpen();
        restatement.EnsureOpen();
        // Copies: each passage belongs to its own proposal (the restatement keeps its own, and stays listed).
        Passages = [.. Passages, .. restatement.Passages.Where(p => !Passages.Any(q => q.Start == p.Start && q.End == p.End)).OrderBy(p => p.Start).Select(p => p with { })];

        // What the restatement read that this proposal did not: the time ("…next year") and the sums said only there.
        DuePhrase ??= restatement.DuePhrase;
        Amounts = [.. Amounts.Union(restatement.Amounts, StringComparer.Ordinal)];
        PartyKeys = [.. PartyKeys.Union(restatement.PartyKeys, StringComparer.Ordinal)];
        restatement.Reject(by, at);
    }

    private void EnsureOpen()
    {
        if (Decision != CandidateDecision.Proposed)
        {
            throw new DomainRuleException(nameof(Decision), $"This candidate was already {Decision.ToString().ToLowerInvariant()}.");
        }
    }
}
