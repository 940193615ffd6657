using AutoMapper;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;

/// <summary>
/// Adds a status change or assessment to a commitment's log, with the evidence files attached to it. Appending is
/// not editing, so the version is optional; when given (If-Match) a stale one is refused. Without it, an append that
/// loses a race with another is applied again to the current state (the server serializes them, checking the
/// lifecycle each time) instead of answering 409 to a client that never asked for a version check.
/// </summary>
[Requires(Access.Write)]
public sealed record AppendStatusEntryCommand(string IdOrCode, long? ExpectedVersion, StatusEntryDraft Entry, IReadOnlyList<EvidenceUpload>? EvidenceFiles = null)
    : ICommand<StatusEntryDto>, IAccessByContent
{
    /// <summary>Closing an item (an outcome) or dropping it (withdrawn, superseded) is a manager's decision.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Access RequiredAccess => Entry is { } entry ? AccessFor(entry.Status) : Access.Write;

    /// <summary>The access recording <paramref name="status"/> needs; the UI asks this too, so both doors agree.</summary>
    public static Access AccessFor(LifecycleStatus status) => Lifecycle.IsClosed(status) ? Access.Decide : Access.Write;
}

/// <summary>A status change or assessment as the analyst states it.</summary>
public sealed record StatusEntryDraft
{
    /// <summary>Required in JSON: a body without it is refused instead of recording the default (Captured).</summary>
    [System.Text.Json.Serialization.JsonRequired]
    public LifecycleStatus Status { get; init; }

    /// <summary>−1 no compliance, 0 partial, +1 full (G7/G20 Research Group scale).</summary>
    public int? ComplianceScore { get; init; }

    public Confidence? Confidence { get; init; }

    public string? Rationale { get; init; }

    public IReadOnlyList<string>? EvidenceLinks { get; init; }

    /// <summary>
    /// The day the status took effect; empty means the day it is recorded. Not in the future, not before the
    /// meeting, not before the latest entry's (the rule is <see cref="EffectiveDay"/>).
    /// </summary>
    public DateOnly? EffectiveOn { get; init; }
}

public sealed class StatusEntryDraftValidator : AbstractValidator<StatusEntryDraft>
{
    // Moves that a manager must be able to explain later.
    private static readonly LifecycleStatus[] NeedRationale =
        [LifecycleStatus.Stalled, LifecycleStatus.PartiallyFulfilled, LifecycleStatus.NotFulfilled, LifecycleStatus.Superseded, LifecycleStatus.Withdrawn];

    public StatusEntryDraftValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.ComplianceScore).InclusiveBetween(-1, 1)
            .WithMessage("'Compliance Score' must be -1 (no compliance), 0 (partial) or 1 (full).");
        RuleFor(x => x.Confidence).IsInEnum();
        RuleFor(x => x.Rationale).MaximumLength(StatusEntry.MaxRationaleLength);
        RuleFor(x => x.Rationale).NotEmpty().When(x => NeedRationale.Contains(x.Status))
            .WithMessage(x => $"A rationale is required when recording {x.Status}.");
        RuleFor(x => x.EvidenceLinks).Must(l => l is null || l.Count <= StatusEntry.MaxEvidenceLinks)
            .WithMessage($"At most {StatusEntry.MaxEvidenceLinks} evidence links.");
        RuleForEach(x => x.EvidenceLinks)
            .MaximumLength(StatusEntry.MaxEvidenceLinkLength)
            .IsHttpUrl().WithMessage("Each evidence link must be an absolute http(s) URL.");
    }
}

public sealed class AppendStatusEntryValidator : AbstractValidator<AppendStatusEntryCommand>
{
    public AppendStatusEntryValidator()
    {
        RuleFor(x => x.Entry).NotNull().SetValidator(new StatusEntryDraftValidator());

        // Size and kind need the bytes and the deployment's limit: the handler reads and checks them before anything is stored.
        RuleFor(x => x.EvidenceFiles).Must(f => f is null || f.Count <= EvidenceFile.MaxPerEntry)
            .WithMessage($"At most {EvidenceFile.MaxPerEntry} evidence files can be attached to one entry; record another assessment for more.");
        RuleForEach(x => x.EvidenceFiles).Cascade(CascadeMode.Stop).NotNull()
            .Must(f => f.Length > 0).WithMessage((_, f) => $"The file '{EvidenceFacts.CleanFileName(f.FileName)}' is empty.");
    }
}

public sealed class AppendStatusEntryHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor, IMapper mapper, IEvidenceStore evidence, Microsoft.Extensions.Options.IOptions<EvidenceOptions> options)
    : ICommandHandler<AppendStatusEntryCommand, StatusEntryDto>
{
    /// <summary>How many times an append without If-Match is applied again after losing a race.</summary>
    private const int Attempts = 8;

    public async ValueTask<StatusEntryDto> Handle(AppendStatusEntryCommand command, CancellationToken cancellationToken)
    {
        // Every file is read, hashed and typed before the ledger is touched: a refused file stores nothing.
        var files = await EvidenceContent.ReadAsync(command.EvidenceFiles, options.Value.MaxFileBytes, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendAsync(command, files, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (command.ExpectedVersion is null && attempt < Attempts)
            {
                db.DiscardChanges();
            }
        }
    }

    private async Task<StatusEntryDto> AppendAsync(AppendStatusEntryCommand command, IReadOnlyList<CheckedEvidence> files, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.Include(c => c.StatusLog).Include(c => c.Meeting)
            .FirstOrDefaultAsync(Lookup.CommitmentKey(command.IdOrCode), cancellationToken)
            ?? throw new NotFoundException("Commitment", command.IdOrCode);
        if (command.ExpectedVersion is not null)
        {
            Concurrency.EnsureVersion("Commitment", command.ExpectedVersion, commitment.Version);
        }

        var e = command.Entry;
        var assessment = new StatusAssessment(e.Status, e.ComplianceScore, e.Confidence, e.Rationale, e.EvidenceLinks, files.Select(f => f.Facts));
        var entry = commitment.AppendStatus(assessment, actor.Name(), clock.GetUtcNow(), e.EffectiveOn);
        await SaveWithEvidenceAsync(entry, files, cancellationToken);
        return mapper.Map<StatusEntryDto>(entry);
    }

    // The bytes go to the store first, then the rows commit; if anything fails on the way, the bytes stored for this
    // attempt are removed again, so a failed upload leaves neither a row without its file nor a file without its row.
    private async Task SaveWithEvidenceAsync(StatusEntry entry, IReadOnlyList<CheckedEvidence> files, CancellationToken cancellationToken)
    {
        var stored = new List<Guid>();
        try
        {
            foreach (var (file, content) in entry.EvidenceFiles.Zip(files, (file, checkedFile) => (file, checkedFile.Content)))
            {
                await evidence.SaveAsync(file.Id, content, cancellationToken);
                stored.Add(file.Id);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var id in stored)
            {
                // Not the request's token: a cancelled request must still take its files back.
                await evidence.DeleteAsync(id, CancellationToken.None);
            }

            throw;
        }
    }
}
