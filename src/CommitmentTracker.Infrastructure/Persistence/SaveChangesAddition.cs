using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommitmentTracker.Infrastructure.Persistence;

/// <summary>
/// Adds rows of its own (audit records, webhook outbox events) to a SaveChanges that is about to run, so they commit
/// or fail together with the change that caused them.
/// </summary>
internal abstract class SaveChangesAddition : SaveChangesInterceptor
{
    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddTo(eventData.Context);
        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddTo(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Looks at what the save is about to write (changes already detected) and adds its own rows.</summary>
    protected abstract void Add(DbContext context);

    private void AddTo(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // SaveChanges detects changes only after the interceptors ran.
        context.ChangeTracker.DetectChanges();
        Add(context);
    }
}
