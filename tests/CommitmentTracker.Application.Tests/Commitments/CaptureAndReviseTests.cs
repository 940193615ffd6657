using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Commands.UpdateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ExportCommitments;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;
using CommitmentTracker.Application.Commitments.Queries.ListTargets;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>Capturing and revising commitments: what is stored, what is refused, and that a refusal stores nothing.</summary>
public sealed class CaptureAndReviseTests : IAsyncLifetime
{
    private const string Quote = "hold the Days of Belarus in Novosibirsk Oblast in autumn 2024";
    private TestLedger _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _ledger = await TestLedger.CreateAsync();
        await Scenario.PartiesAsync(_ledger);
        await Scenario.MeetingAsync(_ledger, "NSK-2023", Scenario.NovosibirskDay, Scenario.NovosibirskRecord);
    }

    public async ValueTask DisposeAsync() => await _ledger.DisposeAsync();

    private static CommitmentDraft Draft(string? due = "autumn 2024", IReadOnlyList<SpanInput>? spans = null, IReadOnlyList<ResponsibilityInput>? responsibilities = null) => new()
    {
        Title = "Hold the Days of Belarus in Novosibirsk Oblast",
        Summary = "A week of concerts and exhibitions.",
        Kind = CommitmentKind.CulturalEvent,
        Modality = Modality.Firm,
        Issuer = "by",
        Due = due,
        Responsibilities = responsibilities ?? [new ResponsibilityInput("ru-nvs", ResponsibilityRole.Counterpart), new ResponsibilityInput(" BY-GOV ", ResponsibilityRole.Lead)],
        Tags = [" Culture ", "culture", "Regions"],
        Spans = spans ?? [new SpanInput(null, null, null, Quote)],
    };

    private Task<int> CountAsync() => _ledger.WithDbAsync(db => db.Commitments.CountAsync());

    private async Task<ValidationException> ShouldBeRefusedAsync(Func<Task> send, string field, string message)
    {
        var before = await CountAsync();
        var ex = await Should.ThrowAsync<ValidationException>(send);
        var failure = ex.Errors.ShouldHaveSingleItem();
        failure.PropertyName.ShouldBe(field);
        failure.ErrorMessage.ShouldBe(message);
        (await CountAsync()).ShouldBe(before);
        return ex;
    }

    [Fact]
    public async Task A_capture_stores_the_draft_with_the_next_free_code_and_answers_with_the_stored_commitment()
    {
        var created = await _ledger.SendAsync(new CreateCommitmentCommand("nsk-2023", null, Draft()));

        created.Code.ShouldBe("NSK-2023-001");
        created.Status.ShouldBe(LifecycleStatus.Captured);
        created.Version.ShouldBe(1);
        created.CapturedBy.ShouldBe("ana");
        created.CreatedAt.ShouldBe(TestLedger.Start);
        created.UpdatedAt.ShouldBe(TestLedger.Start);
        created.IssuerKey.ShouldBe("BY");
        created.Summary.ShouldBe("A week of concerts and exhibitions.");
        created.Tags.ShouldBe(["culture", "regions"]);
        created.Responsibilities.Select(r => (r.PartyKey, r.Role)).ShouldBe([("BY-GOV", ResponsibilityRole.Lead), ("RU-NVS", ResponsibilityRole.Counterpart)]);
        (created.Due!.Phrase, created.Due.Precision, created.Due.Earliest, created.Due.Latest)
            .ShouldBe(("autumn 2024", DuePrecision.Season, new DateOnly(2024, 9, 1), new DateOnly(2024, 11, 30)));
        created.IsOverdue.ShouldBeFalse();
        var span = created.Spans.ShouldHaveSingleItem();
        (span.Start, span.End, span.Quote).ShouldBe((Scenario.NovosibirskRecord.IndexOf(Quote, StringComparison.Ordinal), Scenario.NovosibirskRecord.IndexOf(Quote, StringComparison.Ordinal) + Quote.Length, Quote));
        created.LatestEntry!.Sequence.ShouldBe(1);
        created.LatestEntry.EffectiveOn.ShouldBe(Scenario.CaptureDay);

        var stored = await _ledger.SendAsync(new GetCommitmentQuery(created.Id.ToString()));
        stored.Code.ShouldBe("NSK-2023-001");
        stored.Tags.ShouldBe(["culture", "regions"]);

        // The save carried its consequences: the webhook outbox has the capture, the audit trail names the analyst.
        var events = await _ledger.WithDbAsync(db => db.OutboxEvents.Select(e => e.Type).ToListAsync());
        events.ShouldBe([WebhookEventTypes.CommitmentCreated]);
        var audited = await _ledger.WithDbAsync(db => db.AuditTrail.Where(r => r.EntityType == "Commitment").Select(r => r.ActorName).ToListAsync());
        audited.ShouldBe(["ana"]);
    }

    [Fact]
    public async Task The_next_code_follows_the_highest_number_of_the_meeting_and_ignores_codes_that_are_not_numbers()
    {
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", "nsk-2023-007", Draft(spans: [new SpanInput(null, null, null, "We need to balance our trade.")])));
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", "NSK-2023-B12", Draft(spans: [new SpanInput(null, null, null, "supply buses")])));
        var next = await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft()));

        next.Code.ShouldBe("NSK-2023-008");
        (await _ledger.WithDbAsync(db => db.Commitments.OrderBy(c => c.Code).Select(c => c.Code).ToListAsync()))
            .ShouldBe(["NSK-2023-007", "NSK-2023-008", "NSK-2023-B12"]);
    }

    [Fact]
    public async Task Another_meetings_codes_do_not_count_towards_the_next_one()
    {
        await Scenario.MeetingAsync(_ledger, "NSK-2023-X", Scenario.NovosibirskDay, "Novosibirsk. Belarus will open a trade house.");
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023-X", null, Draft(due: null, spans: [new SpanInput(null, null, null, "open a trade house")])));

        (await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft()))).Code.ShouldBe("NSK-2023-001");
    }

    [Fact]
    public async Task A_code_already_used_is_refused_on_code()
    {
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", "NSK-2023-004", Draft()));

        await ShouldBeRefusedAsync(
            () => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", "nsk-2023-004", Draft(spans: [new SpanInput(null, null, null, "supply buses")]))),
            "code", "The code 'NSK-2023-004' is already used by another commitment.");
    }

    [Fact]
    public async Task An_unknown_meeting_party_or_due_phrase_is_refused_on_its_field()
    {
        await ShouldBeRefusedAsync(() => _ledger.SendAsync(new CreateCommitmentCommand("KRD-2023", null, Draft())), "meeting", "No meeting has the id or code 'KRD-2023'.");
        await ShouldBeRefusedAsync(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft() with { Issuer = "XX" })),
            "issuer", "No party has the key 'XX'. GET /api/v1/parties lists the known parties.");
        await ShouldBeRefusedAsync(
            () => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(responsibilities: [new("BY", ResponsibilityRole.Lead), new("KZ", ResponsibilityRole.Counterpart)]))),
            "responsibilities[1].party", "No party has the key 'KZ'. GET /api/v1/parties lists the known parties.");
        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(due: "when pigs fly"))));
        // Words that are no due phrase are refused by the draft's validator (with the other fields' errors), under the
        // property's name; the API names the field "due" either way.
        ex.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Due");
        (await CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_due_phrase_not_understood_is_refused_with_the_parsers_explanation()
    {
        DueWindowParser.TryParse("when pigs fly", Scenario.NovosibirskDay, out _, out var explanation).ShouldBeFalse();

        await ShouldBeRefusedAsync(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(due: "when pigs fly"))), "Due", explanation);
    }

    [Fact]
    public async Task An_owner_without_an_account_is_refused_on_the_owner()
    {
        await ShouldBeRefusedAsync(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft() with { Owner = "oleg" })),
            "owner", "No user account is called 'oleg'. The owner must be a person who can sign in (see Users).");
    }

    [Fact]
    public async Task An_unknown_issuer_is_reported_before_an_unknown_responsible_party()
    {
        await ShouldBeRefusedAsync(
            () => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(responsibilities: [new("KZ", ResponsibilityRole.Lead)]) with { Issuer = "XX" })),
            "issuer", "No party has the key 'XX'. GET /api/v1/parties lists the known parties.");
    }

    [Fact]
    public async Task A_targets_observations_are_read_in_the_order_of_their_periods_whatever_the_order_given()
    {
        var target = new TargetInput("Trade turnover", "USD", TargetDirection.Increase, null, null, null, null,
        [
            new ObservationInput(new DateOnly(2024, 7, 1), new DateOnly(2024, 12, 31), 2m, null),
            new ObservationInput(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), 1m, null),
        ]);

        var created = await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft() with { Target = target }));

        created.Target!.Observations.Select(o => o.Value).ShouldBe([1m, 2m]);
        (await _ledger.SendAsync(new GetCommitmentQuery(created.Code))).Target!.Observations.Select(o => o.Value).ShouldBe([1m, 2m]);
    }

    [Fact]
    public async Task Responsibilities_are_read_lead_first_and_parties_of_one_role_by_key()
    {
        var created = await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(responsibilities:
            [new("ru-nvs", ResponsibilityRole.Counterpart), new("RU", ResponsibilityRole.Counterpart), new("BY-GOV", ResponsibilityRole.Lead)])));

        (await _ledger.SendAsync(new GetCommitmentQuery(created.Code))).Responsibilities.Select(r => (r.PartyKey, r.Role))
            .ShouldBe([("BY-GOV", ResponsibilityRole.Lead), ("RU", ResponsibilityRole.Counterpart), ("RU-NVS", ResponsibilityRole.Counterpart)]);
    }

    [Fact]
    public async Task An_export_row_quotes_the_first_passage_in_the_text_and_names_the_lead_if_there_is_one()
    {
        var start = Scenario.NovosibirskRecord.IndexOf("Novosibirsk", 20, StringComparison.Ordinal);
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(spans: [new SpanInput(null, start, start + 11, null), new SpanInput(null, null, null, Quote)])));
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(
            spans: [new SpanInput(null, null, null, "supply buses")], responsibilities: [new("RU", ResponsibilityRole.Counterpart)])));

        // The rows stream from the database, so they are read inside the request's scope.
        var rows = await _ledger.InScopeAsync(async services =>
        {
            var read = new List<CommitmentExportRow>();
            await foreach (var row in await services.GetRequiredService<ISender>().Send(new ExportCommitmentsQuery(new CommitmentFilter())))
            {
                read.Add(row);
            }

            return read;
        });

        rows.Select(r => (r.Code, r.Quote, r.LeadPartyKey)).ShouldBe([("NSK-2023-001", Quote, "BY-GOV"), ("NSK-2023-002", "supply buses", (string?)null)]);
    }

    [Fact]
    public async Task The_targets_list_runs_in_code_order_with_each_targets_latest_observation()
    {
        var observed = new TargetInput("Trade turnover", "USD", TargetDirection.Increase, null, null, null, null,
        [
            new ObservationInput(new DateOnly(2024, 7, 1), new DateOnly(2024, 12, 31), 2m, null),
            new ObservationInput(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), 1m, null),
        ]);
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft() with { Target = observed }));
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(spans: [new SpanInput(null, null, null, "supply buses")]) with
        {
            Target = observed with { Observations = null },
        }));

        (await _ledger.SendAsync(new ListTargetsQuery())).Select(t => (t.Code, t.LatestValue, t.LatestPeriodEnd))
            .ShouldBe([("NSK-2023-001", (decimal?)2m, (DateOnly?)new DateOnly(2024, 12, 31)), ("NSK-2023-002", null, null)]);
        (await _ledger.SendAsync(new ListTargetsQuery(1))).ShouldHaveSingleItem().Code.ShouldBe("NSK-2023-001");
    }

    [Fact]
    public async Task A_capture_without_responsibilities_stores_none()
    {
        var created = await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft() with { Responsibilities = null }));

        created.Responsibilities.ShouldBeEmpty();
        created.IssuerKey.ShouldBe("BY");
    }

    [Fact]
    public async Task Revising_or_reading_the_history_of_an_unknown_commitment_names_what_was_not_found()
    {
        (await Should.ThrowAsync<NotFoundException>(() => _ledger.SendAsync(new UpdateCommitmentCommand("NSK-2023-999", 1, Draft()))))
            .Message.ShouldBe("Commitment 'NSK-2023-999' was not found.");
        (await Should.ThrowAsync<NotFoundException>(() => _ledger.SendAsync(new GetStatusHistoryQuery("NSK-2023-999"))))
            .Message.ShouldBe("Commitment 'NSK-2023-999' was not found.");
    }

    [Fact]
    public async Task A_quote_must_stand_exactly_once_in_the_record()
    {
        await ShouldBeRefusedAsync(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(spans: [new SpanInput(null, null, null, "Days of Minsk")]))),
            "spans[0]", "The quote was not found in 'Record of the talks in Novosibirsk'. Copy the words exactly as they stand in the text.");
        await ShouldBeRefusedAsync(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(spans: [new SpanInput(null, null, null, "Novosibirsk")]))),
            "spans[0]", "The quote occurs more than once in the text; quote more of the sentence, or give its start and end offsets.");
    }

    [Fact]
    public async Task Offsets_cite_the_words_between_them_and_must_agree_with_a_quote()
    {
        var start = Scenario.NovosibirskRecord.IndexOf("Novosibirsk", 20, StringComparison.Ordinal);
        var created = await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(spans: [new SpanInput(null, start, start + 11, null), new SpanInput(null, null, null, Quote)])));

        // Read in text order: the quote starts before the "Novosibirsk" inside it.
        created.Spans.Select(s => (s.Start, s.End, s.Quote)).ShouldBe([
            (Scenario.NovosibirskRecord.IndexOf(Quote, StringComparison.Ordinal), Scenario.NovosibirskRecord.IndexOf(Quote, StringComparison.Ordinal) + Quote.Length, Quote),
            (start, start + 11, "Novosibirsk"),
        ]);

        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(spans: [new SpanInput(null, start, start + 11, "Minsk")]))));
        var failure = ex.Errors.ShouldHaveSingleItem();
        failure.PropertyName.ShouldBe("spans[0]");
        failure.ErrorMessage.ShouldStartWith("The quoted text does not match the document at ");
        (await CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task With_several_documents_a_span_names_its_document_and_only_one_of_the_meetings_own()
    {
        var second = await _ledger.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Code == "NSK-2023");
            var document = meeting.AddDocument("Joint statement", null, "en", "The sides will hold the Days of Belarus in Novosibirsk Oblast.", TestLedger.Start);
            await db.SaveChangesAsync();
            return document.Id;
        });

        await ShouldBeRefusedAsync(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft())),
            "spans[0].documentId", "The meeting has 2 documents; say which one the span points into.");
        var stranger = Guid.NewGuid();
        await ShouldBeRefusedAsync(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(spans: [new SpanInput(stranger, null, null, Quote)]))),
            "spans[0].documentId", $"Document {stranger} is not a document of this commitment's meeting.");

        var created = await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(spans: [new SpanInput(second, null, null, "hold the Days of Belarus")])));
        var span = created.Spans.ShouldHaveSingleItem();
        (span.DocumentId, span.Start, span.End).ShouldBe((second, 15, 39));
    }

    [Fact]
    public async Task The_pipeline_asks_for_the_right_role_and_a_valid_draft_before_the_handler_runs()
    {
        _ledger.Actor = TestLedger.Person("vera", Roles.Viewer);
        await Should.ThrowAsync<ForbiddenException>(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft())));
        _ledger.Actor = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
        await Should.ThrowAsync<UnauthenticatedException>(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft())));

        _ledger.Actor = TestLedger.Person("ana", Roles.Analyst);
        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft() with { Title = "" })));
        ex.Errors.Select(e => e.PropertyName).ShouldBe(["Title"]);
        (await CountAsync()).ShouldBe(0);
    }

    private async Task<CommitmentDetailDto> CapturedAsync() =>
        await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft() with
        {
            Target = new TargetInput("Visitors", "people", TargetDirection.Reach, null, null, null, 10_000m,
                [new ObservationInput(new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 30), 1_500m, "Ministry of Culture")]),
        }));

    [Fact]
    public async Task A_target_sent_without_observations_is_stored_with_none()
    {
        var created = await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft() with
        {
            Target = new TargetInput("Visitors", "people", TargetDirection.Reach, null, null, null, 10_000m, null),
        }));

        var target = created.Target.ShouldNotBeNull();
        (target.Metric, target.Unit, target.Direction, target.GoalValue).ShouldBe(("Visitors", "PEOPLE", TargetDirection.Reach, (decimal?)10_000m));
        target.Observations.ShouldBeEmpty();
        var stored = (await _ledger.SendAsync(new GetCommitmentQuery(created.Code))).Target.ShouldNotBeNull();
        (stored.Metric, stored.GoalValue, stored.Observations.Count).ShouldBe(("Visitors", (decimal?)10_000m, 0));
    }

    [Fact]
    public async Task A_revision_replaces_every_term_and_moves_the_version_on()
    {
        var captured = await CapturedAsync();
        _ledger.Clock.Advance(TimeSpan.FromDays(1));

        var revised = await _ledger.SendAsync(new UpdateCommitmentCommand("nsk-2023-001", captured.Version, new CommitmentDraft
        {
            Title = "Hold the Days of Belarus in Novosibirsk",
            Kind = CommitmentKind.Cooperation,
            Modality = Modality.Conditional,
            Issuer = "RU-NVS",
            Due = "by October 2024",
            Responsibilities = [new("RU-NVS", ResponsibilityRole.Lead)],
            Tags = ["festival"],
            Spans = [new SpanInput(null, null, null, "Days of Belarus in Novosibirsk Oblast")],
            Target = null,
        }));

        revised.Version.ShouldBe(2);
        revised.UpdatedAt.ShouldBe(TestLedger.Start.AddDays(1));
        revised.CreatedAt.ShouldBe(TestLedger.Start);
        revised.Title.ShouldBe("Hold the Days of Belarus in Novosibirsk");
        revised.Summary.ShouldBeNull();
        revised.Kind.ShouldBe(CommitmentKind.Cooperation);
        revised.Modality.ShouldBe(Modality.Conditional);
        revised.IssuerKey.ShouldBe("RU-NVS");
        (revised.Due!.Phrase, revised.Due.Latest).ShouldBe(("by October 2024", new DateOnly(2024, 10, 31)));
        revised.Responsibilities.Select(r => (r.PartyKey, r.Role)).ShouldBe([("RU-NVS", ResponsibilityRole.Lead)]);
        revised.Tags.ShouldBe(["festival"]);
        revised.Spans.ShouldHaveSingleItem().Quote.ShouldBe("Days of Belarus in Novosibirsk Oblast");
        revised.Target.ShouldBeNull();
        revised.Status.ShouldBe(LifecycleStatus.Captured);

        (await _ledger.WithDbAsync(db => db.Responsibilities.CountAsync())).ShouldBe(1);
        (await _ledger.WithDbAsync(db => db.OutboxEvents.OrderBy(e => e.OccurredAt).Select(e => e.Type).ToListAsync()))
            .ShouldBe([WebhookEventTypes.CommitmentCreated, WebhookEventTypes.CommitmentUpdated]);
    }

    [Fact]
    public async Task A_revision_keeps_a_target_sent_back_as_it_was()
    {
        var captured = await CapturedAsync();
        var draft = CommitmentDraft.From(captured) with { Title = "Hold the Days of Belarus, a week long" };

        var revised = await _ledger.SendAsync(new UpdateCommitmentCommand(captured.Code, 1, draft));

        var target = revised.Target.ShouldNotBeNull();
        (target.Metric, target.Unit, target.Direction, target.GoalValue).ShouldBe(("Visitors", "PEOPLE", TargetDirection.Reach, (decimal?)10_000m));
        target.Observations.Select(o => (o.PeriodEnd, o.Value)).ShouldBe([(new DateOnly(2023, 11, 30), 1_500m)]);
        revised.Responsibilities.Select(r => r.PartyKey).ShouldBe(captured.Responsibilities.Select(r => r.PartyKey));
        revised.Spans.Select(s => (s.Start, s.End)).ShouldBe(captured.Spans.Select(s => (s.Start, s.End)));
    }

    [Fact]
    public async Task A_revision_needs_the_version_it_was_based_on()
    {
        var captured = await CapturedAsync();
        await _ledger.SendAsync(new UpdateCommitmentCommand(captured.Code, 1, CommitmentDraft.From(captured) with { Title = "First edit" }));

        var stale = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            _ledger.SendAsync(new UpdateCommitmentCommand(captured.Code, 1, CommitmentDraft.From(captured) with { Title = "Second edit" })));
        stale.CurrentVersion.ShouldBe(2);
        stale.Message.ShouldBe("The commitment was changed by someone else (you edited version 1, the current version is 2). Reload it and apply your change again.");
        await Should.ThrowAsync<PreconditionRequiredException>(() =>
            _ledger.SendAsync(new UpdateCommitmentCommand(captured.Code, null, CommitmentDraft.From(captured) with { Title = "Second edit" })));

        (await _ledger.SendAsync(new GetCommitmentQuery(captured.Code))).Title.ShouldBe("First edit");
        var missing = await Should.ThrowAsync<NotFoundException>(() => _ledger.SendAsync(new UpdateCommitmentCommand("NSK-2023-999", 1, CommitmentDraft.From(captured))));
        missing.Key.ShouldBe("NSK-2023-999");
    }

    [Theory]
    // Autumn 2024 ends on 2024-11-30: moving it later or dropping it is an extension, a manager's decision.
    [InlineData("winter 2024", true)]
    [InlineData(null, true)]
    [InlineData("by 30 November 2024", false)]
    [InlineData("by October 2024", false)]
    public async Task Moving_the_deadline_later_or_removing_it_needs_a_manager(string? due, bool extends)
    {
        var captured = await CapturedAsync();
        var draft = CommitmentDraft.From(captured) with { Due = due };

        if (extends)
        {
            var ex = await Should.ThrowAsync<ForbiddenException>(() => _ledger.SendAsync(new UpdateCommitmentCommand(captured.Code, 1, draft)));
            ex.Message.ShouldContain("ana (Analyst)");
            (await _ledger.SendAsync(new GetCommitmentQuery(captured.Code))).Version.ShouldBe(1);
            _ledger.Actor = TestLedger.Person("max", Roles.Manager);
        }

        var revised = await _ledger.SendAsync(new UpdateCommitmentCommand(captured.Code, 1, draft));
        (revised.Due?.Phrase).ShouldBe(due);
        revised.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Giving_a_deadline_to_an_item_that_had_none_is_no_extension()
    {
        var captured = await _ledger.SendAsync(new CreateCommitmentCommand("NSK-2023", null, Draft(due: null)));

        var revised = await _ledger.SendAsync(new UpdateCommitmentCommand(captured.Code, 1, CommitmentDraft.From(captured) with { Due = "winter 2025" }));

        revised.Due!.Latest.ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Fact]
    public async Task A_refused_revision_changes_nothing()
    {
        var captured = await CapturedAsync();

        await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new UpdateCommitmentCommand(captured.Code, 1, CommitmentDraft.From(captured) with
        {
            Title = "Changed",
            Spans = [new SpanInput(null, null, null, "words nobody said")],
        })));

        var stored = await _ledger.SendAsync(new GetCommitmentQuery(captured.Code));
        (stored.Title, stored.Version).ShouldBe((captured.Title, 1L));
        stored.Spans.Select(s => s.Quote).ShouldBe([Quote]);
    }
}
