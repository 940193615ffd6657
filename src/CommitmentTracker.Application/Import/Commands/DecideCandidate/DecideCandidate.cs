using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import.Commands.DecideCandidate;

/// <summary>
/// Accepts a proposal: it becomes a Captured commitment citing every passage the proposal cites. <see cref="Changes"/>
/// carries the analyst's edits (title, kind, parties, due…); its spans are ignored — the passages are the proposal's.
/// Without changes the proposal is accepted as it stands, as the review card's Accept does (<see cref="CandidateDraft.From"/>).
/// </summary>
[Requires(Access.Write)]
public sealed record AcceptCandidateCommand(Guid CandidateId, CommitmentDraft? Changes = null) : ICommand<CommitmentDetailDto>;

/// <summary>Rejects a proposal; the passage is not proposed again for that document.</summary>
[Requires(Access.Write)]
public sealed record RejectCandidateCommand(Guid CandidateId) : ICommand<CandidateDto>;

/// <summary>
/// Merges a proposal into another of the same record that it restates (ADR 0081): the other then cites its passages
/// too, after its own, and this one is closed as rejected, so it is not proposed again.
/// </summary>
[Requires(Access.Write)]
public sealed record MergeCandidateCommand(Guid CandidateId, Guid Into) : ICommand<CandidateDto>;

/// <summary>The body of a merge: the proposal the one in the path restates.</summary>
public sealed record CandidateMerge(Guid Into);

public sealed class AcceptCandidateValidator : AbstractValidator<AcceptCandidateCommand>
{
    // The draft is validated as the capture request it becomes (with the proposal's passage as its span); without
    // one, the proposal's own terms are, after the handler has checked that nothing is missing from them.
    public AcceptCandidateValidator() => RuleFor(x => x.CandidateId).NotEmpty();
}

public sealed class RejectCandidateValidator : AbstractValidator<RejectCandidateCommand>
{
    public RejectCandidateValidator() => RuleFor(x => x.CandidateId).NotEmpty();
}

public sealed class MergeCandidateValidator : AbstractValidator<MergeCandidateCommand>
{
    public MergeCandidateValidator()
    {
        RuleFor(x => x.CandidateId).NotEmpty();
        RuleFor(x => x.Into).NotEmpty().WithMessage("Name the proposal this one restates.")
            .NotEqual(x => x.CandidateId).WithMessage("A proposal cannot be merged into itself.");
    }
}

