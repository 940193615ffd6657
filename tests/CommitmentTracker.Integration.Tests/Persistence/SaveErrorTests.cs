using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Persistence;

/// <summary>
/// AppDbContext turns the two database refusals the API maps to 409 into the application's own exceptions: a save
/// that lost a race on the version (the concurrency token) and a save that broke a unique index. Both run here
/// against the real SQLite database, each with two contexts, as two requests would.
/// </summary>
public sealed class SaveErrorTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_save_that_lost_the_race_is_a_concurrency_conflict_and_the_winner_stands()
    {
        _ = app.Services; // starts the app: migrations and seed
        var code = await NewMeetingAsync();
        await using var first = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        await using var second = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var mine = await firstDb.Meetings.SingleAsync(m => m.Code == code, Ct);
        var theirs = await secondDb.Meetings.SingleAsync(m => m.Code == code, Ct);

        theirs.Describe("Saved first", theirs.Date, theirs.Place, theirs.Format, null, app.Clock.GetUtcNow());
        await secondDb.SaveChangesAsync(Ct);
        mine.Describe("Saved second", mine.Date, mine.Place, mine.Format, null, app.Clock.GetUtcNow());
        var conflict = await Should.ThrowAsync<ConcurrencyConflictException>(() => firstDb.SaveChangesAsync(Ct));

        conflict.Message.ShouldBe("Someone else saved a change to the same item at the same moment. Reload it and apply your change again.");
        conflict.InnerException.ShouldBeAssignableTo<DbUpdateConcurrencyException>();
        var stored = await ReadAsync(code);
        stored.Title.ShouldBe("Saved first");
        stored.Version.ShouldBe(2);
    }

    /// <summary>
    /// A proposal is decided once (ADR 0081): two analysts who both read it open and both decide it, or an accept racing
    /// a merge, leave the first decision standing and make the second a conflict, because the decision is the token.
    /// </summary>
    [Fact]
    public async Task A_proposal_decided_twice_at_the_same_moment_keeps_the_first_decision()
    {
        var code = "TST-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await app.Api().PostJsonAsync("/api/v1/imports", new ImportMeetingCommand
        {
            Code = code,
            Title = "Meeting of the Governor with the Minister",
            Date = new DateOnly(2024, 3, 1),
            Place = "Minsk",
            Text = $"The President instructed the government to prepare a joint programme by the end of the year. Run {code}.",
        }).ShouldBeJsonAsync<ImportResult>(System.Net.HttpStatusCode.Created);
        await using var first = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        await using var second = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var meeting = await firstDb.Meetings.Where(m => m.Code == code).Select(m => m.Id).SingleAsync(Ct);
        var mine = await firstDb.ImportCandidates.SingleAsync(c => c.MeetingId == meeting, Ct);
        var theirs = await secondDb.ImportCandidates.SingleAsync(c => c.Id == mine.Id, Ct);

        theirs.Reject("first analyst", app.Clock.GetUtcNow());
        await secondDb.SaveChangesAsync(Ct);
        mine.Reject("second analyst", app.Clock.GetUtcNow());
        var conflict = await Should.ThrowAsync<ConcurrencyConflictException>(() => firstDb.SaveChangesAsync(Ct));

        conflict.InnerException.ShouldBeAssignableTo<DbUpdateConcurrencyException>();
        await using var read = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var stored = await read.ServiceProvider.GetRequiredService<AppDbContext>().ImportCandidates.AsNoTracking().SingleAsync(c => c.Id == mine.Id, Ct);
        (stored.Decision, stored.DecidedBy).ShouldBe((CandidateDecision.Rejected, "first analyst"));
    }

    [Fact]
    public async Task A_save_that_breaks_a_unique_index_is_a_duplicate_and_writes_nothing()
    {
        _ = app.Services;
        var code = await NewMeetingAsync();
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await db.Meetings.CountAsync(Ct);
        db.Meetings.Add(new Meeting(code, "The same code again", new DateOnly(2024, 2, 2), "Minsk", MeetingFormat.Talks, null, app.Clock.GetUtcNow()));

        var duplicate = await Should.ThrowAsync<DuplicateException>(() => db.SaveChangesAsync(Ct));

        duplicate.Message.ShouldBe("A value that must be unique (such as a code) is already used.");
        duplicate.InnerException.ShouldBeAssignableTo<DbUpdateException>();
        (await CountAsync()).ShouldBe(before);
        (await ReadAsync(code)).Title.ShouldBe("Original");
    }

    [Fact]
    public async Task Other_database_errors_are_not_reported_as_duplicates()
    {
        _ = app.Services;
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var meeting = new Meeting("TST-" + Guid.NewGuid().ToString("N")[..8], "Orphan participant", new DateOnly(2024, 2, 2), "Minsk", MeetingFormat.Talks, null, app.Clock.GetUtcNow());
        meeting.AddParticipant(Guid.NewGuid(), null, ParticipantRole.Host, null); // no such party: a foreign-key refusal
        db.Meetings.Add(meeting);

        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        error.ShouldNotBeOfType<DuplicateException>();
        error.InnerException!.Message.ShouldContain("FOREIGN KEY");
    }

    private async Task<string> NewMeetingAsync()
    {
        var code = "TST-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Meetings.Add(new Meeting(code, "Original", new DateOnly(2024, 2, 1), "Minsk", MeetingFormat.Talks, null, app.Clock.GetUtcNow()));
        await db.SaveChangesAsync(Ct);
        return code;
    }

    private async Task<Meeting> ReadAsync(string code)
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Meetings.AsNoTracking().SingleAsync(m => m.Code == code, Ct);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Meetings.CountAsync(Ct);
    }
}
