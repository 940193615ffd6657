using System.Net;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Meetings.Queries.PreviewDateChange;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>
/// Issue 14, items 2 and 6: a meeting-date change that moves deadlines later is a manager's decision (with a
/// preview of what moves), and status appends without If-Match are serialized by the server instead of losing a race.
/// </summary>
public sealed class LedgerDefectTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Moving_a_meeting_later_moves_its_deadlines_later_so_only_a_manager_may_and_the_preview_says_so()
    {
        var (meeting, code) = await MeetingWithRelativeDueAsync();
        var url = $"/api/v1/meetings/{meeting}";
        var current = await app.Api().GetAsync(url, Ct);
        var etag = current.Headers.ETag!.Tag;
        var detail = await current.ShouldBeJsonAsync<MeetingDetailDto>();
        var later = DraftOf(detail) with { Date = new DateOnly(2025, 1, 10) };

        var preview = await app.ApiAs(Roles.Analyst).GetAsync($"{url}/date-change?date=2025-01-10", Ct).ShouldBeJsonAsync<DateChangePreview>();
        preview.NeedsManager.ShouldBeTrue();
        var move = preview.Moves.ShouldHaveSingleItem();
        move.Code.ShouldBe(code);
        move.Phrase.ShouldBe("next year");
        move.Latest.ShouldBe(new DateOnly(2025, 12, 31));
        move.NewLatest.ShouldBe(new DateOnly(2026, 12, 31));
        move.IsExtension.ShouldBeTrue();

        var refused = await app.ApiAs(Roles.Analyst).PutJsonAsync(url, later, etag).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused.GetProperty("detail").GetString()!.ShouldContain("manager");
        (await app.Api().GetAsync(url, Ct).ShouldBeJsonAsync<MeetingDetailDto>()).Date.ShouldBe(new DateOnly(2024, 3, 1), "a refused change changes nothing");
        (await app.Api().GetAsync($"/api/v1/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>()).Due!.Latest.ShouldBe(new DateOnly(2025, 12, 31));

        var moved = await app.ApiAs(Roles.Manager).PutJsonAsync(url, later, etag).ShouldBeJsonAsync<MeetingDetailDto>();
        moved.Date.ShouldBe(new DateOnly(2025, 1, 10));
        (await app.Api().GetAsync($"/api/v1/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>()).Due!.Latest.ShouldBe(preview.Moves[0].NewLatest);
    }

    [Fact]
    public async Task Moving_a_meeting_earlier_is_an_analysts_correction()
    {
        var (meeting, code) = await MeetingWithRelativeDueAsync();
        var url = $"/api/v1/meetings/{meeting}";
        var current = await app.Api().GetAsync(url, Ct);
        var etag = current.Headers.ETag!.Tag;
        var detail = await current.ShouldBeJsonAsync<MeetingDetailDto>();

        var preview = await app.ApiAs(Roles.Viewer).GetAsync($"{url}/date-change?date=2023-03-01", Ct).ShouldBeJsonAsync<DateChangePreview>();
        preview.NeedsManager.ShouldBeFalse();
        preview.Moves.ShouldHaveSingleItem().NewLatest.ShouldBe(new DateOnly(2024, 12, 31));

        await app.ApiAs(Roles.Analyst).PutJsonAsync(url, DraftOf(detail) with { Date = new DateOnly(2023, 3, 1) }, etag).ShouldBeJsonAsync<MeetingDetailDto>();
        (await app.Api().GetAsync($"/api/v1/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>()).Due!.Latest.ShouldBe(new DateOnly(2024, 12, 31));
    }

    [Fact]
    public async Task A_preview_without_a_date_is_a_400_and_of_an_unknown_meeting_a_404()
    {
        await app.Api().GetAsync("/api/v1/meetings/NSK-2023/date-change", Ct).ShouldBeInvalidAsync("date");
        await app.Api().GetAsync("/api/v1/meetings/NSK-2023/date-change?date=soon", Ct).ShouldBeInvalidAsync("date");
        await app.Api().GetAsync("/api/v1/meetings/NO-SUCH/date-change?date=2024-01-01", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_status_appends_without_if_match_are_all_recorded()
    {
        var (_, code) = await MeetingWithRelativeDueAsync();
        const int writers = 12;
        var url = $"/api/v1/commitments/{code}/status-history";

        // Each writer its own client, all released at once.
        var clients = Enumerable.Range(0, writers).Select(_ => app.ApiAs(Roles.Analyst)).ToList();
        using var start = new SemaphoreSlim(0);
        var appends = clients.Select(async (client, i) =>
        {
            await start.WaitAsync(Ct);
            return await client.PostJsonAsync(url, new StatusEntryDraft { Status = LifecycleStatus.Captured, Rationale = $"Writer {i}" });
        }).ToList();
        start.Release(writers);
        var responses = await Task.WhenAll(appends);

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        statuses.ShouldAllBe(s => s == 201, string.Join(", ", statuses));
        var history = await app.Api().GetAsync(url, Ct).ShouldBeJsonAsync<List<StatusEntryDto>>();
        history.Count(e => e.Rationale != null && e.Rationale.StartsWith("Writer ", StringComparison.Ordinal)).ShouldBe(writers);
    }

    [Fact]
    public async Task A_stale_if_match_on_a_status_append_is_still_refused()
    {
        var (_, code) = await MeetingWithRelativeDueAsync();
        var url = $"/api/v1/commitments/{code}/status-history";
        var version = (await app.Api().GetAsync($"/api/v1/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>()).Version;
        (await app.Api().PostJsonAsync(url, new StatusEntryDraft { Status = LifecycleStatus.Confirmed })).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var stale = new HttpRequestMessage(HttpMethod.Post, url) { Content = System.Net.Http.Json.JsonContent.Create(new StatusEntryDraft { Status = LifecycleStatus.InProgress }, options: AppFactory.Json) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        await app.Api().SendAsync(stale, Ct).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    private async Task<(string Meeting, string Commitment)> MeetingWithRelativeDueAsync()
    {
        var meeting = $"HD-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        const string text = "The sides agreed to open a joint trade house next year.";
        await app.Api().PostJsonAsync("/api/v1/meetings", new CreateMeetingCommand
        {
            Code = meeting,
            Title = "Talks",
            Date = new DateOnly(2024, 3, 1),
            Place = "Minsk",
            Document = new DocumentInput("Record", null, "en", text, null),
        }).ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);
        var commitment = await app.Api().PostJsonAsync("/api/v1/commitments", new CreateCommitmentCommand
        {
            Meeting = meeting,
            Title = "Open a joint trade house",
            Kind = CommitmentKind.Hub,
            Issuer = "BY",
            Due = "next year",
            Spans = [new SpanInput(null, null, null, text)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        return (meeting, commitment.Code);
    }

    private static MeetingDraft DraftOf(MeetingDetailDto m) => new()
    {
        Title = m.Title,
        Date = m.Date,
        Place = m.Place,
        Format = m.Format,
        Summary = m.Summary,
        Participants = [.. m.Participants.Select(p => new ParticipantInput(p.PartyKey, p.PersonName, p.Position, p.Role))],
    };
}
