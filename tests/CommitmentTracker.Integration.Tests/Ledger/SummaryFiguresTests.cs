using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Ledger;

/// <summary>
/// The dashboard's figures, exactly, over the seeded database alone: this class has its own database and writes
/// nothing, so every count is known (the seeds' 23 commitments, the clock at 2025-01-15) and none is "at least".
/// </summary>
public sealed class SummaryFiguresTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    // The seeds' 23 commitments by status, kind, party and counterpart (none changes status before 2025-01-15).
    private const string Seeded = "; status Captured=23; kind TradeTarget=2 CulturalEvent=2 Hub=2 Instruction=1 Cooperation=11 Pledge=5; party BY=17 RU-NVS=12 RU-KDA=8 BY-GOV=4 RU=2 BELKOMMUNMASH=1 BY-BUILDERS=1 BY-NVS-JOINT-BODY=1; counterpart RU-NVS=11 RU-KDA=8 BY=1 RU=1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    // Today (2025-01-15): both Days of Belarus windows (spring and autumn 2024) have closed.
    [InlineData(null, "as of 2025-01-15: total 23, open 23, overdue 2, due in 30 days 0, in 90 days 0, open-ended 1" + Seeded)]
    // Only the spring 2024 window (1 March – 31 May) had closed.
    [InlineData("2024-06-01", "as of 2024-06-01: total 23, open 23, overdue 1, due in 30 days 0, in 90 days 0, open-ended 1" + Seeded)]
    // Spring 2024 ends on 31 May, within 90 days of 15 March and not within 30.
    [InlineData("2024-03-15", "as of 2024-03-15: total 23, open 23, overdue 0, due in 30 days 0, in 90 days 1, open-ended 1" + Seeded)]
    // Before either meeting: nothing was captured yet.
    [InlineData("2023-01-01", "as of 2023-01-01: total 0, open 0, overdue 0, due in 30 days 0, in 90 days 0, open-ended 0; status ; kind ; party ; counterpart ")]
    public async Task Summary_figures_as_of_a_day_are_exactly_the_seeds(string? asOf, string expected)
    {
        var query = asOf is null ? string.Empty : $"?asOf={asOf}";

        var summary = await app.Api().GetAsync($"/api/v1/summary{query}", Ct).ShouldBeJsonAsync<SummaryDto>();

        Describe(summary).ShouldBe(expected);
        summary.ByStatus.Sum(s => s.Count).ShouldBe(summary.Total);
        summary.ByKind.Sum(k => k.Count).ShouldBe(summary.Total);
    }

    // One line per figure set, so a wrong count names itself in the failure and the expectation reads as a table.
    private static string Describe(SummaryDto s) =>
        $"as of {s.AsOf:yyyy-MM-dd}: total {s.Total}, open {s.Open}, overdue {s.Overdue}, due in 30 days {s.DueWithin30Days}, in 90 days {s.DueWithin90Days}, open-ended {s.OpenEnded}"
        + $"; status {string.Join(" ", s.ByStatus.Select(c => $"{c.Status}={c.Count}"))}"
        + $"; kind {string.Join(" ", s.ByKind.Select(c => $"{c.Kind}={c.Count}"))}"
        + $"; party {string.Join(" ", s.ByParty.Select(c => $"{c.PartyKey}={c.Count}"))}"
        + $"; counterpart {string.Join(" ", s.ByCounterpart.Select(c => $"{c.PartyKey}={c.Count}"))}";
}
