using System.Net;
using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.SavedViews.Commands.CreateSavedView;
using CommitmentTracker.Application.SavedViews.Common;
using CommitmentTracker.Domain.Audit;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.SavedViews;

/// <summary>
/// Named views of the commitments grid over the API (decision 0044): saved normalised, private to their owner unless
/// shared, changed only by their owner, deleted by the owner or (a shared one) an administrator; every refusal is a
/// problem+json that changes nothing, and every write is in the audit trail. Each test names its views uniquely.
/// </summary>
public abstract class SavedViewTests(AppFactory app)
{
    private const string Url = "/api/v1/saved-views";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_view_is_stored_normalised_by_the_grids_own_rules_without_its_page()
    {
        var analyst = app.ApiAs(Roles.Analyst);
        var name = Unique("Hubs and events");

        var saved = await analyst.PostJsonAsync(Url, new CreateSavedViewCommand(name, "?sort=-DUE&Kind=hub&kind=culturalevent&page=3&size=50&q=Days+of%20Belarus"))
            .ShouldBeJsonAsync<SavedViewDto>(HttpStatusCode.Created);

        saved.Query.ShouldBe("kind=CulturalEvent&kind=Hub&q=Days%20of%20Belarus&sort=-due&size=50");
        saved.Path.ShouldBe("/commitments?" + saved.Query);
        saved.Shared.ShouldBeFalse("a view is private unless shared");
        saved.Mine.ShouldBeTrue();
        saved.OwnerName.ShouldBe(TestUsers.NameFor(Roles.Analyst));
        var listed = await analyst.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>();
        listed.Mine.ShouldContain(v => v.Id == saved.Id && v.Query == saved.Query);

        // The whole ledger is a view too.
        (await analyst.PostJsonAsync(Url, new CreateSavedViewCommand(Unique("Everything"), null)).ShouldBeJsonAsync<SavedViewDto>(HttpStatusCode.Created))
            .Path.ShouldBe("/commitments");
    }

