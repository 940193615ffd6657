using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Import.Extraction;

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
public sealed record KnownParty(string Key, IReadOnlyList<string> Names);
