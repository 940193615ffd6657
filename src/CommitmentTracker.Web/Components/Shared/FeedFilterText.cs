using CommitmentTracker.Application.Commitments.Common;

namespace CommitmentTracker.Web.Components.Shared;

/// <summary>A saved filter in words, and as the commitments page's query string, so a feed can be recognised and opened.</summary>
public static class FeedFilterText
{
    public static string Describe(CommitmentFilter filter)
    {
        var parts = new List<string>();
        if (filter.Status is { Count: > 0 } status)
        {
            parts.Add("status " + string.Join(" or ", status.Select(Components.Shared.StatusChip.Humanised)));
        }

        if (filter.Kind is { Count: > 0 } kind)
        {
            parts.Add("kind " + string.Join(" or ", kind));
        }

        if (!string.IsNullOrWhiteSpace(filter.Party))
        {
            parts.Add("party " + filter.Party);
        }

        if (!string.IsNullOrWhiteSpace(filter.Meeting))
        {
            parts.Add("meeting " + filter.Meeting);
        }

        if (filter.Overdue is { } overdue)
        {
            parts.Add(overdue ? "overdue" : "not overdue");
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            parts.Add($"text “{filter.Q}”");
        }

        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            parts.Add($"owned by {filter.Owner}");
        }

        return parts.Count == 0 ? "All commitments" : string.Join(" · ", parts);
    }

    /// <summary>The query the commitments page reads its filters from.</summary>
    public static IReadOnlyDictionary<string, object?> CommitmentsQuery(CommitmentFilter filter) => new Dictionary<string, object?>
    {
        ["status"] = filter.Status is { Count: > 0 } s ? s.Select(x => x.ToString()).ToArray() : null,
        ["kind"] = filter.Kind is { Count: > 0 } k ? k.Select(x => x.ToString()).ToArray() : null,
        ["party"] = filter.Party,
        ["meeting"] = filter.Meeting,
        ["overdue"] = filter.Overdue,
        ["q"] = filter.Q,
        ["owner"] = filter.Owner,
    };
}
