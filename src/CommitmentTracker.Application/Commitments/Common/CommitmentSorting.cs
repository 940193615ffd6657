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

    /// <summary>
    /// The sort key behind each sortable field of <see cref="CommitmentSummaryDto"/>, so a grid showing those fields
    /// sorts them as the API does; a field not listed here is not sortable.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ByListField { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(CommitmentSummaryDto.Code)] = "code",
        [nameof(CommitmentSummaryDto.Title)] = "title",
        [nameof(CommitmentSummaryDto.Kind)] = "kind",
        [nameof(CommitmentSummaryDto.Status)] = "status",
        [nameof(CommitmentSummaryDto.Due)] = "due",
        [nameof(CommitmentSummaryDto.MeetingCode)] = "meetingDate",
        [nameof(CommitmentSummaryDto.UpdatedAt)] = "updatedAt",
    };

    public static bool IsKnown(string sort) => Columns.ContainsKey(Column(sort));

    public static IOrderedQueryable<Commitment> SortBy(this IQueryable<Commitment> commitments, string? sort)
    {
        var key = string.IsNullOrWhiteSpace(sort) ? "code" : sort;
        var name = Column(key);
        var column = Columns[name];
        var descending = key.StartsWith('-');
        IOrderedQueryable<Commitment> ordered;
        if (string.Equals(name, "due", StringComparison.OrdinalIgnoreCase))
        {
            // Engines disagree on where NULL sorts (PostgreSQL: last when ascending; SQLite, SQL Server: first), so an
            // open-ended item (no latest due date) is placed explicitly: first ascending, last descending, on all.
            ordered = descending
                ? commitments.OrderByDescending(c => c.DueLatest != null).ThenByDescending(column)
                : commitments.OrderBy(c => c.DueLatest != null).ThenBy(column);
        }
        else
        {
            ordered = descending ? commitments.OrderByDescending(column) : commitments.OrderBy(column);
        }

        return ordered.ThenBy(c => c.Code);
    }

    // One leading '-' means descending; "--due" is not a key.
    private static string Column(string sort) => sort.StartsWith('-') ? sort[1..] : sort;
}
