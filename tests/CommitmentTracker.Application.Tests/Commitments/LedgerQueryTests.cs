using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ExportCommitments;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Commitments.Queries.ListTargets;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>One commitment, its log and "as of", the overdue review, the export and the targets, over the scenario's ledger.</summary>
public sealed class LedgerQueryTests(ScenarioLedger scenario) : IClassFixture<ScenarioLedger>
{
    private readonly TestLedger _ledger = scenario.Ledger;

    private static readonly DateTimeOffset CapturedAt = TestLedger.Start;

    [Fact]
    public async Task A_commitment_is_read_whole_by_its_code_in_any_case()
    {
        var c = await _ledger.SendAsync(new GetCommitmentQuery(" nsk-2023-002 "));

        c.Code.ShouldBe("NSK-2023-002");
        c.Title.ShouldBe("Open a trade house in Novosibirsk");
        c.Summary.ShouldBe("A permanent showroom for Belarusian machinery.");
        c.Kind.ShouldBe(CommitmentKind.Hub);
        c.Modality.ShouldBe(Modality.Firm);
        c.Status.ShouldBe(LifecycleStatus.InProgress);
        c.MeetingCode.ShouldBe("NSK-2023");
        c.MeetingDate.ShouldBe(Scenario.NovosibirskDay);
        c.IssuerKey.ShouldBe("BY");
        c.IssuerName.ShouldBe("Republic of Belarus");
        c.CapturedBy.ShouldBe("ana");
        c.CreatedAt.ShouldBe(CapturedAt.AddMinutes(1));
        c.UpdatedAt.ShouldBe(Scenario.AppendedAt);
        c.Version.ShouldBe(2);
        c.Tags.ShouldBeEmpty();
        c.Target.ShouldBeNull();
        c.Due!.Latest.ShouldBe(new DateOnly(2023, 12, 1));
        // Due on 2023-12-01, open on 2024-02-01 (today): overdue.
        c.IsOverdue.ShouldBeTrue();
        c.Responsibilities.Select(r => (r.PartyKey, r.PartyName, r.Role)).ShouldBe([
            ("BY", "Republic of Belarus", ResponsibilityRole.Lead),
            ("RU-NVS", "Novosibirsk Oblast", ResponsibilityRole.Counterpart),
        ]);
        var quote = "open a trade house in Novosibirsk by 1 December 2023";
        var span = c.Spans.ShouldHaveSingleItem();
        span.Quote.ShouldBe(quote);
        span.Start.ShouldBe(Scenario.NovosibirskRecord.IndexOf(quote, StringComparison.Ordinal));
        span.End.ShouldBe(span.Start + quote.Length);
        c.LatestEntry.ShouldNotBeNull();
        c.LatestEntry.Sequence.ShouldBe(2);
        c.LatestEntry.Status.ShouldBe(LifecycleStatus.InProgress);
        c.LatestEntry.EffectiveOn.ShouldBe(new DateOnly(2024, 1, 20));
        c.LatestEntry.At.ShouldBe(Scenario.AppendedAt);
        c.LatestEntry.Author.ShouldBe("ana");
    }

    [Fact]
    public async Task A_commitment_is_read_by_its_id_and_a_closed_one_past_its_window_is_not_overdue()
    {
        var id = await _ledger.WithDbAsync(db => db.Commitments.Where(c => c.Code == "NSK-2023-005").Select(c => c.Id).SingleAsync());
        var c = await _ledger.SendAsync(new GetCommitmentQuery(id.ToString()));

        c.Id.ShouldBe(id);
        c.Code.ShouldBe("NSK-2023-005");
        c.Status.ShouldBe(LifecycleStatus.Fulfilled);
        c.IsOverdue.ShouldBeFalse();
        c.LatestEntry!.Author.ShouldBe("max");

        // Lead first, then the counterpart, whatever the names' order.
        c.Responsibilities.Select(r => r.PartyKey).ShouldBe(["RU-NVS", "BY"]);
    }

