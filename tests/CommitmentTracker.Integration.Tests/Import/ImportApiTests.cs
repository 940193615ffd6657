using System.Net;
using System.Net.Http.Headers;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Import;

/// <summary>Importing a published record: stored unchanged, never twice, bad input refused; proposals reviewed.</summary>
public abstract class ImportApiTests(AppFactory app)
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Record(string extra) =>
        $"Meeting of the Governor with the Minister\n\n  • 12\n\nThe President instructed the government to prepare a joint programme by the end of the year. “We propose to increase trade to $100 million,” he said. {extra}";

    private static ImportMeetingCommand Import(string code, string text) => new()
    {
        Code = code,
        Title = "Meeting of the Governor with the Minister",
        Date = new DateOnly(2024, 3, 1),
        Place = "Minsk",
        Url = new Uri("https://example.org/record"),
        Text = text,
    };

    [Fact]
    public async Task Imports_a_record_unchanged_and_refuses_the_same_text_twice()
    {
        var client = app.Api();
        var text = Record("Typographic quotes – and dashes – survive.");

        var response = await client.PostJsonAsync($"{Api}/imports", Import("IMP-1", text));
        var result = await response.ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);

        response.Headers.Location!.AbsolutePath.ShouldBe("/api/v1/meetings/IMP-1", "Location is the absolute URL of the new resource");
        result.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
        (await client.GetStringAsync($"{Api}/documents/{result.DocumentId}/text", Ct)).ShouldBe(text);

        var again = await client.PostJsonAsync($"{Api}/imports", Import("IMP-2", text)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        again.GetProperty("detail").GetString()!.ShouldContain("already imported as meeting IMP-1");
        await client.GetAsync($"{Api}/meetings/IMP-2", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// A client that retries while its first import is still being read sends the same record twice at once. One of
    /// them stores it; every other is answered as the repeat it is (200, the same document), not refused because the
    /// code was taken meanwhile (decision 0138).
    /// </summary>
    [Fact]
    public async Task The_same_record_sent_several_times_at_once_is_stored_once_and_every_answer_names_it()
    {
        var client = app.Api();
        var text = Record("Sent five times at once.");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostJsonAsync($"{Api}/imports", Import("IMP-RACE", text))));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created]);
        var results = await Task.WhenAll(responses.Select(r => r.ShouldBeJsonAsync<ImportResult>(r.StatusCode)));
        results.Select(r => r.DocumentId).Distinct().ShouldHaveSingleItem();
        results.Count(r => r.Repeated).ShouldBe(4);
        var meeting = await client.GetAsync($"{Api}/meetings/IMP-RACE", Ct).ShouldBeJsonAsync<MeetingDetailDto>();
        meeting.Documents.ShouldHaveSingleItem();
        var proposals = await client.GetAsync($"{Api}/meetings/IMP-RACE/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        proposals.Count.ShouldBe(results[0].Candidates);
        proposals.Select(p => (p.Start, p.End)).ShouldBeUnique();
    }

    /// <summary>
    /// A double click or a client's retry accepts one proposal twice at once: one commitment is made, and the other
    /// answer says what was decided, naming it, as an accept sent afterwards does (decision 0138).
    /// </summary>
    [Fact]
    public async Task A_proposal_accepted_several_times_at_once_becomes_one_commitment_and_every_other_answer_names_it()
    {
        var client = app.Api();
        await client.PostJsonAsync($"{Api}/imports", Import("IMP-TWICE", Record("Accepted at once."))).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var instruction = (await client.GetAsync($"{Api}/meetings/IMP-TWICE/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>())
            .Single(c => c.Quote.Contains("instructed", StringComparison.Ordinal));
        var draft = new CommitmentDraft { Title = "Prepare a joint programme", Kind = CommitmentKind.Instruction, Modality = Modality.Firm, Issuer = "BY" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostJsonAsync($"{Api}/candidates/{instruction.Id}/accept", draft)));

        var created = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()).ShouldBe(("Already decided", $"This proposal was already accepted as {created.Code}."));
        }

        (await client.GetAsync($"{Api}/commitments?meeting=IMP-TWICE", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).TotalCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("", "The record's text is empty.")]
    [InlineData("\0\0\0binary\0", "does not look like text")]
    public async Task Refuses_empty_or_binary_text(string text, string expected)
    {
        var messages = await app.Api().PostJsonAsync($"{Api}/imports", Import("IMP-BAD", text)).ShouldBeInvalidAsync("text");

        messages[0].ShouldContain(expected);
    }

    [Fact]
    public async Task Refuses_an_oversized_record()
    {
        var messages = await app.Api().PostJsonAsync($"{Api}/imports", Import("IMP-BIG", new string('a', ImportMeetingCommand.MaxTextLength + 1))).ShouldBeInvalidAsync("text");

        messages[0].ShouldContain("longer than 1,000,000 characters");
    }

    [Fact]
    public async Task Imports_an_uploaded_utf8_file_and_refuses_one_that_is_not_utf8()
    {
        var client = app.Api();

        using var good = Upload("IMP-FILE", System.Text.Encoding.UTF8.GetBytes(Record("Кириллица round-trips too.")));
        var imported = await client.PostAsync($"{Api}/imports/file", good, Ct).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        (await client.GetStringAsync($"{Api}/documents/{imported.DocumentId}/text", Ct)).ShouldContain("Кириллица");

        using var latin1 = Upload("IMP-LATIN", [0x43, 0x61, 0x66, 0xE9, 0x20, 0xFF, 0xFE]);
        (await client.PostAsync($"{Api}/imports/file", latin1, Ct).ShouldBeInvalidAsync("file"))[0].ShouldContain("not UTF-8");

        using var none = Upload("IMP-NONE", null);
        await client.PostAsync($"{Api}/imports/file", none, Ct).ShouldBeInvalidAsync("file");
    }

    [Fact]
    public async Task Proposals_can_be_accepted_or_rejected_once_and_a_rejection_is_remembered()
    {
        var client = app.Api();
        await client.PostJsonAsync($"{Api}/imports", Import("IMP-REVIEW", Record("We are ready to open a trade house in the region next year."))).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var candidates = await client.GetAsync($"{Api}/meetings/IMP-REVIEW/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        candidates.Count.ShouldBeGreaterThanOrEqualTo(2, "an instruction and a proposal with an amount are in the text");
        candidates.ShouldAllBe(c => c.Decision == CandidateDecision.Proposed && c.Cue.Length > 0);
        var instruction = candidates.Single(c => c.Quote.Contains("instructed", StringComparison.Ordinal));
        instruction.DuePhrase.ShouldNotBeNull();
        instruction.Due!.Latest.ShouldBe(new DateOnly(2024, 12, 31), "'by the end of the year' said on 2024-03-01");

        var first = candidates[0];
        var accepted = await client.PostJsonAsync($"{Api}/candidates/{first.Id}/accept", new CommitmentDraft
        {
            Title = "Prepare a joint programme",
            Kind = CommitmentKind.Instruction,
            Modality = Modality.Firm,
            Issuer = "BY",
            Due = first.DuePhrase,
            Responsibilities = [new ResponsibilityInput("BY-GOV", ResponsibilityRole.Lead)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        accepted.Status.ShouldBe(LifecycleStatus.Captured);
        accepted.Spans.Single().Quote.ShouldBe(first.Quote);

        var second = candidates[1];
        (await client.PostAsync($"{Api}/candidates/{second.Id}/reject", null, Ct).ShouldBeJsonAsync<CandidateDto>()).Decision.ShouldBe(CandidateDecision.Rejected);
        (await client.PostAsync($"{Api}/candidates/{second.Id}/reject", null, Ct).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldBe("This proposal was already rejected.");
        (await client.PostJsonAsync($"{Api}/candidates/{first.Id}/accept", new CommitmentDraft { Title = "Again", Issuer = "BY" }).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldBe($"This proposal was already accepted as {accepted.Code}.");

        var after = await client.GetAsync($"{Api}/meetings/IMP-REVIEW/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        after.Single(c => c.Id == first.Id).CommitmentId.ShouldBe(accepted.Id);
        after.Single(c => c.Id == second.Id).Decision.ShouldBe(CandidateDecision.Rejected);
        (await client.GetAsync($"{Api}/meetings/IMP-REVIEW", Ct).ShouldBeJsonAsync<MeetingDetailDto>()).Commitments.ShouldHaveSingleItem().Code.ShouldBe(accepted.Code);
    }

    [Fact]
    public async Task A_proposal_merged_into_the_one_it_restates_is_cited_by_it_and_accepted_with_both_passages()
    {
        var client = app.Api();
        await client.PostJsonAsync($"{Api}/imports", Import("IMP-MERGE", Record(""))).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var candidates = await client.GetAsync($"{Api}/meetings/IMP-MERGE/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        candidates.Count.ShouldBe(2);
        var (first, second) = (candidates[0], candidates[1]);

        var merged = await client.PostJsonAsync($"{Api}/candidates/{second.Id}/merge", new CandidateMergeBody(first.Id)).ShouldBeJsonAsync<CandidateDto>();

        merged.Id.ShouldBe(first.Id);
        merged.Passages.Select(p => p.Quote).ShouldBe([first.Quote, second.Quote]);
        merged.Due.ShouldNotBeNull("the merged proposal is answered as the list shows it");
        var listed = await client.GetAsync($"{Api}/meetings/IMP-MERGE/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        listed.Single(c => c.Id == first.Id).Passages.Count.ShouldBe(2);
        (listed.Single(c => c.Id == second.Id).Decision, listed.Single(c => c.Id == second.Id).MergedInto).ShouldBe((CandidateDecision.Rejected, first.Id));
        listed.Single(c => c.Id == first.Id).MergedInto.ShouldBeNull();

        var accepted = await client.PostJsonAsync($"{Api}/candidates/{first.Id}/accept", new CommitmentDraft { Title = "Prepare a joint programme", Issuer = "BY" })
            .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        accepted.Spans.Select(s => s.Quote).ShouldBe([first.Quote, second.Quote]);
    }

    [Fact]
    public async Task A_merge_that_cannot_be_made_names_the_field_and_changes_nothing()
    {
        var client = app.Api();
        await client.PostJsonAsync($"{Api}/imports", Import("IMP-MERGE-BAD", Record("Typographic quotes survive here."))).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        await client.PostJsonAsync($"{Api}/imports", Import("IMP-MERGE-OTHER", Record("Another record, another text."))).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var candidates = await client.GetAsync($"{Api}/meetings/IMP-MERGE-BAD/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        var elsewhere = (await client.GetAsync($"{Api}/meetings/IMP-MERGE-OTHER/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>())[0];
        var (first, second) = (candidates[0], candidates[1]);

        (await client.PostJsonAsync($"{Api}/candidates/{second.Id}/merge", new CandidateMergeBody(second.Id)).ShouldBeInvalidAsync("into"))
            .ShouldHaveSingleItem().ShouldBe("A proposal cannot be merged into itself.");
        (await client.PostJsonAsync($"{Api}/candidates/{second.Id}/merge", new { }).ShouldBeInvalidAsync("into"))
            .ShouldHaveSingleItem().ShouldBe("Name the proposal this one restates.");
        (await client.PostJsonAsync($"{Api}/candidates/{second.Id}/merge", new CandidateMergeBody(Guid.NewGuid())).ShouldBeInvalidAsync("into"))
            .ShouldHaveSingleItem().ShouldBe("No proposal has that id.");
        (await client.PostJsonAsync($"{Api}/candidates/{second.Id}/merge", new CandidateMergeBody(elsewhere.Id)).ShouldBeInvalidAsync("into"))
            .ShouldHaveSingleItem().ShouldBe("Only proposals of the same record can be merged.");
        using (var unreadable = new StringContent("{\"into\":\"not-an-id\"}", System.Text.Encoding.UTF8, "application/json"))
        {
            await client.PostAsync($"{Api}/candidates/{second.Id}/merge", unreadable, Ct).ShouldBeInvalidAsync("into");
        }

        using (var nothing = new StringContent("null", System.Text.Encoding.UTF8, "application/json"))
        {
            await client.PostAsync($"{Api}/candidates/{second.Id}/merge", nothing, Ct).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        await client.PostJsonAsync($"{Api}/candidates/{Guid.NewGuid()}/merge", new CandidateMergeBody(first.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await client.PostAsync($"{Api}/candidates/{first.Id}/reject", null, Ct).ShouldBeJsonAsync<CandidateDto>();
        await client.PostJsonAsync($"{Api}/candidates/{second.Id}/merge", new CandidateMergeBody(first.Id)).ShouldBeInvalidAsync("decision");

        // The proposal itself already decided, by anyone: a conflict with its state (409), not a field to correct.
        foreach (var decide in new[] { "merge", "reject", "accept" })
        {
            var url = $"{Api}/candidates/{first.Id}/{decide}";
            var conflict = await (decide == "merge" ? client.PostJsonAsync(url, new CandidateMergeBody(second.Id)) : client.PostAsync(url, null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            (conflict.GetProperty("title").GetString(), conflict.GetProperty("detail").GetString()).ShouldBe(("Already decided", "This proposal was already rejected."), decide);
        }

        var after = await client.GetAsync($"{Api}/meetings/IMP-MERGE-BAD/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        after.ShouldAllBe(c => c.Passages.Count == 1 && c.MergedInto == null);
        after.Single(c => c.Id == second.Id).Decision.ShouldBe(CandidateDecision.Proposed);
    }

    private sealed record CandidateMergeBody(Guid Into);

    [Fact]
    public async Task Accepting_with_bad_edits_names_the_field_and_saves_nothing()
    {
        var client = app.Api();
        await client.PostJsonAsync($"{Api}/imports", Import("IMP-BADEDIT", Record("We can build a hub together."))).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var candidate = (await client.GetAsync($"{Api}/meetings/IMP-BADEDIT/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>())[0];

        await client.PostJsonAsync($"{Api}/candidates/{candidate.Id}/accept", new CommitmentDraft { Title = "", Issuer = "NOBODY" }).ShouldBeInvalidAsync("title");

        // Words that are no due phrase are named beside the other errors, not in a second round after them.
        var both = await client.PostJsonAsync($"{Api}/candidates/{candidate.Id}/accept", new CommitmentDraft { Title = "", Issuer = "BY", Due = "by the twelfth of never" })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        both.GetProperty("errors").GetProperty("title").GetArrayLength().ShouldBe(1);
        both.GetProperty("errors").GetProperty("due")[0].GetString().ShouldNotBeNull().ShouldStartWith("'by the twelfth of never' is not a due phrase that can be read.");

        // A title cut to fit ("…") is words nobody wrote; a missing issuer is asked for in plain words (issue 13, item 5).
        var cut = await client.PostJsonAsync($"{Api}/candidates/{candidate.Id}/accept", new CommitmentDraft { Title = "Build a hub together with the partners of the…", Issuer = "BY" })
            .ShouldBeInvalidAsync("title");
        cut.ShouldHaveSingleItem().ShouldStartWith("The suggested title was cut short");
        var noIssuer = await client.PostJsonAsync($"{Api}/candidates/{candidate.Id}/accept", new CommitmentDraft { Title = "Build a hub" })
            .ShouldBeInvalidAsync("issuer");
        noIssuer.ShouldHaveSingleItem().ShouldBe("Choose the issuer: the party whose representative made the statement (its key, e.g. BY).");

        (await client.GetAsync($"{Api}/meetings/IMP-BADEDIT/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).ShouldAllBe(c => c.Decision == CandidateDecision.Proposed);
        (await client.GetAsync($"{Api}/meetings/IMP-BADEDIT", Ct).ShouldBeJsonAsync<MeetingDetailDto>()).Commitments.ShouldBeEmpty();
        await client.PostAsync($"{Api}/candidates/{Guid.NewGuid()}/reject", null, Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accepting_as_it_stands_a_proposal_that_lacks_its_speaker_asks_for_it_and_saves_nothing()
    {
        var client = app.Api();
        await client.PostJsonAsync($"{Api}/imports", Import("IMP-ASIS", Record("We can open a service centre together."))).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var candidate = (await client.GetAsync($"{Api}/meetings/IMP-ASIS/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>())[0];
        candidate.Issuer.ShouldBeNull("the record was imported without participants, so no speaker is known");

        (await client.PostAsync($"{Api}/candidates/{candidate.Id}/accept", null, Ct).ShouldBeInvalidAsync("issuer"))
            .ShouldHaveSingleItem().ShouldBe(CandidateDraft.IssuerPrompt);

        (await client.GetAsync($"{Api}/meetings/IMP-ASIS/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>()).ShouldAllBe(c => c.Decision == CandidateDecision.Proposed);
        (await client.GetAsync($"{Api}/meetings/IMP-ASIS", Ct).ShouldBeJsonAsync<MeetingDetailDto>()).Commitments.ShouldBeEmpty();
    }

    private static MultipartFormDataContent Upload(string code, byte[]? file)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(code), "code" },
            { new StringContent("Uploaded meeting"), "title" },
            { new StringContent("2024-03-01"), "date" },
            { new StringContent("Minsk"), "place" },
        };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(content, "file", "record.txt");
        }

        return form;
    }
}

public sealed class SqliteImportApiTests(SqliteAppFactory app) : ImportApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlImportApiTests(PostgreSqlAppFactory app) : ImportApiTests(app), IClassFixture<PostgreSqlAppFactory>;
