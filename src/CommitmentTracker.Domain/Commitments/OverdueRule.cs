using System.Linq.Expressions;

namespace CommitmentTracker.Domain.Commitments;

/// <summary>
/// What "overdue" means, defined once: on a day, a commitment is overdue when its due window closed before that day
/// and its status on that day was open. The definition is an expression, so the same words run in SQL
/// (<see cref="Where{T}"/>, composed into any query) and in memory (<see cref="Holds"/>, compiled from it).
/// </summary>
public static class OverdueRule
{
    private static readonly LifecycleStatus[] ClosedStatuses = [.. Lifecycle.Closed];

    /// <summary>
    /// The rule's due half: (latest day of the due window, the day) → the window had closed. True of every commitment
    /// overdue on the day whatever its status then, so it narrows where that day's status is not at hand (decision 0147).
    /// </summary>
    public static readonly Expression<Func<DateOnly?, DateOnly, bool>> DueClosed = (latest, day) => latest != null && latest < day;

    /// <summary>The rule: (latest day of the due window, status on the day, the day) → overdue: <see cref="DueClosed"/> and an open status.</summary>
    public static readonly Expression<Func<DateOnly?, LifecycleStatus, DateOnly, bool>> Definition = WithOpenStatus(DueClosed);

    private static readonly Func<DateOnly?, LifecycleStatus, DateOnly, bool> Compiled = Definition.Compile();

    public static bool Holds(LifecycleStatus status, DateOnly? dueLatest, DateOnly day) => Compiled(dueLatest, status, day);

    /// <summary>Whole days since the due window closed; zero when it has not closed by <paramref name="day"/>.</summary>
    public static int DaysPast(DateOnly? dueLatest, DateOnly day) =>
        dueLatest is { } latest && latest < day ? day.DayNumber - latest.DayNumber : 0;

    /// <summary>
    /// The rule as a filter over anything that has a due window's latest day and a status:
    /// <c>query.Where(OverdueRule.Where&lt;Row&gt;(r =&gt; r.DueLatest, r =&gt; r.Status, day))</c>. With
    /// <paramref name="overdue"/> false it is the exact complement (open-ended windows and closed items included).
    /// </summary>
    public static Expression<Func<T, bool>> Where<T>(Expression<Func<T, DateOnly?>> latest, Expression<Func<T, LifecycleStatus>> status, DateOnly day, bool overdue = true)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(status);
        var row = Expression.Parameter(typeof(T), "row");
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [Definition.Parameters[0]] = new Substitution(latest.Parameters[0], row).Visit(latest.Body),
            [Definition.Parameters[1]] = new Substitution(status.Parameters[0], row).Visit(status.Body),
            [Definition.Parameters[2]] = Expression.Constant(day),
        }).Visit(Definition.Body);
        return Expression.Lambda<Func<T, bool>>(overdue ? body : Expression.Not(body), row);
    }

    /// <summary>
    /// Only the commitments whose due window had closed before <paramref name="day"/> (<see cref="DueClosed"/>): every
    /// one overdue that day is among them, whatever its status then.
    /// </summary>
    public static Expression<Func<T, bool>> DueClosedBefore<T>(Expression<Func<T, DateOnly?>> latest, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var body = new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [DueClosed.Parameters[0]] = latest.Body,
            [DueClosed.Parameters[1]] = Expression.Constant(day),
        }).Visit(DueClosed.Body);
        return Expression.Lambda<Func<T, bool>>(body, latest.Parameters[0]);
    }

    private static Expression<Func<DateOnly?, LifecycleStatus, DateOnly, bool>> WithOpenStatus(Expression<Func<DateOnly?, DateOnly, bool>> dueClosed)
    {
        Expression<Func<LifecycleStatus, bool>> open = status => !ClosedStatuses.Contains(status);
        var (latest, day) = (dueClosed.Parameters[0], dueClosed.Parameters[1]);
        return Expression.Lambda<Func<DateOnly?, LifecycleStatus, DateOnly, bool>>(
            Expression.AndAlso(dueClosed.Body, open.Body), latest, open.Parameters[0], day);
    }

    private sealed class Substitution(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        public Substitution(ParameterExpression from, Expression to)
            : this(new Dictionary<ParameterExpression, Expression> { [from] = to })
        {
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : base.VisitParameter(node);
    }
}

/// <summary>
/// "As of" a day means at the end of that day: the status entries in effect then are those whose effective day is
/// on or before it, whenever they were recorded (ADR 0024). One expression, for SQL and for memory.
/// </summary>
public static class AsOfDay
{
    /// <summary>Entries in effect at the end of <paramref name="day"/>; the last of them by sequence is the status.</summary>
    public static Expression<Func<StatusEntry, bool>> InEffectOn(DateOnly day) => e => e.EffectiveOn <= day;

    /// <summary>The UTC day of an instant: the day an entry recorded then is recorded on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>Today in UTC, the day a clock is on.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }
}
