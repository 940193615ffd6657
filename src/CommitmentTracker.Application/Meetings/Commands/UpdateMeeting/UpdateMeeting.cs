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
/// </summary>
[Requires(Access.Write)]
public sealed record UpdateMeetingCommand(string IdOrCode, long? ExpectedVersion, MeetingDraft Changes) : ICommand<MeetingDetailDto>;

public sealed class UpdateMeetingValidator : AbstractValidator<UpdateMeetingCommand>
{
    public UpdateMeetingValidator() => RuleFor(x => x.Changes).NotNull().SetValidator(new MeetingDraftValidator());
}

public sealed class UpdateMeetingHandler(IApplicationDbContext db, TimeProvider clock, ISender sender) : ICommandHandler<UpdateMeetingCommand, MeetingDetailDto>
{
    public async ValueTask<MeetingDetailDto> Handle(UpdateMeetingCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Participants).FirstOrDefaultAsync(Lookup.MeetingKey(command.IdOrCode), cancellationToken)
            ?? throw new NotFoundException("Meeting", command.IdOrCode);
        Concurrency.EnsureVersion("Meeting", command.ExpectedVersion, meeting.Version);

        var now = clock.GetUtcNow();
        var changes = command.Changes;
        var dateChanged = meeting.Date != changes.Date;
        meeting.Describe(changes.Title, changes.Date, changes.Place, changes.Format, changes.Summary, now);
        meeting.ReplaceParticipants(await db.ResolveParticipantsAsync(changes.Participants, cancellationToken), now);

        if (dateChanged)
        {
            await ResolveDueWindowsAgainAsync(meeting, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await sender.Send(new GetMeetingQuery(meeting.Id.ToString()), cancellationToken);
    }

    // Due phrases mean dates relative to the meeting ("next year"), so a corrected meeting date moves them too.
    private async Task ResolveDueWindowsAgainAsync(Meeting meeting, DateTimeOffset now, CancellationToken ct)
    {
        var commitments = await db.Commitments.Where(c => c.MeetingId == meeting.Id && c.DuePhrase != null).ToListAsync(ct);
        foreach (var commitment in commitments)
        {
            if (!DueWindowParser.TryParse(commitment.DuePhrase, meeting.Date, out var due, out var error))
            {
                throw Invalid.Field("date", $"On {meeting.Date:yyyy-MM-dd} the due phrase of {commitment.Code} (“{commitment.DuePhrase}”) no longer resolves: {error}");
            }

            commitment.Reschedule(due, now);
        }
    }
}
