using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.SavedViews;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.SavedViews.Common;

/// <summary>The rules a saved view's name and query follow, and who may change which view: written once for every use case.</summary>
public static class SavedViewRules
{
    /// <summary>Enough for every view a person works with; keeps the menu, and the duplicate check, small.</summary>
    public const int MaxViewsPerPerson = 100;

    public static IRuleBuilderOptions<T, string> ViewName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Give the view a name.")
            .MaximumLength(SavedView.MaxNameLength).WithMessage($"A view's name may be at most {SavedView.MaxNameLength} characters.");

    /// <summary>Each part of the query that the grid would not read is named in its own message.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> GridQuery<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((query, context) =>
        {
            CommitmentGridView.TryParse(query, out var problems);
            foreach (var problem in problems)
            {
                context.AddFailure(problem);
            }
        });

    /// <summary>The query as stored: parsed and written back by the grid's own rules, from the first page.</summary>
    public static string Normalised(string? query) =>
        (CommitmentGridView.TryParse(query, out _) ?? throw Invalid.Field("query", "The query does not describe a view of the commitments grid.")).FirstPage().Query;

    /// <summary>
    /// Refuses a name the owner already gave another of their views, in any case ("Due soon" and "due soon" would be
    /// indistinguishable in the menu), and a person's hundred-and-first view.
    /// </summary>
    public static async Task EnsureNameFreeAsync(this IApplicationDbContext db, string owner, string name, Guid? except, CancellationToken ct)
    {
        var names = await db.SavedViews.AsNoTracking().Where(v => v.Owner == owner && v.Id != except).Select(v => v.Name).ToListAsync(ct);
        var trimmed = name.Trim();
        if (names.Any(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw Invalid.Field("name", $"You already have a view called '{trimmed}'. Choose another name, or re-save that view.");
        }

        if (except is null && names.Count >= MaxViewsPerPerson)
        {
            throw Invalid.Field("name", $"You have {names.Count} saved views, the most one person may keep. Delete one first.");
        }
    }

    /// <summary>
    /// The view <paramref name="id"/> for a change by the sender. Another person's private view is "not found" (it is
    /// not theirs to know of). A shared view is visible to everyone but changed only by its owner; an administrator may
    /// also delete it (to take down a misleading or stale shared view), never rename or re-save it in the owner's name.
    /// </summary>
    public static async Task<SavedView> ViewToChangeAsync(this IApplicationDbContext db, Guid id, ICurrentActor actor, bool deleting, CancellationToken ct)
    {
        var me = actor.Principal.ActorId();
        var view = await db.SavedViews.FirstOrDefaultAsync(v => v.Id == id && (v.Owner == me || v.Shared), ct)
            ?? throw new NotFoundException("Saved view", id.ToString());
        if (view.IsOwnedBy(me) || (deleting && actor.Principal.Can(Access.Administer)))
        {
            return view;
        }

        throw new ForbiddenException(deleting
            ? $"'{view.Name}' is {view.OwnerName}'s shared view: only they or an administrator may delete it."
            : $"'{view.Name}' is {view.OwnerName}'s shared view: only they may rename or re-save it. Save the view under a name of your own instead.");
    }
}
