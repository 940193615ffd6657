using System.Globalization;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Commands.CreateCommitment;

/// <summary>
/// Captures a commitment from a meeting. <see cref="Code"/> is optional: when omitted the next free
/// <c>{meeting code}-NNN</c> is assigned. The new commitment starts in status Captured.
/// </summary>
[Requires(Access.Write)]
public sealed record CreateCommitmentCommand : CommitmentDraft, ICommand<CommitmentDetailDto>
{
    public CreateCommitmentCommand()
    {
    }

    /// <summary>
    /// A create is a draft plus where it goes. Every field of the draft is carried over by the record's copy
    /// constructor, so a caller (a form, an accepted proposal) cannot silently drop one the update would keep.
    /// </summary>
    public CreateCommitmentCommand(string meeting, string? code, CommitmentDraft draft)
        : base(draft)
    {
        Meeting = meeting;
        Code = code;
    }

    /// <summary>Id or code of the meeting the commitment was made at.</summary>
    public string Meeting { get; init; } = string.Empty;

    public string? Code { get; init; }
}

public sealed class CreateCommitmentValidator : AbstractValidator<CreateCommitmentCommand>
{
    public CreateCommitmentValidator()
    {
        Include(new CommitmentDraftValidator());
        RuleFor(x => x.Meeting).NotEmpty().WithMessage("'Meeting' must give the id or code of the meeting the commitment was made at.");
        RuleFor(x => x.Code).MaximumLength(Commitment.MaxCodeLength)
            .IsCode("NSK-2023-004").When(x => !string.IsNullOrWhiteSpace(x.Code));
    }
}

public sealed class CreateCommitmentHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor, ISender sender, IUserDirectory users)
    : ICommandHandler<CreateCommitmentCommand, CommitmentDetailDto>
{
    public async ValueTask<CommitmentDetailDto> Handle(CreateCommitmentCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(Lookup.MeetingKey(command.Meeting), cancellationToken)
            ?? throw Invalid.Field("meeting", $"No meeting has the id or code '{command.Meeting}'.");
        var code = string.IsNullOrWhiteSpace(command.Code) ? await NextCodeAsync(meeting.Code, cancellationToken) : command.Code.Trim().ToUpperInvariant();
        if (await db.Commitments.AnyAsync(c => c.Code == code, cancellationToken))
        {
            throw Invalid.Field("code", $"The code '{code}' is already used by another commitment.");
        }

        var terms = await db.ResolveTermsAsync(command, meeting, users, cancellationToken);
        var now = clock.GetUtcNow();
        var commitment = new Commitment(code, meeting, terms, actor.Name(), now);
        await db.CiteAsync(commitment, command, cancellationToken);

        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetCommitmentQuery(commitment.Id.ToString()), cancellationToken);
    }

    private async Task<string> NextCodeAsync(string meetingCode, CancellationToken ct)
    {
        var prefix = meetingCode + "-";
        var codes = await db.Commitments.Where(c => c.Code.StartsWith(prefix)).Select(c => c.Code).ToListAsync(ct);
        var highest = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{highest + 1:000}";
    }
}
