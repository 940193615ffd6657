using System.Net;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Import;

/// <summary>ADR 0116: words of the record the extractor missed, chosen by an analyst, read into a proposal and accepted.</summary>
public abstract class ProposePassageTests(AppFactory app)
{
    private const string Api = "/api/v1";

    private const string Missed = "Стороны обсудили поставки белорусской техники в Новосибирскую область до конца года.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportMeetingCommand Import(string code) => new()
    {
        Code = code,
        Title = "Встреча с губернатором Новосибирской области",
        Date = new DateOnly(2024, 3, 1),
        Place = "Минск",
        Text = $"Лукашенко встретился с губернатором ({code}).\n{Missed}\nПереговоры продлились два часа.",
        Participants =
        [
            new ParticipantInput("BY", null, null, ParticipantRole.Host),
            new ParticipantInput("RU-NVS", null, null, ParticipantRole.Guest),
        ],
    };

    [Fact]
    public async Task Words_the_extractor_missed_are_read_into_a_proposal_that_is_accepted_citing_exactly_them()
    {
        var client = app.Api();
        var imported = await client.PostJsonAsync($"{Api}/imports", Import("PRP-API-1")).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var text = Import("PRP-API-1").Text;
        var before = await client.GetAsync($"{Api}/meetings/PRP-API-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        before.ShouldNotContain(c => c.Quote.Contains("поставки", StringComparison.Ordinal), "the extractor proposes the missed words itself: choose another passage");

        // A drag that takes the line break after the sentence: white space at either end is left out.
        var start = text.IndexOf(Missed, StringComparison.Ordinal);
        using var response = await client.PostJsonAsync($"{Api}/meetings/PRP-API-1/candidates", new { documentId = imported.DocumentId, start, end = start + Missed.Length + 1 });
        var proposed = await response.ShouldBeJsonAsync<CandidateDto>(HttpStatusCode.Created);

        response.Headers.Location.ShouldNotBeNull().ToString().ShouldEndWith("/api/v1/meetings/PRP-API-1/candidates");
        proposed.Passages.ShouldHaveSingleItem().ShouldBe(new CandidatePassageDto(start, start + Missed.Length, Missed));
        proposed.Cue.ShouldStartWith("chosen by the analyst");
        proposed.WasChosen().ShouldBeTrue();
        proposed.Language.ShouldBe("ru");
        (proposed.Issuer, proposed.Lead.Single(), proposed.Counterparts.Single()).ShouldBe(("BY", "BY", "RU-NVS"));
        proposed.DuePhrase.ShouldBe("до конца года");
        proposed.Due.ShouldNotBeNull().Latest.ShouldBe(new DateOnly(2024, 12, 31));
        (await client.GetAsync($"{Api}/meetings/PRP-API-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).Count.ShouldBe(before.Count + 1);

        var commitment = await client.PostAsync($"{Api}/candidates/{proposed.Id}/accept", null, Ct).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        commitment.Spans.ShouldHaveSingleItem().Quote.ShouldBe(Missed);
        commitment.Due.ShouldNotBeNull().Phrase.ShouldBe("до конца года");
        commitment.Responsibilities.Select(r => (r.PartyKey, r.Role)).ShouldBe([("BY", ResponsibilityRole.Lead), ("RU-NVS", ResponsibilityRole.Counterpart)], ignoreOrder: true);
    }

    [Fact]
    public async Task A_passage_that_cannot_be_proposed_is_refused_on_its_field_and_nothing_is_added()
    {
        var client = app.Api();
        var imported = await client.PostJsonAsync($"{Api}/imports", Import("PRP-API-2")).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var other = await client.PostJsonAsync($"{Api}/imports", Import("PRP-API-3") with { Text = "We are ready to supply buses to Novosibirsk Oblast next year." })
            .ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var text = Import("PRP-API-2").Text;
        var start = text.IndexOf(Missed, StringComparison.Ordinal);
        var url = $"{Api}/meetings/PRP-API-2/candidates";
        var count = (await client.GetAsync(url, Ct).ShouldBeJsonAsync<List<CandidateDto>>()).Count;
        (await client.PostJsonAsync(url, new { documentId = imported.DocumentId, start, end = start + Missed.Length }).ShouldBeJsonAsync<CandidateDto>(HttpStatusCode.Created)).ShouldNotBeNull();

        (await client.PostJsonAsync(url, new { documentId = imported.DocumentId, start, end = start + Missed.Length }).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("already a proposal");
        (await client.PostJsonAsync(url, new { documentId = imported.DocumentId, start = 0, end = text.Length + 5 }).ShouldBeInvalidAsync("end"))
            .ShouldHaveSingleItem().ShouldContain($"The record has {text.Length} characters");
        (await client.PostJsonAsync(url, new { documentId = imported.DocumentId, start = 10, end = 5 }).ShouldBeInvalidAsync("end")).ShouldHaveSingleItem().ShouldContain("after 'Start'");
        (await client.PostJsonAsync(url, new { documentId = imported.DocumentId, start = -1, end = 5 }).ShouldBeInvalidAsync("start")).ShouldNotBeEmpty();
        (await client.PostJsonAsync(url, new { documentId = imported.DocumentId, start = 0, end = 5000 }).ShouldBeInvalidAsync("end")).ShouldHaveSingleItem().ShouldContain("at most 4,000 characters");
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        (await client.PostJsonAsync(url, new { documentId = imported.DocumentId, start = newline, end = newline + 1 }).ShouldBeInvalidAsync("start")).ShouldHaveSingleItem().ShouldContain("only white space");
        (await client.PostJsonAsync(url, new { documentId = other.DocumentId, start = 0, end = 10 }).ShouldBeInvalidAsync("documentId")).ShouldHaveSingleItem().ShouldContain("no record with that id");
        await client.PostJsonAsync($"{Api}/meetings/NO-SUCH-MEETING/candidates", new { documentId = imported.DocumentId, start = 0, end = 10 }).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await client.GetAsync(url, Ct).ShouldBeJsonAsync<List<CandidateDto>>()).Count.ShouldBe(count + 1, "only the first, valid passage was added");
    }
}

public sealed class SqliteProposePassageTests(SqliteAppFactory app) : ProposePassageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlProposePassageTests(PostgreSqlAppFactory app) : ProposePassageTests(app), IClassFixture<PostgreSqlAppFactory>;
