using System.Net;
using System.Net.Http.Headers;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Import;

/// <summary>Records in Russian and as web pages, restatements as one proposal, and the languages the extractor refuses.</summary>
public abstract class MultilingualImportTests(AppFactory app)
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportMeetingCommand Import(string code, string text, string? language = null) => new()
    {
        Code = code,
        Title = "Встреча с губернатором Новосибирской области",
        Date = new DateOnly(2024, 3, 1),
        Place = "Минск",
        Text = text,
        Language = language,
        Participants =
        [
            new ParticipantInput("BY", "Александр Лукашенко", "Президент Республики Беларусь", ParticipantRole.Host),
            new ParticipantInput("RU-NVS", null, "Губернатор Новосибирской области", ParticipantRole.Guest),
        ],
    };

    [Fact]
    public async Task A_Russian_record_is_read_in_Russian_with_parties_by_role_and_due_windows_from_Russian_phrases()
    {
        var client = app.Api();
        const string text = "Лукашенко предложил Новосибирской области нарастить товарооборот до $1 млрд.\n"
            + "«Мы готовы поставлять в Новосибирскую область автобусы и трамваи. Дни культуры Беларуси пройдут в Новосибирской области осенью 2024 года», — сказал Президент.";

        var result = await client.PostJsonAsync($"{Api}/imports", Import("RU-IMP-1", text)).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        result.Language.ShouldBe("ru");
        result.ConvertedFromHtml.ShouldBeFalse();
        var candidates = await client.GetAsync($"{Api}/meetings/RU-IMP-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        candidates.Count.ShouldBe(3);
        candidates.ShouldAllBe(c => c.Language == "ru" && c.Issuer == "BY");

        var target = candidates.Single(c => c.Kind == CommitmentKind.TradeTarget);
        target.Amounts.ShouldBe(["1000000000 USD"]);
        target.Lead.ShouldBe(["BY"]);
        target.Counterparts.ShouldBe(["RU-NVS"]);

        var offer = candidates.Single(c => c.Cue == "proposal.ready");
        offer.MentionedParties.ShouldContain("RU-NVS", "“Новосибирскую область” is an inflected form of the registered alias");

        var days = candidates.Single(c => c.Kind == CommitmentKind.CulturalEvent);
        days.Modality.ShouldBe(Modality.Firm);
        days.DuePhrase.ShouldBe("осенью 2024 года");
        days.Due!.Earliest.ShouldBe(new DateOnly(2024, 9, 1));
        days.Due.Latest.ShouldBe(new DateOnly(2024, 11, 30));
    }

    [Fact]
    public async Task A_trade_target_that_read_a_sum_suggests_its_target_and_accepting_it_as_it_stands_tracks_it()
    {
        var client = app.Api();
        const string text = "В прошлом году товарооборот составил 300 млн долларов.\n"
            + "«Мы готовы нарастить товарооборот до 500 млн долларов», — сказал Президент.";
        await client.PostJsonAsync($"{Api}/imports", Import("RU-TARGET", text)).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        var proposal = (await client.GetAsync($"{Api}/meetings/RU-TARGET/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>())
            .Single(c => c.Kind == CommitmentKind.TradeTarget);
        proposal.Amounts.ShouldBe(["500000000 USD"]);
        proposal.SuggestedTarget.ShouldNotBeNull().ShouldSatisfyAllConditions(
            t => t.Metric.ShouldBe(CandidateTarget.Metric),
            t => t.Unit.ShouldBe("USD"),
            t => t.Direction.ShouldBe(TargetDirection.Reach),
            t => t.GoalValue.ShouldBe(500_000_000m));

        var accepted = await client.PostJsonAsync($"{Api}/candidates/{proposal.Id}/accept", CandidateDraft.From(proposal)).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        accepted.Target.ShouldNotBeNull().ShouldSatisfyAllConditions(
            t => t.Unit.ShouldBe("USD"),
            t => t.Direction.ShouldBe(TargetDirection.Reach),
            t => t.GoalValue.ShouldBe(500_000_000m));
        (await client.GetStringAsync($"{Api}/targets", Ct)).ShouldContain(accepted.Code);
    }

    [Fact]
    public async Task A_proposal_accepted_with_no_body_is_saved_as_the_card_shows_it()
    {
        var client = app.Api();
        const string text = "«Мы готовы нарастить товарооборот с Новосибирской областью до 700 млн долларов в следующем году», — сказал Президент.";
        await client.PostJsonAsync($"{Api}/imports", Import("RU-ASIS", text)).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var proposal = (await client.GetAsync($"{Api}/meetings/RU-ASIS/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).ShouldHaveSingleItem();

        var accepted = await client.PostAsync($"{Api}/candidates/{proposal.Id}/accept", null, Ct).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        accepted.ShouldSatisfyAllConditions(
            c => c.Title.ShouldBe(proposal.SuggestedTitle),
            c => c.Kind.ShouldBe(proposal.Kind),
            c => c.Modality.ShouldBe(proposal.Modality),
            c => c.IssuerKey.ShouldBe("BY"),
            c => c.Responsibilities.Select(r => (r.PartyKey, r.Role)).ShouldBe([("BY", ResponsibilityRole.Lead), ("RU-NVS", ResponsibilityRole.Counterpart)]),
            c => c.Due.ShouldNotBeNull().Phrase.ShouldBe(proposal.DuePhrase),
            c => c.Target.ShouldNotBeNull().GoalValue.ShouldBe(700_000_000m),
            c => c.Spans.Select(s => s.Quote).ShouldBe(proposal.Passages.Select(p => p.Quote)));
        (await client.GetAsync($"{Api}/meetings/RU-ASIS/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).ShouldHaveSingleItem().Decision.ShouldBe(CandidateDecision.Accepted);
        (await client.PostAsync($"{Api}/candidates/{proposal.Id}/accept", null, Ct).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldStartWith("This proposal was already accepted as RU-ASIS-");
    }

    [Fact]
    public async Task The_same_undertaking_said_twice_is_one_proposal_and_accepting_it_cites_both_passages()
    {
        var client = app.Api();
        const string text = "Belarus is ready to supply passenger buses and trams to Novosibirsk Oblast, Aleksandr Lukashenko said.\n"
            + "“We are ready to supply passenger buses and trams to your cities,” the President said.";
        var command = Import("EN-TWICE", text) with { Title = "Meeting with the Governor of Novosibirsk Oblast", Place = "Minsk" };

        (await client.PostJsonAsync($"{Api}/imports", command).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created)).Language.ShouldBe("en");
        var candidate = (await client.GetAsync($"{Api}/meetings/EN-TWICE/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).ShouldHaveSingleItem();
        candidate.Passages.Count.ShouldBe(2);
        candidate.Passages.ShouldAllBe(p => text.Substring(p.Start, p.End - p.Start) == p.Quote);

        var accepted = await client.PostJsonAsync($"{Api}/candidates/{candidate.Id}/accept", CandidateDraft.From(candidate)).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        accepted.Spans.Select(s => s.Quote).ShouldBe(candidate.Passages.Select(p => p.Quote));
        accepted.IssuerKey.ShouldBe("BY");
        accepted.Responsibilities.Select(r => (r.PartyKey, r.Role)).ShouldBe([("BY", ResponsibilityRole.Lead), ("RU-NVS", ResponsibilityRole.Counterpart)]);
    }

    [Fact]
    public async Task A_web_page_is_stored_as_its_readable_text_and_the_offsets_point_into_it()
    {
        var client = app.Api();
        const string page = "<!doctype html><html><head><title>Meeting</title><script>track()</script><style>p{}</style></head><body>"
            + "<nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a></nav>"
            + "<article><h1>Meeting with Governor of Novosibirsk Oblast</h1><p>We are ready to increase trade to $1&nbsp;billion &ndash; that is the task.</p></article>"
            + "<footer>© 2024</footer></body></html>";

        var result = await client.PostJsonAsync($"{Api}/imports", Import("EN-HTML", page, "en")).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        result.ConvertedFromHtml.ShouldBeTrue();
        var stored = await client.GetStringAsync($"{Api}/documents/{result.DocumentId}/text", Ct);
        stored.ShouldBe("Meeting with Governor of Novosibirsk Oblast\nWe are ready to increase trade to $1 billion – that is the task.");
        var candidate = (await client.GetAsync($"{Api}/meetings/EN-HTML/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).ShouldHaveSingleItem();
        stored[candidate.Start..candidate.End].ShouldBe(candidate.Quote);
        candidate.Amounts.ShouldBe(["1000000000 USD"]);
    }

    [Theory]
    [InlineData("Мы гатовыя пастаўляць вам аўтобусы і тралейбусы ў наступным годзе, і ўсё будзе выканана ў тэрмін.", "Belarusian")]
    [InlineData("Wir sind bereit, Busse und Straßenbahnen in die Region zu liefern, und wir werden alle Vereinbarungen erfüllen, die wir heute getroffen haben.", "a language other than English or Russian")]
    public async Task A_record_in_a_language_the_extractor_does_not_read_is_refused_with_the_reason(string text, string language)
    {
        var client = app.Api();

        var messages = await client.PostJsonAsync($"{Api}/imports", Import($"LANG-{language.Length}", text)).ShouldBeInvalidAsync("text");

        messages[0].ShouldStartWith($"This record looks like {language}; commitments are extracted from English and Russian records.");
        await client.GetAsync($"{Api}/meetings/LANG-{language.Length}", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_language_or_speaker_the_import_cannot_use_is_refused_on_its_field()
    {
        var client = app.Api();

        (await client.PostJsonAsync($"{Api}/imports", Import("BAD-LANG", "Мы готовы поставлять автобусы.", "de")).ShouldBeInvalidAsync("language"))[0]
            .ShouldContain("'en' English, 'ru' Russian");
        (await client.PostJsonAsync($"{Api}/imports", Import("BAD-SPEAKER", "Мы готовы поставлять автобусы.") with { Speaker = "RU-KDA" }).ShouldBeInvalidAsync("speaker"))[0]
            .ShouldContain("one of the participants");
    }

    /// <summary>
    /// Decision 0110: a fresh database registers every region of Russia and Belarus with its Russian name, so a record
    /// about a region no seed meeting names finds its sides without registering anything first.
    /// </summary>
    [Fact]
    public async Task A_record_about_any_Russian_region_finds_it_in_a_fresh_database()
    {
        var client = app.Api();
        var regions = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "regions.json"), Ct)).RootElement;
        var parties = await client.GetAsync($"{Api}/parties", Ct).ShouldBeJsonAsync<List<CommitmentTracker.Application.Parties.PartyDto>>();
        foreach (var region in regions.EnumerateArray())
        {
            var key = region.GetProperty("key").GetString()!;
            parties.ShouldContain(p => p.Key == key && p.Name == region.GetProperty("name").GetString(), $"{key} is registered");
        }

        var import = Import("RU-TAT-1", "Лукашенко предложил Татарстану нарастить товарооборот до $1 млрд.\n"
            + "«Мы готовы поставлять в Республику Татарстан автобусы и трамваи», — сказал Президент.") with
        {
            Title = "Встреча с Президентом Республики Татарстан",
            Participants =
            [
                new ParticipantInput("BY", "Александр Лукашенко", "Президент Республики Беларусь", ParticipantRole.Host),
                new ParticipantInput("RU-TA", null, "Раис Республики Татарстан", ParticipantRole.Guest),
            ],
        };
        await client.PostJsonAsync($"{Api}/imports", import).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        var candidates = await client.GetAsync($"{Api}/meetings/RU-TAT-1/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        candidates.Single(c => c.Kind == CommitmentKind.TradeTarget).Counterparts.ShouldBe(["RU-TA"]);
        candidates.Single(c => c.Cue == "proposal.ready").MentionedParties.ShouldContain("RU-TA", "«Республику Татарстан» is an inflected form of the registered name");
    }

    [Fact]
    public async Task An_uploaded_html_file_with_host_and_guests_is_imported_with_its_sides()
    {
        var client = app.Api();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("EN-FILE-HTML"), "code" },
            { new StringContent("Meeting with Governor of Novosibirsk Oblast"), "title" },
            { new StringContent("2024-03-01"), "date" },
            { new StringContent("Minsk"), "place" },
            { new StringContent("BY"), "host" },
            { new StringContent("RU-NVS"), "guests" },
        };
        var file = new ByteArrayContent("<html><body><p>We are ready to supply tractors to your farms.</p><p>Trade fell last year.</p></body></html>"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        form.Add(file, "file", "record.html");

        var result = await client.PostAsync($"{Api}/imports/file", form, Ct).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        result.ConvertedFromHtml.ShouldBeTrue();
        var candidate = (await client.GetAsync($"{Api}/meetings/EN-FILE-HTML/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).ShouldHaveSingleItem();
        (candidate.Issuer, candidate.Lead.Single(), candidate.Counterparts.Single()).ShouldBe(("BY", "BY", "RU-NVS"));
        var meeting = await client.GetAsync($"{Api}/meetings/EN-FILE-HTML", Ct).ShouldBeJsonAsync<MeetingDetailDto>();
        meeting.Participants.Select(p => (p.PartyKey, p.Role)).ShouldBe([("BY", ParticipantRole.Host), ("RU-NVS", ParticipantRole.Guest)], ignoreOrder: true);
    }
}

public sealed class SqliteMultilingualImportTests(SqliteAppFactory app) : MultilingualImportTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlMultilingualImportTests(PostgreSqlAppFactory app) : MultilingualImportTests(app), IClassFixture<PostgreSqlAppFactory>;
