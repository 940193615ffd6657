using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Application.Parties.Commands.CreateParty;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using CommitmentTracker.Integration.Tests.Hardening;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Commitments;

/// <summary>
/// One commitment and a text search are kept until the change feed's head moves (decision 0051). Each test reads a
/// commitment of its own twice (the second answer is the kept one), makes one kind of write, and reads again: the
/// answer must show the write, and be byte for byte what a read that was never kept gives (the same commitment asked
/// by id, a question not asked before the write). A write that forgot to move the head fails here.
/// </summary>
public abstract class CommitmentReadSnapshotTests(AppFactory app)
{
    private const string Api = AppPaths.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_revised_title_is_read_at_once()
    {
        var client = app.Api();
        var (code, etag) = await CaptureAndKeepAsync(client);
        var detail = await ReadAsync(client, code);

        await client.PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(detail) with { Title = "Hold a joint trade fair in Minsk" }, etag)
            .ShouldBeJsonAsync<CommitmentDetailDto>();

        (await ReadFreshAsync(client, code)).Title.ShouldBe("Hold a joint trade fair in Minsk");
    }

    [Fact]
    public async Task An_appended_status_entry_is_read_at_once()
    {
        var client = app.Api();
        var (code, _) = await CaptureAndKeepAsync(client);

        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed, Rationale = "Both sides signed." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        var after = await ReadFreshAsync(client, code);
        after.Status.ShouldBe(LifecycleStatus.Confirmed);
        after.LatestEntry!.Rationale.ShouldBe("Both sides signed.");
    }

    [Fact]
    public async Task An_observation_recorded_against_the_target_is_read_at_once()
    {
        var client = app.Api();
        var (code, etag) = await CaptureAndKeepAsync(client);
        var target = new TargetInput("Trade turnover", "USD", TargetDirection.Increase, 1_000_000m, new DateOnly(2023, 1, 1), null, 2_000_000m, []);
        var withTarget = await client.PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(await ReadAsync(client, code)) with { Target = target }, etag)
            .ShouldBeJsonAsync<CommitmentDetailDto>();
        (await ReadAsync(client, code)).Target!.Observations.ShouldBeEmpty();
        (await ReadAsync(client, code)).Target!.Observations.ShouldBeEmpty();

        var observed = target with { Observations = [new ObservationInput(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 1_500_000m, "Customs statistics")] };
        await client.PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(withTarget) with { Target = observed }, Version(withTarget))
            .ShouldBeJsonAsync<CommitmentDetailDto>();

        (await ReadFreshAsync(client, code)).Target!.Observations.ShouldHaveSingleItem().Value.ShouldBe(1_500_000m);
    }

    [Fact]
    public async Task Evidence_attached_to_an_entry_is_read_at_once()
    {
        var client = app.Api();
        var (code, _) = await CaptureAndKeepAsync(client);

        using var form = new MultipartFormDataContent { { new StringContent("InProgress"), "status" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Minutes: the first shipment left on 28 November 2024.\n"));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
        form.Add(file, "files", "minutes.txt");
        await client.PostAsync($"{Api}/commitments/{code}/status-history/with-evidence", form, Ct).ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        (await ReadFreshAsync(client, code)).LatestEntry!.EvidenceFiles.ShouldHaveSingleItem().FileName.ShouldBe("minutes.txt");
    }

    [Fact]
    public async Task Changed_responsibilities_are_read_at_once()
    {
        var client = app.Api();
        var (code, etag) = await CaptureAndKeepAsync(client);

        await client.PutJsonAsync($"{Api}/commitments/{code}", CommitmentDraft.From(await ReadAsync(client, code)) with { Responsibilities = [new ResponsibilityInput("RU", ResponsibilityRole.Lead)] }, etag)
            .ShouldBeJsonAsync<CommitmentDetailDto>();

        (await ReadFreshAsync(client, code)).Responsibilities.Select(r => (r.PartyKey, r.Role)).ShouldBe([("RU", ResponsibilityRole.Lead)]);
    }

    [Fact]
    public async Task A_renamed_issuer_is_read_at_once()
    {
        var client = app.Api();
        var key = LedgerData.UniqueCode("XX");
        await client.PostJsonAsync($"{Api}/parties", new CreatePartyCommand { Key = key, Name = "Joint trade council", Kind = PartyKind.JointBody })
            .ShouldBeJsonAsync<PartyDto>(HttpStatusCode.Created);
        var (code, _) = await CaptureAndKeepAsync(client, issuer: key);
        (await ReadAsync(client, code)).IssuerName.ShouldBe("Joint trade council");

        var party = await client.GetAsync($"{Api}/parties/{key}", Ct);
        await client.PutJsonAsync($"{Api}/parties/{key}", new PartyDraft { Name = "Joint trade and investment council", Kind = PartyKind.JointBody }, party.Headers.ETag!.Tag)
            .ShouldBeJsonAsync<PartyDto>();

        (await ReadFreshAsync(client, code)).IssuerName.ShouldBe("Joint trade and investment council");
    }

    [Fact]
    public async Task A_revised_meeting_is_read_at_once()
    {
        var client = app.Api();
        var (code, _) = await CaptureAndKeepAsync(client);
        var meeting = (await ReadAsync(client, code)).MeetingCode;

        var etag = (await client.GetAsync($"{Api}/meetings/{meeting}", Ct)).Headers.ETag!.Tag;
        await client.PutJsonAsync($"{Api}/meetings/{meeting}", new MeetingDraft { Title = "Test meeting", Date = new DateOnly(2024, 3, 1), Place = "Minsk", Format = MeetingFormat.Talks }, etag)
            .ShouldBeJsonAsync<MeetingDetailDto>();

        (await ReadFreshAsync(client, code)).MeetingDate.ShouldBe(new DateOnly(2024, 3, 1));
    }

    [Fact]
    public async Task An_owner_assigned_in_bulk_is_read_at_once()
    {
        var client = app.Api();
        var (code, _) = await CaptureAndKeepAsync(client);
        var owner = await app.NewUserAsync(Roles.Analyst);

        await client.PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([code], BulkAction.AssignOwner, Owner: owner))
            .ShouldBeJsonAsync<BulkChangeResult>();

        (await ReadFreshAsync(client, code)).Owner.ShouldBe(owner);
    }

    [Fact]
    public async Task A_kept_answer_turns_overdue_with_the_calendar_and_its_etag_with_it()
    {
        var client = app.Api();
        var (code, etag) = await CaptureAndKeepAsync(client, due: "autumn 2025");
        (await ReadAsync(client, code)).IsOverdue.ShouldBeFalse();

        var today = app.Clock.Now;
        try
        {
            app.Clock.Now = new DateTimeOffset(2026, 1, 2, 12, 0, 0, TimeSpan.Zero);
            var response = await client.GetAsync($"{Api}/commitments/{code}", Ct);
            response.Headers.ETag!.Tag.ShouldNotBe(etag, "the overdue flag is part of the representation");
            (await response.ShouldBeJsonAsync<CommitmentDetailDto>()).IsOverdue.ShouldBeTrue();
        }
        finally
        {
            app.Clock.Now = today;
        }
    }

    [Fact]
    public async Task An_etag_read_from_a_kept_answer_still_answers_304_and_stops_matching_after_a_write()
    {
        var client = app.Api();
        var (code, etag) = await CaptureAndKeepAsync(client);
        (await GetIfNoneMatchAsync(client, code, etag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        var changed = await GetIfNoneMatchAsync(client, code, etag);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldNotBe(etag);
    }

    [Fact]
    public async Task A_text_search_answers_its_first_page_and_exact_total_and_follows_every_write()
    {
        var client = app.Api();
        var word = "Zephyrwagon" + LedgerData.UniqueCode("Q")[2..].ToLowerInvariant();
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await CaptureAndKeepAsync(client, title: $"Deliver {word} carriages, lot {i}")).Code);
        }

        var first = await SearchAsync(client, word, pageSize: 2);
        first.Items.Select(c => c.Code).ShouldBe(codes.Order(StringComparer.Ordinal).Take(2));
        (first.TotalCount, first.TotalIsEstimate, first.Next).ShouldBe((3, false, first.Items[^1].Code));
        (await SearchAsync(client, word, pageSize: 2)).Items.Select(c => c.Code).ShouldBe(first.Items.Select(c => c.Code), "asked again: the same page");

        // Revised so it no longer says the word: out of the kept page and the total.
        var dropped = codes.Order(StringComparer.Ordinal).First();
        var detail = await client.GetAsync($"{Api}/commitments/{dropped}", Ct);
        await client.PutJsonAsync($"{Api}/commitments/{dropped}", CommitmentDraft.From(await detail.ShouldBeJsonAsync<CommitmentDetailDto>()) with { Title = "Deliver tram carriages" }, detail.Headers.ETag!.Tag)
            .ShouldBeJsonAsync<CommitmentDetailDto>();
        var afterRevision = await SearchAsync(client, word, pageSize: 2);
        afterRevision.Items.Select(c => c.Code).ShouldBe(codes.Where(c => c != dropped).Order(StringComparer.Ordinal));
        afterRevision.TotalCount.ShouldBe(2);

        // A status entry changes the rows' status: the kept page must show it.
        await client.PostJsonAsync($"{Api}/commitments/{afterRevision.Items[0].Code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        (await SearchAsync(client, word, pageSize: 2)).Items[0].Status.ShouldBe(LifecycleStatus.Confirmed);

        // A new commitment saying the word is found at once.
        var added = (await CaptureAndKeepAsync(client, title: $"Deliver {word} carriages, lot 9")).Code;
        var afterCapture = await SearchAsync(client, word, pageSize: 25);
        afterCapture.Items.Select(c => c.Code).ShouldContain(added);
        afterCapture.TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task The_same_text_asked_by_another_person_for_their_own_commitments_is_their_answer()
    {
        var client = app.Api();
        var word = "Quillbarrow" + LedgerData.UniqueCode("Q")[2..].ToLowerInvariant();
        var (code, _) = await CaptureAndKeepAsync(client, title: $"Build {word} depots");
        var owner = await app.NewUserAsync(Roles.Analyst);
        await client.PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([code], BulkAction.AssignOwner, Owner: owner))
            .ShouldBeJsonAsync<BulkChangeResult>();

        (await client.GetAsync($"{Api}/commitments?q={word}&owner=me", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).TotalCount
            .ShouldBe(0, "the administrator owns none");
        var browser = app.Anonymous();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(browser, owner, People.Password)).ShouldBeTrue();
        var theirs = await browser.GetAsync($"{Api}/commitments?q={word}&owner=me", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        theirs.Items.Select(c => c.Code).ShouldBe([code]);
    }

    private static async Task<PagedResult<CommitmentSummaryDto>> SearchAsync(HttpClient client, string text, int pageSize) =>
        await client.GetAsync($"{Api}/commitments?q={Uri.EscapeDataString(text)}&pageSize={pageSize}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();

    /// <summary>A commitment of this test's own, read twice by code so that the second read is the kept answer.</summary>
    private static async Task<(string Code, string ETag)> CaptureAndKeepAsync(HttpClient client, string issuer = "BY", string due = "autumn 2030", string title = "Hold a joint trade fair")
    {
        var meeting = await client.NewMeetingAsync("SNP");
        var quote = LedgerData.FairQuote[..^1];
        var created = await client.PostJsonAsync($"{Api}/commitments", new CreateCommitmentCommand
        {
            Meeting = meeting.Code,
            Title = title,
            Kind = CommitmentKind.Cooperation,
            Modality = Modality.Firm,
            Issuer = issuer,
            Due = due,
            Responsibilities = [new ResponsibilityInput("BY-GOV", ResponsibilityRole.Lead), new ResponsibilityInput("RU", ResponsibilityRole.Counterpart)],
            Spans = [new SpanInput(meeting.Documents.Single().Id, 0, quote.Length, quote)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        var first = await client.GetAsync($"{Api}/commitments/{created.Code}", Ct);
        var second = await client.GetAsync($"{Api}/commitments/{created.Code}", Ct);
        (await second.Content.ReadAsStringAsync(Ct)).ShouldBe(await first.Content.ReadAsStringAsync(Ct));
        return (created.Code, second.Headers.ETag!.Tag);
    }

    private static async Task<CommitmentDetailDto> ReadAsync(HttpClient client, string code) =>
        await client.GetAsync($"{Api}/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();

    /// <summary>
    /// Reads by code (the way that was kept before the write) and by id (never asked before: built now) and holds the
    /// two equal byte for byte, with the same ETag.
    /// </summary>
    private static async Task<CommitmentDetailDto> ReadFreshAsync(HttpClient client, string code)
    {
        var byCode = await client.GetAsync($"{Api}/commitments/{code}", Ct);
        var body = await byCode.Content.ReadAsStringAsync(Ct);
        var detail = await byCode.ShouldBeJsonAsync<CommitmentDetailDto>();
        var byId = await client.GetAsync($"{Api}/commitments/{detail.Id}", Ct);
        (await byId.Content.ReadAsStringAsync(Ct)).ShouldBe(body, "the kept answer is the one a fresh read builds");
        byId.Headers.ETag!.Tag.ShouldBe(byCode.Headers.ETag!.Tag);
        return detail;
    }

    private static string Version(CommitmentDetailDto detail) => detail.Version.ToString(CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> GetIfNoneMatchAsync(HttpClient client, string code, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/commitments/{code}");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await client.SendAsync(request, Ct);
    }
}

public sealed class SqliteCommitmentReadSnapshotTests(SqliteAppFactory app) : CommitmentReadSnapshotTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlCommitmentReadSnapshotTests(PostgreSqlAppFactory app) : CommitmentReadSnapshotTests(app), IClassFixture<PostgreSqlAppFactory>;
