using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetEvidenceFile;
using CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain;
using CommitmentTracker.Domain.Accounts;
using CommitmentTracker.Domain.Audit;
using CommitmentTracker.Domain.Calendar;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using CommitmentTracker.Domain.Webhooks;
using CommitmentTracker.Infrastructure.Evidence;
using CommitmentTracker.Infrastructure.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>Status entries: what an append records, who may close, the version check, and the retry after a lost race.</summary>
public sealed class AppendStatusEntryTests : IAsyncDisposable
{
    private readonly Rivals _rivals = new();
    private readonly string _evidenceFolder = Path.Combine(Path.GetTempPath(), $"ct-app-evidence-{Guid.NewGuid():N}");
    private TestLedger _ledger = null!;

    private async Task<TestLedger> LedgerAsync()
    {
        // Each save of a status entry may first let a rival append land (see Rivals): a real race, on a schedule.
        _ledger = await TestLedger.CreateAsync(services =>
        {
            services.AddSingleton(_rivals);
            services.AddScoped<IApplicationDbContext>(sp => new RacingDb(sp.GetRequiredService<AppDbContext>(), _rivals, sp.GetRequiredService<IServiceScopeFactory>()));
            services.AddSingleton<IEvidenceStore>(new FileSystemEvidenceStore(_evidenceFolder));
        });
        await Scenario.PartiesAsync(_ledger);
        await Scenario.MeetingAsync(_ledger, "NSK-2023", Scenario.NovosibirskDay, Scenario.NovosibirskRecord);
        await Scenario.CaptureAsync(_ledger, "NSK-2023", "open a trade house in Novosibirsk by 1 December 2023", "Open a trade house in Novosibirsk",
            CommitmentKind.Hub, "BY", "by 1 December 2023", [Scenario.Lead("BY")]);
        return _ledger;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ledger is not null)
        {
            await _ledger.DisposeAsync();
        }

