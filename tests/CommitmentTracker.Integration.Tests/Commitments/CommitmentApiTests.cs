using System.Net;
using System.Text.Json;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Commitments;

/// <summary>
/// Commitments over the REST API end to end on a real database: listing, reading, capturing, revising, the status
/// log, the overdue list and the dashboard reads, with their bad-input paths (meetings: MeetingApiTests). The same
/// tests run on SQLite (always), PostgreSQL and SQL Server (when their engines answer). The clock is fixed at
/// 2025-01-15, so the seeded "spring 2024" and "autumn 2024" commitments are overdue. Tests that write create
/// their own meeting (TST-…) and never change the seeded ones, so no test depends on another or on their order.
/// </summary>
public abstract class CommitmentApiTests(AppFactory app)
{
    private const string Api = "/api/v1";
    private const int SeededCommitments = 23;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_the_seeded_commitments_with_a_total_count()
    {
        var page = await app.Api().GetAsync($"{Api}/commitments?pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        var seeded = page.Items.Where(IsSeeded).ToList();

        page.TotalCount.ShouldBe(page.Items.Count);
        seeded.Count.ShouldBe(SeededCommitments);
        page.Items.Select(c => c.Code).ShouldBe(page.Items.Select(c => c.Code).Order(StringComparer.Ordinal));
        seeded.Count(c => c.MeetingCode == "NSK-2023").ShouldBe(15);
        seeded.Count(c => c.MeetingCode == "KRD-2023").ShouldBe(8);
        seeded.ShouldAllBe(c => c.Status == LifecycleStatus.Captured);
    }

    [Theory]
    [InlineData("kind=CulturalEvent", new[] { "NSK-2023-009", "NSK-2023-010" })]
    [InlineData("kind=Hub&kind=Instruction", new[] { "KRD-2023-002", "NSK-2023-004", "NSK-2023-005" })]
    [InlineData("overdue=true", new[] { "NSK-2023-009", "NSK-2023-010" })]
    [InlineData("overdue=true&asOf=2024-06-01", new[] { "NSK-2023-010" })]
    [InlineData("q=tram", new[] { "NSK-2023-002", "NSK-2023-003" })]
    [InlineData("q=BELKOMMUNMASH&meeting=nsk-2023", new[] { "NSK-2023-002", "NSK-2023-003" })]
    [InlineData("dueFrom=2024-06-01&dueTo=2024-12-31", new[] { "NSK-2023-009" })]
    [InlineData("party=belkommunmash", new[] { "NSK-2023-003" })]
    [InlineData("status=Fulfilled", new string[0])]
    [InlineData("q=100%25", new string[0])]
    public async Task Filters_commitments(string query, string[] expected)
    {
        var page = await app.Api().GetAsync($"{Api}/commitments?{query}&pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();

        page.Items.Where(IsSeeded).Select(c => c.Code).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task Filters_by_party_and_meeting_agree_on_the_krasnodar_commitments()
    {
        var byParty = await app.Api().GetAsync($"{Api}/commitments?party=RU-KDA&pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        var byMeeting = await app.Api().GetAsync($"{Api}/commitments?meeting=KRD-2023&pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();

        byMeeting.TotalCount.ShouldBe(8);
        byParty.Items.Select(c => c.Code).ShouldBe(byMeeting.Items.Select(c => c.Code), ignoreOrder: true);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_sorting_is_stable()
    {
        var client = app.Api();
        var codes = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var result = await client.GetAsync($"{Api}/commitments?meeting=NSK-2023&sort=-due&pageSize=4&page={page}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
            result.TotalCount.ShouldBe(15);
            result.TotalPages.ShouldBe(4);
            codes.AddRange(result.Items.Select(c => c.Code));
        }

        codes.Count.ShouldBe(15);
        codes.Distinct().Count().ShouldBe(15);
        codes[0].ShouldBe("NSK-2023-009", "autumn 2024 is the latest due date in the seeds");
    }

    [Theory]
    [InlineData("status=Bogus", "status", "'Bogus' is not valid: status must be one of Captured, Confirmed, InProgress, Stalled, Fulfilled, PartiallyFulfilled, NotFulfilled, Superseded, Withdrawn.")]
    [InlineData("kind=Everything", "kind", "'Everything' is not valid: kind must be one of TradeTarget, CulturalEvent, Hub, Instruction, Cooperation, Pledge, Other.")]
    [InlineData("sort=title;drop table Commitments", "sort", "'Sort' must be one of: code, title, kind, status, due, meetingDate, updatedAt (prefix '-' for descending).")]
    [InlineData("pageSize=0", "pageSize", "'Page Size' must be between 1 and 200. You entered 0.")]
    [InlineData("pageSize=201", "pageSize", "'Page Size' must be between 1 and 200. You entered 201.")]
    [InlineData("page=0", "page", "'Page' must be between 1 and 10737418.")]
    [InlineData("dueFrom=2024-13-01", "dueFrom", "'2024-13-01' is not valid: dueFrom must be a date (yyyy-MM-dd).")]
    [InlineData("dueFrom=2024-06-01&dueTo=2024-01-01", "dueTo", "'Due To' must not be before 'Due From'.")]
    [InlineData("overdue=maybe", "overdue", "'maybe' is not valid: overdue must be true or false.")]
    [InlineData("pageSize=ten", "pageSize", "'ten' is not valid: pageSize must be a whole number.")]
    public async Task Rejects_bad_list_parameters_by_name_saying_what_is_wrong(string query, string field, string expected)
    {
        var messages = await app.Api().GetAsync($"{Api}/commitments?{query}", Ct).ShouldBeInvalidAsync(field);

        messages.ShouldBe([expected]);
    }

    [Fact]
    public async Task Unknown_sort_lists_the_allowed_keys()
    {
        var messages = await app.Api().GetAsync($"{Api}/commitments?sort=colour", Ct).ShouldBeInvalidAsync("sort");

        messages[0].ShouldContain("meetingDate");
    }

    [Fact]
    public async Task Gets_a_commitment_by_code_or_id_with_its_quote_due_window_and_responsibilities()
    {
        var client = app.Api();
        var byCode = await client.GetAsync($"{Api}/commitments/nsk-2023-009", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
        var byId = await client.GetAsync($"{Api}/commitments/{byCode.Id}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();

        byId.Code.ShouldBe("NSK-2023-009");
        byCode.Spans.Single().Quote.ShouldBe("He instructed to take a serious approach to the organization of the Days of Belarus in Novosibirsk Oblast in autumn 2024.");
        byCode.Due!.Phrase.ShouldBe("autumn 2024");
        byCode.Due.Precision.ShouldBe(DuePrecision.Season);
        byCode.Due.Earliest.ShouldBe(new DateOnly(2024, 9, 1));
        byCode.Due.Latest.ShouldBe(new DateOnly(2024, 11, 30));
        byCode.IsOverdue.ShouldBeTrue();
        byCode.Responsibilities[0].Role.ShouldBe(ResponsibilityRole.Lead);
        byCode.LatestEntry!.Status.ShouldBe(LifecycleStatus.Captured);
        byCode.LatestEntry.Author.ShouldBe("seed");
    }

    [Fact]
    public async Task Trade_target_carries_its_baseline_and_observation()
    {
        var trade = await app.Api().GetAsync($"{Api}/commitments/NSK-2023-001", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();

        trade.Kind.ShouldBe(CommitmentKind.TradeTarget);
        trade.Target!.Unit.ShouldBe("USD");
        trade.Target.Direction.ShouldBe(TargetDirection.Balance);
        trade.Target.BaselineValue.ShouldBe(500_000_000m);
        trade.Target.BaselineDate.ShouldBe(new DateOnly(2022, 12, 31));
        trade.Target.Observations.ShouldHaveSingleItem().Value.ShouldBe(500_000_000m);
    }

    [Fact]
    public async Task Unknown_commitment_is_a_404_problem()
    {
        var problem = await app.Api().GetAsync($"{Api}/commitments/NSK-2023-999", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().ShouldBe("Commitment 'NSK-2023-999' was not found.");
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem() =>
        await app.Api().GetAsync($"{Api}/no-such-thing", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);

    [Fact]
    public async Task Conditional_get_answers_304_for_the_current_etag()
    {
        var client = app.Api();
        var first = await client.GetAsync($"{Api}/commitments/KRD-2023-001", Ct);
        var etag = first.Headers.ETag!.Tag;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/commitments/KRD-2023-001");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var second = await client.SendAsync(request, Ct);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        second.Headers.ETag!.Tag.ShouldBe(etag);
    }

    [Fact]
    public async Task Captures_a_commitment_with_a_generated_code_and_a_verified_span()
    {
        var client = app.Api();
        var (meeting, documentId, text) = await NewMeetingAsync(client);
        var quote = "There are plenty of directions and opportunities for mutually beneficial cooperation.";
        var start = text.IndexOf(quote, StringComparison.Ordinal);

        var response = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, documentId, start, quote));
        var created = await response.ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        created.Code.ShouldBe($"{meeting}-001");
        response.Headers.Location!.AbsolutePath.ShouldBe($"/api/v1/commitments/{created.Code}", "Location is the absolute URL of the new resource");
        response.Headers.ETag.ShouldNotBeNull();
        created.Status.ShouldBe(LifecycleStatus.Captured);
        created.Spans.Single().Quote.ShouldBe(quote);
        created.Due!.Latest.ShouldBe(new DateOnly(2024, 12, 31), "'next year' said on 2023-10-10 is 2024");
        created.Tags.ShouldBe(["trade", "industry"]);
        var fetched = await client.GetAsync($"{Api}/commitments/{created.Code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
        fetched.Title.ShouldBe(created.Title);
        fetched.CapturedBy.ShouldBe(TestUsers.NameFor(Roles.Administrator));
        var listed = await client.GetAsync($"{Api}/commitments?meeting={meeting}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        listed.Items.Single(c => c.Code == created.Code).CapturedBy.ShouldBe(TestUsers.NameFor(Roles.Administrator));
    }

    [Fact]
    public async Task Refuses_a_commitment_whose_quote_does_not_match_the_text_and_saves_nothing()
    {
        var client = app.Api();
        var (meeting, documentId, _) = await NewMeetingAsync(client);
        var before = await CountAsync(client);

        var messages = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, documentId, 0, "Words nobody said")).ShouldBeInvalidAsync("spans[0]");

        messages[0].ShouldContain("does not match the document");
        (await CountAsync(client)).ShouldBe(before);
    }

    [Theory]
    [InlineData("issuer", "XX-NOWHERE", null, "No party has the key 'XX-NOWHERE'")]
    [InlineData("due", "BY", "when pigs fly", "when pigs fly")]
    [InlineData("due", "BY", "last year", "past")]
    public async Task Refuses_unknown_parties_and_unreadable_due_phrases(string field, string issuer, string? due, string expected)
    {
        var client = app.Api();
        var (meeting, documentId, text) = await NewMeetingAsync(client);
        var before = await CountAsync(client);
        var body = NewCommitment(meeting, documentId, 0, text[..20]) with { Issuer = issuer, Due = due };

        var messages = await client.PostJsonAsync($"{Api}/commitments", body).ShouldBeInvalidAsync(field);

        messages[0].ShouldContain(expected);
        (await CountAsync(client)).ShouldBe(before);
    }

    [Fact]
    public async Task Refuses_an_empty_commitment_naming_every_missing_field()
    {
        var problem = await app.Api().PostJsonAsync($"{Api}/commitments", new { }).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["title", "issuer", "spans", "meeting"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("{\"meeting\":\"NSK-2023\",\"kind\":\"Banana\"}", "kind", "'kind' must be one of TradeTarget, CulturalEvent, Hub, Instruction, Cooperation, Pledge, Other.")]
    [InlineData("{\"meeting\":\"NSK-2023\",\"title\":5}", "title", "'title' must be text.")]
    [InlineData("{\"meeting\":\"NSK-2023\",\"spans\":[{\"start\":\"zero\"}]}", "spans[0].start", "'spans[0].start' must be a whole number.")]
    [InlineData("{\"meeting\":", "body", "not valid JSON")]
    [InlineData("{\"meeting\":\"NSK-2023\",\"duePhrase\":\"next year\"}", "duePhrase", "'duePhrase' is not a field of this object, so it would be lost. Its fields: ")]
    [InlineData("{\"meeting\":\"NSK-2023\",\"title\":\"A\",\"title\":\"B\"}", "title", "'title' is sent more than once; send each field once")]
    [InlineData("{\"meeting\":\"NSK-2023\",\"spans\":[{\"start\":0,\"start\":1}]}", "spans[0].start", "'spans[0].start' is sent more than once")]
    [InlineData("{\"meeting\":\"NSK-2023\",\"target\":{\"metric\":\"m\",\"goal\":5}}", "target.goal", "'goal' is not a field of this object, so it would be lost. Its fields: metric, unit, direction, baselineValue, baselineDate, baselineNote, goalValue, observations.")]
    public async Task Unreadable_json_names_the_field_without_leaking_types(string json, string field, string expected)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var messages = await app.Api().PostAsync($"{Api}/commitments", content, Ct).ShouldBeInvalidAsync(field);

        messages[0].ShouldContain(expected);
        messages[0].ShouldNotContain("CommitmentTracker.");
        messages[0].ShouldNotContain("System.");
    }

    [Theory]
    [InlineData("\"spans\":[null]", "spans[0]")]
    [InlineData("\"spans\":[{\"start\":0,\"end\":5}],\"responsibilities\":[null]", "responsibilities[0]")]
    [InlineData("\"spans\":[{\"start\":0,\"end\":5}],\"responsibilities\":[{\"party\":null,\"role\":\"Lead\"}]", "responsibilities[0].party")]
    [InlineData("\"spans\":[{\"start\":0,\"end\":5}],\"target\":{\"metric\":\"m\",\"unit\":\"USD\",\"direction\":\"Increase\",\"observations\":[null]}", "target.observations[0]")]
    public async Task Null_entries_in_lists_are_a_400_not_a_crash(string fields, string field)
    {
        using var content = new StringContent($"{{\"meeting\":\"NSK-2023\",\"title\":\"t\",\"issuer\":\"BY\",{fields}}}", System.Text.Encoding.UTF8, "application/json");
        await app.Api().PostAsync($"{Api}/commitments", content, Ct).ShouldBeInvalidAsync(field);
    }

    [Theory]
    [InlineData("/commitments")]
    [InlineData("/meetings")]
    public async Task A_missing_body_is_named(string path)
    {
        using var content = new StringContent("null", System.Text.Encoding.UTF8, "application/json");
        var messages = await app.Api().PostAsync($"{Api}{path}", content, Ct).ShouldBeInvalidAsync("body");
        messages[0].ShouldBe("A JSON body is required.");
    }

    /// <summary>
    /// A misspelt filter listed everything as if it applied (decision 0087); the overdue list took overdue=false and a
    /// sort, and the exports a page, and ignored them (decision 0136).
    /// </summary>
    [Theory]
    [InlineData("/commitments?stauts=Open", "stauts", "'stauts' is not a parameter of this request, so it would be ignored. Its parameters: status, kind, party, meeting, asOf, dueFrom, dueTo, q, owner, openEnded, overdue, sort, page, pageSize, after.")]
    [InlineData("/overdue?overdue=false", "overdue", "Its parameters: status, kind, party, meeting, asOf, dueFrom, dueTo, q, owner, openEnded, page, pageSize, after.")]
    [InlineData("/overdue?sort=title", "sort", "'sort' is not a parameter of this request")]
    [InlineData("/commitments/export.csv?page=2", "page", "Its parameters: status, kind, party, meeting, asOf, dueFrom, dueTo, q, owner, openEnded, overdue, sort, bom, columns.")]
    [InlineData("/commitments/export.xlsx?after=NSK-2023-001", "after", "'after' is not a parameter of this request")]
    [InlineData("/audit/export.csv?pageSize=10", "pageSize", "Its parameters: actor, entityType, entity, from, to, bom.")]
    [InlineData("/summary?asof=2024-06-01&monhts=3", "monhts", "Its parameters: asOf.")]
    [InlineData("/parties?q=bel", "q", "'q' is not a parameter of this request, so it would be ignored. It takes no query parameters.")]
    public async Task A_query_parameter_the_request_does_not_take_is_named(string pathAndQuery, string field, string expected)
    {
        var messages = await app.Api().GetAsync($"{Api}{pathAndQuery}", Ct).ShouldBeInvalidAsync(field);

        messages.ShouldHaveSingleItem().ShouldContain(expected);
    }

    [Fact]
    public async Task A_write_with_a_query_parameter_it_does_not_take_saves_nothing()
    {
        var client = app.Api();
        var (meeting, documentId, text) = await NewMeetingAsync(client);
        const string quote = "There are plenty of directions and opportunities for mutually beneficial cooperation.";
        var before = await CountAsync(client);

        await client.PostJsonAsync($"{Api}/commitments?dryRun=true", NewCommitment(meeting, documentId, text.IndexOf(quote, StringComparison.Ordinal), quote))
            .ShouldBeInvalidAsync("dryRun");

        (await CountAsync(client)).ShouldBe(before);
    }

    /// <summary>
    /// Every query parameter the contract documents is one its operation takes: each GET without a path parameter is
    /// called with all of its documented parameters, each with a value of its documented type (so binding passes and
    /// the check runs), and none of them is refused as unknown.
    /// </summary>
    [Fact]
    public async Task Every_documented_query_parameter_is_taken()
    {
        var client = app.Api();
        using var contract = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        var called = 0;
        foreach (var path in contract.RootElement.GetProperty("paths").EnumerateObject().Where(p => !p.Name.Contains('{', StringComparison.Ordinal)))
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            var query = parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                .Select(p => $"{p.GetProperty("name").GetString()}={Uri.EscapeDataString(SampleOf(p.GetProperty("schema"), contract.RootElement))}").ToList();
            using var response = await client.GetAsync(new Uri($"{path.Name}?{string.Join('&', query)}", UriKind.Relative), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            body.ShouldNotContain("is not a parameter of this request", customMessage: $"{path.Name}?{string.Join('&', query)}");
            body.ShouldNotContain("is not valid:", customMessage: $"a sample did not bind, so the check did not run: {path.Name}?{string.Join('&', query)}");
            called++;
        }

        called.ShouldBeGreaterThan(8);
    }

    private static string SampleOf(JsonElement schema, JsonElement contract)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = contract.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return values[0].GetString()!;
        }

        return (schema.TryGetProperty("type", out var type) ? type.GetString() : null, schema.TryGetProperty("format", out var format) ? format.GetString() : null) switch
        {
            ("array", _) => SampleOf(schema.GetProperty("items"), contract),
            ("string", "date") => "2024-06-01",
            ("integer", _) => "1",
            ("boolean", _) => "true",
            _ => "x",
        };
    }

    [Fact]
    public async Task A_span_can_be_given_by_its_quote_alone()
    {
        var client = app.Api();
        var (meeting, _, text) = await NewMeetingAsync(client);
        const string quote = "We agreed to hold a joint trade fair.";

        var created = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, null, 0, quote) with { Spans = [new SpanInput(null, null, null, quote)] })
            .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        created.Spans.Single().Start.ShouldBe(text.IndexOf(quote, StringComparison.Ordinal));
        created.Spans.Single().End.ShouldBe(quote.Length);
    }

    [Theory]
    [InlineData("Words nobody said", "not found")]
    [InlineData("tion", "more than once")]
    [InlineData("", "Give the quote")]
    public async Task A_quote_alone_must_name_one_place_in_the_text(string quote, string expected)
    {
        var client = app.Api();
        var (meeting, _, _) = await NewMeetingAsync(client);

        var messages = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, null, 0, "x") with { Spans = [new SpanInput(null, null, null, quote)] })
            .ShouldBeInvalidAsync(quote.Length == 0 ? "spans[0].quote" : "spans[0]");

        messages[0].ShouldContain(expected);
    }

    [Fact]
    public async Task Targets_list_the_trade_commitments_with_baseline_and_latest_observation()
    {
        var targets = await app.Api().GetAsync($"{Api}/targets", Ct).ShouldBeJsonAsync<List<CommitmentTracker.Application.Commitments.Queries.ListTargets.TargetSummaryDto>>();

        var trade = targets.Single(t => t.Code == "NSK-2023-001");
        trade.BaselineValue.ShouldBe(500_000_000m);
        trade.LatestValue.ShouldBe(500_000_000m);
        trade.LatestPeriodEnd.ShouldBe(new DateOnly(2022, 12, 31));
        targets.Select(t => t.Code).ShouldContain("NSK-2023-011", "both seed trade targets are listed");
        var first = await app.Api().GetAsync($"{Api}/targets?limit=1", Ct).ShouldBeJsonAsync<List<CommitmentTracker.Application.Commitments.Queries.ListTargets.TargetSummaryDto>>();
        first.ShouldHaveSingleItem().Code.ShouldBe(targets[0].Code, "a limit keeps the head of the same order");
        await app.Api().GetAsync($"{Api}/targets?limit=0", Ct).ShouldBeInvalidAsync("limit");
    }

    [Fact]
    public async Task Status_trend_has_one_point_per_month_end_from_the_log()
    {
        var trend = await app.Api().GetAsync($"{Api}/summary/trend?asOf=2024-03-15&months=7", Ct).ShouldBeJsonAsync<List<CommitmentTracker.Application.Commitments.Queries.GetStatusTrend.StatusTrendPoint>>();

        trend.Select(p => p.Date).ShouldBe([new DateOnly(2023, 9, 30), new(2023, 10, 31), new(2023, 11, 30), new(2023, 12, 31), new(2024, 1, 31), new(2024, 2, 29), new(2024, 3, 15)]);
        trend[0].Counts.Sum(c => c.Count).ShouldBe(8, "only the Krasnodar meeting had taken place by the end of September 2023");
        trend[1].Counts.Single().Count.ShouldBe(23);
        await app.Api().GetAsync($"{Api}/summary/trend?months=40", Ct).ShouldBeInvalidAsync("months");
    }

    [Fact]
    public async Task Duplicate_code_is_refused()
    {
        var client = app.Api();
        var (meeting, documentId, text) = await NewMeetingAsync(client);

        var messages = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, documentId, 0, text[..10]) with { Code = "NSK-2023-001" }).ShouldBeInvalidAsync("code");

        messages[0].ShouldContain("already used");
    }

