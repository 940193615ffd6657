using CommitmentTracker.Domain.SavedViews;

namespace CommitmentTracker.Application.SavedViews.Common;

/// <summary>A saved view as the person asking sees it: <see cref="Mine"/> says whether they may rename, re-save or delete it.</summary>
public sealed record SavedViewDto(
    Guid Id,
    string Name,
    string Query,
    bool Shared,
    string OwnerName,
    bool Mine,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Where opening it goes: the commitments grid with the view's query.</summary>
    public string Path => Query.Length == 0 ? "/commitments" : $"/commitments?{Query}";

    public static SavedViewDto From(SavedView view, string actor) =>
        new(view.Id, view.Name, view.Query, view.Shared, view.OwnerName, view.IsOwnedBy(actor), view.CreatedAt, view.UpdatedAt);
}

/// <summary>The views a person's menu offers: their own (shared or not), then everyone else's shared ones.</summary>
public sealed record SavedViewList(IReadOnlyList<SavedViewDto> Mine, IReadOnlyList<SavedViewDto> Shared);

/// <summary>What a person sets when they save or change a view.</summary>
public sealed record SavedViewDraft
{
    /// <summary>A name the owner recognises, unique among their own views (any case), e.g. "Stalled, due this year".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>
    /// The commitments grid's query string (what follows '?' in its address), e.g. <c>status=Stalled&amp;sort=-due</c>.
    /// It is read with the grid's own rules and stored normalised, without the page; empty means every commitment.
    /// </summary>
    public string? Query { get; init; }

    /// <summary>true: everyone sees it under "Shared views"; false (the default): only its owner does.</summary>
    public bool Shared { get; init; }
}
