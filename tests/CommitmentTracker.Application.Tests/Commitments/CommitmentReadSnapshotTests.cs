using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// One commitment and a text search's page are built once per change-feed head (decision 0051): the same answer while
/// nothing is written, a new one after a write, and never one read inside a transaction. That a kept answer shows
/// each kind of write is held over HTTP by the integration tests of the same name.
/// </summary>
public sealed class CommitmentReadSnapshotTests : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _ledger = await TestLedger.CreateAsync();
        await Scenario.BuildAsync(_ledger);
    }

    public async ValueTask DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task A_detail_is_reused_until_a_status_entry_is_saved()
    {
        var before = await _ledger.SendAsync(new GetCommitmentQuery("NSK-2023-001"));
        (await _ledger.SendAsync(new GetCommitmentQuery("nsk-2023-001 "))).ShouldBeSameAs(before, "the same commitment asked the same way, nothing written");
        (await _ledger.SendAsync(new GetCommitmentQuery(before.Id.ToString()))).ShouldNotBeSameAs(before, "asked by id: its own question");

        _ledger.Actor = TestLedger.Person("max", Roles.Manager);
        await Scenario.AppendAsync(_ledger, "NSK-2023-001", LifecycleStatus.Stalled, Scenario.Today, "The venue fell through.");

        var after = await _ledger.SendAsync(new GetCommitmentQuery("NSK-2023-001"));
        after.ShouldNotBeSameAs(before);
        after.Status.ShouldBe(LifecycleStatus.Stalled);
        after.LatestEntry!.Rationale.ShouldBe("The venue fell through.");
    }

    [Fact]
    public async Task A_detail_read_inside_a_transaction_is_never_kept()
    {
        var inside = await _ledger.InScopeAsync(services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            var sender = services.GetRequiredService<ISender>();
            return db.InTransactionAsync(async () => await sender.Send(new GetCommitmentQuery("NSK-2023-002")), TestContext.Current.CancellationToken);
        });

        var outside = await _ledger.SendAsync(new GetCommitmentQuery("NSK-2023-002"));
        outside.ShouldNotBeSameAs(inside);
        (await _ledger.SendAsync(new GetCommitmentQuery("NSK-2023-002"))).ShouldBeSameAs(outside);
    }

    [Fact]
    public async Task A_text_search_page_is_reused_until_a_write_and_other_lists_are_read_each_time()
    {
        var search = new ListCommitmentsQuery(new CommitmentFilter { Q = "tram", Status = [] });
        var before = await _ledger.SendAsync(search);
        before.Items.ShouldNotBeEmpty();
        (await _ledger.SendAsync(search with { Filter = new CommitmentFilter { Q = "tram", Status = [] } })).ShouldBeSameAs(before, "equal lists are the same question");
        (await _ledger.SendAsync(search with { PageSize = 10 })).ShouldNotBeSameAs(before);
        var all = new ListCommitmentsQuery(new CommitmentFilter());
        (await _ledger.SendAsync(all)).ShouldNotBeSameAs(await _ledger.SendAsync(all), "only text searches are kept");

        var hit = before.Items[0].Code;
        _ledger.Actor = TestLedger.Person("max", Roles.Manager);
        await Scenario.AppendAsync(_ledger, hit, LifecycleStatus.Stalled, Scenario.Today, "No design bureau was named.");

        var after = await _ledger.SendAsync(search);
        after.ShouldNotBeSameAs(before);
        after.Items.Single(c => c.Code == hit).Status.ShouldBe(LifecycleStatus.Stalled);
        after.TotalCount.ShouldBe(before.TotalCount);
    }
}
