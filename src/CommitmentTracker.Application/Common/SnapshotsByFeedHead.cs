using System.Collections.Concurrent;

namespace CommitmentTracker.Application.Common;

/// <summary>
/// Answers kept under the change feed's head they were computed at (decisions 0046, 0051): an answer is reused only
/// while the head read for the request equals the one read before the answer was computed, so it is never older than
/// its key. Callers read the head before computing and never keep an answer computed inside a transaction (on
/// PostgreSQL and SQL Server the head does not yet show the transaction's own writes, and a rollback would leave an
/// answer that never was). Bounded by count: past <see cref="MaxKept"/> everything is dropped, so a crawler asking a
/// new question each time costs memory up to the bound and then only misses.
/// </summary>
public abstract class SnapshotsByFeedHead(int maxKept)
{
    private readonly ConcurrentDictionary<object, (long Head, object Answer)> kept = new();

    public int MaxKept => maxKept;

    /// <summary>The answer kept for <paramref name="question"/> (a value with equality) if it was computed at <paramref name="head"/>.</summary>
    public bool TryGet<TAnswer>(object question, long head, out TAnswer answer)
        where TAnswer : class
    {
        if (kept.TryGetValue(question, out var snapshot) && snapshot.Head == head && snapshot.Answer is TAnswer same)
        {
            answer = same;
            return true;
        }

        answer = null!;
        return false;
    }

    public void Add(object question, long head, object answer)
    {
        if (kept.Count >= maxKept)
        {
            kept.Clear();
        }

        kept[question] = (head, answer);
    }
}
