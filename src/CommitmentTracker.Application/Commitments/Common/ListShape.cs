using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>
/// How a filter is written into SQL for one page (decision 0028). The rows are the same either way; only the path
/// the engine takes differs, and the right path depends on how many rows match.
/// </summary>
public enum ListShape
{
    /// <summary>
    /// Filters the engine can answer from an index (a due range, the party's responsibilities): best when few rows
    /// match, and always for counting.
    /// </summary>
    Seek,

    /// <summary>
    /// The list's own order drives the page and each row is tested as it comes: best when many rows match, because
    /// the first page is found after a few hundred rows instead of sorting every match. SQLite's planner does not
    /// weigh LIMIT, so with an index on the filter it would sort 190,000 overdue rows for 25; the due-date tests are
    /// therefore wrapped in <see cref="IndexHint.NotAnIndexTerm(DateOnly?)"/>.
    /// </summary>
    Walk,

    /// <summary>
    /// As <see cref="Walk"/>, for a page in due order: the due-date index drives the page and status, kind and party
    /// are tested row by row, while a due range or the overdue test stays an index term, being a range of that order.
    /// </summary>
    WalkDueOrder,

    /// <summary>
    /// As <see cref="Walk"/>, for a page in title, updated, meeting-date, status or kind order (decision 0144): that
    /// order's index drives the page, and one status with one kind is tested row by row too, the (status, kind, code)
    /// index being in code order only.
    /// </summary>
    WalkSortOrder,
}

/// <summary>What the shapes mean for the filters written into them.</summary>
public static class ListShapes
{
    /// <summary>
    /// Whether the list's own order, other than due order, drives the page: the due tests (a due range, the overdue rule)
    /// and the text hits are then kept from the planner and tested row by row.
    /// </summary>
    public static bool WalksOutsideDueOrder(this ListShape shape) => shape is ListShape.Walk or ListShape.WalkSortOrder;
}

/// <summary>Functions that change only how the engine plans a query, never what it answers.</summary>
public static class IndexHint
{
    /// <summary>
    /// The value itself. On SQLite it is translated to <c>likely(value)</c>, which the planner cannot use as an index
    /// term, so a predicate on it is tested row by row while another index (the list's order) drives the query. On
    /// other engines it is the bare column: their planners cost LIMIT themselves.
    /// </summary>
    public static DateOnly? NotAnIndexTerm(DateOnly? value) => value;

    /// <summary>The same for a status: a list of several open statuses matches most rows, and seeking them sorted them all.</summary>
    public static LifecycleStatus NotAnIndexTerm(LifecycleStatus value) => value;

    /// <summary>The same for a kind: a seventh of the ledger, whose own index made the engine sort every match.</summary>
    public static CommitmentKind NotAnIndexTerm(CommitmentKind value) => value;

    /// <summary>
    /// The same for a due window's precision: the open-ended rows' partial index is in code order, and sought for a page
    /// in another order it made SQLite sort all 77,000 of them at a million (decision 0149).
    /// </summary>
    public static DuePrecision? NotAnIndexTerm(DuePrecision? value) => value;

    /// <summary>
    /// Whether a day is missing, tested row by row: on SQLite <c>likely(value IS NULL)</c>. A null test of
    /// <see cref="NotAnIndexTerm(DateOnly?)"/> would not do: the function passes its argument's nullness through, so
    /// EF writes <c>likely(x) IS NULL</c> as <c>x IS NULL</c>, which the engine seeks (decision 0143).
    /// </summary>
    public static bool IsMissing(DateOnly? value) => value is null;
}