    [Fact]
    public async Task Updates_need_the_current_etag_428_without_412_when_stale()
    {
        var client = app.Api();
        var code = (await NewCommitmentAsync(client)).Code;
        var current = await client.GetAsync($"{Api}/commitments/{code}", Ct);
        var etag = current.Headers.ETag!.Tag;
        var detail = await current.ShouldBeJsonAsync<CommitmentDetailDto>();
        var changes = CommitmentDraft.From(detail) with { Title = "Hold a joint trade fair in Minsk", Due = "autumn 2030" };

        await client.PutJsonAsync($"{Api}/commitments/{code}", changes, ifMatch: null).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);

        var updatedResponse = await client.PutJsonAsync($"{Api}/commitments/{code}", changes, etag);
        var updated = await updatedResponse.ShouldBeJsonAsync<CommitmentDetailDto>();
        updated.Title.ShouldBe(changes.Title);
        updated.Version.ShouldBe(detail.Version + 1);
        updatedResponse.Headers.ETag!.Tag.ShouldNotBe(etag);

        var stale = await client.PutJsonAsync($"{Api}/commitments/{code}", changes with { Title = "Lost update" }, etag).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        stale.GetProperty("detail").GetString()!.ShouldContain("changed by someone else");
        var after = await client.GetAsync($"{Api}/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
        after.Title.ShouldBe(changes.Title);
    }

