using System.Globalization;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Extraction;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import;

/// <summary>Runs the extractor over a document and stores what it proposes, skipping passages already decided.</summary>
public static class CandidateProposals
{
    public static async Task<int> ProposeAsync(this IApplicationDbContext db, Meeting meeting, SourceDocument document, CancellationToken ct)
    {
        var parties = await db.Parties.AsNoTracking()
            .Select(p => new { p.Id, p.Key, p.Name, p.Kind, ParentKey = p.Parent == null ? null : p.Parent.Key })
            .ToListAsync(ct);
        var known = parties.Select(p => new KnownParty(p.Key, KnownParty.SpellingsOf(p.Name), p.ParentKey, p.Kind == PartyKind.Government)).ToList();
        var sides = meeting.Participants.OrderBy(p => p.Role).Select(p => parties.FirstOrDefault(x => x.Id == p.PartyId)?.Key).OfType<string>().Distinct().ToList();
        var existing = await db.ImportCandidates.Where(c => c.DocumentId == document.Id).Select(c => new { c.Start, c.End }).ToListAsync(ct);

        var result = Extractor.Extract(new ExtractionRequest
        {
            Text = document.Text,
            MeetingDate = meeting.Date,
            Parties = known,
            Language = document.Language,
            Speaker = sides.FirstOrDefault(),
            OtherSides = [.. sides.Skip(1)],
        });

        var added = 0;
        foreach (var c in result.Candidates)
        {
            if (existing.Any(e => e.Start == c.Start && e.End == c.End))
            {
                continue;
            }

            // Issuer first, then the lead and the counterparts: the order the review screen reads them in.
            IEnumerable<string> partyKeys = [.. sides.Take(1), .. c.Lead, .. c.Counterparts];
            db.ImportCandidates.Add(new ImportCandidate(meeting.Id, document.Id, c.Start, c.End, c.Quote, c.Kind, c.Modality, c.SuggestedTitle,
                partyKeys.Distinct(), c.DuePhrase, c.Amounts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Value:0.##} {a.Currency}")), c.Cue, c.Confidence));
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
