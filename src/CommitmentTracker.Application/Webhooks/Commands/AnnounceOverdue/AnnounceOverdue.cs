using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Common.Telemetry;
using CommitmentTracker.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Webhooks.Commands.AnnounceOverdue;

/// <summary>
/// Announces every commitment that is overdue today and has not been announced for its current due window (a
/// rescheduled one that goes overdue again is announced again). Run on a schedule by the background worker, as the
/// system. Returns how many were newly announced.
/// </summary>
[Requires(Access.Administer)]
public sealed record AnnounceOverdueCommand(int Batch = AnnounceOverdueCommand.DefaultBatch) : ICommand<int>
{
    public const int DefaultBatch = 200;
}

public sealed class AnnounceOverdueValidator : AbstractValidator<AnnounceOverdueCommand>
{
    public AnnounceOverdueValidator() => RuleFor(x => x.Batch).InclusiveBetween(1, 10_000);
}

public sealed class AnnounceOverdueHandler(IApplicationDbContext db, TimeProvider clock, AppTelemetry telemetry) : ICommandHandler<AnnounceOverdueCommand, int>
{
    public async ValueTask<int> Handle(AnnounceOverdueCommand command, CancellationToken cancellationToken)
    {
        var today = clock.Today();

        // The overdue gauge is this run's figure, from the dashboard projection (the same rule, kept per day): a count
        // of the commitments themselves read every open item's status, seconds at a million (decision 0046).
        telemetry.RecordOverdue(await db.DashboardCounts.OverdueCountAsync(today, cancellationToken));
        var notices = db.OverdueNotices;
        var newlyOverdue = await db.Commitments
            .OnDay(db, today, today)
            .Overdue(today)
            .Select(x => x.Commitment)
            .Where(c => !notices.Any(n => n.CommitmentId == c.Id && n.DueLatest == c.DueLatest))
            .OrderBy(c => c.DueLatest).ThenBy(c => c.Id)
            .Take(command.Batch)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        db.OverdueNotices.AddRange(newlyOverdue.Select(c => new OverdueNotice(c, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateException)
        {
            // Another instance announced some of these first; the rest are picked up by the next run.
            return 0;
        }

        return newlyOverdue.Count;
    }
}
