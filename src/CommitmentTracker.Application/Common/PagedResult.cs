namespace CommitmentTracker.Application.Common;

/// <summary>One page of a collection and the size of the whole.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public int TotalPages => PageSize == 0 ? 0 : (int)Math.Ceiling(TotalCount / (double)PageSize);

    /// <summary>True when <see cref="TotalCount"/> is a lower bound (more rows match than were counted), not exact.</summary>
    public bool TotalIsEstimate { get; init; }

    /// <summary>Where the next page starts (pass as <c>after=</c>), or null on the last page; only lists that page by key set it.</summary>
    public string? Next { get; init; }
}
