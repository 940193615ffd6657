using System.Collections.Concurrent;
using System.Diagnostics;
using CommitmentTracker.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommitmentTracker.Infrastructure.Accounts;

/// <summary>
/// The API keys recently presented, by prefix, so a busy client is not looked up in the database on every request
/// (decision 0042: the lookup capped every keyed endpoint at a few thousand requests a second). A key changed through
/// this process (revoked, used, created) is dropped at once by <see cref="ApiKeyCacheInvalidation"/>; a change made by
/// another instance is seen within <see cref="Lifetime"/>.
/// </summary>
internal sealed class ApiKeyCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (ApiKey Key, long LoadedAt)> keys = new(StringComparer.Ordinal);

    /// <summary>A detached copy of the key: read it, never save it.</summary>
    public bool TryGet(string prefix, out ApiKey key)
    {
        if (keys.TryGetValue(prefix, out var entry) && Stopwatch.GetElapsedTime(entry.LoadedAt) < Lifetime)
        {
            key = entry.Key;
            return true;
        }

        key = null!;
        return false;
    }

    public void Add(ApiKey key) => keys[key.Prefix] = (key, Stopwatch.GetTimestamp());

    public void Forget(string prefix) => keys.TryRemove(prefix, out _);
}

/// <summary>Drops every API key a save wrote from the cache, once the save has committed.</summary>
internal sealed class ApiKeyCacheInvalidation(ApiKeyCache cache) : SaveChangesInterceptor
{
    private string[] written = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget();
        return ValueTask.FromResult(result);
    }

    // A failed save may still have changed nothing, but forgetting costs one lookup: forget then too.
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        written = [.. context.ChangeTracker.Entries<ApiKey>().Where(e => e.State is not EntityState.Unchanged and not EntityState.Detached).Select(e => e.Entity.Prefix)];
    }

    private void Forget()
    {
        foreach (var prefix in written)
        {
            cache.Forget(prefix);
        }

        written = [];
    }
}
