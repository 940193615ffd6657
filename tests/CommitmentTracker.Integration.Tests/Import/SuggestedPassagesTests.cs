using System.Net;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Import.Queries.ListSuggestedPassages;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Extraction;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Import;

/// <summary>ADR 0117: the sentences worth a look beside a meeting's proposals, and one of them proposed from the list.</summary>
public abstract class SuggestedPassagesTests(AppFactory app)
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportMeetingCommand Import(string code) => new()
    {
        Code = code,
        Title = "Meeting with the Governor of Krasnodar Territory",
        Date = new DateOnly(2023, 9, 19),
        Place = "Minsk",
        Text = $"Aleksandr Lukashenko met the Governor of Krasnodar Territory ({code}).\n"
            + "We are ready to supply buses to Krasnodar Territory next year.\n"
            + "We are trying to develop in all the areas.\n"
            + "We consider Kuban as a key region where we should secure a firm foothold, the head of state said.\n"
            + "The weather in Minsk was sunny.",
        Participants =
        [
            new ParticipantInput("BY", null, null, ParticipantRole.Host),
            new ParticipantInput("RU-KDA", null, null, ParticipantRole.Guest),
        ],
    };

    [Fact]
    public async Task Sentences_no_proposal_cites_are_listed_and_leave_the_list_once_proposed()
    {
        var client = app.Api();
        var imported = await client.PostJsonAsync($"{Api}/imports", Import("WAL-API-1")).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var text = Import("WAL-API-1").Text;
        var proposals = await client.GetAsync($"{Api}/meetings/WAL-API-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();

        var read = await client.GetAsync($"{Api}/meetings/WAL-API-1/suggested-passages", Ct).ShouldBeJsonAsync<SuggestedPassages>();
        read.RecordsNotRead.ShouldBeEmpty();
        var suggested = read.Passages;

        suggested.ShouldNotBeEmpty();
        foreach (var s in suggested)
        {
            s.DocumentId.ShouldBe(imported.DocumentId);
            s.Quote.ShouldBe(text[s.Start..s.End]);
            s.Score.ShouldBeGreaterThanOrEqualTo(Extractor.WorthALook);
            s.Reason.ShouldStartWith("model ");
            proposals.SelectMany(c => c.Passages).ShouldNotContain(p => p.Start < s.End && s.Start < p.End, s.Quote);
        }

        suggested.ShouldNotContain(s => s.Quote.Contains("weather", StringComparison.Ordinal));

        var chosen = suggested[0];
        var proposed = await client.PostJsonAsync($"{Api}/meetings/WAL-API-1/candidates", new { documentId = chosen.DocumentId, start = chosen.Start, end = chosen.End })
            .ShouldBeJsonAsync<CandidateDto>(HttpStatusCode.Created);
        proposed.Quote.ShouldBe(chosen.Quote);

        var after = await client.GetAsync($"{Api}/meetings/WAL-API-1/suggested-passages", Ct).ShouldBeJsonAsync<SuggestedPassages>();
        after.Passages.ShouldBe([.. suggested.Skip(1)]);
    }

    [Fact]
    public async Task A_record_too_long_to_read_for_them_is_named_rather_than_listed_as_having_none()
    {
        var client = app.Api();
        var sentence = "We are trying to develop in all the areas. ";
        var text = "Talks in Minsk (WAL-API-2).\n" + string.Concat(Enumerable.Repeat(sentence, (ListSuggestedPassagesQuery.MaxRecordLength / sentence.Length) + 1));
        var imported = await client.PostJsonAsync($"{Api}/imports", Import("WAL-API-2") with { Text = text }).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        var read = await client.GetAsync($"{Api}/meetings/WAL-API-2/suggested-passages", Ct).ShouldBeJsonAsync<SuggestedPassages>();

        read.Passages.ShouldBeEmpty();
        read.RecordsNotRead.ShouldBe([imported.DocumentId]);
    }

    [Fact]
    public async Task An_unknown_meeting_is_not_found_and_an_anonymous_caller_is_refused()
    {
        (await app.Api().GetAsync($"{Api}/meetings/NO-SUCH-MEETING/suggested-passages", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound))
            .GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("NO-SUCH-MEETING");
        (await app.Anonymous().GetAsync($"{Api}/meetings/NO-SUCH-MEETING/suggested-passages", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteSuggestedPassagesTests(SqliteAppFactory app) : SuggestedPassagesTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlSuggestedPassagesTests(PostgreSqlAppFactory app) : SuggestedPassagesTests(app), IClassFixture<PostgreSqlAppFactory>;
