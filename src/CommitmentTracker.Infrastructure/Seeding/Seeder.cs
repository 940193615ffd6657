using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CommitmentTracker.Infrastructure.Seeding;

/// <summary>
/// Loads the curated seed data through the domain's own constructors, so every seeded span is proven against
/// its text. Idempotent: parties, meetings and commitments are matched by key/code and only missing ones are added.
/// </summary>
public sealed partial class Seeder(AppDbContext db, ILogger<Seeder> logger)
{
    public const string Author = "seed";

    public async Task<int> SeedAsync(string folder, CancellationToken ct)
    {
        var added = await SeedPartiesAsync(SeedLoader.Parties(folder), ct);
        foreach (var meeting in SeedLoader.Meetings(folder))
        {
            added += await SeedMeetingAsync(folder, meeting, ct);
        }

        await db.SaveChangesAsync(ct);
        LogSeeded(logger, added, folder);
        return added;
    }

    private async Task<int> SeedPartiesAsync(IReadOnlyList<PartySeed> seeds, CancellationToken ct)
    {
        var parties = await db.Parties.ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, ct);
        var added = 0;

        // Parents first: a party can only point to one that exists.
        var pending = seeds.Where(s => !parties.ContainsKey(s.Key.ToUpperInvariant())).ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(s => s.Parent is null || parties.ContainsKey(s.Parent.ToUpperInvariant())).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidDataException($"Seed parties refer to unknown parents: {string.Join(", ", pending.Select(p => $"{p.Key} → {p.Parent}"))}.");
            }

            foreach (var seed in ready)
            {
                var party = new Party(seed.Key, seed.Name, seed.Kind, seed.Parent is null ? null : parties[seed.Parent.ToUpperInvariant()], seed.Aliases);
                db.Parties.Add(party);
                parties[party.Key] = party;
                pending.Remove(seed);
                added++;
            }
        }

        return added;
    }

    private async Task<int> SeedMeetingAsync(string folder, MeetingSeed seed, CancellationToken ct)
    {
        var added = 0;
        var code = seed.Code.ToUpperInvariant();
        var meeting = await db.Meetings.Include(m => m.Documents).FirstOrDefaultAsync(m => m.Code == code, ct);
        var retrieved = seed.Document.RetrievedAt;
        if (meeting is null)
        {
            meeting = new Meeting(seed.Code, seed.Title, seed.Date, seed.Place, seed.Format, seed.Summary, retrieved);
            foreach (var p in seed.Participants)
            {
                meeting.AddParticipant(PartyId(p.Party), await PersonIdAsync(p, ct), p.Role, p.Position);
            }

            meeting.AddDocument(seed.Document.Title, seed.Document.Url, seed.Document.Language, SeedLoader.DocumentText(folder, seed.Document), retrieved);
            db.Meetings.Add(meeting);
            added++;
        }

        var document = meeting.Documents.Single();
        var existing = await db.Commitments.Where(c => c.MeetingId == meeting.Id).Select(c => c.Code).ToListAsync(ct);
        foreach (var c in seed.Commitments.Where(c => !existing.Contains(c.Code.ToUpperInvariant())))
        {
            db.Commitments.Add(Build(c, meeting, document, retrieved));
            added++;
        }

        return added;
    }

    private Commitment Build(CommitmentSeed seed, Meeting meeting, SourceDocument document, DateTimeOffset capturedAt)
    {
        var due = seed.Due is null ? null : DueWindowParser.Parse(seed.Due, meeting.Date);
        var terms = new CommitmentTerms(
            seed.Title,
            seed.Summary,
            seed.Kind,
            seed.Modality,
            PartyId(seed.Issuer),
            due,
            [.. seed.Responsibilities.Select(r => (PartyId(r.Party), r.Role))],
            seed.Tags ?? [],
            seed.Target.ToTarget());
        var commitment = new Commitment(seed.Code, meeting, terms, Author, capturedAt);
        foreach (var span in seed.Spans)
        {
            commitment.Cite(document, span.Start, span.End, span.Quote);
        }

        return commitment;
    }

    private Guid PartyId(string key) =>
        db.Parties.Local.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase))?.Id
        ?? throw new InvalidDataException($"Seed data refers to party '{key}', which parties.json does not define.");

    private async Task<Guid?> PersonIdAsync(ParticipantSeed seed, CancellationToken ct)
    {
        var person = db.People.Local.FirstOrDefault(p => p.FullName == seed.Person)
            ?? await db.People.FirstOrDefaultAsync(p => p.FullName == seed.Person, ct);
        if (person is null)
        {
            person = new Person(seed.Person, seed.Position, PartyId(seed.Party));
            db.People.Add(person);
        }

        return person.Id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeding added {Added} parties, meetings and commitments from {Folder}")]
    private static partial void LogSeeded(ILogger logger, int added, string folder);
}