    [Fact]
    public async Task The_target_is_read_with_its_observations()
    {
        var c = await _ledger.SendAsync(new GetCommitmentQuery("NSK-2023-003"));

        c.Due.ShouldBeNull();
        c.IsOverdue.ShouldBeFalse();
        c.Modality.ShouldBe(Modality.Tentative);
        var target = c.Target.ShouldNotBeNull();
        target.Metric.ShouldBe("Trade turnover");
        target.Unit.ShouldBe("USD");
        target.Direction.ShouldBe(TargetDirection.Balance);
        target.BaselineValue.ShouldBe(1_200_000_000m);
        target.BaselineDate.ShouldBe(new DateOnly(2022, 12, 31));
        target.GoalValue.ShouldBeNull();
        var observation = target.Observations.ShouldHaveSingleItem();
        (observation.PeriodStart, observation.PeriodEnd, observation.Value, observation.Source)
            .ShouldBe((new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30), 700_000_000m, "Customs statistics"));
    }

    [Fact]
    public async Task An_unknown_commitment_is_not_found()
    {
        var ex = await Should.ThrowAsync<NotFoundException>(() => _ledger.SendAsync(new GetCommitmentQuery("NSK-2023-999")));
        (ex.Entity, ex.Key).ShouldBe(("Commitment", "NSK-2023-999"));
        await Should.ThrowAsync<NotFoundException>(() => _ledger.SendAsync(new GetStatusHistoryQuery(Guid.NewGuid().ToString())));
        await Should.ThrowAsync<NotFoundException>(() => _ledger.SendAsync(new GetStatusAsOfQuery("NSK-2023-999", Scenario.Today)));
    }

    [Fact]
    public async Task The_status_history_is_the_whole_log_oldest_first()
    {
        var log = await _ledger.SendAsync(new GetStatusHistoryQuery("NSK-2023-006"));

        log.Select(e => (e.Sequence, e.Status, e.EffectiveOn, e.At, e.Author, e.Rationale)).ShouldBe([
            (1, LifecycleStatus.Captured, Scenario.CaptureDay, CapturedAt.AddMinutes(5), "ana", "Captured from the meeting record."),
            (2, LifecycleStatus.Stalled, new DateOnly(2024, 1, 12), Scenario.AppendedAt.AddMinutes(2), "ana", "No design bureau was named."),
        ]);
    }

    [Theory]
    // 002: captured 2024-01-10, InProgress from 2024-01-20, due 2023-12-01.
    [InlineData("NSK-2023-002", "2024-01-09", null, false, null)]
    [InlineData("NSK-2023-002", "2024-01-10", LifecycleStatus.Captured, true, 1)]
    [InlineData("NSK-2023-002", "2024-01-19", LifecycleStatus.Captured, true, 1)]
    [InlineData("NSK-2023-002", "2024-01-20", LifecycleStatus.InProgress, true, 2)]
    // 005: Fulfilled from 2024-01-25, due 2024-03-31: closed, so never overdue afterwards.
    [InlineData("NSK-2023-005", "2024-01-24", LifecycleStatus.Captured, false, 1)]
    [InlineData("NSK-2023-005", "2024-06-01", LifecycleStatus.Fulfilled, false, 2)]
    // MSK-2024-001: due this year; on the window's last day it is not yet overdue, the day after it is.
    [InlineData("MSK-2024-001", "2024-12-31", LifecycleStatus.Captured, false, 1)]
    [InlineData("MSK-2024-001", "2025-01-01", LifecycleStatus.Captured, true, 1)]
    public async Task The_status_as_of_a_day_is_the_last_entry_in_effect_by_its_end(string code, string day, LifecycleStatus? status, bool overdue, int? sequence)
    {
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var answer = await _ledger.SendAsync(new GetStatusAsOfQuery(code.ToLowerInvariant(), asOf));

        answer.Code.ShouldBe(code);
        answer.AsOf.ShouldBe(asOf);
        answer.Status.ShouldBe(status);
        answer.IsOverdue.ShouldBe(overdue);
        (answer.Entry?.Sequence).ShouldBe(sequence);
        (answer.Entry is null).ShouldBe(sequence is null);
    }

    [Fact]
    public async Task The_overdue_review_lists_the_most_overdue_first_with_its_days()
    {
        var page = await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter()));

        page.TotalCount.ShouldBe(2);
        page.TotalIsEstimate.ShouldBeFalse();
        page.Next.ShouldBeNull();
        page.Items.Select(i => (i.Code, i.Status, i.DaysOverdue)).ShouldBe([
            // Due 2023-10-31 and 2023-12-01; today is 2024-02-01.
            ("NSK-2023-006", LifecycleStatus.Stalled, 93),
            ("NSK-2023-002", LifecycleStatus.InProgress, 62),
        ]);
        var tram = page.Items[0];
        tram.Title.ShouldBe("Present a tram project");
        tram.Kind.ShouldBe(CommitmentKind.Instruction);
        tram.MeetingCode.ShouldBe("NSK-2023");
        tram.IssuerKey.ShouldBe("BY-GOV");
        tram.LeadPartyKey.ShouldBe("BY-GOV");
        (tram.Due.Phrase, tram.Due.Precision, tram.Due.Earliest, tram.Due.Latest)
            .ShouldBe(("by the end of October", DuePrecision.Month, Scenario.NovosibirskDay, new DateOnly(2023, 10, 31)));
        page.Items[1].LeadPartyKey.ShouldBe("BY");
        page.Items[1].Id.ShouldBe(await _ledger.WithDbAsync(db => db.Commitments.Where(c => c.Code == "NSK-2023-002").Select(c => c.Id).SingleAsync()));
    }

    [Theory]
    // On 2024-01-15 002 was still Captured (InProgress from the 20th); 006 had stalled on the 12th.
    [InlineData("2024-01-15", new[] { "NSK-2023-006", "NSK-2023-002" }, new[] { LifecycleStatus.Stalled, LifecycleStatus.Captured }, new[] { 76, 45 })]
    // On 2024-12-01 autumn 2024 is over too (2024 is a leap year: 366 days from 2023-12-01).
    [InlineData("2024-12-01", new[] { "NSK-2023-006", "NSK-2023-002", "NSK-2023-001" }, new[] { LifecycleStatus.Stalled, LifecycleStatus.InProgress, LifecycleStatus.Captured }, new[] { 397, 366, 1 })]
    [InlineData("2024-01-09", new string[0], new LifecycleStatus[0], new int[0])]
    public async Task The_overdue_review_as_of_a_day_uses_the_status_of_that_day(string day, string[] codes, LifecycleStatus[] statuses, int[] days)
    {
        var page = await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter { AsOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) }));

        page.Items.Select(i => i.Code).ShouldBe(codes);
        page.Items.Select(i => i.Status).ShouldBe(statuses);
        page.Items.Select(i => i.DaysOverdue).ShouldBe(days);
        page.TotalCount.ShouldBe(codes.Length);
    }

    [Fact]
    public async Task The_overdue_review_keeps_to_the_other_filters_and_ignores_the_overdue_flag()
    {
        (await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter { Party = "BY-GOV" }))).Items.Select(i => i.Code).ShouldBe(["NSK-2023-006"]);
        (await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter { Kind = [CommitmentKind.Hub] }))).Items.Select(i => i.Code).ShouldBe(["NSK-2023-002"]);
        (await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter { Overdue = false }))).Items.Select(i => i.Code).ShouldBe(["NSK-2023-006", "NSK-2023-002"]);
        (await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter { Meeting = "MSK-2024" }))).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_overdue_review_pages_by_offset_and_by_cursor_in_the_same_order()
    {
        var first = await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter(), 1, 1));
        first.Items.Select(i => i.Code).ShouldBe(["NSK-2023-006"]);
        first.TotalCount.ShouldBe(2);
        first.Next.ShouldBe("NSK-2023-006");

        var second = await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter(), 1, 1, After: first.Next));
        second.Items.Select(i => i.Code).ShouldBe(["NSK-2023-002"]);
        second.Items[0].DaysOverdue.ShouldBe(62);
        second.Next.ShouldBe("NSK-2023-002");

        var third = await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter(), 1, 1, After: second.Next));
        third.Items.ShouldBeEmpty();
        third.Next.ShouldBeNull();

        (await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter(), 2, 1))).Items.Select(i => i.Code).ShouldBe(["NSK-2023-002"]);
    }

    [Fact]
    public async Task The_overdue_cursor_breaks_ties_of_the_same_day_by_code()
    {
        // On 2025-01-01 MSK-2024-001 (due 2024-12-31) is overdue as well; 001 (2024-11-30) before it.
        var filter = new CommitmentFilter { AsOf = new DateOnly(2025, 1, 1) };
        var all = await _ledger.SendAsync(new ListOverdueQuery(filter));
        all.Items.Select(i => i.Code).ShouldBe(["NSK-2023-006", "NSK-2023-002", "NSK-2023-001", "MSK-2024-001"]);

        var afterAutumn = await _ledger.SendAsync(new ListOverdueQuery(filter, 1, 25, After: "NSK-2023-001"));
        afterAutumn.Items.Select(i => i.Code).ShouldBe(["MSK-2024-001"]);
        afterAutumn.Next.ShouldBeNull();
    }

    [Fact]
    public async Task An_overdue_cursor_that_names_no_commitment_is_refused_on_after()
    {
        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter(), 1, 1, After: "NSK-2023-999")));
        var failure = ex.Errors.ShouldHaveSingleItem();
        failure.PropertyName.ShouldBe("after");
        failure.ErrorMessage.ShouldBe("'after' must be the code of a commitment; 'NSK-2023-999' is not one.");
    }

    private async Task<List<CommitmentExportRow>> ExportAsync(ExportCommitmentsQuery query)
    {
        // The rows stream from the database while they are read: read them inside the request's scope.
        return await _ledger.InScopeAsync(async services =>
        {
            var rows = await services.GetRequiredService<Mediator.ISender>().Send(query);
            var list = new List<CommitmentExportRow>();
            await foreach (var row in rows)
            {
                list.Add(row);
            }

            return list;
        });
    }

    [Fact]
    public async Task The_export_streams_every_matching_row_with_its_values_in_the_lists_order()
    {
        var rows = await ExportAsync(new ExportCommitmentsQuery(new CommitmentFilter { Kind = [CommitmentKind.Instruction, CommitmentKind.Hub] }, "-code"));

        rows.Select(r => r.Code).ShouldBe(["NSK-2023-006", "NSK-2023-002", "MSK-2024-001"]);
        var hub = rows[1];
        hub.ShouldBe(new CommitmentExportRow(
            "NSK-2023-002", "Open a trade house in Novosibirsk", CommitmentKind.Hub, Modality.Firm, LifecycleStatus.InProgress, "NSK-2023",
            Scenario.NovosibirskDay, "BY", "BY", "by 1 December 2023", Scenario.NovosibirskDay, new DateOnly(2023, 12, 1),
            "open a trade house in Novosibirsk by 1 December 2023", "A permanent showroom for Belarusian machinery.", Scenario.AppendedAt));
        rows[2].LeadPartyKey.ShouldBe("RU");
        rows[2].Quote.ShouldBe("prepare a joint programme this year");
    }

    [Fact]
    public async Task The_export_applies_the_overdue_filter_on_the_clocks_day()
    {
        (await ExportAsync(new ExportCommitmentsQuery(new CommitmentFilter { Overdue = true }))).Select(r => r.Code).ShouldBe(["NSK-2023-002", "NSK-2023-006"]);
        (await ExportAsync(new ExportCommitmentsQuery(new CommitmentFilter { Q = "trade" }, "title"))).Select(r => r.Code).ShouldBe(["NSK-2023-003", "NSK-2023-002"]);
        var pledge = (await ExportAsync(new ExportCommitmentsQuery(new CommitmentFilter { Kind = [CommitmentKind.Pledge] }))).ShouldHaveSingleItem();
        (pledge.DuePhrase, pledge.DueEarliest, pledge.DueLatest, pledge.Summary).ShouldBe(("in the near future", Scenario.NovosibirskDay, (DateOnly?)null, (string?)null));
    }

    [Fact]
    public async Task The_targets_list_reads_baseline_goal_and_the_latest_observation()
    {
        var target = (await _ledger.SendAsync(new ListTargetsQuery())).ShouldHaveSingleItem();

        target.Code.ShouldBe("NSK-2023-003");
        target.Title.ShouldBe("Balance the trade");
        target.Status.ShouldBe(LifecycleStatus.Confirmed);
        target.Metric.ShouldBe("Trade turnover");
        target.Unit.ShouldBe("USD");
        target.Direction.ShouldBe(TargetDirection.Balance);
        target.BaselineValue.ShouldBe(1_200_000_000m);
        target.BaselineDate.ShouldBe(new DateOnly(2022, 12, 31));
        target.GoalValue.ShouldBeNull();
        target.LatestValue.ShouldBe(700_000_000m);
        target.LatestPeriodEnd.ShouldBe(new DateOnly(2023, 6, 30));
    }
}
