using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction.Rules;

/// <summary>Cue families; a proposal's kind, title and parties depend on which family its cue belongs to.</summary>
internal enum CueFamily
{
    Instruction,
    Pledge,
    Decision,
    Event,
    Hub,
    Target,
    Proposal,
    Statement,
}

/// <summary>Who must be named before the cue for it to count.</summary>
internal enum SubjectNeed
{
    /// <summary>The cue stands alone ("instructed … to", "I propose", "agreed to").</summary>
    None,

    /// <summary>A speaker-side or meeting subject: we, I, you, the parties, a registered party, an organisation.</summary>
    Actor,
}

/// <summary>Where the sentence must speak of joint action (cooperation, supplies, trade, help…) for the cue to count.</summary>
internal enum Engagement
{
    NotNeeded,
    Anywhere,
    AfterCue,

    /// <summary>
    /// Anywhere, unless the cue is followed at once by the action it offers (an infinitive: «готова стать мостом»,
    /// «готова подставить плечо»): readiness to do a named thing is an offer whatever the thing is (ADR 0091).
    /// </summary>
    AnywhereOrAction,
}

/// <summary>
/// One cue. <see cref="Modality"/> null means "read from the sentence's modal words". The regex may capture group
/// <c>modal</c>: the subject is read from the words before it (else before the whole match).
/// </summary>
internal sealed record CueRule(
    string Id,
    CueFamily Family,
    Regex Pattern,
    Modality? Modality,
    double Strength,
    SubjectNeed Subject = SubjectNeed.None,
    Engagement Engagement = Engagement.NotNeeded,
    bool NeedsModal = false,
    bool TitleFromAction = true,
    bool HeadlineOnly = false,
    bool NeedsTradeContext = false);

/// <summary>A cue that fired in a sentence: the span it proposes (absolute offsets) and where in it the cue is.</summary>
internal sealed record CueMatch(CueRule Rule, int Start, int End, string Clause, int CueIndex, int CueLength, string Subject)
{
    /// <summary>The whole sentence when the passage is one of its clauses: a clause without modal words takes the sentence's.</summary>
    public string Sentence { get; init; } = Clause;
}

/// <summary>
/// A word a title starts with when the cue's text matches <paramref name="Cue"/> and, if given, what follows the cue
/// starts with <paramref name="Governs"/> (the preposition the cue's noun takes, so the case of what follows still fits).
/// </summary>
internal sealed record TitleHead(Regex Cue, string Head, Regex? Governs = null);
