using System.Net;
using System.Reflection;
using CommitmentTracker.Api.Endpoints;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.ApiKeys;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Audit;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Accounts;

/// <summary>
/// Every write through the API leaves an audit record naming who, what and each changed field; a refused write
/// leaves none; and nothing (no endpoint, no Application port, no SQL) can change a record afterwards.
/// </summary>
public abstract class AuditTrailTests(AppFactory app)
{
    private const string Api = "/api/v1";
    private static readonly string Analyst = TestUsers.NameFor(Roles.Analyst);
    private static readonly string Administrator = TestUsers.NameFor(Roles.Administrator);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_and_revising_a_meeting_is_audited_with_old_and_new_values()
    {
        var client = app.ApiAs(Roles.Analyst);
        var code = await NewMeetingAsync(client);
        var etag = (await client.GetAsync($"{Api}/meetings/{code}", Ct)).Headers.ETag!.Tag;
        await client.PutJsonAsync($"{Api}/meetings/{code}", new MeetingDraft { Title = "Audited meeting (corrected)", Date = new DateOnly(2023, 10, 10), Place = "Minsk" }, etag)
            .ShouldBeJsonAsync<MeetingDetailDto>();

        var records = await RecordsAsync("Meeting", code);
        var created = records.Single(r => r.Operation == AuditOperation.Created);
        created.ActorName.ShouldBe(Analyst);
        created.ActorId.ShouldBe(Analyst);
        Change(created, "Title").New.ShouldBe("Audited meeting");
        var updated = records.Single(r => r.Operation == AuditOperation.Updated);
        Change(updated, "Title").ShouldBe(new AuditFieldChange("Title", "Audited meeting", "Audited meeting (corrected)"));
        updated.ActorName.ShouldBe(Analyst);
    }