    [Fact]
    public async Task An_update_replaces_the_responsibilities_spans_tags_and_target_exactly()
    {
        var client = app.Api();
        var created = await NewCommitmentAsync(client);
        var code = created.Code;
        var etag = (await client.GetAsync($"{Api}/commitments/{code}", Ct)).Headers.ETag!.Tag;

        // The same lists sent back unchanged must stay as they are: an update that added instead of replacing
        // doubled them (2 responsibilities became 4).
        var same = await client.PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(created), etag).ShouldBeJsonAsync<CommitmentDetailDto>();
        same.Responsibilities.Select(r => (r.PartyKey, r.Role)).ShouldBe([("BY-GOV", ResponsibilityRole.Lead), ("RU", ResponsibilityRole.Counterpart)], ignoreOrder: true);
        same.Spans.Select(s => (s.Start, s.End, s.Quote)).ShouldBe([(0, 36, "We agreed to hold a joint trade fair")]);
        same.Tags.ShouldBe(["trade", "industry"], ignoreOrder: true);
        same.Target.ShouldBeNull();

        var documentId = created.Spans.Single().DocumentId;
        var changes = CommitmentDraft.From(same) with
        {
            Responsibilities = [new ResponsibilityInput("RU", ResponsibilityRole.Lead)],
            Tags = ["Fair"],
            Spans = [new SpanInput(documentId, 13, 36, "hold a joint trade fair")],
            Target = new TargetInput("Trade turnover", "USD", TargetDirection.Increase, 1_000_000m, new DateOnly(2023, 1, 1), "2022 figure", 2_000_000m,
                [new ObservationInput(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 1_500_000m, "Customs statistics")]),
        };
        await client.PutJsonAsync($"{Api}/commitments/{code}", changes, same.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBeJsonAsync<CommitmentDetailDto>();

        var after = await client.GetAsync($"{Api}/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
        after.Responsibilities.Select(r => (r.PartyKey, r.Role)).ShouldBe([("RU", ResponsibilityRole.Lead)]);
        after.Spans.Select(s => (s.DocumentId, s.Start, s.End, s.Quote)).ShouldBe([(documentId, 13, 36, "hold a joint trade fair")]);
        after.Tags.ShouldBe(["fair"]);
        var target = after.Target.ShouldNotBeNull();
        (target.Metric, target.Unit, target.Direction, target.BaselineValue, target.BaselineDate, target.BaselineNote, target.GoalValue)
            .ShouldBe(("Trade turnover", "USD", TargetDirection.Increase, (decimal?)1_000_000m, (DateOnly?)new DateOnly(2023, 1, 1), (string?)"2022 figure", (decimal?)2_000_000m));
        target.Observations.Select(o => (o.PeriodStart, o.PeriodEnd, o.Value, o.Source))
            .ShouldBe([(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 1_500_000m, (string?)"Customs statistics")]);
        after.Version.ShouldBe(created.Version + 2);
    }

    [Fact]
    public async Task Concurrent_writers_on_one_commitment_one_wins_the_others_are_told_and_nothing_is_lost()
    {
        var client = app.Api();
        var code = (await NewCommitmentAsync(client)).Code;
        var current = await client.GetAsync($"{Api}/commitments/{code}", Ct);
        var etag = current.Headers.ETag!.Tag;
        var detail = await current.ShouldBeJsonAsync<CommitmentDetailDto>();

        // Eight people save an edit of the same version at once, each on their own connection.
        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            app.Api().PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(detail) with { Title = $"Hold a joint trade fair, edit {i}" }, etag)));

        var won = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        won.Count.ShouldBe(1, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        foreach (var lost in responses.Except(won))
        {
            // The version check in the handler (412) or, when both read before either saved, the database's (409).
            lost.StatusCode.ShouldBeOneOf(HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict);
            (await lost.ShouldBeProblemAsync(lost.StatusCode)).GetProperty("detail").GetString()!.ShouldContain("someone else");
        }

        var winner = await won[0].ShouldBeJsonAsync<CommitmentDetailDto>();
        var after = await client.GetAsync($"{Api}/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
        after.Version.ShouldBe(detail.Version + 1);
        after.Title.ShouldBe(winner.Title);
    }

    [Fact]
    public async Task An_invalid_update_leaves_the_commitment_as_it_was()
    {
        var client = app.Api();
        var code = (await NewCommitmentAsync(client)).Code;
        var current = await client.GetAsync($"{Api}/commitments/{code}", Ct);
        var etag = current.Headers.ETag!.Tag;
        var detail = await current.ShouldBeJsonAsync<CommitmentDetailDto>();

        await client.PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(detail) with { Title = "", Issuer = "NOBODY" }, etag).ShouldBeInvalidAsync("title");
        await client.PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(detail) with { Issuer = "NOBODY" }, etag).ShouldBeInvalidAsync("issuer");

        var after = await client.GetAsync($"{Api}/commitments/{code}", Ct);
        after.Headers.ETag!.Tag.ShouldBe(etag);
        (await after.ShouldBeJsonAsync<CommitmentDetailDto>()).Title.ShouldBe(detail.Title);
    }

    [Fact]
    public async Task Status_log_follows_the_lifecycle_and_answers_as_of_a_day()
    {
        var client = app.Api();
        var code = (await NewCommitmentAsync(client)).Code;

        var confirmed = await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed, Confidence = Confidence.Amber, Rationale = "Ministry confirmed the programme." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        confirmed.Sequence.ShouldBe(2);
        confirmed.Author.ShouldBe(TestUsers.NameFor(Roles.Administrator));

        var illegal = await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Captured })
            .ShouldBeInvalidAsync("status");
        illegal[0].ShouldContain("cannot move from Confirmed to Captured");

        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Withdrawn })
            .ShouldBeInvalidAsync("rationale");
        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.InProgress, ComplianceScore = 2, EvidenceLinks = ["not a link"] })
            .ShouldBeInvalidAsync("complianceScore");

        // The clock is shared by every test of the class: a failed request must not leave it ten days ahead.
        app.Clock.Now = FixedClock.Default.AddDays(10);
        try
        {
            await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.InProgress, ComplianceScore = 0, EvidenceLinks = ["https://example.org/report"] })
                .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        }
        finally
        {
            app.Clock.Now = FixedClock.Default;
        }

        var history = await client.GetAsync($"{Api}/commitments/{code}/status-history", Ct).ShouldBeJsonAsync<List<StatusEntryDto>>();
        history.Select(e => e.Status).ShouldBe([LifecycleStatus.Captured, LifecycleStatus.Confirmed, LifecycleStatus.InProgress]);
        history[2].EvidenceLinks.ShouldBe(["https://example.org/report"]);

        var beforeCapture = await client.GetAsync($"{Api}/commitments/{code}/status?asOf=2025-01-14", Ct).ShouldBeJsonAsync<StatusAsOfDto>();
        beforeCapture.Status.ShouldBeNull();
        var afterCapture = await client.GetAsync($"{Api}/commitments/{code}/status?asOf=2025-01-20", Ct).ShouldBeJsonAsync<StatusAsOfDto>();
        afterCapture.Status.ShouldBe(LifecycleStatus.Confirmed);
        var later = await client.GetAsync($"{Api}/commitments/{code}/status?asOf=2025-01-30", Ct).ShouldBeJsonAsync<StatusAsOfDto>();
        later.Status.ShouldBe(LifecycleStatus.InProgress);
        later.Entry!.Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task A_status_learned_today_is_recorded_effective_on_the_day_it_happened_and_as_of_reads_that_day()
    {
        var client = app.Api();
        var code = (await NewCommitmentAsync(client)).Code;
        var url = $"{Api}/commitments/{code}/status-history";

        // Recorded on 1 June 2025; it stalled on 15 March, straight from Captured (no invented Confirmed entry).
        app.Clock.Now = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
        try
        {
            var future = await client.PostJsonAsync(url, new StatusEntryDraft { Status = LifecycleStatus.Stalled, Rationale = "Financing stopped.", EffectiveOn = new DateOnly(2025, 6, 2) })
                .ShouldBeInvalidAsync("effectiveOn");
            future.ShouldHaveSingleItem().ShouldContain("is in the future");
            var stalled = await client.PostJsonAsync(url, new StatusEntryDraft { Status = LifecycleStatus.Stalled, Rationale = "Financing stopped.", EffectiveOn = new DateOnly(2025, 3, 15) })
                .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
            stalled.EffectiveOn.ShouldBe(new DateOnly(2025, 3, 15));
            stalled.At.ShouldBe(app.Clock.Now);

            var early = await client.PostJsonAsync(url, new StatusEntryDraft { Status = LifecycleStatus.InProgress, EffectiveOn = new DateOnly(2025, 3, 1) })
                .ShouldBeInvalidAsync("effectiveOn");
            early.ShouldHaveSingleItem().ShouldContain("before 2025-03-15, the effective date of the latest entry");
            var beforeMeeting = await client.PostJsonAsync(url, new StatusEntryDraft { Status = LifecycleStatus.InProgress, EffectiveOn = new DateOnly(2023, 10, 9) })
                .ShouldBeInvalidAsync("effectiveOn");
            beforeMeeting.ShouldHaveSingleItem().ShouldContain("before the meeting of 2023-10-10");

            var today = await client.PostJsonAsync(url, new StatusEntryDraft { Status = LifecycleStatus.InProgress })
                .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
            today.EffectiveOn.ShouldBe(new DateOnly(2025, 6, 1), "an entry without an effective date takes effect the day it is recorded");
        }
        finally
        {
            app.Clock.Now = FixedClock.Default;
        }

        var history = await client.GetAsync(url, Ct).ShouldBeJsonAsync<List<StatusEntryDto>>();
        history.Select(e => (e.Status, e.EffectiveOn)).ShouldBe(
            [(LifecycleStatus.Captured, new DateOnly(2025, 1, 15)), (LifecycleStatus.Stalled, new DateOnly(2025, 3, 15)), (LifecycleStatus.InProgress, new DateOnly(2025, 6, 1))],
            "the refused entries left nothing behind");
        (await client.GetAsync($"{Api}/commitments/{code}/status?asOf=2025-03-14", Ct).ShouldBeJsonAsync<StatusAsOfDto>()).Status.ShouldBe(LifecycleStatus.Captured);
        (await client.GetAsync($"{Api}/commitments/{code}/status?asOf=2025-03-15", Ct).ShouldBeJsonAsync<StatusAsOfDto>()).Status.ShouldBe(LifecycleStatus.Stalled);
        (await client.GetAsync($"{Api}/commitments/{code}/status?asOf=2025-05-31", Ct).ShouldBeJsonAsync<StatusAsOfDto>()).Entry!.At.ShouldBe(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Appending_with_a_stale_etag_is_refused_and_nothing_is_appended()
    {
        var client = app.Api();
        var code = (await NewCommitmentAsync(client)).Code;
        var etag = (await client.GetAsync($"{Api}/commitments/{code}", Ct)).Headers.ETag!.Tag;

        using var first = new HttpRequestMessage(HttpMethod.Post, $"{Api}/commitments/{code}/status-history") { Content = System.Net.Http.Json.JsonContent.Create(new StatusEntryDraft { Status = LifecycleStatus.Confirmed }, options: AppFactory.Json) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        (await client.SendAsync(first, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var second = new HttpRequestMessage(HttpMethod.Post, $"{Api}/commitments/{code}/status-history") { Content = System.Net.Http.Json.JsonContent.Create(new StatusEntryDraft { Status = LifecycleStatus.Withdrawn, Rationale = "Based on an old view" }, options: AppFactory.Json) };
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await client.SendAsync(second, Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var history = await client.GetAsync($"{Api}/commitments/{code}/status-history", Ct).ShouldBeJsonAsync<List<StatusEntryDto>>();
        history.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Overdue_list_is_ordered_by_days_overdue_with_the_phrase_as_spoken()
    {
        var page = await app.Api().GetAsync($"{Api}/overdue?meeting=NSK-2023", Ct).ShouldBeJsonAsync<PagedResult<OverdueItemDto>>();

        page.Items.Select(i => i.Code).ShouldBe(["NSK-2023-010", "NSK-2023-009"]);
        page.Items[0].Due.Phrase.ShouldBe("spring 2024");
        page.Items[0].DaysOverdue.ShouldBe(FixedClock.Default.Date.Subtract(new DateTime(2024, 5, 31)).Days);
        page.Items[1].DaysOverdue.ShouldBe(FixedClock.Default.Date.Subtract(new DateTime(2024, 11, 30)).Days);
        page.Items[0].LeadPartyKey.ShouldBe("RU-NVS");
        page.Items[0].LeadPartyName.ShouldBe("Novosibirsk Oblast");
    }

    [Fact]
    public async Task Overdue_as_of_a_past_day_uses_the_status_of_that_day()
    {
        var page = await app.Api().GetAsync($"{Api}/overdue?asOf=2024-09-01&party=RU-NVS", Ct).ShouldBeJsonAsync<PagedResult<OverdueItemDto>>();

        page.Items.ShouldHaveSingleItem().Code.ShouldBe("NSK-2023-010");
        page.Items[0].DaysOverdue.ShouldBe(93);
    }

    [Fact]
    public async Task Rejects_a_bad_as_of_date() =>
        await app.Api().GetAsync($"{Api}/summary?asOf=yesterday", Ct).ShouldBeInvalidAsync("asOf");

    [Fact]
    public async Task Parties_are_listed_with_their_keys_and_parents()
    {
        var parties = await app.Api().GetAsync($"{Api}/parties", Ct).ShouldBeJsonAsync<List<PartyDto>>();

        parties.Single(p => p.Key == "RU-NVS").ParentKey.ShouldBe("RU");
        parties.Single(p => p.Key == "BY").ParentKey.ShouldBeNull();
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        var client = app.Api();
        (await client.GetStringAsync("/health/live", Ct)).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready", Ct)).ShouldBe("Healthy");
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetAsync($"{Api}/commitments?pageSize=1", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).TotalCount;

    private static bool IsSeeded(CommitmentSummaryDto c) => c.MeetingCode is "NSK-2023" or "KRD-2023";

    /// <summary>A meeting of this test's own (dated like the Novosibirsk one), with a short record to cite.</summary>
    /// <summary>The dashboard's open-ended figure has a list behind it: a due phrase with no last day (decision 0139).</summary>
    [Fact]
    public async Task The_open_ended_filter_lists_the_due_phrases_without_a_last_day_and_exports_them()
    {
        var client = app.Api();
        var (meeting, documentId, text) = await NewMeetingAsync(client);
        var codes = new Dictionary<string, string>();
        foreach (var due in new[] { "in the near future", "next year", "" })
        {
            var created = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, documentId, 0, text[..36]) with { Due = due.Length == 0 ? null : due })
                .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
            codes[due] = created.Code;
        }

        var openEnded = await client.GetAsync($"{Api}/commitments?meeting={meeting}&openEnded=true", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        openEnded.Items.Select(i => i.Code).ShouldBe([codes["in the near future"]]);
        var others = await client.GetAsync($"{Api}/commitments?meeting={meeting}&openEnded=false", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        others.Items.Select(i => i.Code).ShouldBe([codes["next year"], codes[""]], ignoreOrder: true);
        var csv = await client.GetStringAsync($"{Api}/commitments/export.csv?meeting={meeting}&openEnded=true&columns=code", Ct);
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(["code", codes["in the near future"]]);

        (await client.GetAsync($"{Api}/commitments?openEnded=soon", Ct).ShouldBeInvalidAsync("openEnded"))[0].ShouldContain("openEnded must be true or false");
    }

    private static async Task<(string Code, Guid DocumentId, string Text)> NewMeetingAsync(HttpClient client)
    {
        var meeting = await client.NewMeetingAsync();
        return (meeting.Code, meeting.Documents.Single().Id, LedgerData.FairRecord);
    }

    private static async Task<CommitmentDetailDto> NewCommitmentAsync(HttpClient client)
    {
        var (meeting, documentId, text) = await NewMeetingAsync(client);
        return await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, documentId, 0, text[..36]) with { Due = "autumn 2030" })
            .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
    }

    private static CreateCommitmentCommand NewCommitment(string meeting, Guid? documentId, int start, string quote) => new()
    {
        Meeting = meeting,
        Title = "Develop mutually beneficial cooperation",
        Summary = "Captured by a test.",
        Kind = CommitmentKind.Cooperation,
        Modality = Modality.Tentative,
        Issuer = "BY",
        Due = "next year",
        Responsibilities = [new ResponsibilityInput("BY-GOV", ResponsibilityRole.Lead), new ResponsibilityInput("RU", ResponsibilityRole.Counterpart)],
        Tags = ["Trade", " industry ", "trade"],
        Spans = [new SpanInput(documentId, start, start + quote.Length, quote)],
    };
}

public sealed class SqliteCommitmentApiTests(SqliteAppFactory app) : CommitmentApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SqlServerCommitmentApiTests(SqlServerAppFactory app) : CommitmentApiTests(app), IClassFixture<SqlServerAppFactory>;

public sealed class PostgreSqlCommitmentApiTests(PostgreSqlAppFactory app) : CommitmentApiTests(app), IClassFixture<PostgreSqlAppFactory>;
