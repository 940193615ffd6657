using System.Linq.Expressions;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>The sort keys clients may use, each mapped to an expression — never to a string spliced into SQL.</summary>
public static class CommitmentSorting
{
    private static readonly Dictionary<string, Expression<Func<Commitment, object?>>> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = c => c.Code,
        ["title"] = c => c.Title,
        ["kind"] = c => c.Kind,
        ["status"] = c => c.CurrentStatus,
        ["due"] = c => c.DueLatest,
        ["meetingDate"] = c => c.Meeting.Date,
        ["updatedAt"] = c => c.UpdatedAt,
    };

    public static IEnumerable<string> Keys => Columns.Keys;

    public static bool IsKnown(string sort) => Columns.ContainsKey(Column(sort));

    public static IOrderedQueryable<Commitment> SortBy(this IQueryable<Commitment> commitments, string? sort)
    {
        var key = string.IsNullOrWhiteSpace(sort) ? "code" : sort;
        var column = Columns[Column(key)];
        var ordered = key.StartsWith('-') ? commitments.OrderByDescending(column) : commitments.OrderBy(column);
        return ordered.ThenBy(c => c.Code);
    }

    // One leading '-' means descending; "--due" is not a key.
    private static string Column(string sort) => sort.StartsWith('-') ? sort[1..] : sort;
}
