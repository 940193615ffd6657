using System.Net;
using System.Net.Http.Headers;
using CommitmentTracker.Api.Endpoints;
using CommitmentTracker.Application.CalendarFeeds.Commands.CreateCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Ical.Net.CalendarComponents;
using IcalCalendar = Ical.Net.Calendar;

namespace CommitmentTracker.Integration.Tests.Calendar;

/// <summary>
/// Calendar feeds end to end: saved over the API, fetched by their secret address as a calendar app would, and read
/// back with Ical.Net — one event per commitment with a due window, updated as statuses change, stopped by revoking
/// or rotating.
/// </summary>
public abstract class CalendarFeedTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_feed_has_one_all_day_event_per_matching_commitment_spanning_its_due_window()
    {
        var filter = new CommitmentFilter { Meeting = "NSK-2023", Party = "RU-NVS" };
        var created = await app.Api().PostAsync("/api/v1/calendar-feeds", Json(new CreateCalendarFeedCommand("Novosibirsk", filter)), Ct);
        var subscription = await created.ShouldBeJsonAsync<CalendarFeedSubscription>(HttpStatusCode.Created);
        created.Headers.Location!.AbsolutePath.ShouldBe($"/api/v1/calendar-feeds/{subscription.Feed.Id}", "Location is the absolute URL of the new resource");
        created.Headers.CacheControl!.NoStore.ShouldBeTrue("the answer holds the secret address");
        subscription.WebcalUrl.Scheme.ShouldBe("webcal");
        subscription.WebcalUrl.PathAndQuery.ShouldBe(subscription.Url.PathAndQuery);
        TokenOf(subscription).Length.ShouldBeGreaterThanOrEqualTo(22, "at least 128 bits, base64url");
        TokenOf(subscription).ShouldMatch("^[A-Za-z0-9_-]+$");

        var response = await FetchAsync(subscription.Url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync(Ct))!;

        var listed = (await app.Api().GetAsync("/api/v1/commitments?meeting=NSK-2023&party=RU-NVS&pageSize=100", Ct)
            .ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).Items;
        listed.ShouldContain(c => c.Due != null && c.Due.Precision == DuePrecision.Open, "the seed data has an open-ended window to leave out");
        var expected = listed.Where(c => c.Due?.Latest != null).ToList();
        expected.ShouldNotBeEmpty();
        calendar.Properties["X-WR-CALNAME"]!.Value.ShouldBe("Novosibirsk");
        calendar.Events.Count.ShouldBe(expected.Count);
        foreach (var commitment in expected)
        {
            var e = calendar.Events.Single(ev => ev.Uid == $"{commitment.Id}@commitment-tracker");
            e.DtStart!.HasTime.ShouldBeFalse("due windows are all-day spans");
            DateOnly.FromDateTime(e.DtStart.Value).ShouldBe(commitment.Due!.Earliest!.Value);
            DateOnly.FromDateTime(e.DtEnd!.Value).ShouldBe(commitment.Due.Latest!.Value.AddDays(1), "DTEND is exclusive");
            e.Summary!.ShouldContain(commitment.Code);
            e.Summary!.ShouldContain(commitment.Title);
            e.Summary!.ShouldContain(commitment.Status.ToString());
            e.Sequence.ShouldBe((int)commitment.Version);
            e.Url!.AbsolutePath.ShouldBe($"/commitments/{commitment.Code}");
            e.Description!.ShouldContain(commitment.Due.Phrase);
        }
    }

    [Fact]
    public async Task A_status_change_reaches_the_calendar_and_unchanged_polls_are_304()
    {
        var client = app.Api();
        var code = await CreateCommitmentDueInAutumnAsync(client, "CAL-POLL");
        var subscription = await CreateFeedAsync(new CommitmentFilter { Meeting = "CAL-POLL" });

        var first = await FetchAsync(subscription.Url);
        var etag = first.Headers.ETag!.ToString();
        first.Content.Headers.LastModified.ShouldNotBeNull();
        first.Headers.CacheControl!.NoCache.ShouldBeTrue();
        var before = SingleEvent(await first.Content.ReadAsStringAsync(Ct));
        before.Status.ShouldBe("TENTATIVE", "a captured commitment is not confirmed yet");
        (await FetchAsync(subscription.Url, etag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        await client.PostJsonAsync($"/api/v1/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        var changed = await FetchAsync(subscription.Url, etag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.ToString().ShouldNotBe(etag);
        var after = SingleEvent(await changed.Content.ReadAsStringAsync(Ct));
        after.Uid.ShouldBe(before.Uid, "the same event, updated in place");
        after.Sequence.ShouldBeGreaterThan(before.Sequence);
        after.Summary!.ShouldContain("Confirmed");
        after.Status.ShouldBe("CONFIRMED");

        await client.PostJsonAsync($"/api/v1/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Withdrawn, Rationale = "Dropped." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        SingleEvent(await (await FetchAsync(subscription.Url)).Content.ReadAsStringAsync(Ct)).Status.ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task A_commitment_that_leaves_the_filter_leaves_the_calendar()
    {
        var client = app.Api();
        var code = await CreateCommitmentDueInAutumnAsync(client, "CAL-LEAVE");
        var subscription = await CreateFeedAsync(new CommitmentFilter { Meeting = "CAL-LEAVE", Status = [LifecycleStatus.Captured] });
        var first = await FetchAsync(subscription.Url);
        SingleEvent(await first.Content.ReadAsStringAsync(Ct));

        await client.PostJsonAsync($"/api/v1/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        var changed = await FetchAsync(subscription.Url, first.Headers.ETag!.ToString());
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        IcalCalendar.Load(await changed.Content.ReadAsStringAsync(Ct))!.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoking_stops_the_address_for_good()
    {
        var subscription = await CreateFeedAsync(new CommitmentFilter { Kind = [CommitmentKind.CulturalEvent] });
        (await FetchAsync(subscription.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await app.Api().PostAsync($"/api/v1/calendar-feeds/{subscription.Feed.Id}/revoke", null, Ct).ShouldBeJsonAsync<CalendarFeedDto>();

        revoked.RevokedAt.ShouldNotBeNull();
        await (await FetchAsync(subscription.Url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await app.Api().PostAsync($"/api/v1/calendar-feeds/{subscription.Feed.Id}/revoke", null, Ct).ShouldBeJsonAsync<CalendarFeedDto>())
            .RevokedAt.ShouldBe(revoked.RevokedAt, "revoking again keeps the first time");
        await app.Api().PostAsync($"/api/v1/calendar-feeds/{subscription.Feed.Id}/rotate", null, Ct).ShouldBeInvalidAsync("revokedAt");
        var listed = await app.Api().GetAsync("/api/v1/calendar-feeds", Ct).ShouldBeJsonAsync<List<CalendarFeedDto>>();
        listed.Single(f => f.Id == subscription.Feed.Id).IsRevoked.ShouldBeTrue();
    }

    [Fact]
    public async Task Rotating_replaces_the_address()
    {
        var old = await CreateFeedAsync(new CommitmentFilter { Kind = [CommitmentKind.CulturalEvent] });

        var rotated = await app.Api().PostAsync($"/api/v1/calendar-feeds/{old.Feed.Id}/rotate", null, Ct).ShouldBeJsonAsync<CalendarFeedSubscription>();

        rotated.Feed.Id.ShouldBe(old.Feed.Id);
        rotated.Url.ShouldNotBe(old.Url);
        await (await FetchAsync(old.Url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await FetchAsync(rotated.Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_feed_can_be_read_back_without_its_address()
    {
        var subscription = await CreateFeedAsync(new CommitmentFilter { Kind = [CommitmentKind.Hub], Party = "RU-NVS" });

        var body = await (await app.Api().GetAsync($"/api/v1/calendar-feeds/{subscription.Feed.Id}", Ct)).Content.ReadAsStringAsync(Ct);
        var feed = System.Text.Json.JsonSerializer.Deserialize<CalendarFeedDto>(body, AppFactory.Json)!;

        feed.Name.ShouldBe(subscription.Feed.Name);
        feed.Filter.Kind.ShouldBe([CommitmentKind.Hub]);
        feed.Filter.Party.ShouldBe("RU-NVS");
        body.ShouldNotContain(TokenOf(subscription), customMessage: "only the token's hash is kept");
        (await app.Api().GetAsync("/api/v1/calendar-feeds", Ct).ShouldBeJsonAsync<List<CalendarFeedDto>>()).ShouldContain(f => f.Id == feed.Id);
        await app.Api().GetAsync($"/api/v1/calendar-feeds/{Guid.CreateVersion7()}", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("no-such-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_address_is_a_404_problem_that_does_not_echo_the_token(string token)
    {
        // Only the path is requested; reading app.Server here would start the app before the engine's skip check.
        var problem = await (await FetchAsync(new Uri($"http://localhost/api/v1/calendar/{token}.ics"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString()!.ShouldNotContain(token);
    }

    [Theory]
    [InlineData("""{"name":"","filter":{}}""", "name")]
    [InlineData("""{"filter":{}}""", "name")]
    [InlineData("""{"name":"x","filter":{"dueFrom":"2024-06-01","dueTo":"2024-01-01"}}""", "filter.dueTo")]
    [InlineData("""{"name":"x","filter":{"overdue":true,"asOf":"2024-06-01"}}""", "filter.asOf")]
    [InlineData("""{"name":"x","filter":{"status":["Nope"]}}""", "filter.status[0]")]
    [InlineData("""{"name":"x","filter":{"q":"QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ"}}""", "filter.q")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field) =>
        await app.Api().PostAsync("/api/v1/calendar-feeds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct).ShouldBeInvalidAsync(field);

    private async Task<CalendarFeedSubscription> CreateFeedAsync(CommitmentFilter filter) =>
        await app.Api().PostAsync("/api/v1/calendar-feeds", Json(new CreateCalendarFeedCommand($"Feed {Guid.NewGuid():N}", filter)), Ct)
            .ShouldBeJsonAsync<CalendarFeedSubscription>(HttpStatusCode.Created);

    /// <summary>As a calendar app polls: no credentials but the address, asking for a calendar.</summary>
    private async Task<HttpResponseMessage> FetchAsync(Uri url, string? ifNoneMatch = null)
    {
        var client = app.Api();
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Accept.Clear();
        // Only text/calendar, as some calendar apps send: errors must still come back as problem details.
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/calendar"));
        using var request = new HttpRequestMessage(HttpMethod.Get, url.PathAndQuery);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task A_window_to_the_calendars_last_day_is_an_event_ending_that_day_not_a_500()
    {
        var client = app.Api();
        var code = await CreateCommitmentDueInAutumnAsync(client, "CAL-END", due: "9999-12-31");
        var subscription = await CreateFeedAsync(new CommitmentFilter { Meeting = "CAL-END" });

        var response = await FetchAsync(subscription.Url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var e = SingleEvent(await response.Content.ReadAsStringAsync(Ct));
        e.Summary!.ShouldContain(code);
        DateOnly.FromDateTime(e.DtEnd!.Value).ShouldBe(DateOnly.MaxValue);
    }

    private static async Task<string> CreateCommitmentDueInAutumnAsync(HttpClient client, string meeting, string due = "autumn 2024")
    {
        const string text = "The sides agreed to hold the Days of Culture in autumn 2024.";
        await client.PostJsonAsync("/api/v1/meetings", new CreateMeetingCommand
        {
            Code = meeting,
            Title = "Talks",
            Date = new DateOnly(2024, 3, 1),
            Place = "Minsk",
            Document = new DocumentInput("Record", null, "en", text, null),
        }).ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);
        var commitment = await client.PostJsonAsync("/api/v1/commitments", new CreateCommitmentCommand
        {
            Meeting = meeting,
            Title = "Hold the Days of Culture",
            Kind = CommitmentKind.CulturalEvent,
            Issuer = "BY",
            Due = due,
            Spans = [new SpanInput(null, null, null, text)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        return commitment.Code;
    }

    private static CalendarEvent SingleEvent(string ics) => IcalCalendar.Load(ics)!.Events.ShouldHaveSingleItem();

    private static string TokenOf(CalendarFeedSubscription subscription) => subscription.Url.Segments[^1].Replace(".ics", string.Empty, StringComparison.Ordinal);

    private static System.Net.Http.Json.JsonContent Json<T>(T body) => System.Net.Http.Json.JsonContent.Create(body, options: AppFactory.Json);
}

public sealed class SqliteCalendarFeedTests(SqliteAppFactory app) : CalendarFeedTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlCalendarFeedTests(PostgreSqlAppFactory app) : CalendarFeedTests(app), IClassFixture<PostgreSqlAppFactory>;
