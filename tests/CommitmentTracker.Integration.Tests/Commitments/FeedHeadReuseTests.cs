using System.Globalization;
using System.Net;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CommitmentTracker.Integration.Tests.Commitments;

/// <summary>
/// An app that reuses the change feed's head for a second (decision 0061); its clock stands still, so within the window
/// throughout. Its webhook worker is off: fanning out the other instance's event is a local write, which rightly forgets
/// the head, and a poll landing between that write and the read would make "not yet seen" a matter of timing.
/// </summary>
public sealed class FeedHeadReusedAppFactory : SqliteAppFactory
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(DatabaseSettings.MaxFeedHeadReuseMilliseconds);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:FeedHeadReuseMilliseconds", ((int)Window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Webhooks:WorkerEnabled", "false");
    }
}

/// <summary>
/// The same on PostgreSQL, whose writes commit through the execution strategy and a commit-time trigger; without the
/// notifications (decision 0068), so the timed reuse alone is what is tested.
/// </summary>
public sealed class PostgreSqlFeedHeadReusedAppFactory : PostgreSqlAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:FeedHeadReuseMilliseconds", ((int)FeedHeadReusedAppFactory.Window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Database:FeedHeadNotifications", "false");
    }
}

/// <summary>Every write of the kept-answer contract is still read at once when the head is reused: this process's own writes forget it.</summary>
public sealed class SqliteHeadReusedCommitmentReadSnapshotTests(FeedHeadReusedAppFactory app) : CommitmentReadSnapshotTests(app), IClassFixture<FeedHeadReusedAppFactory>;

public sealed class PostgreSqlHeadReusedCommitmentReadSnapshotTests(PostgreSqlFeedHeadReusedAppFactory app) : CommitmentReadSnapshotTests(app), IClassFixture<PostgreSqlFeedHeadReusedAppFactory>;

/// <summary>What the reuse trades (decision 0061): another instance's write is read once the window has passed, not before.</summary>
public sealed class FeedHeadReuseTests(FeedHeadReusedAppFactory app) : IClassFixture<FeedHeadReusedAppFactory>
{
    private const string Api = AppPaths.Api;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Another_instance_s_write_is_read_once_the_window_has_passed()
    {
        var client = app.Api();
        var code = await CaptureAsync(client);
        (await ReadAsync(client, code)).Status.ShouldBe(LifecycleStatus.Captured);

        await using var other = new ReusedDatabaseFactory(app.DatabaseFile);
        await other.Api().PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed, Rationale = "Signed in the other instance." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        (await ReadAsync(client, code)).Status.ShouldBe(LifecycleStatus.Captured, "within the window this instance has not read the moved head");
        var now = app.Clock.Now;
        try
        {
            app.Clock.Now = now + FeedHeadReusedAppFactory.Window;
            var after = await ReadAsync(client, code);
            (after.Status, after.LatestEntry!.Rationale).ShouldBe((LifecycleStatus.Confirmed, "Signed in the other instance."));
        }
        finally
        {
            app.Clock.Now = now;
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(DatabaseSettings.MaxFeedHeadReuseMilliseconds + 1)]
    public void A_window_out_of_range_stops_start_up_with_a_clear_message(int milliseconds)
    {
        var error = Should.Throw<StartupRefusedException>(() => DatabaseSettings.From(
            new DatabaseOptions { FeedHeadReuseMilliseconds = milliseconds }, "Data Source=x.db", Path.GetTempPath(), isDevelopment: true));

        error.Message.ShouldBe($"Database:FeedHeadReuseMilliseconds must be between 0 (read the change feed's head on every request) and 1000, but it is {milliseconds}.");
    }

    [Fact]
    public void The_window_is_off_unless_set()
    {
        DatabaseSettings.From(new DatabaseOptions(), "Data Source=x.db", Path.GetTempPath(), isDevelopment: true).FeedHeadReuse.ShouldBe(TimeSpan.Zero);
        DatabaseSettings.From(new DatabaseOptions { FeedHeadReuseMilliseconds = 250 }, "Data Source=x.db", Path.GetTempPath(), isDevelopment: true).FeedHeadReuse
            .ShouldBe(TimeSpan.FromMilliseconds(250));
    }

    internal static async Task<string> CaptureAsync(HttpClient client)
    {
        var meeting = await client.NewMeetingAsync("FHR");
        var quote = LedgerData.FairQuote[..^1];
        var created = await client.PostJsonAsync($"{Api}/commitments", new CreateCommitmentCommand
        {
            Meeting = meeting.Code,
            Title = "Hold a joint trade fair",
            Kind = CommitmentKind.Cooperation,
            Modality = Modality.Firm,
            Issuer = "BY",
            Responsibilities = [new ResponsibilityInput("BY-GOV", ResponsibilityRole.Lead), new ResponsibilityInput("RU", ResponsibilityRole.Counterpart)],
            Spans = [new SpanInput(meeting.Documents.Single().Id, 0, quote.Length, quote)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        return created.Code;
    }

    private static async Task<CommitmentDetailDto> ReadAsync(HttpClient client, string code) =>
        await client.GetAsync($"{Api}/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
}
