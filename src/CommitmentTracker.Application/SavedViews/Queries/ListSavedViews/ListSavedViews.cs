using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.SavedViews.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.SavedViews.Queries.ListSavedViews;

/// <summary>The sender's own views and everyone else's shared ones, each by name.</summary>
[Requires(Access.Read)]
public sealed record ListSavedViewsQuery : IQuery<SavedViewList>;

public sealed class ListSavedViewsHandler(IApplicationDbContext db, ICurrentActor actor) : IQueryHandler<ListSavedViewsQuery, SavedViewList>
{
    public async ValueTask<SavedViewList> Handle(ListSavedViewsQuery query, CancellationToken cancellationToken)
    {
        var me = actor.Principal.ActorId();
        var views = await db.SavedViews.AsNoTracking().Where(v => v.Owner == me || v.Shared).ToListAsync(cancellationToken);
        // Sorted here: names compare as people read them, whatever the engine's collation.
        var ordered = views.OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(v => v.OwnerName, StringComparer.Ordinal).Select(v => SavedViewDto.From(v, me)).ToList();
        return new SavedViewList([.. ordered.Where(v => v.Mine)], [.. ordered.Where(v => !v.Mine)]);
    }
}
