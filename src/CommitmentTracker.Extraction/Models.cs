using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction;

/// <summary>A sum of money found in a text: its value in units, ISO 4217 currency, and where it was written.</summary>
public sealed record Amount(decimal Value, string Currency, int Start, int End, string Text);

/// <summary>
/// A sentence that looks like a commitment. <see cref="Start"/>/<see cref="End"/> are offsets into the original
/// text and <see cref="Quote"/> equals <c>text[Start..End]</c>; <see cref="Cue"/> is the id of the rule that fired.
/// </summary>
public sealed record Candidate(
    int Start,
    int End,
    string Quote,
    CommitmentKind Kind,
    Modality Modality,
    string SuggestedTitle,
    IReadOnlyList<string> PartyKeys,
    string? DuePhrase,
    IReadOnlyList<Amount> Amounts,
    string Cue,
    double Confidence);

/// <summary>A party the extractor may name, with every spelling that refers to it.</summary>
public sealed partial record KnownParty(string Key, IReadOnlyList<string> Names)
{
    /// <summary>
    /// The spellings of a registered party name, derived generically: the name itself, the part before a
    /// parenthesis and a short proper name inside it ("Krasnodar Territory (Kuban)"), each also without a leading
    /// "the " or "Republic of " ("Republic of Belarus" → "Belarus").
    /// </summary>
    public static KnownParty FromName(string key, string name)
    {
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

        return new KnownParty(key, [.. names.Distinct(StringComparer.Ordinal)]);
    }

    [GeneratedRegex(@"^ \((\p{Lu}\w+(?: \p{Lu}\w+)?)\)$")]
    private static partial Regex ShortParenthesis();

    [GeneratedRegex(@"^(?:the |Republic of )")]
    private static partial Regex LeadingArticle();
}
