using System.Net;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Ledger;

/// <summary>
/// Decision 0028: text search ignores case in Russian and English and follows every edit in the same save; the two
/// ways a list filter is written into SQL (seek the filter's index, or walk the list's order and test rows) list the
/// same commitments, so choosing one by the size of the match can never change an answer.
/// </summary>
public abstract class SearchAndListShapeTests(AppFactory app)
{
    private const string Api = "/api/v1";

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Whether the provider's search reads the quotes too (its full-text index); LIKE reads code, title and summary.</summary>
    protected abstract bool SearchesQuotes { get; }

    [Fact]
    public async Task The_projection_knows_how_many_commitments_there_are()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();

        (await db.DashboardCounts.CommitmentCountAsync(Ct)).ShouldBe(await db.Commitments.CountAsync(Ct));
    }

    [Fact]
    public async Task Text_search_ignores_case_in_Russian_and_English_and_follows_an_edit()
    {
        var client = app.Api();
        const string text = "Договорились провести Дни культуры Беларуси в Новосибирской области осенью 2024 года. Агролизинг поставит трамваи.";
        var meeting = await client.NewMeetingAsync("TSR", text, "Search test meeting", "ru", "Новосибирск");
        const string quote = "провести Дни культуры Беларуси в Новосибирской области осенью 2024 года";
        var created = await client.PostJsonAsync($"{Api}/commitments", new CreateCommitmentCommand
        {
            Meeting = meeting.Code,
            Title = "Провести Дни культуры Беларуси",
            Summary = "Joint CULTURAL programme in Novosibirsk.",
            Kind = CommitmentKind.CulturalEvent,
            Modality = Modality.Firm,
            Issuer = "BY",
            Due = "autumn 2030",
            Responsibilities = [new ResponsibilityInput("BY-GOV", ResponsibilityRole.Lead)],
            Tags = ["culture"],
            Spans = [new SpanInput(meeting.Documents.Single().Id, text.IndexOf(quote, StringComparison.Ordinal), text.IndexOf(quote, StringComparison.Ordinal) + quote.Length, quote)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        foreach (var q in new[] { "Провести", "провести", "ПРОВЕСТИ", "дни КУЛЬТУРЫ", "cultural", "Cultural programme", created.Code.ToLowerInvariant() })
        {
            (await SearchAsync(client, q, meeting.Code)).ShouldBe(new[] { created.Code }, $"q={q}");
        }

        (await SearchAsync(client, "праздник", meeting.Code)).ShouldBeEmpty();
        (await SearchAsync(client, "Новосибирской", meeting.Code)).ShouldBe(SearchesQuotes ? new[] { created.Code } : Array.Empty<string>(), "the word is only in the quote");

        // An edit is searchable in the same save, and the old words are gone from the index.
        var current = await client.GetAsync($"{Api}/commitments/{created.Code}", Ct);
        var etag = current.Headers.ETag!.Tag;
        var detail = await current.ShouldBeJsonAsync<CommitmentDetailDto>();
        var draft = new CommitmentDraft
        {
            Title = "Организовать выставку",
            Summary = detail.Summary,
            Kind = detail.Kind,
            Modality = detail.Modality,
            Issuer = detail.IssuerKey,
            Due = detail.Due?.Phrase,
            Responsibilities = [.. detail.Responsibilities.Select(r => new ResponsibilityInput(r.PartyKey, r.Role))],
            Tags = detail.Tags,
            Spans = [.. detail.Spans.Select(s => new SpanInput(s.DocumentId, s.Start, s.End, s.Quote))],
        };
        await client.PutJsonAsync($"{Api}/commitments/{created.Code}", draft, etag).ShouldBeJsonAsync<CommitmentDetailDto>();

        (await SearchAsync(client, "выставку", meeting.Code)).ShouldBe(new[] { created.Code });
        (await SearchAsync(client, "Дни", meeting.Code)).ShouldBe(SearchesQuotes ? new[] { created.Code } : Array.Empty<string>(), "still in the quote, no longer in the title");
        (await SearchAsync(client, "провести беларуси", meeting.Code)).ShouldBe(SearchesQuotes ? new[] { created.Code } : Array.Empty<string>());
    }

    [Theory]
    [InlineData("party=BELKOMMUNMASH")]
    [InlineData("party=RU-KDA")]
    [InlineData("party=BY")]
    [InlineData("dueFrom=2024-01-01&dueTo=2024-12-31")]
    [InlineData("dueFrom=2024-06-01")]
    [InlineData("overdue=true")]
    [InlineData("overdue=false")]
    [InlineData("overdue=true&asOf=2024-06-01")]
    [InlineData("overdue=true&dueTo=2024-12-31")]
    [InlineData("openEnded=true")]
    [InlineData("openEnded=false&dueTo=2024-12-31")]
    [InlineData("status=Captured&status=Confirmed&status=InProgress&status=Stalled")]
    [InlineData("status=Captured&status=Confirmed&openEnded=true")]
    [InlineData("status=Captured&openEnded=true")]
    [InlineData("q=tram")]
    [InlineData("q=trade&party=BY")]
    [InlineData("q=Belarus&overdue=false")]
    public async Task Walking_the_list_order_lists_what_seeking_the_filter_lists(string query)
    {
        var filter = Parse(query);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();

        var seek = await (await db.MatchingAsync(filter, today, Ct)).Select(c => c.Code).ToListAsync(Ct);
        var walk = await db.MatchingAsync(filter, today, Ct, ListShape.Walk);
        var walked = await walk.Select(c => c.Code).ToListAsync(Ct);

        seek.ShouldNotBeEmpty($"the seeds match {query}, so the comparison says something");
        walked.ShouldBe(seek, ignoreOrder: true);
        if (db is AppDbContext context && context.Database.IsSqlite() && (filter.DueFrom is not null || filter.Overdue is not null || filter.Status is { Count: > 1 }))
        {
            walk.OrderBy(c => c.Code).ToQueryString().ShouldContain("likely(", Case.Insensitive, "the due or status test is kept from the planner on SQLite");
        }
    }

    /// <summary>
    /// Decision 0144: a page sorted by status or kind is read value by value, the values in the ordinal order of their
    /// names; the pages, crossing from one value to the next, are the engine's own sort of the table.
    /// </summary>
    [Theory]
    [InlineData("status")]
    [InlineData("-status")]
    [InlineData("kind")]
    [InlineData("-kind")]
    public async Task Pages_by_status_or_kind_are_the_engines_own_order(string sort)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var expected = await db.Commitments.AsNoTracking().SortBy(sort).Select(c => c.Code).ToListAsync(Ct);
        var client = app.Api();

        var listed = new List<string>();
        for (var page = 1; listed.Count < expected.Count; page++)
        {
            var result = await client.GetAsync($"{Api}/commitments?sort={sort}&pageSize=4&page={page}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
            result.Items.ShouldNotBeEmpty($"page {page} of {sort}");
            listed.AddRange(result.Items.Select(i => i.Code));
        }

        expected.Count.ShouldBeGreaterThan(8, "the pages cross from one value to the next");
        listed.ShouldBe(expected);
    }

    /// <summary>
    /// Decision 0145: each responsibility carries its commitment's status, kind and last due day. The database's trigger
    /// keeps them current through a status entry (whose command loads no responsibilities) and through an edit, and a
    /// party's list with those criteria, read and counted from the copies, holds what the commitments' own columns hold.
    /// </summary>
    [Fact]
    public async Task A_responsibility_follows_its_commitments_status_kind_and_due_day_through_every_change()
    {
        var client = app.Api();
        const string text = "Договорились поставить трамваи в Краснодар осенью 2030 года.";
        var meeting = await client.NewMeetingAsync("MIR", text, "Mirror test meeting", "ru", "Краснодар");
        var created = await client.PostJsonAsync($"{Api}/commitments", new CreateCommitmentCommand
        {
            Meeting = meeting.Code,
            Title = "Поставить трамваи в Краснодар",
            Kind = CommitmentKind.Cooperation,
            Modality = Modality.Firm,
            Issuer = "BY",
            Due = "autumn 2030",
            Responsibilities = [new ResponsibilityInput("BY-GOV", ResponsibilityRole.Lead), new ResponsibilityInput("RU-KDA", ResponsibilityRole.Counterpart)],
            Spans = [new SpanInput(meeting.Documents.Single().Id, 0, text.Length, text)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        (await MirroredAsync(created.Code)).ShouldBe((LifecycleStatus.Captured, CommitmentKind.Cooperation, new DateOnly(2030, 11, 30)));

        await client.PostJsonAsync($"{Api}/commitments/{created.Code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed, Rationale = "Both sides confirmed." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        (await MirroredAsync(created.Code)).ShouldBe((LifecycleStatus.Confirmed, CommitmentKind.Cooperation, new DateOnly(2030, 11, 30)));

        var current = await client.GetAsync($"{Api}/commitments/{created.Code}", Ct);
        var detail = await current.ShouldBeJsonAsync<CommitmentDetailDto>();
        await client.PutJsonAsync($"{Api}/commitments/{created.Code}", new CommitmentDraft
        {
            Title = detail.Title,
            Kind = CommitmentKind.Hub,
            Modality = detail.Modality,
            Issuer = detail.IssuerKey,
            Due = "by the end of 2031",
            Responsibilities = [.. detail.Responsibilities.Select(r => new ResponsibilityInput(r.PartyKey, r.Role))],
            Spans = [.. detail.Spans.Select(s => new SpanInput(s.DocumentId, s.Start, s.End, s.Quote))],
        }, current.Headers.ETag!.Tag).ShouldBeJsonAsync<CommitmentDetailDto>();
        (await MirroredAsync(created.Code)).ShouldBe((LifecycleStatus.Confirmed, CommitmentKind.Hub, new DateOnly(2031, 12, 31)));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        var open = new[] { LifecycleStatus.Captured, LifecycleStatus.Confirmed, LifecycleStatus.InProgress };
        var cases = new (string Query, string Party, System.Linq.Expressions.Expression<Func<Commitment, bool>> Holds)[]
        {
            ("status=Confirmed", "BY-GOV", c => c.CurrentStatus == LifecycleStatus.Confirmed),
            ("kind=Hub", "RU-KDA", c => c.Kind == CommitmentKind.Hub),
            ("kind=Hub&status=Captured&status=Confirmed&status=InProgress", "BY", c => c.Kind == CommitmentKind.Hub && open.Contains(c.CurrentStatus)),
            ("dueFrom=2031-01-01&dueTo=2031-12-31", "BY", c => c.DueLatest >= new DateOnly(2031, 1, 1) && c.DueLatest <= new DateOnly(2031, 12, 31)),
            ("overdue=false&kind=Hub", "RU-KDA", OverdueRule.Where<Commitment>(c => c.DueLatest, c => c.CurrentStatus, today, overdue: false)),
            ("overdue=true", "BY", OverdueRule.Where<Commitment>(c => c.DueLatest, c => c.CurrentStatus, today)),
        };
        foreach (var (query, party, holds) in cases)
        {
            var hub = query.Contains("kind=Hub", StringComparison.Ordinal);
            var expected = await db.Commitments.AsNoTracking().Where(c => c.Issuer.Key == party || c.Responsibilities.Any(r => r.Party.Key == party))
                .Where(holds).Where(c => !hub || c.Kind == CommitmentKind.Hub)
                .OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(Ct);
            var page = await client.GetAsync($"{Api}/commitments?party={party}&{query}&pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();

            page.TotalCount.ShouldBe(expected.Count, $"party={party}&{query}");
            page.Items.Select(i => i.Code).ShouldBe(expected, $"party={party}&{query}");
            if (!query.StartsWith("overdue=true", StringComparison.Ordinal))
            {
                expected.ShouldContain(created.Code, $"party={party}&{query}");
            }
            else
            {
                expected.ShouldNotBeEmpty("the seeds hold overdue commitments of Belarus");
            }
        }
    }

    /// <summary>
    /// Decision 0147: a party's list of what was overdue on a past day reads, of the commitments it holds a role in, only
    /// those whose window had closed by then (from its responsibilities' copies), then tests that day's status on each.
    /// One due the day before, open then and fulfilled since, is listed and counted; one due after that day is not.
    /// </summary>
    [Fact]
    public async Task A_partys_list_overdue_on_a_past_day_holds_one_due_the_day_before_and_fulfilled_since()
    {
        var client = app.Api();
        var day = new DateOnly(2024, 6, 1);
        const string text = "Договорились провести ярмарку весной 2024 года и выставку летом 2024 года.";
        var meeting = await client.NewMeetingAsync("ODP", text, "Overdue on a past day", "ru", "Краснодар");
        var captured = app.Clock.Now;
        var codes = new List<string>();
        app.Clock.Now = new DateTimeOffset(2024, 5, 20, 12, 0, 0, TimeSpan.Zero);
        try
        {
            foreach (var due in new[] { "spring 2024", "summer 2024" })
            {
                codes.Add((await client.PostJsonAsync($"{Api}/commitments", new CreateCommitmentCommand
                {
                    Meeting = meeting.Code,
                    Title = "Провести ярмарку " + due,
                    Kind = CommitmentKind.CulturalEvent,
                    Modality = Modality.Firm,
                    Issuer = "BY",
                    Due = due,
                    Responsibilities = [new ResponsibilityInput("BY-GOV", ResponsibilityRole.Lead), new ResponsibilityInput("RU-KDA", ResponsibilityRole.Counterpart)],
                    Spans = [new SpanInput(meeting.Documents.Single().Id, 0, text.Length, text)],
                }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created)).Code);
            }
        }
        finally
        {
            app.Clock.Now = captured;
        }

        foreach (var code in codes)
        {
            await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Fulfilled, Rationale = "Held." })
                .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        }

        var page = await client.GetAsync($"{Api}/commitments?party=RU-KDA&overdue=true&asOf={day:yyyy-MM-dd}&pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();

        page.Items.Select(i => i.Code).ShouldContain(codes[0], "due on 31 May, open on 1 June, fulfilled since");
        page.Items.Select(i => i.Code).ShouldNotContain(codes[1], "due on 31 August");
        page.TotalCount.ShouldBe(page.Items.Count);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var ofParty = await db.Commitments.AsNoTracking().Include(c => c.StatusLog)
            .Where(c => c.Issuer.Key == "RU-KDA" || c.Responsibilities.Any(r => r.Party.Key == "RU-KDA")).ToListAsync(Ct);
        page.Items.Select(i => i.Code).ShouldBe(ofParty.Where(c => c.StatusOn(day) is { } status && OverdueRule.Holds(status, c.DueLatest, day))
            .Select(c => c.Code), ignoreOrder: true);
    }

    private async Task<(LifecycleStatus, CommitmentKind, DateOnly?)> MirroredAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var commitment = await db.Commitments.AsNoTracking().SingleAsync(c => c.Code == code, Ct);
        var copies = await db.Responsibilities.AsNoTracking().Where(r => r.CommitmentId == commitment.Id)
            .Select(r => new { r.CommitmentStatus, r.CommitmentKind, r.CommitmentDueLatest }).Distinct().ToListAsync(Ct);
        copies.Count.ShouldBe(1, "every responsibility holds the same copy");
        copies[0].ShouldBe(new { CommitmentStatus = commitment.CurrentStatus, CommitmentKind = commitment.Kind, CommitmentDueLatest = commitment.DueLatest }, "the copies are the commitment's own");
        return (copies[0].CommitmentStatus, copies[0].CommitmentKind, copies[0].CommitmentDueLatest);
    }

    private static CommitmentFilter Parse(string query)
    {
        var filter = new CommitmentFilter();
        foreach (var pair in query.Split('&'))
        {
            var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            filter = name switch
            {
                "party" => filter with { Party = value },
                "q" => filter with { Q = value },
                "dueFrom" => filter with { DueFrom = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "dueTo" => filter with { DueTo = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "overdue" => filter with { Overdue = bool.Parse(value) },
                "openEnded" => filter with { OpenEnded = bool.Parse(value) },
                "status" => filter with { Status = [.. filter.Status ?? [], Enum.Parse<LifecycleStatus>(value)] },
                "asOf" => filter with { AsOf = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException(name),
            };
        }

        return filter;
    }

    private static async Task<string[]> SearchAsync(HttpClient client, string q, string meeting)
    {
        var page = await client.GetAsync($"{Api}/commitments?meeting={meeting}&q={Uri.EscapeDataString(q)}&pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        return [.. page.Items.Select(c => c.Code)];
    }

}

public sealed class SqliteSearchAndListShapeTests(SqliteAppFactory app) : SearchAndListShapeTests(app), IClassFixture<SqliteAppFactory>
{
    protected override bool SearchesQuotes => true;

    /// <summary>
    /// Decision 0141: a page sorted by the grid's status or kind header is read from its (column, code) index in the
    /// list's order, not by sorting every commitment; and beside a party a status is tested per row, not sought (seeking
    /// it tested every commitment of that status against the party). Read from SQLite's own plan of the query the list runs.
    /// </summary>
    [Theory]
    [InlineData("status", "IX_Commitments_CurrentStatus_Code")]
    [InlineData("kind", "IX_Commitments_Kind_Code")]
    public async Task A_page_sorted_by_status_or_kind_reads_its_index_in_order(string sort, string index)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = (AppDbContext)scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();

        var plan = await PlanAsync(db, db.Commitments.AsNoTracking().SortBy(sort).Take(25));

        plan.ShouldContain(index);
        plan.ShouldNotContain("TEMP B-TREE FOR ORDER BY");
    }

    [Fact]
    public async Task Beside_a_party_a_status_is_tested_per_row_not_sought()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = (AppDbContext)scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var filter = new CommitmentFilter { Party = "BY", Status = [LifecycleStatus.Captured] };

        var plan = await PlanAsync(db, (await db.MatchingAsync(filter, new DateOnly(2024, 6, 1), Ct)).OrderBy(c => c.Code).Take(25));

        plan.ShouldContain("IX_Commitments_IssuerPartyId");
        plan.ShouldNotContain("IX_Commitments_CurrentStatus");
    }

    /// <summary>
    /// Decision 0144: with many matches a page in title order walks the title's index, one status with one kind tested
    /// per row (their (status, kind, code) index is in code order, and seeking it sorted every match), in updated order
    /// the index that holds the status and due day to test (decision 0149), and a page in
    /// meeting-date order walks the meetings' date index first, then each meeting's commitments, sorting only within a
    /// day (without statistics SQLite scanned every commitment and sorted them all).
    /// </summary>
    [Theory]
    [InlineData("title", "IX_Commitments_Title_Code")]
    [InlineData("-updatedAt", "IX_Commitments_UpdatedAt_CurrentStatus_DueLatest")]
    [InlineData("-meetingDate", "SCAN m USING INDEX IX_Meetings_Date")]
    [InlineData("meetingDate", "SCAN m USING INDEX IX_Meetings_Date")]
    public async Task A_walked_page_in_title_or_meeting_order_reads_that_orders_index(string sort, string index)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = (AppDbContext)scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var filter = new CommitmentFilter { Status = [LifecycleStatus.Captured], Kind = [CommitmentKind.Cooperation] };
        var walked = await db.MatchingAsync(filter, new DateOnly(2024, 6, 1), Ct, ListShape.WalkSortOrder);

        var plan = await PlanAsync(db, walked.PageCodes(db, sort, 0, 25, walk: true));

        plan.Split('\n')[0].ShouldContain(index.StartsWith("SCAN", StringComparison.Ordinal) ? index : "SCAN c USING INDEX " + index, customMessage: plan);
        plan.ShouldNotContain("TEMP B-TREE FOR ORDER BY", customMessage: plan);
        plan.ShouldNotContain("IX_Commitments_CurrentStatus", customMessage: plan);
    }

    /// <summary>
    /// Decision 0149: the open-ended rows' partial index is in code order; for a page in another order SQLite sought it
    /// and sorted all of them (77,000 at a million, 0.15 s), so in that shape the open-ended test is kept from the planner
    /// and the order's index is walked. The page is the one a plain query sorts.
    /// </summary>
    [Theory]
    [InlineData("-updatedAt", "IX_Commitments_UpdatedAt_CurrentStatus_DueLatest")]
    [InlineData("-title", "IX_Commitments_Title_Code")]
    public async Task An_open_ended_page_in_another_order_walks_that_orders_index(string sort, string index)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = (AppDbContext)scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var walked = await db.MatchingAsync(new CommitmentFilter { OpenEnded = true }, new DateOnly(2024, 6, 1), Ct, ListShape.WalkSortOrder);

        var plan = await PlanAsync(db, walked.PageCodes(db, sort, 0, 25, walk: true));
        var page = await walked.PageCodes(db, sort, 0, 25, walk: true).ToListAsync(Ct);

        plan.Split('\n')[0].ShouldContain("SCAN c USING INDEX " + index, customMessage: plan);
        plan.ShouldNotContain("OpenEnded", customMessage: plan);
        plan.ShouldNotContain("TEMP B-TREE FOR ORDER BY", customMessage: plan);
        page.ShouldNotBeEmpty("the seeds have open-ended commitments, so the comparison says something");
        page.ShouldBe(await db.Commitments.Where(c => c.DuePrecision == DuePrecision.Open).SortBy(sort).Take(25).Select(c => c.Code).ToListAsync(Ct));
    }

    /// <summary>
    /// Decision 0150: a due range alone in updated order is sought in the due-day index, which carries each commitment's
    /// update time, and the range is sorted there, without the commitments' rows; walking the updated order passed 225,000
    /// newer commitments at a million before the quarter's first. The page is the one a plain query sorts.
    /// </summary>
    [Theory]
    [InlineData("-updatedAt")]
    [InlineData("updatedAt")]
    public async Task A_due_range_in_updated_order_is_read_from_the_due_day_index_and_sorted(string sort)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = (AppDbContext)scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var filter = new CommitmentFilter { DueFrom = new DateOnly(2024, 1, 1), DueTo = new DateOnly(2024, 12, 31) };
        var sought = await db.MatchingAsync(filter, new DateOnly(2024, 6, 1), Ct, ListShape.Seek);

        var plan = await PlanAsync(db, sought.PageCodes(db, sort, 0, 25, walk: false));
        var page = await sought.PageCodes(db, sort, 0, 25, walk: false).ToListAsync(Ct);

        plan.Split('\n')[0].ShouldContain("SEARCH c USING COVERING INDEX IX_Commitments_DueLatest_Code_CurrentStatus_UpdatedAt (DueLatest>? AND DueLatest<?)", customMessage: plan);
        plan.ShouldContain("USE TEMP B-TREE FOR ORDER BY", customMessage: plan);
        page.ShouldNotBeEmpty("the seeds have commitments due in 2024, so the comparison says something");
        page.ShouldBe(await db.Commitments.Where(c => c.DueLatest >= filter.DueFrom && c.DueLatest <= filter.DueTo).SortBy(sort).Take(25).Select(c => c.Code).ToListAsync(Ct));
    }

    /// <summary>
    /// Decision 0143: in due order a page among few matches (a meeting, a small party) tests whether each has a latest
    /// day; sought, the null test read every undated commitment through the due index (0.2 s at a million).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Among_a_meetings_commitments_a_missing_due_day_is_tested_not_sought(bool missing)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = (AppDbContext)scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var meeting = await db.MatchingAsync(new CommitmentFilter { Meeting = "KRD-2023" }, new DateOnly(2024, 6, 1), Ct);
        var segment = missing ? meeting.Where(c => IndexHint.IsMissing(c.DueLatest)) : meeting.Where(c => !IndexHint.IsMissing(c.DueLatest));

        var plan = await PlanAsync(db, segment.OrderBy(c => c.Code).Take(25));
        var codes = await segment.OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(Ct);

        plan.ShouldContain("IX_Commitments_MeetingId_Code");
        plan.ShouldNotContain("DueLatest");
        var expected = await db.Commitments.Where(c => c.Meeting.Code == "KRD-2023" && (c.DueLatest == null) == missing).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(Ct);
        codes.ShouldBe(expected);
    }

    private static async Task<string> PlanAsync<T>(AppDbContext db, IQueryable<T> query)
    {
        // The query as EF sends it: its first statement, without the parameter lines before it and the note on split
        // queries after it; parameters left unbound (NULL), which changes no plan's choice of index here.
        var text = query.ToQueryString();
        var sql = text[text.IndexOf("SELECT", StringComparison.Ordinal)..].Split("\n\n")[0];
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var lines = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                lines.Add(reader.GetString(3));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    [Theory]
    [InlineData("tram", "\"tram\"*")]
    [InlineData("  Провести   Дни ", "\"Провести\"* \"Дни\"*")]
    [InlineData("NSK-2023 \"x", "\"NSK-2023\"* \"\"\"x\"*")]
    [InlineData("100% OR", "\"100%\"* \"OR\"*")]
    [InlineData("% -- *", null)]
    public void Every_word_becomes_a_quoted_prefix_term_so_nothing_typed_is_query_syntax(string text, string? expected) =>
        AppDbContext.CommitmentSearchQuery(text).ShouldBe(expected);
}

public sealed class PostgreSqlSearchAndListShapeTests(PostgreSqlAppFactory app) : SearchAndListShapeTests(app), IClassFixture<PostgreSqlAppFactory>
{
    // The tsvector index of decision 0041 reads the quotes as FTS5 does on SQLite.
    protected override bool SearchesQuotes => true;

    [Theory]
    [InlineData("tram", "'tram':*")]
    [InlineData("  Провести   Дни ", "'провести':* & 'дни':*")]
    [InlineData("NSK-2023 \"x", "'nsk':* & '2023':* & 'x':*")]
    [InlineData("it's 100% OR & !a:*", "'it':* & 's':* & '100':* & 'or':* & 'a':*")]
    [InlineData("ПРОВЕСТИ провести", "'провести':*")]
    [InlineData("% -- * ' &", null)]
    public void Every_word_becomes_a_lower_case_prefix_term_so_nothing_typed_is_query_syntax(string text, string? expected) =>
        AppDbContext.PostgreSqlSearchQuery(text).ShouldBe(expected);

    /// <summary>
    /// Decisions 0146 and 0149: a due range's page walks an index that holds the due day and tests it there: in code
    /// order the (code, due day, status) index, in updated order the (updated, status, due day) one. Walking an index
    /// without it, PostgreSQL read every row it passed to test its due day. The query is the list's own, planned with its
    /// parameters; sequential scans, bitmap scans and sorts are priced out, since on a test database of a few dozen rows
    /// any plan costs the same.
    /// </summary>
    [Theory]
    [InlineData("code", AppDbContext.CodeDueStatusIndex)]
    [InlineData("-updatedAt", "IX_Commitments_UpdatedAt_CurrentStatus_DueLatest")]
    [InlineData("updatedAt", "IX_Commitments_UpdatedAt_CurrentStatus_DueLatest")]
    public async Task A_due_range_page_tests_the_due_day_in_the_index_it_walks(string sort, string index)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var filter = new CommitmentFilter { DueFrom = new DateOnly(2024, 1, 1), DueTo = new DateOnly(2024, 12, 31) };
        var shape = sort == "code" ? ListShape.Walk : ListShape.WalkSortOrder;
        var page = (await db.MatchingAsync(filter, new DateOnly(2024, 6, 1), Ct, shape)).PageCodes(db, sort, 0, 25, walk: true);
        var listed = await page.ToListAsync(Ct);

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var lines = new List<string>();
        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            await using var settings = connection.CreateCommand();
            settings.Transaction = transaction;
            settings.CommandText = "SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_sort = off";
            await settings.ExecuteNonQueryAsync(Ct);
            await using var explain = page.CreateDbCommand();
            explain.Transaction = transaction;
            explain.CommandText = "EXPLAIN " + explain.CommandText;
            await using var reader = await explain.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                lines.Add(reader.GetString(0));
            }
        }

        await connection.CloseAsync();
        var plan = string.Join('\n', lines);
        var scan = lines.FindIndex(l => l.Contains(" Scan", StringComparison.Ordinal) && l.Contains("using \"" + index + "\"", StringComparison.Ordinal));
        scan.ShouldBeGreaterThanOrEqualTo(0, plan);
        lines[scan + 1].ShouldContain("Index Cond: (", Case.Sensitive, plan);
        lines[scan + 1].ShouldContain("\"DueLatest\" >=", Case.Sensitive, plan);
        plan.ShouldNotContain("Filter:", Case.Sensitive, plan);
        listed.ShouldNotBeEmpty();
        var matches = db.Commitments.Where(c => c.DueLatest >= filter.DueFrom && c.DueLatest <= filter.DueTo);
        listed.ShouldBe(await matches.SortBy(sort).Take(25).Select(c => c.Code).ToListAsync(Ct));
    }

    [Fact]
    public async Task The_text_index_holds_one_row_per_commitment_with_its_words()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var commitments = await db.Commitments.CountAsync(Ct);
        var indexed = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"CommitmentSearch\"").SingleAsync(Ct);
        var withoutRow = await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM \"Commitments\" AS c WHERE NOT EXISTS (SELECT 1 FROM \"CommitmentSearch\" AS s WHERE s.\"CommitmentId\" = c.\"Id\")").SingleAsync(Ct);

        commitments.ShouldBeGreaterThan(0);
        indexed.ShouldBe(commitments);
        withoutRow.ShouldBe(0);
    }
}
