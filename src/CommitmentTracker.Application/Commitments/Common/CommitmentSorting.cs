using System.Linq.Expressions;
using CommitmentTracker.Application.Common;
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

    /// <summary>
    /// The sorts besides code and due whose order an index gives, so that with many matches a page is found by walking
    /// that order and testing each row (decision 0144): title (its own index), updated and meeting date (the meetings'
    /// date index, then each meeting's commitments). Not status or kind: with a filter on the same column the walk would
    /// pass every other status or kind first, and their own indexes already serve them.
    /// </summary>
    public static bool WalksItsIndex(string? sort) =>
        sort is not null && Column(sort.Trim()).ToLowerInvariant() is "title" or "updatedat" or "meetingdate";

    /// <summary>
    /// The codes of one page in <paramref name="sort"/> order, ties by code. Walking meeting date, the meetings come first
    /// (decision 0144): written as a join, SQLite, which keeps no statistics here, scanned and sorted every commitment
    /// (0.4–1.3 s at a million) rather than walk the meetings' date index, and a CROSS JOIN is how SQLite is told which
    /// loop is outside. To PostgreSQL and SQL Server it is the same inner join.
    /// </summary>
    public static IQueryable<string> PageCodes(this IQueryable<Commitment> commitments, IApplicationDbContext db, string? sort, int skip, int take, bool walk)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = string.IsNullOrWhiteSpace(sort) ? "code" : sort.Trim();
        if (!walk || !string.Equals(Column(key), "meetingDate", StringComparison.OrdinalIgnoreCase))
        {
            return commitments.SortBy(key).Skip(skip).Take(take).Select(c => c.Code);
        }

        var rows = from m in db.Meetings
                   from c in commitments
                   where c.MeetingId == m.Id
                   select new { m.Date, c.Code };
        var ordered = key.StartsWith('-') ? rows.OrderByDescending(r => r.Date) : rows.OrderBy(r => r.Date);
        return ordered.ThenBy(r => r.Code).Skip(skip).Take(take).Select(r => r.Code);
    }

    // One leading '-' means descending; "--due" is not a key.
    private static string Column(string sort) => sort.StartsWith('-') ? sort[1..] : sort;
}
