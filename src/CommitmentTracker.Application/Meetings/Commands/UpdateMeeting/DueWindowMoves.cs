using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Commands.UpdateMeeting;

/// <summary>One commitment's due window before and after a meeting-date change.</summary>
public sealed record DueWindowMove(
    string Code,
    string Title,
    string Phrase,
    DateOnly? Earliest,
    DateOnly? Latest,
    DateOnly? NewEarliest,
    DateOnly? NewLatest)
{
    /// <summary>The deadline moves later (or opens up): an extension, a manager's decision like any other.</summary>
    public bool IsExtension => DueWindowMoves.Extends(Latest, NewLatest);
}

/// <summary>
/// What a new meeting date does to the due windows of its commitments. Due phrases are relative to the meeting
/// ("next year"), so a corrected date re-resolves them; the preview and the change itself compute the moves here,
/// so what people are shown is what happens.
/// </summary>
public static class DueWindowMoves
{
    /// <summary>Moving the deadline later (or removing it) is an extension.</summary>
    public static bool Extends(DateOnly? latest, DateOnly? newLatest) =>
        latest is { } old && (newLatest is null || newLatest > old);

    /// <summary>The moves a new date makes (only commitments whose window changes), with the commitments they move.</summary>
    public static async Task<IReadOnlyList<(Commitment Commitment, DueWindow Due, DueWindowMove Move)>> ComputeAsync(
        IApplicationDbContext db, Meeting meeting, DateOnly newDate, bool track, CancellationToken ct)
    {
        if (newDate == meeting.Date)
        {
            return [];
        }

        var query = db.Commitments.Where(c => c.MeetingId == meeting.Id && c.DuePhrase != null).OrderBy(c => c.Code);
        var commitments = track ? await query.ToListAsync(ct) : await query.AsNoTracking().ToListAsync(ct);
        var moves = new List<(Commitment, DueWindow, DueWindowMove)>();
        foreach (var commitment in commitments)
        {
            if (!DueWindowParser.TryParse(commitment.DuePhrase, newDate, out var due, out var error) || due is null)
            {
                throw Invalid.Field("date", $"On {newDate:yyyy-MM-dd} the due phrase of {commitment.Code} (“{commitment.DuePhrase}”) no longer resolves: {error}");
            }

            if (due.Earliest != commitment.DueEarliest || due.Latest != commitment.DueLatest)
            {
                moves.Add((commitment, due, new DueWindowMove(commitment.Code, commitment.Title, commitment.DuePhrase!, commitment.DueEarliest, commitment.DueLatest, due.Earliest, due.Latest)));
            }
        }

        return moves;
    }
}
