using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.SavedViews.Common;
using CommitmentTracker.Domain.SavedViews;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.SavedViews.Commands.CreateSavedView;

/// <summary>
/// Saves a view of the commitments grid under a name of the sender's, private unless shared. Anyone who may read may
/// save one: a view shows only what its reader can already read.
/// </summary>
[Requires(Access.Read)]
public sealed record CreateSavedViewCommand(string Name, string? Query, bool Shared = false) : ICommand<SavedViewDto>;

public sealed class CreateSavedViewValidator : AbstractValidator<CreateSavedViewCommand>
{
    public CreateSavedViewValidator()
    {
        RuleFor(x => x.Name).ViewName();
        RuleFor(x => x.Query).GridQuery();
    }
}

public sealed class CreateSavedViewHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor) : ICommandHandler<CreateSavedViewCommand, SavedViewDto>
{
    public async ValueTask<SavedViewDto> Handle(CreateSavedViewCommand command, CancellationToken cancellationToken)
    {
        var owner = actor.Principal.ActorId();
        await db.EnsureNameFreeAsync(owner, command.Name, except: null, cancellationToken);
        var view = SavedView.Create(owner, actor.Name(), command.Name, SavedViewRules.Normalised(command.Query), command.Shared, clock.GetUtcNow());
        db.SavedViews.Add(view);
        await db.SaveChangesAsync(cancellationToken);
        return SavedViewDto.From(view, owner);
    }
}
