using System.Diagnostics;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Telemetry;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using CommitmentTracker.Extraction;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import;

/// <summary>
/// Runs the extractor over a record with the registered parties (every name and alias) and the meeting's sides, and
/// stores what it proposes. Reading happens before anything is written, so the write that follows is short.
/// </summary>
public static class CandidateProposals
{
    public static async Task<ExtractionResult> ReadAsync(this IApplicationDbContext db, AppTelemetry telemetry, string text, DateOnly meetingDate, string? language,
        string? speaker, IReadOnlyList<string> otherSides, CancellationToken ct)
    {
        var known = await db.KnownPartiesAsync(ct);
        using var activity = AppTelemetry.Source.StartActivity("Extract proposals");
        var started = Stopwatch.GetTimestamp();
        var result = Extractor.Extract(new ExtractionRequest
        {
            Text = text,
            MeetingDate = meetingDate,
            Parties = known,
            Language = language,
            Speaker = speaker,
            OtherSides = otherSides,
        }, ct);
        activity?.SetTag("language", result.Language.Code);
        activity?.SetTag("proposals", result.Candidates.Count);
        telemetry.RecordExtracted(result.Language.Code, result.Candidates.Count, Stopwatch.GetElapsedTime(started));
        return result;
    }

    /// <summary>
    /// How the extractor reads a meeting's stored record again after its import: its text and language, every registered
    /// party, and "we" (whose words the record reports) as the import's proposals say (<paramref name="issuer"/>), else
    /// the meeting's first side by role. The meeting's participants must be loaded.
    /// </summary>
    public static async Task<ExtractionRequest> RecordReadingAsync(this IApplicationDbContext db, Meeting meeting, SourceDocument document, string? issuer, CancellationToken ct)
    {
        var partyIds = meeting.Participants.Select(x => x.PartyId).ToList();
        var sides = await db.Parties.AsNoTracking()
            .Where(p => partyIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Key })
            .ToListAsync(ct);
        var participants = meeting.Participants.OrderBy(p => p.Role).Select(p => sides.First(s => s.Id == p.PartyId).Key).Distinct().ToList();
        var speaker = issuer ?? participants.FirstOrDefault();
        return new ExtractionRequest
        {
            Text = document.Text,
            MeetingDate = meeting.Date,
            Parties = await db.KnownPartiesAsync(ct),
            Language = document.Language,
            Speaker = speaker,
            OtherSides = [.. participants.Where(p => p != speaker)],
        };
    }

    /// <summary>Every registered party as the extractor knows it: its key, every name and alias, its parent.</summary>
    public static async Task<IReadOnlyList<KnownParty>> KnownPartiesAsync(this IApplicationDbContext db, CancellationToken ct)
    {
        var parties = await db.Parties.AsNoTracking()
            .Select(p => new { p.Key, p.Name, p.Aliases, p.Kind, ParentKey = p.Parent == null ? null : p.Parent.Key })
            .ToListAsync(ct);
        return [.. parties.Select(p => new KnownParty(p.Key, [.. KnownParty.SpellingsOf(p.Name), .. p.Aliases], p.ParentKey, p.Kind == PartyKind.Government))];
    }

    /// <summary>The stored proposal of one extracted candidate, issued by the meeting's speaker side.</summary>
    public static ImportCandidate Proposal(Meeting meeting, SourceDocument document, Candidate c, string? issuer) => new(
        meeting.Id,
        document.Id,
        [.. c.Spans.Select(s => new CandidatePassage(s.Start, s.End, s.Quote))],
        c.Language,
        c.Kind,
        c.Modality,
        c.SuggestedTitle,
        issuer,
        c.Lead,
        c.Counterparts,
        c.MentionedParties,
        c.DuePhrase,
        c.Amounts.Select(a => CandidateTarget.Format(a.Value, a.Currency)),
        c.Cue,
        c.Confidence,
        c.NewParty);

    /// <summary>Adds the proposals for a document, skipping passages already decided; returns how many were added.</summary>
    public static async Task<int> AddAsync(this IApplicationDbContext db, Meeting meeting, SourceDocument document, ExtractionResult result, string? issuer, CancellationToken ct)
    {
        var decided = await db.ImportCandidates.Where(c => c.DocumentId == document.Id).Select(c => new { c.Start, c.End }).ToListAsync(ct);
        var added = 0;
        foreach (var c in result.Candidates.Where(c => !decided.Any(d => d.Start == c.Start && d.End == c.End)))
        {
            db.ImportCandidates.Add(Proposal(meeting, document, c, issuer));
            added++;
        }

        return added;
    }
}

