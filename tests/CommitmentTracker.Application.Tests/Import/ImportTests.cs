using System.Diagnostics.Metrics;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Telemetry;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Import.Queries.ListCandidates;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Extraction;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Import;

/// <summary>
/// Import over a real ledger: extraction → stored proposals → accept or reject; a repeated import is answered as it
/// stands (and completed when its proposals are missing), the same text under another code is refused, and a refused
/// import or decision leaves nothing behind.
/// </summary>
public sealed class ImportTests : IAsyncLifetime
{
    private const string Instruction = "The President instructed the government to prepare a joint programme by the end of the year.";
    private const string Record = "Minsk, 1 March 2024. " + Instruction + " Belarus is ready to open a trade house in Novosibirsk in autumn 2024.";
    private static readonly DateOnly MeetingDay = new(2024, 3, 1);

    private static readonly DateTimeOffset ImportedAt = new(2024, 3, 15, 0, 0, 0, TimeSpan.Zero);

    private TestLedger _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _ledger = await TestLedger.CreateAsync();

        // A record is imported once its meeting has been held (a meeting is dated no later than tomorrow, decision 0137).
        _ledger.Clock.SetUtcNow(ImportedAt);
        await Scenario.PartiesAsync(_ledger);
    }

    public async ValueTask DisposeAsync() => await _ledger.DisposeAsync();

    private static ImportMeetingCommand Import(string code = "msk-2024", string text = Record, string? speaker = null, string? language = null) => new()
    {
        Code = code,
        Title = "Talks in Minsk",
        Date = MeetingDay,
        Place = "Minsk",
        Format = MeetingFormat.Talks,
        Participants = [new ParticipantInput("RU-NVS", null, null, ParticipantRole.Guest), new ParticipantInput("by", null, null, ParticipantRole.Host)],
        Speaker = speaker,
        Language = language,
        Text = text,
    };

    private Task<int> CountAsync<T>(Func<Infrastructure.Persistence.AppDbContext, IQueryable<T>> rows) => _ledger.WithDbAsync(db => rows(db).CountAsync());

    private Task<IReadOnlyList<CandidateDto>> CandidatesAsync(string meeting = "MSK-2024") => _ledger.SendAsync(new ListCandidatesQuery(meeting));

    [Fact]
    public async Task An_import_stores_the_meeting_its_record_and_the_proposals_read_from_it()
    {
        var result = await _ledger.SendAsync(Import());

        result.MeetingCode.ShouldBe("MSK-2024");
        result.Language.ShouldBe("en");
        result.ConvertedFromHtml.ShouldBeFalse();
        result.Repeated.ShouldBeFalse();
        result.Sha256.ShouldBe(SourceDocument.HashOf(Record));
        var document = await _ledger.WithDbAsync(db => db.Documents.SingleAsync());
        (document.Id, document.Text, document.Language, document.Title).ShouldBe((result.DocumentId, Record, "en", "Talks in Minsk"));
        var meeting = await _ledger.WithDbAsync(db => db.Meetings.SingleAsync());
        (meeting.Code, meeting.Date, meeting.Place).ShouldBe(("MSK-2024", MeetingDay, "Minsk"));

        var candidates = await CandidatesAsync("msk-2024");
        candidates.Count.ShouldBe(result.Candidates);
        candidates.Count.ShouldBe(2);
        candidates.Select(c => c.Start).ShouldBe(candidates.Select(c => c.Start).Order());
        foreach (var c in candidates)
        {
            c.Quote.ShouldBe(Record[c.Start..c.End]);
            c.Passages.ShouldHaveSingleItem().ShouldBe(new CandidatePassageDto(c.Start, c.End, c.Quote));
            (c.Language, c.Issuer, c.Decision, c.CommitmentId).ShouldBe(("en", "BY", CandidateDecision.Proposed, (Guid?)null));
        }

        // The instruction: its due phrase is resolved against the meeting's day, as a capture would resolve it.
        var instruction = candidates[0];
        instruction.Quote.ShouldContain("prepare a joint programme");
        instruction.Kind.ShouldBe(CommitmentKind.Instruction);
        instruction.Cue.ShouldBe("instruction.instructed");
        instruction.DuePhrase.ShouldBe("by the end of the year");
        (instruction.Due!.Precision, instruction.Due.Earliest, instruction.Due.Latest).ShouldBe((DuePrecision.Year, MeetingDay, new DateOnly(2024, 12, 31)));
        var hub = candidates[1];
        hub.Quote.ShouldContain("trade house");
        hub.DuePhrase.ShouldBe("autumn 2024");
        (hub.Due!.Earliest, hub.Due.Latest).ShouldBe((new DateOnly(2024, 9, 1), new DateOnly(2024, 11, 30)));
    }

    [Fact]
    public async Task The_proposals_name_their_parties_from_the_register_and_the_meetings_sides()
    {
        // "The government" of the speaker (BY) is its registered government, BY-GOV (a Government party whose parent is
        // BY); the other side of the meeting, RU-NVS, is the counterpart.
        await _ledger.SendAsync(Import());

        var candidates = await CandidatesAsync();
        candidates.Select(c => (string.Join(",", c.Lead), string.Join(",", c.Counterparts)))
            .ShouldBe([("BY-GOV", "RU-NVS"), ("BY", "RU-NVS")]);
    }

    [Fact]
    public async Task An_import_counts_its_proposals_by_language_for_the_operators()
    {
        // The meter this ledger's services made (other tests run their own).
        var factory = await _ledger.InScopeAsync(services => Task.FromResult(services.GetRequiredService<IMeterFactory>()));
        var measured = new List<(long Proposals, object? Language)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "commitment_tracker.extraction.proposals")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => measured.Add((value, tags.ToArray().Single(t => t.Key == "language").Value)));
        listener.Start();

        await _ledger.SendAsync(Import());

        measured.ShouldBe([(2L, (object?)"en")]);
    }

    [Fact]
    public async Task The_speaker_named_is_whose_words_the_proposals_are()
    {
        await _ledger.SendAsync(Import(speaker: "ru-nvs"));

        (await CandidatesAsync()).Select(c => c.Issuer).ShouldBe(["RU-NVS", "RU-NVS"]);
    }

    [Fact]
    public async Task An_empty_speaker_leaves_the_host_as_the_speaker()
    {
        await _ledger.SendAsync(Import(speaker: ""));

        (await CandidatesAsync()).Select(c => c.Issuer).ShouldBe(["BY", "BY"]);
    }

    [Fact]
    public async Task The_same_record_sent_again_under_its_code_is_answered_as_it_stands()
    {
        var first = await _ledger.SendAsync(Import());
        var again = await _ledger.SendAsync(Import(code: "MSK-2024"));

        again.ShouldBe(first with { Repeated = true });
        (await CountAsync(db => db.Meetings)).ShouldBe(1);
        (await CountAsync(db => db.Documents)).ShouldBe(1);
        (await CountAsync(db => db.ImportCandidates)).ShouldBe(2);
    }

    [Fact]
    public async Task A_repeated_import_whose_proposals_are_missing_reads_them_again()
    {
        var first = await _ledger.SendAsync(Import());
        var proposed = (await CandidatesAsync()).Select(c => (c.Start, c.End, c.Cue, c.Issuer)).ToList();
        await _ledger.WithDbAsync(db => db.ImportCandidates.ExecuteDeleteAsync());

        var again = await _ledger.SendAsync(Import());

        again.ShouldBe(first with { Repeated = true });
        (await CandidatesAsync()).Select(c => (c.Start, c.End, c.Cue, c.Issuer)).ShouldBe(proposed);
    }

    [Fact]
    public async Task A_repeated_import_reads_its_record_again_when_its_own_proposals_are_missing_whatever_other_records_have()
    {
        await _ledger.SendAsync(Import(code: "MSK-2024-2", text: Instruction));
        var first = await _ledger.SendAsync(Import());
        var mine = await _ledger.WithDbAsync(db => db.ImportCandidates.Where(c => c.DocumentId == first.DocumentId).ExecuteDeleteAsync());
        mine.ShouldBe(2);

        var again = await _ledger.SendAsync(Import());

        again.ShouldBe(first with { Repeated = true });
        (await CandidatesAsync()).Count.ShouldBe(2);
        (await CandidatesAsync("MSK-2024-2")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_record_under_another_code_is_refused_naming_the_meeting_that_has_it()
    {
        await _ledger.SendAsync(Import());

        var ex = await Should.ThrowAsync<DuplicateException>(() => _ledger.SendAsync(Import(code: "MSK-2024-BIS")));
        ex.Message.ShouldBe("This text was already imported as meeting MSK-2024.");
        (await CountAsync(db => db.Meetings)).ShouldBe(1);
    }

    [Fact]
    public async Task A_record_in_a_language_the_extractor_does_not_read_is_refused_and_nothing_is_stored()
    {
        var belarusian = "Урад Рэспублікі Беларусь падрыхтуе сумесную праграму супрацоўніцтва ў галіне адукацыі і навукі да канца года.";

        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(Import(text: belarusian)));
        var failure = ex.Errors.ShouldHaveSingleItem();
        failure.PropertyName.ShouldBe("text");
        failure.ErrorMessage.ShouldBe("This record looks like Belarusian; commitments are extracted from English and Russian records. "
            + "If the language was misread, set 'language' to 'en' or 'ru'; otherwise create the meeting and capture its commitments by hand.");
        (await CountAsync(db => db.Meetings)).ShouldBe(0);
    }

    [Fact]
    public async Task A_language_set_by_hand_is_the_one_read()
    {
        (await _ledger.SendAsync(Import(language: "EN"))).Language.ShouldBe("en");
        (await _ledger.SendAsync(Import(code: "MSK-2024-2", text: Instruction, language: " auto "))).Language.ShouldBe("en");
    }

    [Fact]
    public async Task A_language_set_by_hand_is_read_even_where_detection_would_say_otherwise()
    {
        // The record is English; the client says Russian, and the document is stored and read as Russian.
        (await _ledger.SendAsync(Import(language: " ru "))).Language.ShouldBe("ru");
        (await _ledger.WithDbAsync(db => db.Documents.Select(d => d.Language).SingleAsync())).ShouldBe("ru");
    }

    [Fact]
    public async Task The_document_takes_the_title_given_for_it_and_the_meetings_title_otherwise()
    {
        await _ledger.SendAsync(Import() with { DocumentTitle = "Protocol of the talks" });
        await _ledger.SendAsync(Import(code: "MSK-2024-2", text: Instruction) with { DocumentTitle = " " });

        (await _ledger.WithDbAsync(db => db.Documents.OrderBy(d => d.Title).Select(d => d.Title).ToListAsync()))
            .ShouldBe(["Protocol of the talks", "Talks in Minsk"]);
    }

    [Fact]
    public async Task An_import_without_participants_has_no_speaker_and_no_other_sides()
    {
        var result = await _ledger.SendAsync(Import() with { Participants = null });

        result.Candidates.ShouldBe(2);
        (await CandidatesAsync()).Select(c => c.Issuer).ShouldBe(new string?[] { null, null });
    }

    [Fact]
    public async Task An_html_page_is_stored_as_its_readable_text()
    {
        var page = $"<html><head><title>Talks</title><script>var tracking = 1;</script></head><body><nav>Home | News</nav><p>{Instruction}</p></body></html>";

        var result = await _ledger.SendAsync(Import(text: page));

        result.ConvertedFromHtml.ShouldBeTrue();
        var stored = await _ledger.WithDbAsync(db => db.Documents.Select(d => d.Text).SingleAsync());
        stored.ShouldContain(Instruction);
        stored.ShouldNotContain("<p>");
        stored.ShouldNotContain("tracking");
        result.Sha256.ShouldBe(SourceDocument.HashOf(stored));
        (await CandidatesAsync()).ShouldHaveSingleItem().Cue.ShouldBe("instruction.instructed");

        (await _ledger.SendAsync(Import(text: page))).ShouldBe(result with { Repeated = true });
    }

    [Fact]
    public async Task A_page_with_no_readable_text_is_refused()
    {
        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(Import(text: "<html><body><script>var x = 1;</script></body></html>")));
        var failure = ex.Errors.ShouldHaveSingleItem();
        (failure.PropertyName, failure.ErrorMessage).ShouldBe(("text", "The page has no readable text once its markup is removed."));
    }

    [Fact]
    public async Task An_import_refused_while_writing_leaves_no_document_and_no_proposals()
    {
        await Scenario.MeetingAsync(_ledger, "MSK-2024", MeetingDay, "Another record of the talks.", "Minsk");

        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(Import()));
        ex.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("code");
        (await CountAsync(db => db.Documents)).ShouldBe(1);
        (await CountAsync(db => db.ImportCandidates)).ShouldBe(0);
    }

    [Fact]
    public async Task Accepting_a_proposal_captures_it_citing_its_passage_and_marks_it_accepted()
    {
        await _ledger.SendAsync(Import());
        var proposal = (await CandidatesAsync())[0];
        _ledger.Clock.Advance(TimeSpan.FromHours(1));

        var created = await _ledger.SendAsync(new AcceptCandidateCommand(proposal.Id, CandidateDraft.From(proposal) with { Title = "Prepare a joint programme" }));

        created.Code.ShouldBe("MSK-2024-001");
        (created.Title, created.Kind, created.IssuerKey, created.Status).ShouldBe(("Prepare a joint programme", proposal.Kind, "BY", LifecycleStatus.Captured));
        created.Due!.Latest.ShouldBe(new DateOnly(2024, 12, 31));
        var span = created.Spans.ShouldHaveSingleItem();
        (span.Start, span.End, span.Quote).ShouldBe((proposal.Start, proposal.End, proposal.Quote));

        var decided = (await CandidatesAsync())[0];
        (decided.Decision, decided.CommitmentId).ShouldBe((CandidateDecision.Accepted, (Guid?)created.Id));
        var stored = await _ledger.WithDbAsync(db => db.ImportCandidates.SingleAsync(c => c.Id == proposal.Id));
        (stored.DecidedBy, stored.DecidedAt).ShouldBe(("ana", ImportedAt.AddHours(1)));

        var twice = await Should.ThrowAsync<ConcurrencyConflictException>(() => _ledger.SendAsync(new AcceptCandidateCommand(proposal.Id, CandidateDraft.From(proposal))));
        twice.Message.ShouldBe($"This proposal was already accepted as {created.Code}.");
        (await CountAsync(db => db.Commitments)).ShouldBe(1);
    }

    [Fact]
    public async Task The_spans_of_an_accepted_proposal_are_its_passages_whatever_the_draft_says()
    {
        await _ledger.SendAsync(Import());
        var proposal = (await CandidatesAsync())[1];

        var created = await _ledger.SendAsync(new AcceptCandidateCommand(proposal.Id, CandidateDraft.From(proposal) with
        {
            Title = "Open a trade house in Novosibirsk",
            Spans = [new SpanInput(null, 0, 5, "Minsk")],
        }));

        created.Spans.Select(s => s.Quote).ShouldBe([proposal.Quote]);
    }

    [Fact]
    public async Task A_rejected_proposal_is_marked_so_and_cannot_be_accepted_afterwards()
    {
        await _ledger.SendAsync(Import());
        var proposal = (await CandidatesAsync())[1];

        var rejected = await _ledger.SendAsync(new RejectCandidateCommand(proposal.Id));

        (rejected.Id, rejected.Start, rejected.End, rejected.Quote, rejected.Language, rejected.Cue, rejected.Decision)
            .ShouldBe((proposal.Id, proposal.Start, proposal.End, proposal.Quote, "en", proposal.Cue, CandidateDecision.Rejected));
        rejected.Passages.ShouldBe(proposal.Passages);
        (await CandidatesAsync()).Select(c => c.Decision).ShouldBe([CandidateDecision.Proposed, CandidateDecision.Rejected]);

        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() => _ledger.SendAsync(new AcceptCandidateCommand(proposal.Id, CandidateDraft.From(proposal) with { Title = "Open a trade house" })));
        ex.Message.ShouldBe("This proposal was already rejected.");
        (await Should.ThrowAsync<ConcurrencyConflictException>(() => _ledger.SendAsync(new RejectCandidateCommand(proposal.Id)))).Message.ShouldBe("This proposal was already rejected.");
        (await CountAsync(db => db.Commitments)).ShouldBe(0);
    }

    [Fact]
    public async Task A_cut_title_or_a_refused_capture_leaves_the_proposal_open_and_stores_nothing()
    {
        await _ledger.SendAsync(Import());
        var proposal = (await CandidatesAsync())[0];

        var cut = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new AcceptCandidateCommand(proposal.Id, CandidateDraft.From(proposal) with { Title = "Prepare a joint…" })));
        var failure = cut.Errors.ShouldHaveSingleItem();
        (failure.PropertyName, failure.ErrorMessage).ShouldBe(("title", CandidateDraft.TitlePrompt));

        var unknown = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new AcceptCandidateCommand(proposal.Id, CandidateDraft.From(proposal) with { Title = "Prepare a joint programme", Issuer = "XX" })));
        unknown.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("issuer");

        (await CandidatesAsync())[0].Decision.ShouldBe(CandidateDecision.Proposed);
        (await CountAsync(db => db.Commitments)).ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_proposals_and_meetings_are_not_found()
    {
        var id = Guid.NewGuid();
        (await Should.ThrowAsync<NotFoundException>(() => _ledger.SendAsync(new RejectCandidateCommand(id)))).Message.ShouldBe($"Candidate '{id}' was not found.");
        await Should.ThrowAsync<NotFoundException>(() => _ledger.SendAsync(new AcceptCandidateCommand(id, new CommitmentDraft { Title = "x", Issuer = "BY" })));
        (await Should.ThrowAsync<NotFoundException>(() => CandidatesAsync("KRD-2023"))).Entity.ShouldBe("Meeting");
    }

    [Fact]
    public async Task Proposals_are_added_again_only_for_passages_not_yet_decided()
    {
        var result = await _ledger.SendAsync(Import());
        var proposals = await CandidatesAsync();
        await _ledger.SendAsync(new RejectCandidateCommand(proposals[1].Id));
        await _ledger.WithDbAsync(db => db.ImportCandidates.Where(c => c.Decision == CandidateDecision.Proposed).ExecuteDeleteAsync());

        var added = await _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            var meeting = await db.Meetings.Include(m => m.Documents).SingleAsync();
            var extracted = await db.ReadAsync(services.GetRequiredService<AppTelemetry>(), Record, MeetingDay, "en", "BY", ["RU-NVS"], CancellationToken.None);
            var count = await db.AddAsync(meeting, meeting.Documents.Single(), extracted, "BY", CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            return count;
        });

        added.ShouldBe(1);
        (await CandidatesAsync()).Select(c => (c.Start, c.Decision)).ShouldBe([(proposals[0].Start, CandidateDecision.Proposed), (proposals[1].Start, CandidateDecision.Rejected)]);
        result.Candidates.ShouldBe(2);
    }

    [Fact]
    public async Task A_passage_that_only_starts_or_only_ends_where_a_decided_one_does_is_still_proposed()
    {
        await _ledger.SendAsync(Import());
        var decided = (await CandidatesAsync())[1];
        await _ledger.SendAsync(new RejectCandidateCommand(decided.Id));
        await _ledger.WithDbAsync(db => db.ImportCandidates.Where(c => c.Decision == CandidateDecision.Proposed).ExecuteDeleteAsync());

        var added = await _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            var meeting = await db.Meetings.Include(m => m.Documents).SingleAsync();
            var extracted = await db.ReadAsync(services.GetRequiredService<AppTelemetry>(), Record, MeetingDay, "en", "BY", ["RU-NVS"], CancellationToken.None);
            var same = extracted.Candidates.Single(c => c.Start == decided.Start);
            // Neither is the decided passage: one shares only its start, the other only its end.
            var sameStart = same with { Spans = [new CandidateSpan(same.Start, same.End - 1, same.Quote[..^1])] };
            var sameEnd = same with { Spans = [new CandidateSpan(same.Start + 1, same.End, same.Quote[1..])] };
            var count = await db.AddAsync(meeting, meeting.Documents.Single(), extracted with { Candidates = [same, sameStart, sameEnd] }, "BY", CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            return count;
        });

        added.ShouldBe(2, "only the decided passage itself is skipped");
        (await CandidatesAsync()).Select(c => (c.Start, c.End, c.Decision)).ShouldBe(
            [(decided.Start, decided.End, CandidateDecision.Rejected), (decided.Start, decided.End - 1, CandidateDecision.Proposed), (decided.Start + 1, decided.End, CandidateDecision.Proposed)],
            ignoreOrder: true);
    }
}
