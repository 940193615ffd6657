using System.Net;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Meetings;

/// <summary>
/// Meetings and their records over the API, on a real database: listing and detail on the seeds, the record's text
/// byte for byte, creating and revising a meeting (a new date moves its commitments' relative due windows), and bad
/// input named by field. Tests that write create their own meeting (TST-…).
/// </summary>
public abstract class MeetingApiTests(AppFactory app)
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Meetings_list_and_detail_show_participants_documents_and_commitments()
    {
        var client = app.Api();
        var page = await client.GetAsync($"{Api}/meetings?to=2023-12-31", Ct).ShouldBeJsonAsync<PagedResult<MeetingSummaryDto>>();
        page.Items.Select(m => m.Code).Where(c => !c.StartsWith("TST-", StringComparison.Ordinal)).ShouldBe(["NSK-2023", "KRD-2023"], "newest first");

        var krasnodar = await client.GetAsync($"{Api}/meetings/KRD-2023", Ct).ShouldBeJsonAsync<MeetingDetailDto>();
        krasnodar.Date.ShouldBe(new DateOnly(2023, 9, 19));
        krasnodar.Participants.Select(p => p.PersonName).ShouldBe(["Aleksandr Lukashenko", "Veniamin Kondratyev"]);
        krasnodar.Documents.ShouldHaveSingleItem().Language.ShouldBe("en");
        krasnodar.Commitments.Count.ShouldBe(8);

        var filtered = await client.GetAsync($"{Api}/meetings?q=krasnodar&from=2023-09-01&to=2023-09-30", Ct).ShouldBeJsonAsync<PagedResult<MeetingSummaryDto>>();
        filtered.Items.ShouldHaveSingleItem().CommitmentCount.ShouldBe(8);
        await client.GetAsync($"{Api}/meetings?from=2024-01-01&to=2023-01-01", Ct).ShouldBeInvalidAsync("to");
        await client.GetAsync($"{Api}/meetings/NOPE", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Document_text_is_served_byte_for_byte_with_its_hash()
    {
        var client = app.Api();
        var meeting = await client.GetAsync($"{Api}/meetings/NSK-2023", Ct).ShouldBeJsonAsync<MeetingDetailDto>();
        var document = meeting.Documents.Single();

        var response = await client.GetAsync($"{Api}/documents/{document.Id}/text", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        bytes.ShouldBe(await File.ReadAllBytesAsync(Path.Combine(Repository.Seeds, "2023-10-10-novosibirsk-oblast.txt"), Ct));
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)).ShouldBe(document.Sha256);
        var metadata = await client.GetAsync($"{Api}/documents/{document.Id}", Ct).ShouldBeJsonAsync<DocumentDto>();
        metadata.Length.ShouldBe(System.Text.Encoding.UTF8.GetString(bytes).Length);
        await client.GetAsync($"{Api}/documents/{Guid.NewGuid()}/text", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creates_and_revises_a_meeting_and_a_new_date_moves_due_windows()
    {
        var client = app.Api();
        var code = $"TST-{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var text = "The parties agreed to hold a joint trade fair next year.";
        var created = await client.PostJsonAsync($"{Api}/meetings", new CreateMeetingCommand
        {
            Code = code,
            Title = "Test meeting",
            Date = new DateOnly(2024, 3, 1),
            Place = "Minsk",
            Format = MeetingFormat.Talks,
            Participants = [new ParticipantInput("BY", "Test Person", "Minister", ParticipantRole.Host)],
            Document = new DocumentInput("Record", new Uri("https://example.org/record"), "en", text, null),
        }).ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);
        created.Participants.ShouldHaveSingleItem().PersonName.ShouldBe("Test Person");

        var commitment = await client.PostJsonAsync($"{Api}/commitments", new CreateCommitmentCommand
        {
            Meeting = code,
            Title = "Hold a joint trade fair",
            Kind = CommitmentKind.CulturalEvent,
            Issuer = "BY",
            Due = "next year",
            Spans = [new SpanInput(null, null, null, text)],
        })
            .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        commitment.Code.ShouldBe($"{code}-001");
        commitment.Due!.Latest.ShouldBe(new DateOnly(2025, 12, 31));

        await client.PostJsonAsync($"{Api}/meetings", new CreateMeetingCommand { Code = code, Title = "Again", Date = new DateOnly(2024, 3, 1), Place = "Minsk" })
            .ShouldBeInvalidAsync("code");

        var etag = (await client.GetAsync($"{Api}/meetings/{code}", Ct)).Headers.ETag!.Tag;
        var revised = await client.PutJsonAsync($"{Api}/meetings/{code}", new MeetingDraft { Title = "Test meeting (corrected)", Date = new DateOnly(2025, 1, 10), Place = "Minsk", Format = MeetingFormat.Talks }, etag)
            .ShouldBeJsonAsync<MeetingDetailDto>();
        revised.Title.ShouldBe("Test meeting (corrected)");
        revised.Participants.ShouldBeEmpty();
        revised.Commitments.Single().Due!.Latest.ShouldBe(new DateOnly(2026, 12, 31));

        await client.PutJsonAsync($"{Api}/meetings/{code}", new MeetingDraft { Title = "x", Date = new DateOnly(2025, 1, 10), Place = "Minsk" }, etag)
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await client.PutJsonAsync($"{Api}/meetings/{code}", new MeetingDraft { Title = "", Place = "" }, revised.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBeInvalidAsync("date");
    }

    [Theory]
    [InlineData("{\"code\":\"bad code!\",\"title\":\"t\",\"date\":\"2024-01-01\",\"place\":\"p\"}", "code")]
    [InlineData("{\"code\":\"OK-1\",\"title\":\"t\",\"date\":\"2024-02-30\",\"place\":\"p\"}", "date")]
    [InlineData("{\"code\":\"OK-2\",\"title\":\"t\",\"date\":\"2024-01-01\",\"place\":\"p\",\"participants\":[{\"party\":\"ZZ\",\"role\":\"Host\"}]}", "participants[0].party")]
    [InlineData("{\"code\":\"OK-4\",\"title\":\"t\",\"date\":\"2024-01-01\",\"place\":\"p\",\"participants\":[null]}", "participants[0]")]
    [InlineData("{\"code\":\"OK-3\",\"title\":\"t\",\"date\":\"2024-01-01\",\"place\":\"p\",\"document\":{\"title\":\"d\",\"language\":\"en\",\"text\":\"\"}}", "document.text")]
    public async Task Refuses_bad_meetings(string json, string field)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        await app.Api().PostAsync($"{Api}/meetings", content, Ct).ShouldBeInvalidAsync(field);
    }
}

public sealed class SqliteMeetingApiTests(SqliteAppFactory app) : MeetingApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SqlServerMeetingApiTests(SqlServerAppFactory app) : MeetingApiTests(app), IClassFixture<SqlServerAppFactory>;

public sealed class PostgreSqlMeetingApiTests(PostgreSqlAppFactory app) : MeetingApiTests(app), IClassFixture<PostgreSqlAppFactory>;
