using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.SavedViews.Common;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.SavedViews.Commands.DeleteSavedView;

/// <summary>
/// Deletes a view: the owner any of theirs, an administrator someone else's shared one. The audit trail keeps what it
/// was (name, query, owner).
/// </summary>
[Requires(Access.Read)]
public sealed record DeleteSavedViewCommand(Guid Id) : ICommand;

public sealed class DeleteSavedViewValidator : AbstractValidator<DeleteSavedViewCommand>
{
    public DeleteSavedViewValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class DeleteSavedViewHandler(IApplicationDbContext db, ICurrentActor actor) : ICommandHandler<DeleteSavedViewCommand>
{
    public async ValueTask<Unit> Handle(DeleteSavedViewCommand command, CancellationToken cancellationToken)
    {
        var view = await db.ViewToChangeAsync(command.Id, actor, deleting: true, cancellationToken);
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
