using System.Collections.Concurrent;
using System.Data.Common;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommitmentTracker.Infrastructure.Audit;

/// <summary>
/// The change feed's head, reused after it was read: every kept answer (one commitment, a list page, the dashboard) reads
/// the head first, and under load that one-row read is most of what such an answer costs, a round trip to the server on
/// PostgreSQL. A write made through this process forgets every reused head as soon as it has committed
/// (<see cref="LocalWrites"/>), so a person always reads their own writes. A write by another process (a second
/// instance, the generator, SQL by hand) is seen:
/// <list type="bullet">
/// <item>on PostgreSQL, while <see cref="FeedHeadListener"/> listens (decision 0068, on by default): as soon as the
/// notification its commit sends arrives; a head is read again after <see cref="NotifiedBackstop"/> whatever happens;</item>
/// <item>otherwise, with <see cref="DatabaseSettings.FeedHeadReuse"/> above zero (decision 0061): within that window.</item>
/// </list>
/// With neither, every kept answer reads the head.
/// </summary>
public sealed class FeedHeadReuse(DatabaseSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (long Head, DateTimeOffset ReadAt, long Generation)> heads = new(StringComparer.Ordinal);
    private long generation;
    private volatile bool listening;

    /// <summary>
    /// How long a head kept on notifications is reused at most: a backstop should a notification ever be lost without
    /// the listening connection failing. One head read a second per feed costs nothing measurable.
    /// </summary>
    public static readonly TimeSpan NotifiedBackstop = TimeSpan.FromSeconds(1);

    public bool Enabled => listening || settings.FeedHeadReuse > TimeSpan.Zero;

    /// <summary>Whether PostgreSQL's notifications reach this process now (<see cref="FeedHeadListener"/>).</summary>
    public bool IsListening => listening;

    private TimeSpan Window => listening ? NotifiedBackstop : settings.FeedHeadReuse;

    /// <summary>Moves on every local write; a head read before a write committed is never reused after it.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>The head read for <paramref name="feed"/> within the window, with no local write since.</summary>
    public bool TryGet(string feed, out long head)
    {
        if (heads.TryGetValue(feed, out var kept) && kept.Generation == Generation && clock.GetUtcNow() - kept.ReadAt < Window)
        {
            head = kept.Head;
            return true;
        }

        head = 0;
        return false;
    }

    /// <summary>
    /// Keeps a head read from the database. <paramref name="generationBefore"/> is <see cref="Generation"/> taken before
    /// the read: a local write committing meanwhile makes the kept head unusable, since the read may predate the commit.
    /// </summary>
    public void Keep(string feed, long head, long generationBefore, DateTimeOffset readAt) => heads[feed] = (head, readAt, generationBefore);

    /// <summary>The feed moved (a local commit, or another's notified): every kept head is read again.</summary>
    public void Written() => Interlocked.Increment(ref generation);

    /// <summary>
    /// Whether PostgreSQL's notifications reach this process. Either way every kept head is forgotten: notifications
    /// sent while nobody listened are lost, and a head read before the listening began may predate a commit.
    /// </summary>
    public void Listening(bool on)
    {
        listening = on;
        Written();
    }
}

/// <summary>
/// Tells <see cref="FeedHeadReuse"/> that this process wrote, once the write has committed: after SaveChanges (its own
/// transaction committed, or a statement committed on its own), after an explicit transaction commits, and after a
/// statement other than a SELECT (ExecuteSql, ExecuteUpdate) completes. Registered only when the reuse is on.
/// </summary>
internal sealed class LocalWrites(FeedHeadReuse reuse) : SaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        reuse.Written();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        reuse.Written();
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => reuse.Written();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        reuse.Written();
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Wrote(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Wrote(command);
        return ValueTask.FromResult(result);
    }

    private void Wrote(DbCommand command)
    {
        if (!command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            reuse.Written();
        }
    }
}
