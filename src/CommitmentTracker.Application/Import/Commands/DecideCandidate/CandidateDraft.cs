using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Import.Commands.DecideCandidate;

/// <summary>
/// What a proposal becomes when it is accepted as it stands: the review card and the edit form both start from
/// this, so an accepted commitment holds what the analyst saw.
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
        };
    }

    /// <summary>The lead parties, then the counterparts that are not also leads: a party holds one role.</summary>
    public static IEnumerable<ResponsibilityInput> Responsibilities(IEnumerable<string> lead, IEnumerable<string> counterparts)
    {
        var leads = lead.Distinct(StringComparer.Ordinal).ToList();
        return leads.Select(l => new ResponsibilityInput(l, ResponsibilityRole.Lead))
            .Concat(counterparts.Distinct(StringComparer.Ordinal).Except(leads, StringComparer.Ordinal).Select(c => new ResponsibilityInput(c, ResponsibilityRole.Counterpart)));
    }
}
