using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Import.Commands.DecideCandidate;

/// <summary>
/// What a proposal becomes when it is accepted as it stands: the review card and the edit form both start from
/// this, so an accepted commitment holds what the analyst saw, the suggested target included.
/// </summary>
public static class CandidateDraft
{
    public static CommitmentDraft From(CandidateDto candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return new CommitmentDraft
        {
            Title = candidate.SuggestedTitle,
            Kind = candidate.Kind,
            Modality = candidate.Modality,
            Issuer = candidate.Issuer ?? string.Empty,
            Due = candidate.DuePhrase,
            Responsibilities = [.. Responsibilities(candidate.Lead, candidate.Counterparts)],
            Target = candidate.SuggestedTarget?.ToInput(),
        };
    }

    /// <summary>Asked when the record names no registered party as the speaker.</summary>
    public const string IssuerPrompt = "Who made this commitment? No registered party was found as the speaker: choose the issuer.";

    /// <summary>Asked when the proposed title had to be shortened to fit.</summary>
    public static readonly string TitlePrompt =
        $"The suggested title was cut short (it ends with “…”): write it in full, in at most {Commitment.MaxTitleLength} characters.";

    /// <summary>
    /// What a proposal lacks before it can be accepted as it stands, as plain-words prompts by draft field; empty when
    /// complete. Accepting as is is offered only when this is empty, so nothing is saved that the analyst did not see.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Missing(CandidateDto candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(candidate.Issuer))
        {
            missing[nameof(CommitmentDraft.Issuer)] = IssuerPrompt;
        }

        if (IsCut(candidate.SuggestedTitle))
        {
            missing[nameof(CommitmentDraft.Title)] = TitlePrompt;
        }

        return missing;
    }

    /// <summary>A title the extractor shortened ends with an ellipsis; saving it would store words nobody wrote.</summary>
    public static bool IsCut(string? title) => title?.TrimEnd().EndsWith('…') == true;

    /// <summary>The lead parties, then the counterparts that are not also leads: a party holds one role.</summary>
    public static IEnumerable<ResponsibilityInput> Responsibilities(IEnumerable<string> lead, IEnumerable<string> counterparts)
    {
        var leads = lead.Distinct(StringComparer.Ordinal).ToList();
        return leads.Select(l => new ResponsibilityInput(l, ResponsibilityRole.Lead))
            .Concat(counterparts.Distinct(StringComparer.Ordinal).Except(leads, StringComparer.Ordinal).Select(c => new ResponsibilityInput(c, ResponsibilityRole.Counterpart)));
    }
}
