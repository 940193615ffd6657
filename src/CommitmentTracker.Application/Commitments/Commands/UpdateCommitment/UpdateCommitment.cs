using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Commands.UpdateCommitment;

/// <summary>
/// Revises what a commitment says (all of it: title to target). Its code, meeting and status log do not
/// change here; status moves through <c>AppendStatusEntry</c>. ExpectedVersion is required. Moving the due date
/// later is an extension and needs a manager.
/// </summary>
[Requires(Access.Write)]
public sealed record UpdateCommitmentCommand(string IdOrCode, long? ExpectedVersion, CommitmentDraft Changes) : ICommand<CommitmentDetailDto>;

public sealed class UpdateCommitmentValidator : AbstractValidator<UpdateCommitmentCommand>
{
    public UpdateCommitmentValidator() => RuleFor(x => x.Changes).NotNull().SetValidator(new CommitmentDraftValidator());
}

public sealed class UpdateCommitmentHandler(IApplicationDbContext db, TimeProvider clock, ISender sender, ICurrentActor actor, IUserDirectory users)
    : ICommandHandler<UpdateCommitmentCommand, CommitmentDetailDto>
{
    public async ValueTask<CommitmentDetailDto> Handle(UpdateCommitmentCommand command, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments
            .Include(c => c.Meeting)
            .Include(c => c.Responsibilities)
            .Include(c => c.Spans)
            .Include(c => c.Target).ThenInclude(t => t!.Observations)
            .FirstOrDefaultAsync(Lookup.CommitmentKey(command.IdOrCode), cancellationToken)
            ?? throw new NotFoundException("Commitment", command.IdOrCode);
        Concurrency.EnsureVersion("Commitment", command.ExpectedVersion, commitment.Version);

        var now = clock.GetUtcNow();
        var terms = await db.ResolveTermsAsync(command.Changes, commitment.Meeting, users, cancellationToken);
        if (Extends(commitment.DueLatest, terms.Due?.Latest))
        {
            Requirements.Demand(actor, Access.Decide);
        }

        commitment.Revise(terms, now);
        await db.CiteAsync(commitment, command.Changes, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetCommitmentQuery(commitment.Id.ToString()), cancellationToken);
    }

    // Moving the deadline later (or removing it) is an extension: a manager's decision, like closing or dropping.
    private static bool Extends(DateOnly? latest, DateOnly? newLatest) =>
        latest is { } old && (newLatest is null || newLatest > old);
}