    [Fact]
    public async Task A_private_view_is_its_owners_alone()
    {
        var saved = await app.ApiAs(Roles.Analyst).PostJsonAsync(Url, new CreateSavedViewCommand(Unique("Mine"), "status=Stalled"))
            .ShouldBeJsonAsync<SavedViewDto>(HttpStatusCode.Created);

        foreach (var other in new[] { app.ApiAs(Roles.Viewer), app.Api() })
        {
            var seen = await other.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>();
            seen.Mine.Concat(seen.Shared).ShouldNotContain(v => v.Id == saved.Id);
            await other.PutJsonAsync($"{Url}/{saved.Id}", new SavedViewDraft { Name = "Taken over", Query = "" }, null).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await other.DeleteAsync($"{Url}/{saved.Id}", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        (await app.ApiAs(Roles.Analyst).GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>()).Mine.Single(v => v.Id == saved.Id).Name.ShouldBe(saved.Name);
    }

    [Fact]
    public async Task A_shared_view_is_seen_by_everyone_changed_only_by_its_owner_and_deleted_by_an_administrator()
    {
        var owner = app.ApiAs(Roles.Analyst);
        var saved = await owner.PostJsonAsync(Url, new CreateSavedViewCommand(Unique("Overdue in Novosibirsk"), "overdue=true&party=RU-NVS", Shared: true))
            .ShouldBeJsonAsync<SavedViewDto>(HttpStatusCode.Created);

        var viewer = app.ApiAs(Roles.Viewer);
        var seen = (await viewer.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>()).Shared.Single(v => v.Id == saved.Id);
        seen.Mine.ShouldBeFalse();
        seen.OwnerName.ShouldBe(TestUsers.NameFor(Roles.Analyst));
        // Normalised as the grid writes its own address: parameters in the grid's order, true as .NET spells it.
        seen.Path.ShouldBe("/commitments?party=RU-NVS&overdue=True");

        // Someone else may not rename, re-save or delete it; a manager neither: changing it is its owner's.
        foreach (var other in new[] { viewer, app.ApiAs(Roles.Manager) })
        {
            var refused = await other.PutJsonAsync($"{Url}/{saved.Id}", new SavedViewDraft { Name = "Renamed", Query = "status=Fulfilled", Shared = true }, null)
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            refused.GetProperty("detail").GetString()!.ShouldContain("only they may rename or re-save it");
            (await other.DeleteAsync($"{Url}/{saved.Id}", Ct).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
                .GetProperty("detail").GetString()!.ShouldContain("only they or an administrator may delete it");
        }

        // An administrator may take it down, but not rename it in the owner's name.
        await app.Api().PutJsonAsync($"{Url}/{saved.Id}", new SavedViewDraft { Name = "Renamed", Query = "", Shared = true }, null).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var unchanged = (await owner.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>()).Mine.Single(v => v.Id == saved.Id);
        (unchanged.Name, unchanged.Query, unchanged.UpdatedAt).ShouldBe((saved.Name, saved.Query, saved.UpdatedAt), "refused writes change nothing");

        (await app.Api().DeleteAsync($"{Url}/{saved.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await viewer.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>()).Shared.ShouldNotContain(v => v.Id == saved.Id);
        (await owner.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>()).Mine.ShouldNotContain(v => v.Id == saved.Id);
    }

    [Fact]
    public async Task The_owner_renames_re_saves_shares_and_deletes_and_each_write_is_audited()
    {
        var owner = app.ApiAs(Roles.Analyst);
        var saved = await owner.PostJsonAsync(Url, new CreateSavedViewCommand(Unique("Due soon"), "dueTo=2024-12-31&sort=due"))
            .ShouldBeJsonAsync<SavedViewDto>(HttpStatusCode.Created);
        app.Clock.Now = app.Clock.Now.AddMinutes(5);

        var renamed = Unique("Due this year, stalled");
        var changed = await owner.PutJsonAsync($"{Url}/{saved.Id}", new SavedViewDraft { Name = renamed, Query = "status=Stalled&dueTo=2024-12-31&sort=due", Shared = true }, null)
            .ShouldBeJsonAsync<SavedViewDto>();
        changed.Id.ShouldBe(saved.Id);
        changed.Name.ShouldBe(renamed);
        changed.Query.ShouldBe("status=Stalled&dueTo=2024-12-31&sort=due");
        changed.Shared.ShouldBeTrue();
        changed.UpdatedAt.ShouldBeGreaterThan(saved.UpdatedAt);
        changed.CreatedAt.ShouldBe(saved.CreatedAt);

        // Keeping its own name (in another case) is no clash with itself.
        (await owner.PutJsonAsync($"{Url}/{saved.Id}", new SavedViewDraft { Name = renamed.ToUpperInvariant(), Query = changed.Query, Shared = true }, null)
            .ShouldBeJsonAsync<SavedViewDto>()).Name.ShouldBe(renamed.ToUpperInvariant());

        (await owner.DeleteAsync($"{Url}/{saved.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await owner.DeleteAsync($"{Url}/{saved.Id}", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var trail = await app.Api().GetAsync($"/api/v1/audit?entityType=SavedView&entity={saved.Id}&pageSize=50", Ct).ShouldBeJsonAsync<PagedResult<AuditRecordDto>>();
        trail.Items.Select(r => r.Operation).Order().ShouldBe([AuditOperation.Created, AuditOperation.Updated, AuditOperation.Updated, AuditOperation.Deleted]);
        trail.Items.ShouldAllBe(r => r.ActorName == TestUsers.NameFor(Roles.Analyst));
        trail.Items.Single(r => r.Operation == AuditOperation.Created).Changes.ShouldContain(c => c.Field == "Query" && c.New == "dueTo=2024-12-31&sort=due");
    }

    [Theory]
    [InlineData("", "status=Stalled", "name", "Give the view a name.")]
    [InlineData("   ", "", "name", "Give the view a name.")]
    [InlineData("A name far longer than eighty characters, which is what a menu can show on one line without cutting", "", "name", "at most 80 characters")]
    [InlineData("Bad", "colour=red", "query", "'colour' is not a filter of the commitments grid")]
    [InlineData("Bad", "status=Nope", "query", "'Nope' is not a status")]
    [InlineData("Bad", "status=3", "query", "'3' is not a status")]
    [InlineData("Bad", "dueFrom=2024-13-01", "query", "dueFrom must be a day written yyyy-MM-dd")]
    [InlineData("Bad", "dueFrom=2024-06-01&dueTo=2024-01-01", "query", "dueTo must not be before dueFrom")]
    [InlineData("Bad", "sort=colour", "query", "'colour' is not a sort of the grid")]
    [InlineData("Bad", "size=7", "query", "size must be one of 10, 25, 50, 100")]
    [InlineData("Bad", "page=0", "query", "page must be a page number from 1")]
    [InlineData("Bad", "overdue=maybe", "query", "overdue must be true or false")]
    [InlineData("Bad", "party=RU&party=BY", "query", "'party' is given more than once")]
    public async Task Bad_input_is_a_400_naming_the_field_and_saves_nothing(string name, string query, string field, string message)
    {
        var client = app.ApiAs(Roles.Viewer);
        var before = (await client.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>()).Mine.Count;

        var errors = await client.PostJsonAsync(Url, new CreateSavedViewCommand(name, query)).ShouldBeInvalidAsync(field);

        errors.ShouldContain(e => e.Contains(message, StringComparison.Ordinal));
        (await client.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>()).Mine.Count.ShouldBe(before);
    }

    [Fact]
    public async Task A_name_the_owner_already_uses_in_any_case_is_refused_for_a_new_view_and_a_rename()
    {
        var owner = app.ApiAs(Roles.Manager);
        var name = Unique("Weekly review");
        await owner.PostJsonAsync(Url, new CreateSavedViewCommand(name, "status=Stalled")).ShouldBeJsonAsync<SavedViewDto>(HttpStatusCode.Created);
        var other = await owner.PostJsonAsync(Url, new CreateSavedViewCommand(Unique("Other"), "status=Confirmed")).ShouldBeJsonAsync<SavedViewDto>(HttpStatusCode.Created);

        (await owner.PostJsonAsync(Url, new CreateSavedViewCommand(name.ToUpperInvariant(), "")).ShouldBeInvalidAsync("name"))
            .ShouldContain($"You already have a view called '{name.ToUpperInvariant()}'. Choose another name, or re-save that view.");
        await owner.PutJsonAsync($"{Url}/{other.Id}", new SavedViewDraft { Name = $" {name} ", Query = other.Query }, null).ShouldBeInvalidAsync("name");

        // Another person may use the same name for a view of their own.
        (await app.ApiAs(Roles.Analyst).PostJsonAsync(Url, new CreateSavedViewCommand(name, "")).ShouldBeJsonAsync<SavedViewDto>(HttpStatusCode.Created)).Name.ShouldBe(name);
        var mine = (await owner.GetAsync(Url, Ct).ShouldBeJsonAsync<SavedViewList>()).Mine;
        mine.Count(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        mine.Single(v => v.Id == other.Id).Name.ShouldBe(other.Name, "the refused rename changed nothing");
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";
}

public sealed class SqliteSavedViewTests(SqliteAppFactory app) : SavedViewTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlSavedViewTests(PostgreSqlAppFactory app) : SavedViewTests(app), IClassFixture<PostgreSqlAppFactory>;