    [Fact]
    public async Task Capturing_revising_and_logging_a_commitment_is_audited()
    {
        var client = app.ApiAs(Roles.Analyst);
        var meeting = await NewMeetingAsync(client);
        var commitment = await client.PostJsonAsync($"{Api}/commitments", NewCommitment(meeting)).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        var current = await client.GetAsync($"{Api}/commitments/{commitment.Code}", Ct);
        await client.PutJsonAsync($"{Api}/commitments/{commitment.Code}", CommitmentDraft.From(commitment) with { Title = "Hold the fair in Minsk" }, current.Headers.ETag!.Tag)
            .ShouldBeJsonAsync<CommitmentDetailDto>();
        await client.PostJsonAsync($"{Api}/commitments/{commitment.Code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed, Rationale = "Both sides confirmed." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        var records = await RecordsAsync("Commitment", commitment.Code);
        records.ShouldAllBe(r => r.ActorName == Analyst);
        Change(records.Single(r => r.Operation == AuditOperation.Created), "Code").New.ShouldBe(commitment.Code);
        var revisions = records.Where(r => r.Operation == AuditOperation.Updated).ToList();
        revisions.Select(r => r.Changes.FirstOrDefault(c => c.Field == "Title")).OfType<AuditFieldChange>()
            .ShouldHaveSingleItem().ShouldBe(new AuditFieldChange("Title", commitment.Title, "Hold the fair in Minsk"));
        revisions.Select(r => r.Changes.FirstOrDefault(c => c.Field == "CurrentStatus")).OfType<AuditFieldChange>()
            .ShouldHaveSingleItem().ShouldBe(new AuditFieldChange("CurrentStatus", "Captured", "Confirmed"));

        // The capture logs Captured; the append logs Confirmed.
        var entries = (await RecordsAsync("StatusEntry", actor: Analyst)).Where(r => Change(r, "CommitmentId").New == commitment.Id.ToString()).ToList();
        entries.ShouldAllBe(r => r.Operation == AuditOperation.Created);
        entries.Select(r => Change(r, "Status").New).ShouldBe(["Confirmed", "Captured"]);
        Change(entries[0], "Rationale").New.ShouldBe("Both sides confirmed.");
        entries.ShouldAllBe(r => r.EntityKey == commitment.Code, "a status entry is filed under its commitment's code");
        (await RecordsAsync("StatusEntry", commitment.Code)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Importing_and_deciding_proposals_is_audited()
    {
        var client = app.ApiAs(Roles.Analyst);
        var code = "AUD-IMP-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await client.PostJsonAsync($"{Api}/imports", new ImportMeetingCommand
        {
            Code = code,
            Title = "Imported meeting",
            Date = new DateOnly(2024, 3, 1),
            Place = "Minsk",
            Text = $"The President instructed the government to prepare a joint programme by the end of the year. “We propose to increase trade to $100 million,” he said. {code}",
        }).ShouldBeJsonAsync<ImportResult>(HttpStatusCode.Created);
        var candidates = await client.GetAsync($"{Api}/meetings/{code}/candidates", Ct).ShouldBeJsonAsync<List<CandidateDto>>();
        var accepted = await client.PostJsonAsync($"{Api}/candidates/{candidates[0].Id}/accept", new CommitmentDraft { Title = "Prepare a joint programme", Kind = CommitmentKind.Instruction, Issuer = "BY" })
            .ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
        await client.PostAsync($"{Api}/candidates/{candidates[1].Id}/reject", null, Ct).ShouldBeJsonAsync<CandidateDto>();

        (await RecordsAsync("Meeting", code)).ShouldHaveSingleItem().ActorName.ShouldBe(Analyst);
        var proposals = await RecordsAsync("ImportCandidate", actor: Analyst);
        foreach (var candidate in candidates)
        {
            proposals.ShouldContain(r => r.EntityId == candidate.Id.ToString() && r.Operation == AuditOperation.Created);
        }

        Change(proposals.Single(r => r.EntityId == candidates[0].Id.ToString() && r.Operation == AuditOperation.Updated), "Decision")
            .ShouldBe(new AuditFieldChange("Decision", "Proposed", "Accepted"));
        Change(proposals.Single(r => r.EntityId == candidates[1].Id.ToString() && r.Operation == AuditOperation.Updated), "Decision")
            .ShouldBe(new AuditFieldChange("Decision", "Proposed", "Rejected"));
        (await RecordsAsync("Commitment", accepted.Code)).ShouldHaveSingleItem().Operation.ShouldBe(AuditOperation.Created);
    }

    [Fact]
    public async Task Issuing_and_revoking_a_key_is_audited_without_the_secret()
    {
        var admin = app.Api();
        var key = await admin.PostJsonAsync($"{Api}/api-keys", new CreateApiKeyCommand("Audited key", [ApiScopes.Read])).ShouldBeJsonAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        await admin.PostAsync($"{Api}/api-keys/{key.ApiKey.Id}/revoke", null, Ct).ShouldBeJsonAsync<ApiKeyDto>();

        var records = await RecordsAsync("ApiKey", key.ApiKey.Id.ToString());
        records.ShouldAllBe(r => r.ActorName == Administrator);
        var created = records.Single(r => r.Operation == AuditOperation.Created);
        Change(created, "Name").New.ShouldBe("Audited key");
        Change(created, "Scopes").New.ShouldBe("read");
        Change(created, "SecretHash").New.ShouldBe("(secret)");
        ApiKeySecret.TryParse(key.Key, out var secret).ShouldBeTrue();
        created.Changes.ShouldAllBe(c => c.New != secret.Hash && c.New != key.Key);
        var revoked = records.Single(r => r.Operation == AuditOperation.Updated);
        Change(revoked, "RevokedBy").ShouldBe(new AuditFieldChange("RevokedBy", null, Administrator));
    }

    [Fact]
    public async Task Adding_a_person_and_changing_the_role_is_audited_without_the_password()
    {
        var admin = app.Api();
        var user = await admin.PostJsonAsync($"{Api}/users", new CreateUserCommand("audited.person", Roles.Viewer, "a long enough passphrase")).ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);
        var before = await RecordsAsync("UserRole", actor: Administrator);
        await admin.PutJsonAsync($"{Api}/users/audited.person/role", new RoleChange(Roles.Analyst), ifMatch: null).ShouldBeJsonAsync<UserDto>();

        var created = (await RecordsAsync("User", "audited.person")).Single(r => r.Operation == AuditOperation.Created);
        created.ActorName.ShouldBe(Administrator);
        Change(created, "UserName").New.ShouldBe("audited.person");
        Change(created, "PasswordHash").New.ShouldBe("(secret)");
        created.Changes.ShouldAllBe(c => c.New == null || !c.New.Contains("passphrase"));

        var roleChanges = (await RecordsAsync("UserRole", actor: Administrator)).Where(r => before.All(b => b.Position != r.Position)).ToList();
        roleChanges.ShouldAllBe(r => r.EntityId.StartsWith(user.Id + ":", StringComparison.Ordinal));
        roleChanges.Select(r => r.Operation).ShouldBe([AuditOperation.Created, AuditOperation.Deleted], ignoreOrder: true);
        roleChanges.Select(r => r.EntityKey).ShouldBe(["audited.person: Viewer", "audited.person: Analyst"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_refused_write_leaves_no_record()
    {
        var client = app.ApiAs(Roles.Analyst);
        var before = (await ListAsync(string.Empty)).TotalCount;

        await client.PostJsonAsync($"{Api}/commitments", NewCommitment("NSK-2023") with { Title = "", Issuer = "NOBODY" }).ShouldBeInvalidAsync("title");
        await client.PostJsonAsync($"{Api}/meetings", new CreateMeetingCommand { Code = "bad code!", Title = "t", Date = new DateOnly(2024, 1, 1), Place = "p" }).ShouldBeInvalidAsync("code");

        (await ListAsync(string.Empty)).TotalCount.ShouldBe(before);
    }

    [Fact]
    public async Task Filters_by_actor_entity_and_day_newest_first()
    {
        var client = app.ApiAs(Roles.Analyst);
        var code = await NewMeetingAsync(client);

        // The meeting and its document (filed under the meeting's code).
        var byActor = await ListAsync($"actor=analyst&entity={code}");
        byActor.Items.Select(r => r.EntityType).ShouldBe(["SourceDocument", "Meeting"], ignoreOrder: true);
        byActor.Items.ShouldAllBe(r => r.EntityKey == code);
        (await ListAsync($"actor=someone-else&entity={code}")).TotalCount.ShouldBe(0);

        var today = DateOnly.FromDateTime(app.Clock.Now.UtcDateTime);
        (await ListAsync($"entity={code}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).TotalCount.ShouldBe(2);
        (await ListAsync($"entity={code}&to={today.AddDays(-1):yyyy-MM-dd}")).TotalCount.ShouldBe(0);
        (await ListAsync($"entity={code}&from={today.AddDays(1):yyyy-MM-dd}")).TotalCount.ShouldBe(0);
        // Found by the OpenAPI fuzz test: the end of 9999-12-31 was asked for as the start of the day after (500).
        (await ListAsync($"entity={code}&to=9999-12-31")).TotalCount.ShouldBe(2);
        (await app.ApiAs(Roles.Manager).GetAsync($"{Api}/audit/export.csv?entity={code}&to=9999-12-31", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var all = await ListAsync("pageSize=50");
        all.Items.Select(r => r.Position).ShouldBeInOrder(SortDirection.Descending);
        await app.Api().GetAsync($"{Api}/audit?from=2025-02-01&to=2025-01-01", Ct).ShouldBeInvalidAsync("to");
        await app.Api().GetAsync($"{Api}/audit?pageSize=0", Ct).ShouldBeInvalidAsync("pageSize");
    }

    [Fact]
    public async Task Managers_and_administrators_read_the_trail_others_may_not()
    {
        (await app.ApiAs(Roles.Manager).GetAsync($"{Api}/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.ApiAs(Roles.Manager).GetAsync($"{Api}/audit/export.csv", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.ApiAs(Roles.Analyst).GetAsync($"{Api}/audit", Ct).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await app.ApiAs(Roles.Viewer).GetAsync($"{Api}/audit/export.csv", Ct).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await app.Anonymous().GetAsync($"{Api}/audit", Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Exports_the_filtered_records_as_csv_with_a_header()
    {
        var client = app.ApiAs(Roles.Analyst);
        var code = await NewMeetingAsync(client);
        var etag = (await client.GetAsync($"{Api}/meetings/{code}", Ct)).Headers.ETag!.Tag;
        await client.PutJsonAsync($"{Api}/meetings/{code}", new MeetingDraft { Title = "Renamed, for CSV", Date = new DateOnly(2023, 10, 10), Place = "Minsk" }, etag)
            .ShouldBeJsonAsync<MeetingDetailDto>();

        var response = await app.ApiAs(Roles.Manager).GetAsync($"{Api}/audit/export.csv?entityType=Meeting&entity={code}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("position,at,actorId,actor,entityType,entityId,entityKey,operation,changes");
        lines.Length.ShouldBe(3);
        lines[1].ShouldContain($",{Analyst},Meeting,");
        lines[1].ShouldContain(",Updated,");
        lines[1].ShouldContain("Title: Audited meeting → Renamed, for CSV");
        lines[2].ShouldContain(",Created,");
    }

    [Fact]
    public void No_route_can_change_or_delete_an_audit_record()
    {
        _ = app.Api();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/audit", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        routes.Count.ShouldBe(2);
        routes.SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods).Distinct().ShouldBe(["GET"]);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Changing_verbs_are_not_allowed_on_the_trail(string method)
    {
        var first = (await ListAsync("pageSize=1")).Items.Single();
        foreach (var path in new[] { $"{Api}/audit", $"{Api}/audit/{first.Position}" })
        {
            var response = await app.Api().SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_application_can_only_read_the_trail_and_the_database_refuses_changes()
    {
        var port = typeof(IApplicationDbContext).GetProperty(nameof(IApplicationDbContext.AuditRecords))!;
        port.PropertyType.ShouldBe(typeof(IQueryable<AuditRecord>));
        typeof(IApplicationDbContext).GetProperties().ShouldNotContain(p => p.PropertyType == typeof(DbSet<AuditRecord>));

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().AuditRecords.ShouldNotBeAssignableTo<DbSet<AuditRecord>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var count = await db.AuditTrail.CountAsync(Ct);
        count.ShouldBeGreaterThan(0, "seeding is audited");

        (await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditTrail" SET "ActorName" = 'someone else'""", Ct))).Message.ShouldContain("append-only");
        (await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditTrail" """, Ct))).Message.ShouldContain("append-only");
        (await db.AuditTrail.CountAsync(Ct)).ShouldBe(count);
        (await db.AuditTrail.CountAsync(r => r.ActorName == "someone else", Ct)).ShouldBe(0);
    }

    private async Task<PagedResult<AuditRecordDto>> ListAsync(string query) =>
        await app.ApiAs(Roles.Manager).GetAsync($"{Api}/audit?{query}", Ct).ShouldBeJsonAsync<PagedResult<AuditRecordDto>>();

    private async Task<List<AuditRecordDto>> RecordsAsync(string entityType, string? entity = null, string? actor = null)
    {
        var query = $"entityType={entityType}&pageSize={PagedResult<AuditRecordDto>.MaxPageSize}"
            + (entity is null ? string.Empty : $"&entity={Uri.EscapeDataString(entity)}")
            + (actor is null ? string.Empty : $"&actor={Uri.EscapeDataString(actor)}");
        return [.. (await ListAsync(query)).Items];
    }

    private static AuditFieldChange Change(AuditRecordDto record, string field) =>
        record.Changes.SingleOrDefault(c => c.Field == field) ?? throw new ShouldAssertException($"{record.EntityType} {record.Operation} has no change of {field}: {string.Join(", ", record.Changes.Select(c => c.Field))}");

    private static async Task<string> NewMeetingAsync(HttpClient client) =>
        (await client.NewMeetingAsync("AUD", LedgerData.FairQuote, "Audited meeting")).Code;

    private static CreateCommitmentCommand NewCommitment(string meeting) => new()
    {
        Meeting = meeting,
        Title = "Hold a joint trade fair",
        Kind = CommitmentKind.CulturalEvent,
        Issuer = "BY",
        Spans = [new SpanInput(null, null, null, "hold a joint trade fair")],
    };
}

public sealed class SqliteAuditTrailTests(SqliteAppFactory app) : AuditTrailTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlAuditTrailTests(PostgreSqlAppFactory app) : AuditTrailTests(app), IClassFixture<PostgreSqlAppFactory>;
