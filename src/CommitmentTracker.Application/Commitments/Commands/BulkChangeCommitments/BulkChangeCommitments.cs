using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments;

/// <summary>What a bulk change does to every selected commitment.</summary>
public enum BulkAction
{
    /// <summary>Append the same status entry to each (<see cref="BulkChangeCommitmentsCommand.Entry"/>).</summary>
    RecordStatus,

    /// <summary>Give each to <see cref="BulkChangeCommitmentsCommand.Owner"/> (a user name; empty: nobody).</summary>
    AssignOwner,

    /// <summary>Add <see cref="BulkChangeCommitmentsCommand.Tag"/> to each.</summary>
    AddTag,
}

/// <summary>
/// One change to many commitments, all or nothing: every row is checked against the same rules as the single change
/// (the lifecycle, the effective day, tag limits), and a rule that refuses any row refuses the whole action with a
/// message naming the rows; nothing is saved then. Saved in one transaction, each row audited as its own change.
/// </summary>
[Requires(Access.Write)]
public sealed record BulkChangeCommitmentsCommand(
    IReadOnlyList<string> Codes,
    BulkAction Action,
    StatusEntryDraft? Entry = null,
    string? Owner = null,
    string? Tag = null) : ICommand<BulkChangeResult>, IAccessByContent
{
    /// <summary>More than a person selects on a few pages; larger changes are an import, not a click.</summary>
    public const int MaxCodes = 500;

    /// <summary>A status that needs a manager for one row needs one for the whole action.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Access RequiredAccess => Action == BulkAction.RecordStatus && Entry is { } entry ? AppendStatusEntryCommand.AccessFor(entry.Status) : Access.Write;
}

/// <summary>The commitments changed, by code, in the order they were given; unchanged ones (already so) are not listed.</summary>
public sealed record BulkChangeResult(BulkAction Action, IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged);

public sealed class BulkChangeCommitmentsValidator : AbstractValidator<BulkChangeCommitmentsCommand>
{
    public BulkChangeCommitmentsValidator()
    {
        RuleFor(x => x.Codes).NotEmpty().WithMessage("Select at least one commitment.")
            .Must(c => c is null || c.Count <= BulkChangeCommitmentsCommand.MaxCodes)
            .WithMessage(x => $"At most {BulkChangeCommitmentsCommand.MaxCodes} commitments in one action; {x.Codes.Count} were selected.");
        RuleForEach(x => x.Codes).NotEmpty().MaximumLength(Commitment.MaxCodeLength);
        RuleFor(x => x.Action).IsInEnum();
        RuleFor(x => x.Entry).NotNull().When(x => x.Action == BulkAction.RecordStatus).WithMessage("Say which status to record.")
            .SetValidator(new StatusEntryDraftValidator()!);
        RuleFor(x => x.Owner).MaximumLength(Commitment.MaxOwnerLength);
        RuleFor(x => x.Tag).NotEmpty().When(x => x.Action == BulkAction.AddTag).WithMessage("Give the tag to add.")
            .MaximumLength(Commitment.MaxTagLength);
    }
}

public sealed class BulkChangeCommitmentsHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor, IUserDirectory users)
    : ICommandHandler<BulkChangeCommitmentsCommand, BulkChangeResult>
{
    public async ValueTask<BulkChangeResult> Handle(BulkChangeCommitmentsCommand command, CancellationToken cancellationToken)
    {
        var codes = command.Codes.Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var query = db.Commitments.Where(c => codes.Contains(c.Code));
        if (command.Action == BulkAction.RecordStatus)
        {
            query = query.Include(c => c.StatusLog).Include(c => c.Meeting);
        }

        var found = await query.ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);
        var missing = codes.Where(c => !found.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw Invalid.Field("codes", $"No commitment has the code {Names(missing)}; nothing was changed.");
        }

        var owner = command.Action == BulkAction.AssignOwner ? await users.ResolveOwnerAsync(command.Owner, "owner", cancellationToken) : null;
        var now = clock.GetUtcNow();
        var refused = new List<(string Code, string Message)>();
        var changed = new List<string>();
        foreach (var code in codes)
        {
            var commitment = found[code];
            var version = commitment.Version;
            try
            {
                Apply(commitment, command, owner, now);
            }
            catch (DomainRuleException ex)
            {
                refused.Add((code, ex.Message));
            }

            if (commitment.Version != version)
            {
                changed.Add(code);
            }
        }

        if (refused.Count > 0)
        {
            // All or nothing: the rows that did pass are not saved either; the message names every refused row.
            db.DiscardChanges();
            var summary = $"Nothing was changed: {refused.Count} of {codes.Count} selected commitments refuse this ({Names(refused.Select(r => r.Code).ToList())}).";
            throw new ValidationException(summary, [new ValidationFailure("codes", summary), .. refused.Select(r => new ValidationFailure($"codes[{command.Codes.ToList().FindIndex(c => c.Trim().Equals(r.Code, StringComparison.OrdinalIgnoreCase))}]", $"{r.Code}: {r.Message}"))]);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new BulkChangeResult(command.Action, changed, [.. codes.Except(changed)]);
    }

    private void Apply(Commitment commitment, BulkChangeCommitmentsCommand command, string? owner, DateTimeOffset now)
    {
        switch (command.Action)
        {
            case BulkAction.RecordStatus:
                var e = command.Entry!;
                commitment.AppendStatus(new StatusAssessment(e.Status, e.ComplianceScore, e.Confidence, e.Rationale, e.EvidenceLinks), actor.Name(), now, e.EffectiveOn);
                break;
            case BulkAction.AssignOwner:
                commitment.AssignOwner(owner, now);
                break;
            case BulkAction.AddTag:
                commitment.AddTag(command.Tag!, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.Action, "Unknown bulk action.");
        }
    }

    private static string Names(List<string> codes) =>
        codes.Count <= 10 ? string.Join(", ", codes) : $"{string.Join(", ", codes.Take(10))} and {codes.Count - 10} more";
}