/// <summary>A passage a proposal cites.</summary>
public sealed record CandidatePassageDto(int Start, int End, string Quote);

public sealed class CandidateDto
{
    public Guid Id { get; init; }

    /// <summary>The first passage (also in <see cref="Passages"/>).</summary>
    public int Start { get; init; }

    public int End { get; init; }

    public string Quote { get; init; } = string.Empty;

    /// <summary>Every passage, in text order: more than one when the record says the same undertaking twice.</summary>
    public IReadOnlyList<CandidatePassageDto> Passages { get; init; } = [];

    /// <summary>The language the record was read in ("en", "ru").</summary>
    public string Language { get; init; } = string.Empty;

    public CommitmentKind Kind { get; init; }

    public Modality Modality { get; init; }

    public string SuggestedTitle { get; init; } = string.Empty;

    /// <summary>Whose words these are: the meeting's speaker side, when it is known.</summary>
    public string? Issuer { get; init; }

    public IReadOnlyList<string> Lead { get; init; } = [];

    public IReadOnlyList<string> Counterparts { get; init; } = [];

    /// <summary>Every registered party the passages name.</summary>
    public IReadOnlyList<string> MentionedParties { get; init; } = [];

    /// <summary>An actor the text names that no registered party matches: register it to use it.</summary>
    public string? NewParty { get; init; }

    public string? DuePhrase { get; init; }

    /// <summary>The due phrase resolved against the meeting date; null when there is none.</summary>
    public DueWindowDto? Due { get; set; }

    public IReadOnlyList<string> Amounts { get; init; } = [];

    /// <summary>The target a trade-target proposal suggests from its sums (<see cref="CandidateTarget"/>); null otherwise.</summary>
    public SuggestedTarget? SuggestedTarget { get; init; }

    /// <summary>The id of the rule that fired ("proposal.ready", "instruction.instructed"…).</summary>
    public string Cue { get; init; } = string.Empty;

    public double Confidence { get; init; }

    public CandidateDecision Decision { get; init; }

    public Guid? CommitmentId { get; init; }

    /// <summary>When an analyst merged this proposal into another as a restatement: that proposal, which cites its passages.</summary>
    public Guid? MergedInto { get; set; }

    /// <summary>Chosen in the record by an analyst (ADR 0116), not found by the extractor: its confidence says nothing.</summary>
    public bool WasChosen() => Cue.StartsWith(Extractor.ChosenCue, StringComparison.Ordinal);

    /// <summary>The rule that read the words an analyst chose, when one fired in them; null otherwise.</summary>
    public string? ChosenReadBy() => WasChosen() && Cue.IndexOf(Extractor.ReadByCue, StringComparison.Ordinal) is var at and >= 0 ? Cue[(at + Extractor.ReadByCue.Length)..] : null;

    /// <summary>The proposal as it is stored; <see cref="Due"/> and <see cref="MergedInto"/> are read beside it.</summary>
    public static CandidateDto From(ImportCandidate c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new()
        {
            Id = c.Id,
            Start = c.Start,
            End = c.End,
            Quote = c.Quote,
            Passages = [.. c.Passages.Select(p => new CandidatePassageDto(p.Start, p.End, p.Quote))],
            Language = c.Language,
            Kind = c.Kind,
            Modality = c.Modality,
            SuggestedTitle = c.SuggestedTitle,
            Issuer = c.Issuer,
            Lead = c.Lead,
            Counterparts = c.Counterparts,
            MentionedParties = c.PartyKeys,
            NewParty = c.NewParty,
            DuePhrase = c.DuePhrase,
            Amounts = c.Amounts,
            SuggestedTarget = CandidateTarget.Suggest(c.Kind, c.Amounts),
            Cue = c.Cue,
            Confidence = c.Confidence,
            Decision = c.Decision,
            CommitmentId = c.CommitmentId,
        };
    }
}