public sealed class DecideCandidateHandler(IApplicationDbContext db, ISender sender, ICurrentActor actor, TimeProvider clock)
    : ICommandHandler<AcceptCandidateCommand, CommitmentDetailDto>, ICommandHandler<RejectCandidateCommand, CandidateDto>,
        ICommandHandler<MergeCandidateCommand, CandidateDto>
{
    public async ValueTask<CommitmentDetailDto> Handle(AcceptCandidateCommand command, CancellationToken cancellationToken)
    {
        var candidate = await FindOpenAsync(command.CandidateId, cancellationToken);
        var draft = command.Changes ?? AsItStands(candidate);

        // The API door gets the same plain words as the review form: a cut title is never stored.
        if (CandidateDraft.IsCut(draft.Title))
        {
            throw Invalid.Field("title", CandidateDraft.TitlePrompt);
        }

        var meeting = await db.Meetings.Where(m => m.Id == candidate.MeetingId).Select(m => m.Code).SingleAsync(cancellationToken);

        // The commitment and the decision are one change: both are saved or neither is.
        return await DecidingAsync(candidate.Id, () => db.InTransactionAsync(async () =>
        {
            var created = await sender.Send(
                // The proposal's passages are the spans: the words it came from, whatever the draft says.
                new CreateCommitmentCommand(meeting, null, draft)
                {
                    Spans = [.. candidate.Passages.Select(p => new SpanInput(candidate.DocumentId, p.Start, p.End, p.Quote))],
                },
                cancellationToken);

            candidate.Accept(created.Id, actor.Name(), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }, cancellationToken), cancellationToken);
    }

    // What the card offers to accept, refused in the card's words when it lacks what only the analyst can say.
    private static CommitmentDraft AsItStands(Domain.Import.ImportCandidate candidate)
    {
        var proposal = CandidateDto.From(candidate);
        var missing = CandidateDraft.Missing(proposal);
        return missing.Count == 0
            ? CandidateDraft.From(proposal)
            : throw Invalid.Fields(missing);
    }

    public async ValueTask<CandidateDto> Handle(RejectCandidateCommand command, CancellationToken cancellationToken)
    {
        var candidate = await FindOpenAsync(command.CandidateId, cancellationToken);
        candidate.Reject(actor.Name(), clock.GetUtcNow());
        await DecidingAsync(candidate.Id, () => db.SaveChangesAsync(cancellationToken), cancellationToken);
        return CandidateDto.From(candidate);
    }

    public async ValueTask<CandidateDto> Handle(MergeCandidateCommand command, CancellationToken cancellationToken)
    {
        var restatement = await FindOpenAsync(command.CandidateId, cancellationToken);
        var into = await db.ImportCandidates.FirstOrDefaultAsync(c => c.Id == command.Into, cancellationToken)
            ?? throw Invalid.Field("into", "No proposal has that id.");

        // One save: the passages joined and the restatement closed, or neither.
        into.Absorb(restatement, actor.Name(), clock.GetUtcNow());
        await DecidingAsync(restatement.Id, () => db.SaveChangesAsync(cancellationToken), cancellationToken);
        var merged = CandidateDto.From(into);
        var meetingDate = await db.Meetings.Where(m => m.Id == into.MeetingId).Select(m => m.Date).SingleAsync(cancellationToken);
        merged.Due = DueWindowParser.TryParse(into.DuePhrase, meetingDate, out var due, out _) ? DueWindowDto.From(due) : null;
        return merged;
    }

    // A proposal someone (or this analyst, a moment ago) already decided is a conflict with the proposal's state, not a
    // mistake in the request: 409, so a client tells "decided elsewhere" from "fix your input" (400).
    // An accepted one names the commitment it became, so a client that retried finds what its first request made.
    private async Task<Domain.Import.ImportCandidate> FindOpenAsync(Guid id, CancellationToken ct)
    {
        var candidate = await db.ImportCandidates.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Candidate", id.ToString());
        if (candidate.Decision == Domain.Import.CandidateDecision.Proposed)
        {
            return candidate;
        }

        var became = candidate.CommitmentId is { } commitment
            ? await db.Commitments.Where(c => c.Id == commitment).Select(c => c.Code).FirstOrDefaultAsync(ct)
            : null;
        throw new ConcurrencyConflictException(
            became is null ? $"This proposal was already {candidate.Decision.ToString().ToLowerInvariant()}." : $"This proposal was already accepted as {became}.",
            title: "Already decided");
    }

    // Two decisions of one proposal at once (a double click, a client's retry): the second save meets the first one's
    // and is told what was decided, as a decision sent afterwards is, rather than only that something changed. Where
    // writes run side by side (PostgreSQL, SQL Server) two accepts also number their commitments alike, so the second
    // may meet the first one's code before its version: in the unique index (DuplicateException), or already committed,
    // in the check that the code is free (a 400 on "code", seen once in CI). Whatever refused the save, a proposal decided
    // meanwhile is answered as decided; one still open gets the refusal itself.
    private async Task<T> DecidingAsync<T>(Guid id, Func<Task<T>> save, CancellationToken ct)
    {
        try
        {
            return await save();
        }
        catch (Exception clash) when (clash is ConcurrencyConflictException or DuplicateException or ValidationException)
        {
            db.DiscardChanges();
            await FindOpenAsync(id, ct);
            throw;
        }
    }
}
