using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Tests.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// The ledger size a list's shape is chosen by (decision 0064) is the projection's number of commitments, read again
/// only once its reading is <see cref="LedgerSize.Lifetime"/> old.
/// </summary>
public sealed class LedgerSizeTests(ScenarioLedger scenario) : IClassFixture<ScenarioLedger>
{
    [Fact]
    public async Task The_number_of_commitments_is_read_from_the_projection_and_kept_for_its_lifetime()
    {
        var ledger = scenario.Ledger;
        var size = new LedgerSize(ledger.Clock);
        Task<int> CountAsync() => ledger.WithDbAsync(db => size.CommitmentCountAsync(db.DashboardCountRows, CancellationToken.None));

        var first = await CountAsync();
        first.ShouldBe(await ledger.WithDbAsync(db => db.Commitments.CountAsync()));
        first.ShouldBe(7); // the scenario's ledger

        // Five more commitments as the projection counts them (a month row of the status figure).
        await ledger.WithDbAsync(async db =>
        {
            db.DashboardCountRows.Add(new DashboardCount(DashboardFigure.Status, "Captured", true, new DateOnly(1990, 1, 1), 5));
            await db.SaveChangesAsync();
        });

        ledger.Clock.Advance(LedgerSize.Lifetime - TimeSpan.FromTicks(1));
        (await CountAsync()).ShouldBe(first);
        ledger.Clock.Advance(TimeSpan.FromTicks(1));
        (await CountAsync()).ShouldBe(first + 5);
    }
}
