using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Commitments.Queries.ListOverdue;

/// <summary>
/// The Overdue review's filters as its address gives them. Read as the grid reads its own (decision 0142): a typed or
/// pasted address still shows a list, so a kind that is no kind's name (a number such as "99" included) or a party key
/// longer than any is left out and named in the API's words, never sent to a list that would refuse the whole read.
/// </summary>
public sealed record OverdueView(string? Party, CommitmentKind? Kind)
{
    public static OverdueView FromAddress(string? party, string? kind, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;

        var member = CommitmentGridView.Member<CommitmentKind>(kind);
        if (!string.IsNullOrWhiteSpace(kind) && member is null)
        {
            found.Add(CommitmentGridView.NotAMember("kind", kind, typeof(CommitmentKind)));
        }

        var key = string.IsNullOrWhiteSpace(party) ? null : party.Trim();
        if (key is { Length: > Domain.Parties.Party.MaxKeyLength })
        {
            found.Add(CommitmentGridView.TooLong("party", Domain.Parties.Party.MaxKeyLength));
            key = null;
        }

        return new OverdueView(key, member);
    }

    /// <summary>The list's filter for these values, as of <paramref name="asOf"/> (today when null).</summary>
    public CommitmentFilter Filter(DateOnly? asOf) => new()
    {
        Party = Party,
        Kind = Kind is { } kind ? [kind] : null,
        AsOf = asOf,
    };
}
