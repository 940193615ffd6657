using CommitmentTracker.Domain.Commitments;
using static CommitmentTracker.Domain.Commitments.LifecycleStatus;

namespace CommitmentTracker.Domain.Tests.Commitments;

public class LifecycleTests
{
    // The rule written out in full, one row per (from, to) pair: 9 × 9 = 81 rows. It is deliberately not
    // derived from Lifecycle's own table, so any change to the allowed moves must change this table too.
    public static TheoryData<LifecycleStatus, LifecycleStatus, bool> Moves => new()
    {
        { Captured, Captured, true },
        { Captured, Confirmed, true },
        { Captured, InProgress, true },
        { Captured, Stalled, true },
        { Captured, Fulfilled, true },
        { Captured, PartiallyFulfilled, true },
        { Captured, NotFulfilled, true },
        { Captured, Superseded, true },
        { Captured, Withdrawn, true },

        { Confirmed, Captured, false },
        { Confirmed, Confirmed, true },
        { Confirmed, InProgress, true },
        { Confirmed, Stalled, true },
        { Confirmed, Fulfilled, true },
        { Confirmed, PartiallyFulfilled, true },
        { Confirmed, NotFulfilled, true },
        { Confirmed, Superseded, true },
        { Confirmed, Withdrawn, true },

        { InProgress, Captured, false },
        { InProgress, Confirmed, false },
        { InProgress, InProgress, true },
        { InProgress, Stalled, true },
        { InProgress, Fulfilled, true },
        { InProgress, PartiallyFulfilled, true },
        { InProgress, NotFulfilled, true },
        { InProgress, Superseded, true },
        { InProgress, Withdrawn, true },

        { Stalled, Captured, false },
        { Stalled, Confirmed, false },
        { Stalled, InProgress, true },
        { Stalled, Stalled, true },
        { Stalled, Fulfilled, true },
        { Stalled, PartiallyFulfilled, true },
        { Stalled, NotFulfilled, true },
        { Stalled, Superseded, true },
        { Stalled, Withdrawn, true },

        { Fulfilled, Captured, false },
        { Fulfilled, Confirmed, false },
        { Fulfilled, InProgress, false },
        { Fulfilled, Stalled, false },
        { Fulfilled, Fulfilled, true },
        { Fulfilled, PartiallyFulfilled, false },
        { Fulfilled, NotFulfilled, false },
        { Fulfilled, Superseded, false },
        { Fulfilled, Withdrawn, false },

        { PartiallyFulfilled, Captured, false },
        { PartiallyFulfilled, Confirmed, false },
        { PartiallyFulfilled, InProgress, false },
        { PartiallyFulfilled, Stalled, false },
        { PartiallyFulfilled, Fulfilled, false },
        { PartiallyFulfilled, PartiallyFulfilled, true },
        { PartiallyFulfilled, NotFulfilled, false },
        { PartiallyFulfilled, Superseded, false },
        { PartiallyFulfilled, Withdrawn, false },

        { NotFulfilled, Captured, false },
        { NotFulfilled, Confirmed, false },
        { NotFulfilled, InProgress, false },
        { NotFulfilled, Stalled, false },
        { NotFulfilled, Fulfilled, false },
        { NotFulfilled, PartiallyFulfilled, false },
        { NotFulfilled, NotFulfilled, true },
        { NotFulfilled, Superseded, false },
        { NotFulfilled, Withdrawn, false },

        { Superseded, Captured, false },
        { Superseded, Confirmed, false },
        { Superseded, InProgress, false },
        { Superseded, Stalled, false },
        { Superseded, Fulfilled, false },
        { Superseded, PartiallyFulfilled, false },
        { Superseded, NotFulfilled, false },
        { Superseded, Superseded, true },
        { Superseded, Withdrawn, false },

        { Withdrawn, Captured, false },
        { Withdrawn, Confirmed, false },
        { Withdrawn, InProgress, false },
        { Withdrawn, Stalled, false },
        { Withdrawn, Fulfilled, false },
        { Withdrawn, PartiallyFulfilled, false },
        { Withdrawn, NotFulfilled, false },
        { Withdrawn, Superseded, false },
        { Withdrawn, Withdrawn, true },
    };

    public static TheoryData<LifecycleStatus, bool> ClosedStatuses => new()
    {
        { Captured, false },
        { Confirmed, false },
        { InProgress, false },
        { Stalled, false },
        { Fulfilled, true },
        { PartiallyFulfilled, true },
        { NotFulfilled, true },
        { Superseded, true },
        { Withdrawn, true },
    };

