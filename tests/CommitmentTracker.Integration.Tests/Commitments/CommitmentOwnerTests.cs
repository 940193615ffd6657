using System.Net;
using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Audit;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Hardening;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Commitments;

/// <summary>
/// A commitment's owner (a real user account) over HTTP on a real database: set on capture and edit, refused when no
/// account has the name (nothing saved), audited, and "My commitments" (owner=me) answered for the person signed in
/// with the cookie, in the list and in the CSV export.
/// </summary>
public abstract class CommitmentOwnerTests(AppFactory app)
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_owner_is_set_on_capture_and_edit_audited_and_lists_as_my_commitments()
    {
        var client = app.Api();
        var alice = await app.NewUserAsync(Roles.Analyst);
        var bob = await app.NewUserAsync(Roles.Analyst);
        var meeting = (await client.NewMeetingAsync("OWN")).Code;

        var mine = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting) with { Owner = alice.ToUpperInvariant() })
            .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        var theirs = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, "There are plenty of directions") with { Owner = bob })
            .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        mine.Owner.ShouldBe(alice, "the owner is stored as the account spells its name");
        theirs.Owner.ShouldBe(bob);

        // Alice, signed in with her own cookie, sees her item under owner=me, and not Bob's.
        var browser = app.Anonymous();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(browser, alice, People.Password)).ShouldBeTrue();
        var myList = await browser.GetAsync($"{Api}/commitments?owner=me&meeting={meeting}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        myList.Items.Select(c => c.Code).ShouldBe([mine.Code]);
        myList.Items.Single().Owner.ShouldBe(alice);
        // The owner alone narrows the total too: it is never the whole ledger's figure from the dashboard projection.
        (await browser.GetAsync($"{Api}/commitments?owner=me", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).TotalCount.ShouldBe(1);

        // Reassigning to Bob moves it out of Alice's view and into his; the audit trail has old → new.
        var reassigned = await client.PutJsonAsync($"{Api}/commitments/{mine.Code}", CommitmentDraft.From(mine) with { Owner = bob }, Etag(mine.Version))
            .ShouldBeJsonAsync<CommitmentDetailDto>();
        reassigned.Owner.ShouldBe(bob);
        (await browser.GetAsync($"{Api}/commitments?owner=me&meeting={meeting}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).Items.ShouldBeEmpty();
        var bobs = await client.GetAsync($"{Api}/commitments?owner={bob}&meeting={meeting}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        bobs.Items.Select(c => c.Code).ShouldBe([mine.Code, theirs.Code], ignoreOrder: true);

        var audit = await app.ApiAs(Roles.Manager).GetAsync($"{Api}/audit?entityType=Commitment&entity={mine.Code}&pageSize=50", Ct)
            .ShouldBeJsonAsync<PagedResult<AuditRecordDto>>();
        var change = audit.Items.Where(r => r.Operation == AuditOperation.Updated).SelectMany(r => r.Changes).Where(c => c.Field == nameof(CommitmentDetailDto.Owner)).ShouldHaveSingleItem("one update moved the owner");
        change.Old.ShouldNotBeNull().ShouldContain(alice);
        change.New.ShouldNotBeNull().ShouldContain(bob);
    }

    [Fact]
    public async Task An_owner_no_account_has_is_refused_naming_the_field_and_nothing_changes()
    {
        var client = app.Api();
        var meeting = (await client.NewMeetingAsync("OWN")).Code;
        var created = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting)).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        created.Owner.ShouldBeNull();

        var onCapture = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting, "There are plenty of directions") with { Owner = "nobody-by-this-name" })
            .ShouldBeInvalidAsync("owner");
        onCapture.ShouldHaveSingleItem().ShouldContain("No user account is called 'nobody-by-this-name'");
        var onEdit = await client.PutJsonAsync($"{Api}/commitments/{created.Code}", CommitmentDraft.From(created) with { Owner = "nobody-by-this-name", Title = "Changed" }, Etag(created.Version))
            .ShouldBeInvalidAsync("owner");
        onEdit.ShouldNotBeEmpty();

        var after = await client.GetAsync($"{Api}/commitments/{created.Code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>();
        (after.Owner, after.Title, after.Version).ShouldBe((null, created.Title, created.Version));
        (await client.GetAsync($"{Api}/commitments?meeting={meeting}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>()).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task My_commitments_export_to_csv_with_the_owner_column_and_a_key_owns_nothing()
    {
        var client = app.Api();
        var carol = await app.NewUserAsync(Roles.Viewer);
        var meeting = (await client.NewMeetingAsync("OWN")).Code;
        var created = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting) with { Owner = carol })
            .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        var browser = app.Anonymous();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(browser, carol, People.Password)).ShouldBeTrue();

        var csv = await browser.GetAsync($"{Api}/commitments/export.csv?owner=me&meeting={meeting}&columns=code&columns=owner", Ct);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldBe(["code,owner", $"{created.Code},{carol}"]);

        var key = await app.NewKeyAsync(ApiScopes.Read);
        (await app.WithKey(key.Key).GetAsync($"{Api}/commitments?owner=me&meeting={meeting}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>())
            .Items.ShouldBeEmpty("an API key is not a person and owns nothing");
    }

    private static string Etag(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static CreateCommitmentCommand NewCommitment(string meeting, string quote = LedgerData.FairQuote) => new()
    {
        Meeting = meeting,
        Title = "Hold a joint trade fair",
        Kind = CommitmentKind.CulturalEvent,
        Modality = Modality.Firm,
        Issuer = "BY",
        Spans = [new SpanInput(null, null, null, quote)],
    };
}

public sealed class SqliteCommitmentOwnerTests(SqliteAppFactory app) : CommitmentOwnerTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SqlServerCommitmentOwnerTests(SqlServerAppFactory app) : CommitmentOwnerTests(app), IClassFixture<SqlServerAppFactory>;

public sealed class PostgreSqlCommitmentOwnerTests(PostgreSqlAppFactory app) : CommitmentOwnerTests(app), IClassFixture<PostgreSqlAppFactory>;
