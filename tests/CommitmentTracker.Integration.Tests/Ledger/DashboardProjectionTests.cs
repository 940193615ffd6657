using System.Globalization;
using System.Net;
using System.Text.Json;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Infrastructure.Synthetic;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Ledger;

/// <summary>
/// The dashboard reads a projection kept by every save (decision 0022). Whatever happens to the commitments —
/// captures on many days, status walks that close and reopen nothing twice, revised kinds, parties and due windows —
/// the figures it gives for any day must be exactly those counted from the commitments themselves, on every engine.
/// </summary>
public abstract class DashboardProjectionTests(AppFactory app)
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_projection_gives_a_full_recount_for_every_day_after_captures_status_changes_and_revisions()
    {
        // After every synthetic entry (they run to 2026): "today" is then a day with the whole history behind it.
        app.Clock.Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        await using (var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>()
                .GenerateAsync(new SyntheticDataRequest(Meetings: 12, Commitments: 600, Seed: 16, BatchSize: 250), Ct);
        }

        var client = app.Api();

        // A revision moves a commitment between kinds, parties and due windows (overdue → due in the future).
        var code = "NSK-2023-009";
        var current = await client.GetAsync($"{Api}/commitments/{code}", Ct);
        var detail = await current.ShouldBeJsonAsync<CommitmentDetailDto>();
        await client.PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(detail) with
        {
            Kind = CommitmentKind.Pledge,
            Due = "by the end of 2026",
            Responsibilities = [new ResponsibilityInput("RU", ResponsibilityRole.Lead), new ResponsibilityInput("BY", ResponsibilityRole.Counterpart)],
        }, current.Headers.ETag!.Tag).ShouldBeJsonAsync<CommitmentDetailDto>();

        // Status entries on later days: open → open, then open → closed (leaves the overdue and due figures).
        app.Clock.Now = app.Clock.Now.AddDays(3);
        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed }).ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        app.Clock.Now = app.Clock.Now.AddDays(4);
        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Withdrawn, Rationale = "Replaced by a new agreement." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        // A refused write leaves the projection exactly as it was.
        var before = await RowsAsync();
        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.InProgress })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await RowsAsync()).ShouldBe(before);

        var today = AsOfDay.Today(app.Clock);
        var days = new List<DateOnly?> { null, today, today.AddDays(-4), today.AddDays(-7), today.AddDays(-8), today.AddDays(400) };
        for (var day = new DateOnly(2022, 12, 1); day < today; day = day.AddDays(37))
        {
            days.Add(day);
        }

        foreach (var day in days)
        {
            var asOf = day is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"?asOf={day:yyyy-MM-dd}");
            var summary = await client.GetAsync($"{Api}/summary{asOf}", Ct).ShouldBeJsonAsync<SummaryDto>();
            Describe(summary).ShouldBe(Describe(await RecountAsync(day ?? today, today)), $"summary{asOf}");
        }

        // The figures are not all zero: the comparison above compared something.
        var todays = await client.GetAsync($"{Api}/summary", Ct).ShouldBeJsonAsync<SummaryDto>();
        todays.Total.ShouldBe(623);
        todays.Overdue.ShouldBeGreaterThan(0);
        todays.ByStatus.Count.ShouldBeGreaterThan(5);

        // Rebuilding from the commitments gives the very rows the saves kept.
        var kept = await RowsAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<AppDbContext>().RebuildDashboardAsync(Ct)).ShouldBe(623);
        }

        (await RowsAsync()).ShouldBe(kept);
    }

    private async Task<SummaryDto> RecountAsync(DateOnly asOf, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await SummaryRecount.CountAsync(scope.ServiceProvider.GetRequiredService<IApplicationDbContext>(), asOf, today, Ct);
    }

    // The projection's rows that count (a row whose changes cancelled out holds zero), in key order.
    private async Task<string[]> RowsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().DashboardCounts.Where(c => c.Change != 0).ToListAsync(Ct);
        return [.. rows.Select(c => $"{c.Figure} {c.Item} {(c.WholeMonth ? "month" : "day")} {c.Day:yyyy-MM-dd} {c.Change}").Order(StringComparer.Ordinal)];
    }

    private static string Describe(SummaryDto s) => JsonSerializer.Serialize(s, AppFactory.Json);
}

public sealed class SqliteDashboardProjectionTests(SqliteAppFactory app) : DashboardProjectionTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlDashboardProjectionTests(PostgreSqlAppFactory app) : DashboardProjectionTests(app), IClassFixture<PostgreSqlAppFactory>;