    // The statuses each open status may move on to, as the refusal message must list them.
    public static TheoryData<LifecycleStatus, LifecycleStatus, string[]> RefusalsFromOpenStatuses => new()
    {
        { Confirmed, Captured, ["InProgress", "Stalled", "Fulfilled", "PartiallyFulfilled", "NotFulfilled", "Superseded", "Withdrawn"] },
        { InProgress, Captured, ["Stalled", "Fulfilled", "PartiallyFulfilled", "NotFulfilled", "Superseded", "Withdrawn"] },
        { Stalled, Confirmed, ["InProgress", "Fulfilled", "PartiallyFulfilled", "NotFulfilled", "Superseded", "Withdrawn"] },
    };

    [Fact]
    public void The_move_table_covers_every_pair_of_statuses_exactly_once()
    {
        var statuses = Enum.GetValues<LifecycleStatus>();
        statuses.Length.ShouldBe(9, "a new lifecycle status needs its rows in the Moves table");

        var pairs = Moves.Select(row => (row.Data.Item1, row.Data.Item2)).ToList();
        pairs.Count.ShouldBe(81);
        pairs.Distinct().Count().ShouldBe(81);
        foreach (var from in statuses)
        {
            foreach (var to in statuses)
            {
                pairs.ShouldContain((from, to));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void CanMove_follows_the_table(LifecycleStatus from, LifecycleStatus to, bool allowed) =>
        Lifecycle.CanMove(from, to).ShouldBe(allowed, $"{from} → {to}");

    [Theory]
    [MemberData(nameof(Moves))]
    public void EnsureCanMove_follows_the_table(LifecycleStatus from, LifecycleStatus to, bool allowed)
    {
        if (allowed)
        {
            Should.NotThrow(() => Lifecycle.EnsureCanMove(from, to));
            return;
        }

        var ex = Should.Throw<DomainRuleException>(() => Lifecycle.EnsureCanMove(from, to));
        ex.Field.ShouldBe("Status");
        ex.Message.ShouldContain($"cannot move from {from} to {to}");
    }

    [Theory]
    [MemberData(nameof(ClosedStatuses))]
    public void IsClosed_is_true_only_for_the_outcomes(LifecycleStatus status, bool closed) =>
        Lifecycle.IsClosed(status).ShouldBe(closed);

    [Fact]
    public void Closed_lists_the_five_outcomes()
    {
        Lifecycle.Closed.ShouldBe([Fulfilled, PartiallyFulfilled, NotFulfilled, Superseded, Withdrawn], ignoreOrder: true);
    }

    [Theory]
    [InlineData(Fulfilled)]
    [InlineData(PartiallyFulfilled)]
    [InlineData(NotFulfilled)]
    [InlineData(Superseded)]
    [InlineData(Withdrawn)]
    public void Closed_statuses_are_terminal_except_for_a_same_status_assessment(LifecycleStatus closed)
    {
        Lifecycle.NextFrom(closed).ShouldBeEmpty();
        Lifecycle.CanMove(closed, closed).ShouldBeTrue();
        foreach (var other in Enum.GetValues<LifecycleStatus>().Where(s => s != closed))
        {
            Lifecycle.CanMove(closed, other).ShouldBeFalse($"{closed} → {other}");
        }
    }

    [Theory]
    [MemberData(nameof(RefusalsFromOpenStatuses))]
    public void A_refusal_from_an_open_status_names_both_statuses_and_the_allowed_next_ones(LifecycleStatus from, LifecycleStatus to, string[] allowedNext)
    {
        var ex = Should.Throw<DomainRuleException>(() => Lifecycle.EnsureCanMove(from, to));

        ex.Field.ShouldBe("Status");
        ex.Message.ShouldContain($"from {from} to {to}");
        ex.Message.ShouldContain($"From {from} the allowed statuses are: {string.Join(", ", allowedNext)}");
        ex.Message.ShouldContain($"or {from} again to record an assessment");
    }

    [Fact]
    public void Every_open_status_may_move_to_stalled_and_to_every_closed_outcome()
    {
        // Issue 13: a manager records what happened, without inventing the entries the old chain demanded.
        foreach (var open in new[] { Captured, Confirmed, InProgress, Stalled })
        {
            Lifecycle.CanMove(open, Stalled).ShouldBeTrue($"{open} → Stalled");
            foreach (var closed in Lifecycle.Closed)
            {
                Lifecycle.CanMove(open, closed).ShouldBeTrue($"{open} → {closed}");
            }
        }
    }

    [Fact]
    public void A_refusal_from_a_closed_status_says_it_is_closed()
    {
        var ex = Should.Throw<DomainRuleException>(() => Lifecycle.EnsureCanMove(Fulfilled, InProgress));

        ex.Field.ShouldBe("Status");
        ex.Message.ShouldContain("from Fulfilled to InProgress");
        ex.Message.ShouldContain("Fulfilled is a closed status");
    }
}
