using System.Net;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Hardening;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Commitments;

/// <summary>
/// POST /api/v1/commitments/bulk on a real database: each action changes every selected row in one save; a rule that
/// refuses one row refuses the whole action, naming the row, and leaves every row as it was; a status that is a
/// manager's decision needs a manager; the count is bounded.
/// </summary>
public abstract class BulkChangeTests(AppFactory app)
{
    private const string Api = "/api/v1";
    private const string Quote1 = "We agreed to hold a joint trade fair.";
    private const string Quote2 = "There are plenty of directions";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_action_changes_every_selected_row_and_is_audited_per_row()
    {
        var client = app.Api();
        var (a, b) = await TwoCommitmentsAsync(client);
        var owner = await app.NewUserAsync(Roles.Analyst);

        var status = await client.PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([a, b], BulkAction.RecordStatus,
            new StatusEntryDraft { Status = LifecycleStatus.Stalled, Rationale = "Financing stopped." }))
            .ShouldBeJsonAsync<BulkChangeResult>();
        status.Changed.ShouldBe([a, b]);
        var owned = await client.PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([a, b], BulkAction.AssignOwner, Owner: owner))
            .ShouldBeJsonAsync<BulkChangeResult>();
        owned.Changed.ShouldBe([a, b]);
        var tagged = await client.PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([a, b], BulkAction.AddTag, Tag: " Finance "))
            .ShouldBeJsonAsync<BulkChangeResult>();
        tagged.Changed.ShouldBe([a, b]);
        var again = await client.PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([a, b], BulkAction.AddTag, Tag: "finance"))
            .ShouldBeJsonAsync<BulkChangeResult>();
        (again.Changed.Count, again.Unchanged.Count).ShouldBe((0, 2), "a tag the rows already carry changes nothing");

        foreach (var code in new[] { a, b })
        {
            var c = await client.GetAsync($"{Api}/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
            (c.Status, c.Owner, c.LatestEntry!.Rationale).ShouldBe((LifecycleStatus.Stalled, owner, "Financing stopped."));
            c.Tags.ShouldContain("finance");
        }
    }

    [Fact]
    public async Task A_rule_that_refuses_one_row_refuses_the_whole_action_naming_it_and_nothing_changes()
    {
        var client = app.Api();
        var (a, b) = await TwoCommitmentsAsync(client);
        // b is closed: no status can follow Fulfilled, so recording Stalled on both must fail on b and leave a alone.
        (await client.PostJsonAsync($"{Api}/commitments/{b}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Fulfilled })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await client.GetAsync($"{Api}/commitments/{a}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();

        var messages = await client.PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([a, b], BulkAction.RecordStatus,
            new StatusEntryDraft { Status = LifecycleStatus.Stalled, Rationale = "Financing stopped." })).ShouldBeInvalidAsync("codes");
        messages.ShouldHaveSingleItem().ShouldContain($"Nothing was changed: 1 of 2 selected commitments refuse this ({b})");
        var after = await client.GetAsync($"{Api}/commitments/{a}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
        (after.Status, after.Version).ShouldBe((before.Status, before.Version), "the row that passed was not saved either");

        var unknown = await client.PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([a, "NO-SUCH-001"], BulkAction.AddTag, Tag: "x"))
            .ShouldBeInvalidAsync("codes");
        unknown.ShouldHaveSingleItem().ShouldContain("NO-SUCH-001");
        (await client.GetAsync($"{Api}/commitments/{a}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>()).Tags.ShouldNotContain("x");
    }

    [Fact]
    public async Task Closing_in_bulk_is_a_managers_decision_and_the_count_is_bounded()
    {
        var (a, b) = await TwoCommitmentsAsync(app.Api());
        var close = new BulkChangeCommitmentsCommand([a, b], BulkAction.RecordStatus, new StatusEntryDraft { Status = LifecycleStatus.Fulfilled });

        await app.ApiAs(Roles.Analyst).PostJsonAsync($"{Api}/commitments/bulk", close).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await app.ApiAs(Roles.Manager).PostJsonAsync($"{Api}/commitments/bulk", close).ShouldBeJsonAsync<BulkChangeResult>()).Changed.ShouldBe([a, b]);

        var tooMany = Enumerable.Range(1, BulkChangeCommitmentsCommand.MaxCodes + 1).Select(i => $"X-{i}").ToList();
        (await app.Api().PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand(tooMany, BulkAction.AddTag, Tag: "x")).ShouldBeInvalidAsync("codes"))
            .ShouldHaveSingleItem().ShouldContain($"At most {BulkChangeCommitmentsCommand.MaxCodes} commitments");
        (await app.Api().PostJsonAsync($"{Api}/commitments/bulk", new BulkChangeCommitmentsCommand([a], BulkAction.AddTag)).ShouldBeInvalidAsync("tag"))
            .ShouldHaveSingleItem().ShouldContain("Give the tag");
    }

    private static async Task<(string A, string B)> TwoCommitmentsAsync(HttpClient client)
    {
        var meeting = (await client.NewMeetingAsync("BLK")).Code;
        var a = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, Quote1)).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        var b = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, Quote2)).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        return (a.Code, b.Code);
    }

    private static CreateCommitmentCommand NewCommitment(string meeting, string quote) => new()
    {
        Meeting = meeting,
        Title = "Hold a joint trade fair",
        Kind = CommitmentKind.CulturalEvent,
        Modality = Modality.Firm,
        Issuer = "BY",
        Spans = [new SpanInput(null, null, null, quote)],
    };
}

public sealed class SqliteBulkChangeTests(SqliteAppFactory app) : BulkChangeTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SqlServerBulkChangeTests(SqlServerAppFactory app) : BulkChangeTests(app), IClassFixture<SqlServerAppFactory>;

public sealed class PostgreSqlBulkChangeTests(PostgreSqlAppFactory app) : BulkChangeTests(app), IClassFixture<PostgreSqlAppFactory>;
