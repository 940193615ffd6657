using System.Linq.Expressions;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using Microsoft.EntityFrameworkCore;

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
    /// that order and testing each row (decision 0144): title (its own index), updated, meeting date (the meetings' date
    /// index, then each meeting's commitments), and status or kind (their (column, code) indexes) unless the filter names
    /// that column: the walk would pass every other status or kind first, where the column's own index seeks it. Nor kind
    /// beside one status: the (status, kind, code) index holds that status's rows in kind order already (descending, the
    /// walk read the whole last kind, 0.15 s at a million, against 29 ms).
    /// </summary>
    public static bool WalksItsIndex(string? sort, CommitmentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return (sort is null ? string.Empty : Column(sort.Trim()).ToLowerInvariant()) switch
        {
            "title" or "updatedat" or "meetingdate" => true,
            "status" => filter.Status is not { Count: > 0 },
            "kind" => filter.Kind is not { Count: > 0 } && filter.Status is not { Count: 1 },
            _ => false,
        };
    }

    /// <summary>
    /// The codes of one page in <paramref name="sort"/> order as one query, ties by code. Walking meeting date, the
    /// meetings come first (decision 0144): written as a join, SQLite, which keeps no statistics here, scanned and sorted every commitment
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

    /// <summary>
    /// The codes of one page in <paramref name="sort"/> order (any but code), found the way its order allows: by status
    /// or kind value by value, by meeting date walked meetings first, otherwise the order's index or a sort of the
    /// matches (decisions 0141, 0144).
    /// </summary>
    public static async Task<List<string>> PageCodesAsync(this IQueryable<Commitment> commitments, IApplicationDbContext db, string? sort, int skip, int take, bool walk, CancellationToken ct) =>
        await commitments.ValuePageCodesAsync(sort, skip, take, ct)
            ?? await commitments.PageCodes(db, sort, skip, take, walk).ToListAsync(ct);

    /// <summary>
    /// The codes of one page sorted by status or kind, read value by value: each value's rows are one range of its
    /// (column, code) index in code order, whichever way the values run. Read as one query, a descending page (values
    /// descending, codes ascending) made the engine sort every row of the last value first (decision 0144). The values
    /// run in the ordinal order of their names, which is how every engine orders the stored names
    /// (<c>SearchAndListShapeTests</c> holds every engine to it). Null when <paramref name="sort"/> is neither.
    /// </summary>
    private static async Task<List<string>?> ValuePageCodesAsync(this IQueryable<Commitment> commitments, string? sort, int skip, int take, CancellationToken ct)
    {
        var key = sort?.Trim() ?? string.Empty;
        List<(string Name, Expression<Func<Commitment, bool>> Rows)> values = Column(key).ToLowerInvariant() switch
        {
            "status" => [.. Enum.GetValues<LifecycleStatus>().Select(v => (v.ToString(), (Expression<Func<Commitment, bool>>)(c => c.CurrentStatus == v)))],
            "kind" => [.. Enum.GetValues<CommitmentKind>().Select(v => (v.ToString(), (Expression<Func<Commitment, bool>>)(c => c.Kind == v)))],
            _ => [],
        };
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort((a, b) => key.StartsWith('-') ? string.CompareOrdinal(b.Name, a.Name) : string.CompareOrdinal(a.Name, b.Name));
        var codes = new List<string>(take);
        var offset = skip;
        foreach (var (_, rows) in values)
        {
            var segment = commitments.Where(rows);
            if (offset > 0)
            {
                // A value wholly before the page is counted, up to the offset (at most CommitmentPaging.MaxOffset), and passed.
                var before = await segment.Take(offset).CountAsync(ct);
                if (before < offset)
                {
                    offset -= before;
                    continue;
                }
            }

            codes.AddRange(await segment.OrderBy(c => c.Code).Skip(offset).Take(take - codes.Count).Select(c => c.Code).ToListAsync(ct));
            offset = 0;
            if (codes.Count == take)
            {
                break;
            }
        }

        return codes;
    }

    // One leading '-' means descending; "--due" is not a key.
    private static string Column(string sort) => sort.StartsWith('-') ? sort[1..] : sort;
}
