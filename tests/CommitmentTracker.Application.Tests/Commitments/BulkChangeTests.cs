using System.Security.Claims;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// One change to many commitments over the scenario's ledger: each action changes every selected row once, in the
/// order given; a rule that refuses any row refuses the whole action naming each refused row, and nothing is saved;
/// unknown codes are named; closing in bulk is a manager's decision.
/// </summary>
public sealed class BulkChangeTests : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _ledger = await TestLedger.CreateAsync();
        await Scenario.BuildAsync(_ledger);
    }

    public async ValueTask DisposeAsync() => await _ledger.DisposeAsync();

    private Task<CommitmentDetailDto> GetAsync(string code) => _ledger.SendAsync(new GetCommitmentQuery(code));

    private async Task<(LifecycleStatus Status, long Version, string? Owner)> StateAsync(string code)
    {
        var c = await GetAsync(code);
        return (c.Status, c.Version, c.Owner);
    }

    // The accounts an owner must name: the role as the Host's start-up creates it, the user through the use case.
    private async Task UsersAsync(params string[] names)
    {
        await _ledger.InScopeAsync(async services => await services.GetRequiredService<RoleManager<IdentityRole>>().CreateAsync(new IdentityRole(Roles.Analyst)));
        var actor = _ledger.Actor;
        _ledger.Actor = TestLedger.Person("root", Roles.Administrator);
        foreach (var name in names)
        {
            await _ledger.SendAsync(new CreateUserCommand(name, Roles.Analyst, "correct horse battery"));
        }

        _ledger.Actor = actor;
    }

    private async Task<ValidationException> ShouldBeRefusedAsync(BulkChangeCommitmentsCommand command)
    {
        var before = await _ledger.WithDbAsync(db => db.Commitments.OrderBy(c => c.Code).Select(c => new { c.Code, c.Version }).ToListAsync());
        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(command));
        (await _ledger.WithDbAsync(db => db.Commitments.OrderBy(c => c.Code).Select(c => new { c.Code, c.Version }).ToListAsync())).ShouldBe(before);
        return ex;
    }

    [Fact]
    public async Task Recording_a_status_in_bulk_appends_it_once_to_each_selected_commitment()
    {
        var result = await _ledger.SendAsync(new BulkChangeCommitmentsCommand(
            [" nsk-2023-001", "MSK-2024-001", "NSK-2023-001", "nsk-2023-002"], BulkAction.RecordStatus,
            new StatusEntryDraft { Status = LifecycleStatus.InProgress, EffectiveOn = new DateOnly(2024, 1, 31), Rationale = "Work started." }));

        result.Action.ShouldBe(BulkAction.RecordStatus);
        result.Changed.ShouldBe(["NSK-2023-001", "MSK-2024-001", "NSK-2023-002"]);
        result.Unchanged.ShouldBeEmpty();
        foreach (var (code, version) in new[] { ("NSK-2023-001", 2L), ("MSK-2024-001", 2L), ("NSK-2023-002", 3L) })
        {
            var c = await GetAsync(code);
            (c.Status, c.Version, c.UpdatedAt).ShouldBe((LifecycleStatus.InProgress, version, Scenario.AppendedAt.AddMinutes(4)), code);
            (c.LatestEntry!.EffectiveOn, c.LatestEntry.Rationale, c.LatestEntry.Author).ShouldBe((new DateOnly(2024, 1, 31), "Work started.", "ana"), code);
        }

        (await StateAsync("NSK-2023-003")).ShouldBe((LifecycleStatus.Confirmed, 2L, (string?)null));
    }

    [Fact]
    public async Task A_row_that_refuses_the_status_refuses_the_whole_action_and_each_refused_row_is_named()
    {
        var ex = await ShouldBeRefusedAsync(new BulkChangeCommitmentsCommand(
            ["nsk-2023-001", " nsk-2023-005 ", "NSK-2023-004"], BulkAction.RecordStatus,
            new StatusEntryDraft { Status = LifecycleStatus.Stalled, Rationale = "Financing stopped." }));

        ex.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ShouldBe([
            ("codes", "Nothing was changed: 2 of 3 selected commitments refuse this (NSK-2023-005, NSK-2023-004)."),
            ("codes[1]", "NSK-2023-005: A commitment cannot move from Fulfilled to Stalled. Fulfilled is a closed status; no further change is possible."),
            ("codes[2]", "NSK-2023-004: A commitment cannot move from Withdrawn to Stalled. Withdrawn is a closed status; no further change is possible."),
        ]);
        ex.Message.ShouldStartWith("Nothing was changed: 2 of 3 selected commitments refuse this (NSK-2023-005, NSK-2023-004).");
        (await StateAsync("NSK-2023-001")).ShouldBe((LifecycleStatus.Captured, 1L, (string?)null));
    }

    [Fact]
    public async Task A_refused_action_leaves_nothing_behind_for_the_next_save_in_the_same_scope()
    {
        // A page keeps one scope (and one database context) for the whole visit: after a refusal, the next change the
        // page saves must not carry the rows that passed the refused action.
        await _ledger.InScopeAsync(async services =>
        {
            var sender = services.GetRequiredService<ISender>();
            await Should.ThrowAsync<ValidationException>(() => sender.Send(new BulkChangeCommitmentsCommand(
                ["NSK-2023-001", "NSK-2023-005"], BulkAction.RecordStatus, new StatusEntryDraft { Status = LifecycleStatus.Stalled, Rationale = "Financing stopped." })).AsTask());
            return await sender.Send(new BulkChangeCommitmentsCommand(["NSK-2023-003"], BulkAction.AddTag, Tag: "finance"));
        });

        (await StateAsync("NSK-2023-001")).ShouldBe((LifecycleStatus.Captured, 1L, (string?)null));
        (await GetAsync("NSK-2023-003")).Tags.ShouldBe(["finance"]);
    }

    [Fact]
    public async Task An_owner_sent_with_another_action_is_not_looked_up()
    {
        var result = await _ledger.SendAsync(new BulkChangeCommitmentsCommand(["NSK-2023-003"], BulkAction.AddTag, Tag: "finance", Owner: "nobody"));

        result.Changed.ShouldBe(["NSK-2023-003"]);
        (await StateAsync("NSK-2023-003")).Owner.ShouldBeNull();
    }

    [Fact]
    public async Task Unknown_codes_are_named_and_nothing_is_changed()
    {
        var ex = await ShouldBeRefusedAsync(new BulkChangeCommitmentsCommand(["NSK-2023-001", "xx-1", "XX-2"], BulkAction.AddTag, Tag: "finance"));
        (ex.Errors.ShouldHaveSingleItem().PropertyName, ex.Errors.Single().ErrorMessage)
            .ShouldBe(("codes", "No commitment has the code XX-1, XX-2; nothing was changed."));

        var ten = Enumerable.Range(1, 10).Select(i => $"M-{i:00}").ToList();
        (await ShouldBeRefusedAsync(new BulkChangeCommitmentsCommand(ten, BulkAction.AddTag, Tag: "finance"))).Errors.Single().ErrorMessage
            .ShouldBe("No commitment has the code M-01, M-02, M-03, M-04, M-05, M-06, M-07, M-08, M-09, M-10; nothing was changed.");
        (await ShouldBeRefusedAsync(new BulkChangeCommitmentsCommand([.. ten, "M-11", "M-12"], BulkAction.AddTag, Tag: "finance"))).Errors.Single().ErrorMessage
            .ShouldBe("No commitment has the code M-01, M-02, M-03, M-04, M-05, M-06, M-07, M-08, M-09, M-10 and 2 more; nothing was changed.");
        (await GetAsync("NSK-2023-001")).Tags.ShouldBe(["culture"]);
    }

    [Fact]
    public async Task Closing_in_bulk_is_a_managers_decision()
    {
        var close = new BulkChangeCommitmentsCommand(["NSK-2023-001", "MSK-2024-001"], BulkAction.RecordStatus, new StatusEntryDraft { Status = LifecycleStatus.Fulfilled });
        close.RequiredAccess.ShouldBe(Access.Decide);
        new BulkChangeCommitmentsCommand(["NSK-2023-001"], BulkAction.RecordStatus, new StatusEntryDraft { Status = LifecycleStatus.Confirmed }).RequiredAccess.ShouldBe(Access.Write);
        new BulkChangeCommitmentsCommand(["NSK-2023-001"], BulkAction.RecordStatus).RequiredAccess.ShouldBe(Access.Write);
        new BulkChangeCommitmentsCommand(["NSK-2023-001"], BulkAction.AddTag, new StatusEntryDraft { Status = LifecycleStatus.Fulfilled }, Tag: "x").RequiredAccess.ShouldBe(Access.Write);

        await Should.ThrowAsync<ForbiddenException>(() => _ledger.SendAsync(close));
        (await StateAsync("NSK-2023-001")).ShouldBe((LifecycleStatus.Captured, 1L, (string?)null));

        _ledger.Actor = TestLedger.Person("max", Roles.Manager);
        (await _ledger.SendAsync(close)).Changed.ShouldBe(["NSK-2023-001", "MSK-2024-001"]);
        (await StateAsync("MSK-2024-001")).ShouldBe((LifecycleStatus.Fulfilled, 2L, (string?)null));
        (await GetAsync("MSK-2024-001")).LatestEntry!.Author.ShouldBe("max");
    }

    [Fact]
    public async Task A_tag_is_added_to_the_rows_without_it_and_the_others_are_listed_unchanged()
    {
        var result = await _ledger.SendAsync(new BulkChangeCommitmentsCommand(["NSK-2023-003", "NSK-2023-001"], BulkAction.AddTag, Tag: " Culture "));

        result.Changed.ShouldBe(["NSK-2023-003"]);
        result.Unchanged.ShouldBe(["NSK-2023-001"]);
        (await GetAsync("NSK-2023-003")).Tags.ShouldBe(["culture"]);
        (await GetAsync("NSK-2023-003")).Version.ShouldBe(3);
        (await GetAsync("NSK-2023-001")).Version.ShouldBe(1);

        var again = await _ledger.SendAsync(new BulkChangeCommitmentsCommand(["NSK-2023-003", "NSK-2023-001"], BulkAction.AddTag, Tag: "culture"));
        again.Changed.ShouldBeEmpty();
        again.Unchanged.ShouldBe(["NSK-2023-003", "NSK-2023-001"]);
    }

    [Fact]
    public async Task An_owner_is_given_to_each_row_by_the_accounts_spelling_and_taken_away_with_an_empty_name()
    {
        await UsersAsync("olga");

        var owned = await _ledger.SendAsync(new BulkChangeCommitmentsCommand(["NSK-2023-001", "NSK-2023-002"], BulkAction.AssignOwner, Owner: " olga "));

        owned.Changed.ShouldBe(["NSK-2023-001", "NSK-2023-002"]);
        (await StateAsync("NSK-2023-001")).ShouldBe((LifecycleStatus.Captured, 2L, "olga"));
        (await StateAsync("NSK-2023-002")).ShouldBe((LifecycleStatus.InProgress, 3L, "olga"));
        var same = await _ledger.SendAsync(new BulkChangeCommitmentsCommand(["NSK-2023-001", "NSK-2023-003"], BulkAction.AssignOwner, Owner: "olga"));
        same.Changed.ShouldBe(["NSK-2023-003"]);
        same.Unchanged.ShouldBe(["NSK-2023-001"]);

        var unknown = await ShouldBeRefusedAsync(new BulkChangeCommitmentsCommand(["NSK-2023-001"], BulkAction.AssignOwner, Owner: " oleg "));
        (unknown.Errors.ShouldHaveSingleItem().PropertyName, unknown.Errors.Single().ErrorMessage)
            .ShouldBe(("owner", "No user account is called 'oleg'. The owner must be a person who can sign in (see Users)."));

        var cleared = await _ledger.SendAsync(new BulkChangeCommitmentsCommand(["NSK-2023-001", "NSK-2023-004"], BulkAction.AssignOwner, Owner: " "));
        cleared.Changed.ShouldBe(["NSK-2023-001"]);
        cleared.Unchanged.ShouldBe(["NSK-2023-004"]);
        (await StateAsync("NSK-2023-001")).ShouldBe((LifecycleStatus.Captured, 3L, (string?)null));
    }

    [Fact]
    public async Task My_commitments_are_those_owned_by_the_person_asking_and_an_API_key_owns_none()
    {
        await UsersAsync("olga", "oleg");
        await _ledger.SendAsync(new BulkChangeCommitmentsCommand(["NSK-2023-006", "NSK-2023-002"], BulkAction.AssignOwner, Owner: "olga"));
        await _ledger.SendAsync(new BulkChangeCommitmentsCommand(["NSK-2023-001"], BulkAction.AssignOwner, Owner: "oleg"));

        async Task<IReadOnlyList<string>> CodesAsync(CommitmentFilter filter)
        {
            var page = await _ledger.SendAsync(new ListCommitmentsQuery(filter));
            page.TotalCount.ShouldBe(page.Items.Count, "an owner filter is a criterion: its total is counted, not the ledger's");
            return [.. page.Items.Select(c => c.Code)];
        }

        _ledger.Actor = TestLedger.Person("olga", Roles.Analyst);
        (await CodesAsync(new CommitmentFilter { Owner = " ME " })).ShouldBe(["NSK-2023-002", "NSK-2023-006"]);
        (await CodesAsync(new CommitmentFilter { Owner = " oleg " })).ShouldBe(["NSK-2023-001"]);
        (await CodesAsync(new CommitmentFilter { Owner = "me", Overdue = true })).ShouldBe(["NSK-2023-002", "NSK-2023-006"]);

        _ledger.Actor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "key:1"), new Claim(ClaimTypes.Name, "olga"), new Claim(ActorClaims.Scope, ApiScopes.Read)],
            ActorClaims.ApiKeyAuthentication));
        (await CodesAsync(new CommitmentFilter { Owner = "me" })).ShouldBeEmpty();
        (await CodesAsync(new CommitmentFilter { Owner = "olga" })).ShouldBe(["NSK-2023-002", "NSK-2023-006"]);
    }

    [Fact]
    public async Task An_unknown_action_is_refused_by_the_pipeline_and_by_the_handler_itself()
    {
        var unknown = new BulkChangeCommitmentsCommand(["NSK-2023-001"], (BulkAction)9, Tag: "finance");

        var refused = await ShouldBeRefusedAsync(unknown);
        (refused.Errors.ShouldHaveSingleItem().PropertyName, refused.Errors.Single().ErrorMessage).ShouldBe(("Action", "'Action' has a range of values which does not include '9'."));

        // A caller that skips the validator (the handler alone) is told so rather than getting every row back "unchanged".
        var thrown = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => _ledger.InScopeAsync(async services =>
            await services.GetRequiredService<ICommandHandler<BulkChangeCommitmentsCommand, BulkChangeResult>>().Handle(unknown, TestContext.Current.CancellationToken)));
        (thrown.ParamName, thrown.ActualValue).ShouldBe(("command", (object?)(BulkAction)9));
        thrown.Message.ShouldStartWith("Unknown bulk action.");
        (await GetAsync("NSK-2023-001")).Tags.ShouldBe(["culture"]);
    }
}
