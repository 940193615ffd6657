using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction;

/// <summary>
/// A party the extractor may name: its key, every name it is known by in either language (nominative forms; the
/// matcher handles inflection), and where it sits (its parent's key, so "the government" finds the speaker's
/// government and a ministry counts on its state's side).
/// </summary>
public sealed partial record KnownParty(string Key, IReadOnlyList<string> Names, string? ParentKey = null, bool IsGovernment = false)
{
    /// <summary>
    /// The spellings a registered name implies: the name itself, the part before a parenthesis and a short proper
    /// name inside it ("Krasnodar Territory (Kuban)" → "Kuban"), each also without a leading "the " or
    /// "Republic of " ("Republic of Belarus" → "Belarus").
    /// </summary>
    public static IReadOnlyList<string> SpellingsOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var names = new List<string> { name };
        var paren = name.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0)
        {
            names.Add(name[..paren]);
            if (ShortParenthesis().Match(name[paren..]) is { Success: true } inner)
            {
                names.Add(inner.Groups[1].Value);
            }
        }

        foreach (var n in names.ToList())
        {
            if (LeadingArticle().Replace(n, string.Empty) is var stripped && stripped != n)
            {
                names.Add(stripped);
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^ \((\p{Lu}\w+(?: \p{Lu}\w+)?)\)$")]
    private static partial Regex ShortParenthesis();

    [GeneratedRegex(@"^(?:the |Republic of |Республика )")]
    private static partial Regex LeadingArticle();
}

/// <summary>What to read: the record's text (as stored: offsets point into it), its meeting and its sides.</summary>
public sealed record ExtractionRequest
{
    public required string Text { get; init; }

    /// <summary>The day the words were spoken: every relative due phrase resolves against it.</summary>
    public required DateOnly MeetingDate { get; init; }

    public IReadOnlyList<KnownParty> Parties { get; init; } = [];

    /// <summary>"en" or "ru"; null to detect it from the text.</summary>
    public string? Language { get; init; }

    /// <summary>The party whose words the record mostly reports: "we" in the text. Null: the first other side's counterpart is unknown.</summary>
    public string? Speaker { get; init; }

    /// <summary>The meeting's other participants (the guest region, the delegation's state…), in the order given at import.</summary>
    public IReadOnlyList<string> OtherSides { get; init; } = [];
}

public sealed record ExtractionResult(RecordLanguage Language, IReadOnlyList<Candidate> Candidates)
{
    /// <summary>Sentences worth an analyst's look that are not proposals (<see cref="SuggestedPassage"/>), in text order.</summary>
    public IReadOnlyList<SuggestedPassage> Suggestions { get; init; } = [];
}

/// <summary>
/// A sentence no proposal covers that the sentence model scores close to a commitment: not a proposal (too many such
/// sentences are not one to list them as proposals) but worth a look, so that what the extractor missed is one click
/// from the review (ADR 0117). <c>Quote == text[Start..End]</c>; <see cref="Reason"/> is the model's score and strongest
/// signals, as a model proposal's cue gives them.
/// </summary>
public sealed record SuggestedPassage(int Start, int End, string Quote, double Score, string Reason);

/// <summary>A passage of the text: <c>Quote == text[Start..End]</c>.</summary>
public sealed record CandidateSpan(int Start, int End, string Quote);

/// <summary>A sum of money found in a text: its value in units, ISO 4217 currency, and where it was written.</summary>
public sealed record Amount(decimal Value, string Currency, int Start, int End, string Text);

/// <summary>
/// A commitment the extractor proposes. <see cref="Spans"/> are in text order; more than one means the record says
/// the same undertaking twice (a news lead's paraphrase and the direct quote). <see cref="Cue"/> is the id of the
/// rule that fired, shown to the analyst. <see cref="Lead"/> and <see cref="Counterparts"/> are party keys;
/// <see cref="NewParty"/> names an actor the text has act that no registered party matches.
/// </summary>
public sealed record Candidate(
    IReadOnlyList<CandidateSpan> Spans,
    CommitmentKind Kind,
    Modality Modality,
    string SuggestedTitle,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Counterparts,
    IReadOnlyList<string> MentionedParties,
    string? DuePhrase,
    IReadOnlyList<Amount> Amounts,
    string Cue,
    double Confidence,
    string Language,
    string? NewParty = null)
{
    public int Start => Spans[0].Start;

    public int End => Spans[0].End;

    public string Quote => Spans[0].Quote;
}