        if (Directory.Exists(_evidenceFolder))
        {
            Directory.Delete(_evidenceFolder, recursive: true);
        }
    }

    private static AppendStatusEntryCommand Append(LifecycleStatus status, long? version = null, DateOnly? effectiveOn = null, string? rationale = null) =>
        new("nsk-2023-001", version, new StatusEntryDraft { Status = status, EffectiveOn = effectiveOn, Rationale = rationale });

    private Task<IReadOnlyList<StatusEntryDto>> LogAsync() => _ledger.SendAsync(new GetStatusHistoryQuery("NSK-2023-001"));

    [Fact]
    public async Task An_entry_is_recorded_now_by_the_actor_and_takes_effect_today_unless_told_otherwise()
    {
        var ledger = await LedgerAsync();
        ledger.Clock.SetUtcNow(new DateTimeOffset(2024, 1, 20, 15, 30, 0, TimeSpan.Zero));

        var entry = await ledger.SendAsync(new AppendStatusEntryCommand("NSK-2023-001", null, new StatusEntryDraft
        {
            Status = LifecycleStatus.InProgress,
            ComplianceScore = 0,
            Confidence = Confidence.Amber,
            Rationale = "Premises found.",
            EvidenceLinks = ["https://example.org/news/1"],
        }));

        entry.Sequence.ShouldBe(2);
        entry.Status.ShouldBe(LifecycleStatus.InProgress);
        entry.At.ShouldBe(new DateTimeOffset(2024, 1, 20, 15, 30, 0, TimeSpan.Zero));
        entry.EffectiveOn.ShouldBe(new DateOnly(2024, 1, 20));
        entry.Author.ShouldBe("ana");
        (entry.ComplianceScore, entry.Confidence, entry.Rationale).ShouldBe((0, Confidence.Amber, "Premises found."));
        entry.EvidenceLinks.ShouldBe(["https://example.org/news/1"]);

        var stored = (await LogAsync())[^1];
        (stored.Sequence, stored.Status, stored.EffectiveOn, stored.Author).ShouldBe((2, LifecycleStatus.InProgress, new DateOnly(2024, 1, 20), "ana"));
        var commitment = await ledger.WithDbAsync(db => db.Commitments.SingleAsync());
        (commitment.CurrentStatus, commitment.Version, commitment.UpdatedAt).ShouldBe((LifecycleStatus.InProgress, 2L, entry.At));
    }

    [Fact]
    public async Task An_entry_may_take_effect_on_an_earlier_day_but_not_before_the_latest_entry()
    {
        var ledger = await LedgerAsync();
        ledger.Clock.SetUtcNow(new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero));

        (await ledger.SendAsync(Append(LifecycleStatus.InProgress, effectiveOn: new DateOnly(2024, 1, 15)))).EffectiveOn.ShouldBe(new DateOnly(2024, 1, 15));
        var ex = await Should.ThrowAsync<DomainRuleException>(() => ledger.SendAsync(Append(LifecycleStatus.Stalled, effectiveOn: new DateOnly(2024, 1, 14), rationale: "Stuck.")));
        ex.Field.ShouldBe(EffectiveDay.Field);
        (await LogAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Closing_is_a_managers_decision()
    {
        var ledger = await LedgerAsync();

        var refused = await Should.ThrowAsync<ForbiddenException>(() => ledger.SendAsync(Append(LifecycleStatus.Fulfilled)));
        refused.Message.ShouldContain("ana (Analyst)");
        (await LogAsync()).Count.ShouldBe(1);

        ledger.Actor = TestLedger.Person("max", Roles.Manager);
        var entry = await ledger.SendAsync(Append(LifecycleStatus.Fulfilled));
        (entry.Status, entry.Author).ShouldBe((LifecycleStatus.Fulfilled, "max"));

        // Closed is final: not even a manager moves it on.
        await Should.ThrowAsync<DomainRuleException>(() => ledger.SendAsync(Append(LifecycleStatus.InProgress)));
        (await LogAsync()).Select(e => e.Status).ShouldBe([LifecycleStatus.Captured, LifecycleStatus.Fulfilled]);
    }

    [Fact]
    public async Task A_stalled_entry_needs_its_reason_and_the_pipeline_refuses_it_before_the_handler()
    {
        var ledger = await LedgerAsync();

        var ex = await Should.ThrowAsync<ValidationException>(() => ledger.SendAsync(Append(LifecycleStatus.Stalled)));
        ex.Errors.Select(e => e.ErrorMessage).ShouldBe(["A rationale is required when recording Stalled."]);
        (await LogAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_append_to_an_unknown_commitment_is_not_found()
    {
        var ledger = await LedgerAsync();

        var ex = await Should.ThrowAsync<NotFoundException>(() => ledger.SendAsync(new AppendStatusEntryCommand("NSK-2023-404", null, new StatusEntryDraft { Status = LifecycleStatus.Confirmed })));
        (ex.Entity, ex.Key).ShouldBe(("Commitment", "NSK-2023-404"));
    }

    [Fact]
    public async Task A_version_when_given_must_be_the_current_one()
    {
        var ledger = await LedgerAsync();

        var stale = await Should.ThrowAsync<ConcurrencyConflictException>(() => ledger.SendAsync(Append(LifecycleStatus.Confirmed, version: 7)));
        stale.CurrentVersion.ShouldBe(1);
        (await LogAsync()).Count.ShouldBe(1);

        (await ledger.SendAsync(Append(LifecycleStatus.Confirmed, version: 1))).Sequence.ShouldBe(2);
        (await ledger.SendAsync(Append(LifecycleStatus.InProgress, version: 2))).Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task An_append_without_a_version_that_loses_a_race_is_applied_again_after_the_rivals()
    {
        var ledger = await LedgerAsync();
        _rivals.Remaining = 3;

        var entry = await ledger.SendAsync(Append(LifecycleStatus.InProgress));

        // Three rivals landed first; the fourth attempt found no rival and saved after them.
        _rivals.Remaining.ShouldBe(0);
        entry.Sequence.ShouldBe(5);
        (await LogAsync()).Select(e => (e.Sequence, e.Author)).ShouldBe([(1, "ana"), (2, "rival"), (3, "rival"), (4, "rival"), (5, "ana")]);
    }

    [Fact]
    public async Task An_append_is_tried_eight_times_at_most()
    {
        var ledger = await LedgerAsync();
        _rivals.Remaining = 7;
        (await ledger.SendAsync(Append(LifecycleStatus.InProgress))).Sequence.ShouldBe(9);

        _rivals.Remaining = 8;
        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() => ledger.SendAsync(Append(LifecycleStatus.InProgress)));
        ex.Message.ShouldBe("Someone else saved a change to the same item at the same moment. Reload it and apply your change again.");
        (await LogAsync()).Count.ShouldBe(17);
        (await LogAsync())[^1].Author.ShouldBe("rival");
    }

    [Fact]
    public async Task An_append_with_a_version_that_loses_a_race_is_refused_not_retried()
    {
        var ledger = await LedgerAsync();
        _rivals.Remaining = 1;

        await Should.ThrowAsync<ConcurrencyConflictException>(() => ledger.SendAsync(Append(LifecycleStatus.InProgress, version: 1)));

        (await LogAsync()).Select(e => e.Author).ShouldBe(["ana", "rival"]);
    }

    [Fact]
    public async Task Evidence_stored_for_a_save_that_lost_its_race_is_taken_back()
    {
        var ledger = await LedgerAsync();
        byte[] minutes = [.. "%PDF-1.7 minutes of the joint commission"u8];
        AppendStatusEntryCommand WithMinutes(long? version) => Append(LifecycleStatus.InProgress, version) with
        {
            EvidenceFiles = [new EvidenceUpload("minutes.pdf", minutes.Length, _ => Task.FromResult<Stream>(new MemoryStream(minutes)))],
        };

        // With a version: the rival wins, the save fails after the file was stored, and the file goes again.
        _rivals.Remaining = 1;
        await Should.ThrowAsync<ConcurrencyConflictException>(() => ledger.SendAsync(WithMinutes(version: 1)));
        StoredFiles().ShouldBeEmpty();

        // Without: three attempts lose, each taking back its file; the fourth saves, and only its file is kept.
        _rivals.Remaining = 3;
        var entry = await ledger.SendAsync(WithMinutes(version: null));
        var file = entry.EvidenceFiles.ShouldHaveSingleItem();
        StoredFiles().ShouldBe([file.Id.ToString("N")]);
        (await File.ReadAllBytesAsync(Path.Combine(_evidenceFolder, file.Id.ToString("N")), TestContext.Current.CancellationToken)).ShouldBe(minutes);
        (await LogAsync()).Where(e => e.EvidenceFiles.Count > 0).ShouldHaveSingleItem().Sequence.ShouldBe(entry.Sequence);
    }

    [Fact]
    public async Task An_evidence_file_is_read_back_through_its_own_commitment_and_nowhere_else()
    {
        var ledger = await LedgerAsync();
        await Scenario.CaptureAsync(ledger, "NSK-2023", "supply buses to Novosibirsk in the near future", "Supply buses to Novosibirsk",
            CommitmentKind.Pledge, "BY", null, [Scenario.Lead("BY")]);
        byte[] minutes = [.. "%PDF-1.7 minutes of the joint commission"u8];
        var entry = await ledger.SendAsync(Append(LifecycleStatus.InProgress) with
        {
            EvidenceFiles = [new EvidenceUpload("minutes.pdf", minutes.Length, _ => Task.FromResult<Stream>(new MemoryStream(minutes)))],
        });
        var file = entry.EvidenceFiles.ShouldHaveSingleItem();

        var download = await ledger.SendAsync(new GetEvidenceFileQuery("nsk-2023-001", file.Id));
        await using (download.Content)
        {
            using var read = new MemoryStream();
            await download.Content.CopyToAsync(read, TestContext.Current.CancellationToken);
            read.ToArray().ShouldBe(minutes);
        }

        (download.File.Id, download.File.FileName, download.File.SizeBytes).ShouldBe((file.Id, "minutes.pdf", (long)minutes.Length));

        // Under another commitment's address, an unknown id, an unknown commitment, a file the store has lost: not found.
        var other = Guid.NewGuid();
        await NotFoundAsync(new GetEvidenceFileQuery("NSK-2023-002", file.Id), $"Evidence file of NSK-2023-002 '{file.Id}' was not found.");
        await NotFoundAsync(new GetEvidenceFileQuery("NSK-2023-001", other), $"Evidence file of NSK-2023-001 '{other}' was not found.");
        await NotFoundAsync(new GetEvidenceFileQuery("NSK-2023-999", file.Id), "Commitment 'NSK-2023-999' was not found.");
        File.Delete(Path.Combine(_evidenceFolder, file.Id.ToString("N")));
        await NotFoundAsync(new GetEvidenceFileQuery("NSK-2023-001", file.Id), $"The stored content of evidence file 'minutes.pdf' of NSK-2023-001 '{file.Id}' was not found.");

        async Task NotFoundAsync(GetEvidenceFileQuery query, string message) =>
            (await Should.ThrowAsync<NotFoundException>(() => ledger.SendAsync(query))).Message.ShouldBe(message);
    }

    [Fact]
    public async Task An_entrys_files_are_listed_in_the_order_they_were_attached()
    {
        var ledger = await LedgerAsync();
        static EvidenceUpload File(string name, byte[] content) => new(name, content.Length, _ => Task.FromResult<Stream>(new MemoryStream(content)));

        var entry = await ledger.SendAsync(Append(LifecycleStatus.InProgress) with
        {
            EvidenceFiles = [File("minutes.pdf", [.. "%PDF-1.7 minutes"u8]), File("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]), File("notes.txt", [.. "notes"u8])],
        });

        entry.EvidenceFiles.Select(f => f.FileName).ShouldBe(["minutes.pdf", "photo.jpg", "notes.txt"]);
        (await LogAsync())[^1].EvidenceFiles.Select(f => f.FileName).ShouldBe(["minutes.pdf", "photo.jpg", "notes.txt"]);
    }

    [Fact]
    public async Task An_append_on_a_stale_version_is_refused_saying_both_versions()
    {
        var ledger = await LedgerAsync();
        await ledger.SendAsync(Append(LifecycleStatus.InProgress, version: 1));

        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() => ledger.SendAsync(Append(LifecycleStatus.Confirmed, version: 1)));

        ex.Message.ShouldBe("The commitment was changed by someone else (you edited version 1, the current version is 2). Reload it and apply your change again.");
        ex.CurrentVersion.ShouldBe(2);
    }

    private string[] StoredFiles() => Directory.Exists(_evidenceFolder) ? [.. Directory.GetFiles(_evidenceFolder).Select(Path.GetFileName).OfType<string>()] : [];

    /// <summary>How many rival appends are still to land, one before each save of a status entry.</summary>
    private sealed class Rivals
    {
        public int Remaining { get; set; }

        public bool Racing { get; set; }
    }

    /// <summary>
    /// The app's context, except that a save holding a new status entry first lets a rival append to the same
    /// commitment commit from another scope (another context and connection), so the save that follows finds the
    /// version moved: the race the handler must survive, on a schedule instead of by chance.
    /// </summary>
    private sealed class RacingDb(AppDbContext db, Rivals rivals, IServiceScopeFactory scopes) : IApplicationDbContext
    {
        private IApplicationDbContext Db => db;

        public DbSet<Party> Parties => Db.Parties;

        public DbSet<Person> People => Db.People;

        public DbSet<Meeting> Meetings => Db.Meetings;

        public DbSet<SourceDocument> Documents => Db.Documents;

        public DbSet<Commitment> Commitments => Db.Commitments;

        public DbSet<StatusEntry> StatusEntries => Db.StatusEntries;

        public DbSet<Target> Targets => Db.Targets;

        public DbSet<EvidenceFile> EvidenceFiles => Db.EvidenceFiles;

        public DbSet<Responsibility> Responsibilities => Db.Responsibilities;

        public DbSet<ImportCandidate> ImportCandidates => Db.ImportCandidates;

        public DbSet<ApiKey> ApiKeys => Db.ApiKeys;

        public IQueryable<AuditRecord> AuditRecords => Db.AuditRecords;

        public DbSet<CalendarFeed> CalendarFeeds => Db.CalendarFeeds;

        public DbSet<CommitmentTracker.Domain.SavedViews.SavedView> SavedViews => Db.SavedViews;

        public DbSet<WebhookSubscription> WebhookSubscriptions => Db.WebhookSubscriptions;

        public DbSet<WebhookDelivery> WebhookDeliveries => Db.WebhookDeliveries;

        public DbSet<OutboxEvent> OutboxEvents => Db.OutboxEvents;

        public DbSet<OverdueNotice> OverdueNotices => Db.OverdueNotices;

        public IQueryable<DashboardCount> DashboardCounts => Db.DashboardCounts;

        public IQueryable<Commitment>? CommitmentsMatchingText(string text, ListShape shape) => Db.CommitmentsMatchingText(text, shape);

        public void DiscardChanges() => Db.DiscardChanges();

        public bool InTransaction => Db.InTransaction;

        public Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken) => Db.InTransactionAsync(work, cancellationToken);

        public async Task<int> SaveChangesAsync(CancellationToken cancellationToken)
        {
            if (!rivals.Racing && rivals.Remaining > 0 && db.ChangeTracker.Entries<StatusEntry>().Any(e => e.State == EntityState.Added))
            {
                rivals.Remaining--;
                rivals.Racing = true;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<ICurrentActor>().ActAs(TestLedger.Person("rival", Roles.Analyst));
                    await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                        new AppendStatusEntryCommand("NSK-2023-001", null, new StatusEntryDraft { Status = LifecycleStatus.InProgress }), cancellationToken);
                }
                finally
                {
                    rivals.Racing = false;
                }
            }

            return await Db.SaveChangesAsync(cancellationToken);
        }
    }
}
