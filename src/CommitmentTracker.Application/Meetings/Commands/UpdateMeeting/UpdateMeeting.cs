using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Meetings.Queries.GetMeeting;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Commands.UpdateMeeting;

/// <summary>
/// Revises a meeting's description and participants. ExpectedVersion is the version the change was
/// based on (the API takes it from If-Match). Its code and documents do not change: they are what spans point into.
/// A new date re-resolves the due phrases of its commitments; when that moves any deadline later it is an
/// extension, and only a manager may make it (see <see cref="CommitmentTracker.Application.Meetings.Queries.PreviewDateChange.PreviewDateChangeQuery"/>).
/// </summary>
[Requires(Access.Write)]
public sealed record UpdateMeetingCommand(string IdOrCode, long? ExpectedVersion, MeetingDraft Changes) : ICommand<MeetingDetailDto>;

public sealed class UpdateMeetingValidator : AbstractValidator<UpdateMeetingCommand>
{
    public UpdateMeetingValidator(TimeProvider clock) => RuleFor(x => x.Changes).NotNull().SetValidator(new MeetingDraftValidator(clock));
}

public sealed class UpdateMeetingHandler(IApplicationDbContext db, TimeProvider clock, ISender sender, ICurrentActor actor) : ICommandHandler<UpdateMeetingCommand, MeetingDetailDto>
{
    public async ValueTask<MeetingDetailDto> Handle(UpdateMeetingCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Participants).FirstOrDefaultAsync(Lookup.MeetingKey(command.IdOrCode), cancellationToken)
            ?? throw new NotFoundException("Meeting", command.IdOrCode);
        Concurrency.EnsureVersion("Meeting", command.ExpectedVersion, meeting.Version);

        var now = clock.GetUtcNow();
        var changes = command.Changes;

        // Checked before anything changes, so a refused extension leaves the meeting as it was.
        var moves = await DueWindowMoves.ComputeAsync(db, meeting, changes.Date, track: true, cancellationToken);
        if (moves.Any(m => m.Move.IsExtension))
        {
            Requirements.Demand(actor, Access.Decide);
        }

        meeting.Describe(changes.Title, changes.Date, changes.Place, changes.Format, changes.Summary, now);
        meeting.ReplaceParticipants(await db.ResolveParticipantsAsync(changes.Participants, cancellationToken), now);
        foreach (var (commitment, due, _) in moves)
        {
            commitment.Reschedule(due, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetMeetingQuery(meeting.Id.ToString()), cancellationToken);
    }
}
