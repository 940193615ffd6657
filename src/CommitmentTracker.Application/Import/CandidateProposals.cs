using System.Globalization;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Extraction;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import;

/// <summary>Runs the extractor over a document and stores what it proposes, skipping passages already decided.</summary>
public static class CandidateProposals
{
    public static async Task<int> ProposeAsync(this IApplicationDbContext db, Meeting meeting, SourceDocument document, CancellationToken ct)
    {
        var parties = await db.Parties.AsNoTracking().Select(p => new { p.Key, p.Name }).ToListAsync(ct);
        var known = parties.Select(p => KnownParty.FromName(p.Key, p.Name)).ToList();
        var existing = await db.ImportCandidates.Where(c => c.DocumentId == document.Id).Select(c => new { c.Start, c.End }).ToListAsync(ct);

        var added = 0;
        foreach (var c in CommitmentExtractor.Extract(document.Text, meeting.Date, known))
        {
            if (existing.Any(e => e.Start == c.Start && e.End == c.End))
            {
                continue;
            }

            db.ImportCandidates.Add(new ImportCandidate(meeting.Id, document.Id, c.Start, c.End, c.Quote, c.Kind, c.Modality, c.SuggestedTitle,
                c.PartyKeys, c.DuePhrase, c.Amounts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Value:0.##} {a.Currency}")), c.Cue, c.Confidence));
            added++;
        }

        return added;
    }
}

public sealed class CandidateDto
{
    public Guid Id { get; init; }

    public int Start { get; init; }

    public int End { get; init; }

    public string Quote { get; init; } = string.Empty;

    public Domain.Commitments.CommitmentKind Kind { get; init; }

    public Domain.Commitments.Modality Modality { get; init; }

    public string SuggestedTitle { get; init; } = string.Empty;

    public IReadOnlyList<string> PartyKeys { get; init; } = [];

    public string? DuePhrase { get; init; }

    /// <summary>The due phrase resolved against the meeting date; null when there is none.</summary>
    public DueWindowDto? Due { get; set; }

    public IReadOnlyList<string> Amounts { get; init; } = [];

    public string Cue { get; init; } = string.Empty;

    public double Confidence { get; init; }

    public CandidateDecision Decision { get; init; }

    public Guid? CommitmentId { get; init; }
}
