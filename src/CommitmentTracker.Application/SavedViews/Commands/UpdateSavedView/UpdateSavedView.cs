using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.SavedViews.Common;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.SavedViews.Commands.UpdateSavedView;

/// <summary>
/// The owner renames a view, re-saves it (its query becomes the grid's view as it is now) or shares or unshares it:
/// the draft replaces all three. Only the owner may; someone else's shared view answers 403.
/// </summary>
[Requires(Access.Read)]
public sealed record UpdateSavedViewCommand(Guid Id, SavedViewDraft Changes) : ICommand<SavedViewDto>;

public sealed class UpdateSavedViewValidator : AbstractValidator<UpdateSavedViewCommand>
{
    public UpdateSavedViewValidator()
    {
        RuleFor(x => x.Id).NotEmpty();
        RuleFor(x => x.Changes).NotNull();
        RuleFor(x => x.Changes.Name).ViewName().When(x => x.Changes is not null);
        RuleFor(x => x.Changes.Query).GridQuery().When(x => x.Changes is not null);
    }
}

public sealed class UpdateSavedViewHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor) : ICommandHandler<UpdateSavedViewCommand, SavedViewDto>
{
    public async ValueTask<SavedViewDto> Handle(UpdateSavedViewCommand command, CancellationToken cancellationToken)
    {
        var view = await db.ViewToChangeAsync(command.Id, actor, deleting: false, cancellationToken);
        var c = command.Changes;
        await db.EnsureNameFreeAsync(view.Owner, c.Name, except: view.Id, cancellationToken);
        view.Change(c.Name, SavedViewRules.Normalised(c.Query), c.Shared, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SavedViewDto.From(view, view.Owner);
    }
}
