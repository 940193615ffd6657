using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using CommitmentTracker.Infrastructure.Audit;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// How much synthetic data to write. The same seed always produces the same data. <paramref name="UseSaveChanges"/>
/// writes it through SaveChanges and its interceptors instead of the engine's bulk path: the reference the bulk path
/// is tested against (SQL Server always takes it).
/// </summary>
public sealed record SyntheticDataRequest(int Meetings, int Commitments, int Seed = 42, int BatchSize = 5_000, bool UseSaveChanges = false);

/// <summary>
/// Writes realistic-looking meetings, commitments and status logs for scale work (paging, dashboards,
/// exports over a million rows). Everything goes through the domain constructors, so the data obeys the
/// same rules as real data (spans match their text, status moves are legal). Codes start with SYN- so
/// synthetic rows are easy to tell apart and remove.
/// </summary>
public sealed partial class SyntheticDataGenerator(AppDbContext db, BulkWrite bulk, ICurrentActor actor, TimeProvider clock, ILogger<SyntheticDataGenerator> logger)
{
    private const string Prefix = "SYN";

    private bool _saveChanges;

    // The engine's bulk path: the whole load in one transaction, indexes, search and projection made at its end.
    private IBulkLoad? _load;

    // A due phrase means the same window for every commitment of a meeting: parsed once per (phrase, day), the same
    // value the parser gives each time (the parser was a tenth of the generator's time, decision 0043).
    private readonly Dictionary<(string Phrase, DateOnly Day), DueWindow?> _dueWindows = [];

    private static readonly string[] DuePhrases =
    [
        "spring 2024", "autumn 2024", "by the end of the year", "next year", "in the near future", "first half of next year",
        "Q3 2025", "in two years", "within six months", "2026", "by 2027", "summer 2025", "next quarter",
    ];

    private static readonly string[] Sectors = ["trade", "culture", "science", "education", "industry", "agriculture", "transport", "energy", "health", "construction"];

    private static readonly string[] Verbs = ["develop", "expand", "launch", "organise", "establish", "increase", "modernise", "support", "build", "promote"];

    private static readonly string[] Objects =
    [
        "joint production of agricultural machinery", "supplies of passenger buses", "a trade and logistics center", "student exchange programmes",
        "the Days of Culture", "cooperation in biotechnology", "mutual trade turnover", "a joint research laboratory", "tram fleet renewal", "housing construction",
    ];

    // One batch of new objects (meetings, commitments) and what it holds; on the bulk path they never enter the change
    // tracker (decision 0043), what they own is found through the model (AddedRows).
    private sealed class Batch
    {
        public List<object> Roots { get; } = [];

        public int Meetings { get; set; }

        public int Commitments { get; set; }

        public int StatusEntries { get; set; }
    }

    private sealed record PreparedRows(IReadOnlyList<AddedRows> Tables, IReadOnlyList<DashboardCount> Dashboard);

    public async Task<SyntheticDataReport> GenerateAsync(SyntheticDataRequest request, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Meetings, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Commitments, 0);
        var started = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        bulk.Description = $"synthetic data: {request.Commitments} commitments in {request.Meetings} meetings, seed {request.Seed}";

        _saveChanges = request.UseSaveChanges || !(db.Database.IsSqlite() || db.Database.IsNpgsql());

