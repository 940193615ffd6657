namespace CommitmentTracker.Application.Common;

/// <summary>One page of a collection and the size of the whole.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public int TotalPages => PageSize == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);
}
