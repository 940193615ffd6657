using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Webhooks;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Infrastructure.Webhooks;

/// <summary>
/// Records commitment.overdue for every commitment that is overdue now and has not been announced for its current
/// due window. The notice row and the outbox event commit together; the notice's unique key makes the event fire
/// once however often (and in however many instances) the check runs.
/// </summary>
public sealed class OverdueCheck(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int Batch = 200;

    /// <summary>Returns how many commitments were newly announced as overdue.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = clock.Today();
        var notices = db.Set<OverdueNotice>();
        var newlyOverdue = await db.Commitments.AsNoTracking()
            .OnDay(db, today, today)
            .Overdue(today)
            .Select(x => x.Commitment)
            .Where(c => !notices.Any(n => n.CommitmentId == c.Id && n.DueLatest == c.DueLatest))
            .OrderBy(c => c.DueLatest).ThenBy(c => c.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var commitment in newlyOverdue)
        {
            var overdue = WebhookPayloads.CommitmentEvent(WebhookEventTypes.CommitmentOverdue, commitment, now);
            db.Add(overdue);
            db.Add(new OverdueNotice(commitment.Id, commitment.DueLatest!.Value, overdue.Id, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateException)
        {
            // Another instance announced some of these first; the rest are picked up by the next check.
            return 0;
        }

        return newlyOverdue.Count;
    }
}
