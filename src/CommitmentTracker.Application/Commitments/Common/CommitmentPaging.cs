using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>
/// How lists of commitments page at a million rows (decision 0023). Offset pages (page=) reach the first
/// <see cref="MaxOffset"/> rows only: an offset is read and thrown away, so page 2,000 cost 80× page 1. Past that, and
/// whenever a client reads on, <c>after=</c> (the code of the last item it has) continues from that item through an
/// index: every page costs what the first does. Totals are exact up to <see cref="MaxExactTotal"/>; above it a total is
/// marked as an estimate (at least that many) unless the dashboard projection knows it exactly.
/// </summary>
public static class CommitmentPaging
{
    public const int MaxOffset = 10_000;

    public const int MaxExactTotal = 10_000;

    /// <summary>The sorts <c>after=</c> follows: those whose order an index gives.</summary>
    public static readonly string[] KeysetSorts = ["code", "-code", "due", "-due"];

    public static IRuleBuilderOptions<T, int> IsWithinOffsetBound<T>(this IRuleBuilder<T, int> rule, Func<T, int> pageSize) =>
        rule.Must((query, page) => (long)(page - 1) * pageSize(query) < MaxOffset)
            .WithMessage($"'{{PropertyName}}' reaches past the first {MaxOffset:N0} rows; read further with after=<code of the last item> instead of a page number.");

    public static bool FollowsKeyset(string? sort) =>
        string.IsNullOrWhiteSpace(sort) || KeysetSorts.Contains(sort.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The commitments after the one coded <paramref name="after"/> in the order of <paramref name="sort"/> (code, or
    /// due with open-ended items first ascending and last descending, as <see cref="CommitmentSorting"/> orders them).
    /// </summary>
    public static async Task<IQueryable<Commitment>> AfterAsync(this IQueryable<Commitment> commitments, IApplicationDbContext db, string after, string? sort, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var anchor = await db.Commitments.AsNoTracking().Where(c => c.Code == after).Select(c => new { c.Code, c.DueLatest }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("after", $"'after' must be the code of a commitment; '{after}' is not one.")]);
        var code = anchor.Code;
        var key = string.IsNullOrWhiteSpace(sort) ? "code" : sort.Trim().ToLowerInvariant();
        switch (key)
        {
            case "code":
                return commitments.Where(c => c.Code.CompareTo(code) > 0);
            case "-code":
                return commitments.Where(c => c.Code.CompareTo(code) < 0);
            case "due" when anchor.DueLatest is { } due:
                return commitments.Where(c => c.DueLatest > due || (c.DueLatest == due && c.Code.CompareTo(code) > 0));
            case "due":
                return commitments.Where(c => c.DueLatest != null || c.Code.CompareTo(code) > 0);
            case "-due" when anchor.DueLatest is { } due:
                return commitments.Where(c => c.DueLatest == null || c.DueLatest < due || (c.DueLatest == due && c.Code.CompareTo(code) > 0));
            default:
                return commitments.Where(c => c.DueLatest == null && c.Code.CompareTo(code) > 0);
        }
    }

    /// <summary>
    /// The number of rows, counted only up to <see cref="MaxExactTotal"/> + 1 so that a broad filter never counts a
    /// million rows for one page: (count, false) when exact, (<see cref="MaxExactTotal"/> + 1, true) for "more than".
    /// </summary>
    public static async Task<(int Total, bool Estimate)> BoundedCountAsync<T>(this IQueryable<T> rows, CancellationToken ct)
    {
        var counted = await rows.Take(MaxExactTotal + 1).CountAsync(ct);
        return counted > MaxExactTotal ? (counted, true) : (counted, false);
    }
}