        // One connection for the whole load (EF would open and close one per batch).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The bulk load is one transaction, so the provider's execution strategy retries it as a whole (a
            // transient failure has rolled all of it back); SaveChanges retries each of its own batches.
            return _saveChanges
                ? await WriteAsync(request, started, ct)
                : await db.Database.CreateExecutionStrategy().ExecuteAsync(request, (_, r, c) => LoadAsync(r, started, c), null, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            bulk.Description = null;
        }
    }

    // The engine's bulk path, with SQLite's settings for the load's connection.
    private async Task<SyntheticDataReport> LoadAsync(SyntheticDataRequest request, Stopwatch started, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var restore = sqlite ? await SqliteBulkSettingsAsync(ct) : null;
        try
        {
            await using (_load = sqlite ? await SqliteBulkLoad.BeginAsync(db, request.Commitments, ct) : await PostgreSqlBulkLoad.BeginAsync(db, request.Commitments, ct))
            {
                var report = await WriteAsync(request, started, ct);
                await _load.CompleteAsync(ct);
                return report with { Elapsed = started.Elapsed };
            }
        }
        finally
        {
            _load = null;
            if (restore is not null)
            {
                await db.Database.ExecuteSqlRawAsync(restore, CancellationToken.None);
            }
        }
    }

    // For this connection only, while it loads: a page cache of 256 MiB instead of SQLite's 2 MiB, so the indexes
    // that stay during the load are updated in memory rather than read back page by page; temporary storage in
    // memory, for the sorts that make the indexes again at the end, and helper threads for those sorts (one per core);
    // and synchronous=NORMAL, WAL mode's usual setting (a commit is not flushed to disk by itself; a power cut may
    // lose the load, never corrupts the file). And the rollback journal instead of the write-ahead log, with
    // synchronous=FULL, when no other connection has the file open (decision 0070). Returns the statement that puts the
    // file's and the connection's settings back.
    private async Task<string> SqliteBulkSettingsAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        async Task<long> ReadAsync(string pragma)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        var (cacheSize, synchronous, tempStore, threads) = (await ReadAsync("cache_size"), await ReadAsync("synchronous"), await ReadAsync("temp_store"), await ReadAsync("threads"));
        var restore = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheSize}; PRAGMA synchronous = {synchronous}; PRAGMA temp_store = {tempStore}; PRAGMA threads = {threads};");
        await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA threads = {Environment.ProcessorCount};"), ct);
        if (await SqliteJournal.LeaveWriteAheadLogAsync((Microsoft.Data.Sqlite.SqliteConnection)connection, ct))
        {
            restore = $"{SqliteJournal.WriteAheadLog} {restore}";
        }

        return restore;
    }

    private async Task<SyntheticDataReport> WriteAsync(SyntheticDataRequest request, Stopwatch started, CancellationToken ct)
    {
        var random = new Random(request.Seed);
        var parties = await EnsurePartiesAsync(ct);
        var firstMeeting = await db.Meetings.CountAsync(m => m.Code.StartsWith(Prefix + "-"), ct) + 1;
        var batches = Batches(request, random, parties, firstMeeting);
        var report = new SyntheticDataReport(0, 0, 0, TimeSpan.Zero);
        if (_saveChanges)
        {
            foreach (var batch in batches)
            {
                await SaveAsync(batch.Roots, ct);
                report = Count(report, batch);
            }

            return report with { Elapsed = started.Elapsed };
        }

        // The next batches are made (domain objects, their rows, projection and audit record) on another core while this
        // one writes: making them was about half of the load's time (decision 0049). Two batches ahead at most.
        var model = db.Model;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var prepared = Channel.CreateBounded<(Batch Batch, PreparedRows Rows)>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var making = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var batch in batches)
                    {
                        await prepared.Writer.WriteAsync((batch, Prepare(model, batch.Roots)), stop.Token);
                    }

                    prepared.Writer.Complete();
                }
                catch (Exception e)
                {
                    prepared.Writer.Complete(e);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var (batch, rows) in prepared.Reader.ReadAllAsync(ct))
            {
                await WriteRowsAsync(rows, ct);
                report = Count(report, batch);
            }
        }
        finally
        {
            // A failed write stops the making too, before the objects it uses go away.
            await stop.CancelAsync();
            await making;
        }

        return report with { Elapsed = started.Elapsed };

        SyntheticDataReport Count(SyntheticDataReport sum, Batch batch)
        {
            sum = new SyntheticDataReport(sum.Meetings + batch.Meetings, sum.Commitments + batch.Commitments, sum.StatusEntries + batch.StatusEntries, TimeSpan.Zero);
            LogProgress(logger, sum.Commitments, request.Commitments, started.Elapsed.TotalSeconds);
            return sum;
        }
    }

    // The load's objects in batches of about BatchSize commitments, whole meetings each, made from one random sequence
    // so that the same seed gives the same data whichever path writes it.
    private IEnumerable<Batch> Batches(SyntheticDataRequest request, Random random, List<Guid> parties, int firstMeeting)
    {
        var perMeeting = (int)Math.Ceiling(request.Commitments / (double)request.Meetings);
        var batch = new Batch();
        for (int m = 0, written = 0; m < request.Meetings && written < request.Commitments; m++)
        {
            var count = Math.Min(perMeeting, request.Commitments - written);
            var (meeting, document, sentences) = NewMeeting(firstMeeting + m, count, parties, random);
            batch.Roots.Add(meeting);
            batch.Meetings++;
            for (var i = 0; i < count; i++)
            {
                var commitment = NewCommitment(meeting, document, sentences[i], i + 1, parties, random);
                batch.StatusEntries += commitment.StatusLog.Count;
                batch.Roots.Add(commitment);
            }

            written += count;
            batch.Commitments += count;
            if (batch.Commitments >= request.BatchSize)
            {
                yield return batch;
                batch = new Batch();
            }
        }

        if (batch.Roots.Count > 0)
        {
            yield return batch;
        }
    }

    // The reference path: the change tracker, SaveChanges and its interceptors.
    private async Task SaveAsync(List<object> roots, CancellationToken ct)
    {
        db.AddRange(roots);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    // SQLite and PostgreSQL (the scale databases): the same rows, audit record and projection as SaveChanges would
    // write for the batch (see AddedRows). Domain events are not taken: the objects are dropped after the write, and
    // synthetic data has no consequences outside the database (see BulkWrite).
    private PreparedRows Prepare(IModel model, List<object> roots)
    {
        var tables = AddedRows.Of(model, roots);
        var dashboard = DashboardProjectionWriter.ForNew(roots.OfType<Commitment>());
        if (AuditInterceptor.BatchRecord(tables.SelectMany(t => t.Entities.Select(e => (t.Type, e))), clock.GetUtcNow(), actor.Principal, bulk.Description!) is { } record)
        {
            tables = [.. tables, .. AddedRows.Of(model, [record])];
        }

        return new PreparedRows(tables, dashboard);
    }

    // Prepared INSERTs on SQLite, binary COPY on PostgreSQL, in the load's one transaction.
    private ValueTask WriteRowsAsync(PreparedRows rows, CancellationToken ct) => _load!.WriteAsync(rows.Tables, rows.Dashboard, ct);

    private async Task<List<Guid>> EnsurePartiesAsync(CancellationToken ct)
    {
        var keys = Enumerable.Range(1, 60).Select(i => $"{Prefix}-P{i:00}").ToList();
        var existing = await db.Parties.Where(p => keys.Contains(p.Key)).ToListAsync(ct);
        var added = new List<object>();
        var state = existing.FirstOrDefault(p => p.Key == keys[0]) ?? Add(new Party(keys[0], "Synthetic State", PartyKind.State));
        var parties = new List<Party> { state };
        for (var i = 1; i < keys.Count; i++)
        {
            parties.Add(existing.FirstOrDefault(p => p.Key == keys[i])
                ?? Add(new Party(keys[i], $"Synthetic {(i % 4 == 0 ? "Ministry" : "Region")} {i:00}", i % 4 == 0 ? PartyKind.Ministry : PartyKind.Region, state)));
        }

        if (added.Count > 0)
        {
            if (_saveChanges)
            {
                await SaveAsync(added, ct);
            }
            else
            {
                await WriteRowsAsync(Prepare(db.Model, added), ct);
            }
        }

        return [.. parties.Select(p => p.Id)];

        Party Add(Party party)
        {
            added.Add(party);
            return party;
        }
    }

    private static (Meeting Meeting, SourceDocument Document, List<(int Start, int End, string Due, string Title)> Sentences) NewMeeting(
        int number, int commitments, List<Guid> parties, Random random)
    {
        var date = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 3 * 365));
        var code = $"{Prefix}-{number:000000}";
        var meeting = new Meeting(code, $"Synthetic meeting {number}", date, "Minsk", MeetingFormat.Bilateral, null, new DateTimeOffset(date.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero));
        meeting.AddParticipant(parties[0], null, ParticipantRole.Host, null);
        meeting.AddParticipant(parties[random.Next(1, parties.Count)], null, ParticipantRole.Guest, null);

        var text = new StringBuilder($"Synthetic record of meeting {number}.\n");
        var sentences = new List<(int, int, string, string)>(commitments);
        for (var i = 0; i < commitments; i++)
        {
            var due = DuePhrases[random.Next(DuePhrases.Length)];
            var title = $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}";
            var sentence = $"We agreed to {title} {due}.";
            sentences.Add((text.Length, text.Length + sentence.Length, due, title));
            text.Append(sentence).Append('\n');
        }

        var document = meeting.AddDocument($"Synthetic record {number}", null, "en", text.ToString(), meeting.CreatedAt);
        return (meeting, document, sentences);
    }

    private Commitment NewCommitment(Meeting meeting, SourceDocument document, (int Start, int End, string Due, string Title) sentence, int index, List<Guid> parties, Random random)
    {
        if (!_dueWindows.TryGetValue((sentence.Due, meeting.Date), out var due))
        {
            DueWindowParser.TryParse(sentence.Due, meeting.Date, out due, out _);
            _dueWindows[(sentence.Due, meeting.Date)] = due;
        }

        var lead = parties[random.Next(1, parties.Count)];
        var counterpart = parties[random.Next(1, parties.Count)];
        List<(Guid, ResponsibilityRole)> responsibilities = lead == counterpart ? [(lead, ResponsibilityRole.Lead)] : [(lead, ResponsibilityRole.Lead), (counterpart, ResponsibilityRole.Counterpart)];
        var terms = new CommitmentTerms(
            char.ToUpperInvariant(sentence.Title[0]) + sentence.Title[1..],
            null,
            (CommitmentKind)random.Next(0, 7),
            (Modality)random.Next(0, 3),
            parties[0],
            due,
            responsibilities,
            [Sectors[random.Next(Sectors.Length)]]);
        var at = meeting.CreatedAt;
        var commitment = new Commitment($"{meeting.Code}-{index:000}", meeting, terms, "synthetic", at);
        commitment.Cite(document, sentence.Start, sentence.End, null);

        // A random walk through the lifecycle, one legal move every few weeks.
        var steps = random.Next(0, 5);
        for (var s = 0; s < steps && !commitment.IsClosed; s++)
        {
            var next = Lifecycle.NextFrom(commitment.CurrentStatus);
            var status = next[random.Next(next.Count)];
            at = at.AddDays(random.Next(7, 60));
            commitment.AppendStatus(new StatusAssessment(status, rationale: $"Synthetic assessment: {status}."), "synthetic", at);
        }

        return commitment;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synthetic data: {Written}/{Total} commitments after {Seconds:F0} s")]
    private static partial void LogProgress(ILogger logger, int written, int total, double seconds);
}

public sealed record SyntheticDataReport(int Meetings, int Commitments, int StatusEntries, TimeSpan Elapsed);
