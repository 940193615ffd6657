using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Commands.UpdateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Queries.PreviewDateChange;

/// <summary>
/// What changing a meeting's date would move, before anything moves: each commitment whose due window the new date
/// re-resolves, old and new, and whether a manager must make the change (some deadline moves later).
/// </summary>
[Requires(Access.Read)]
public sealed record PreviewDateChangeQuery(string IdOrCode, DateOnly Date) : IQuery<DateChangePreview>;

public sealed record DateChangePreview(string MeetingCode, DateOnly Date, DateOnly NewDate, IReadOnlyList<DueWindowMove> Moves)
{
    /// <summary>Some deadline moves later: only a manager may make this change.</summary>
    public bool NeedsManager => Moves.Any(m => m.IsExtension);
}

public sealed class PreviewDateChangeValidator : AbstractValidator<PreviewDateChangeQuery>
{
    public PreviewDateChangeValidator(TimeProvider clock) => RuleFor(x => x.Date).IsMeetingDate(clock);
}

public sealed class PreviewDateChangeHandler(IApplicationDbContext db) : IQueryHandler<PreviewDateChangeQuery, DateChangePreview>
{
    public async ValueTask<DateChangePreview> Handle(PreviewDateChangeQuery query, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(Lookup.MeetingKey(query.IdOrCode), cancellationToken)
            ?? throw new NotFoundException("Meeting", query.IdOrCode);
        var moves = await DueWindowMoves.ComputeAsync(db, meeting, query.Date, track: false, cancellationToken);
        return new DateChangePreview(meeting.Code, meeting.Date, query.Date, [.. moves.Select(m => m.Move)]);
    }
}
