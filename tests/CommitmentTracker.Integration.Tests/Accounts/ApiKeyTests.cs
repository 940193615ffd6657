using System.Net;
using System.Security.Cryptography;
using System.Text;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.ApiKeys;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure.Persistence;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Accounts;

/// <summary>API keys: issued by administrators, shown once, stored as a hash, limited by scope, revocable, expiring.</summary>
public abstract class ApiKeyTests(AppFactory app)
{
    private const string Keys = "/api/v1/api-keys";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_key_text_is_shown_once_and_only_its_hash_is_stored()
    {
        var admin = app.Api();
        var response = await admin.PostJsonAsync(Keys, new CreateApiKeyCommand("Reporting service", [ApiScopes.Read]));
        var created = await response.ShouldBeJsonAsync<CreatedApiKeyDto>(HttpStatusCode.Created);

        ApiKeySecret.TryParse(created.Key, out var secret).ShouldBeTrue(created.Key);
        created.ApiKey.Prefix.ShouldBe(secret.Prefix);
        created.ApiKey.Scopes.ShouldBe([ApiScopes.Read]);
        created.ApiKey.OwnerName.ShouldBe(TestUsers.NameFor(Roles.Administrator));
        created.ApiKey.State.ShouldBe(ApiKeyState.Active);
        response.Headers.Location!.ToString().ShouldEndWith(created.ApiKey.Id.ToString());

        var listing = await admin.GetStringAsync(Keys, Ct);
        listing.ShouldContain(created.ApiKey.Prefix);
        listing.ShouldNotContain(secret.Secret);
        listing.ShouldNotContain(secret.Hash);

        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiKeys.SingleAsync(k => k.Id == created.ApiKey.Id, Ct);
        stored.SecretHash.ShouldNotBe(created.Key);
        stored.SecretHash.ShouldNotContain(secret.Secret);
        stored.SecretHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Secret))));
    }

    [Fact]
    public async Task A_read_key_reads_and_records_its_use_but_cannot_write()
    {
        var key = await CreateKeyAsync("Dashboard feed", [ApiScopes.Read]);
        var client = WithKey(key.Key);

        (await client.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var problem = await client.PostJsonAsync("/api/v1/commitments", SomeCommitment()).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("detail").GetString()!.ShouldContain("write scope");

        (await ListAsync()).Single(k => k.Id == key.ApiKey.Id).LastUsedAt.ShouldBe(app.Clock.Now);
    }

    [Fact]
    public async Task A_key_held_in_memory_still_records_a_use_made_a_minute_later()
    {
        var started = app.Clock.Now;
        var key = await CreateKeyAsync("Nightly export", [ApiScopes.Read]);
        var client = WithKey(key.Key);
        (await client.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Now = started.AddSeconds(30);
        try
        {
            (await client.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ListAsync()).Single(k => k.Id == key.ApiKey.Id).LastUsedAt.ShouldBe(started);

            app.Clock.Now = started.AddMinutes(2);
            (await client.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ListAsync()).Single(k => k.Id == key.ApiKey.Id).LastUsedAt.ShouldBe(started.AddMinutes(2));
        }
        finally
        {
            app.Clock.Now = started;
        }
    }

    [Fact]
    public async Task A_write_key_can_write_and_is_recorded_as_the_author()
    {
        var key = await CreateKeyAsync("Capture bot", [ApiScopes.Read, ApiScopes.Write]);
        var code = "KEY-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var meeting = await WithKey(key.Key).PostJsonAsync("/api/v1/meetings", new CreateMeetingCommand
        {
            Code = code,
            Title = "Written with a key",
            Date = new DateOnly(2024, 5, 1),
            Place = "Minsk",
        }).ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);

        meeting.Code.ShouldBe(code);
        var audit = await app.Api().GetAsync($"/api/v1/audit?entityType=Meeting&entity={code}", Ct).ShouldBeJsonAsync<PagedResult<AuditRecordDto>>();
        var record = audit.Items.ShouldHaveSingleItem();
        record.ActorName.ShouldBe("key: Capture bot");
        record.ActorId.ShouldBe($"key:{key.ApiKey.Id}");
    }

    [Fact]
    public async Task A_revoked_key_is_refused_saying_so_and_stays_listed()
    {
        var key = await CreateKeyAsync("Old integration", [ApiScopes.Read]);
        // Used first, so the key is held in memory (decision 0042): the revoke must still take effect at once.
        (await WithKey(key.Key).GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revoked = await app.Api().PostAsync($"{Keys}/{key.ApiKey.Id}/revoke", null, Ct).ShouldBeJsonAsync<ApiKeyDto>();
        revoked.State.ShouldBe(ApiKeyState.Revoked);
        revoked.RevokedBy.ShouldBe(TestUsers.NameFor(Roles.Administrator));

        var problem = await WithKey(key.Key).GetAsync("/api/v1/commitments", Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString()!.ShouldContain("revoked");
        (await ListAsync()).Single(k => k.Id == key.ApiKey.Id).RevokedAt.ShouldBe(app.Clock.Now);
        await app.Api().PostAsync($"{Keys}/{Guid.NewGuid()}/revoke", null, Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_expired_key_is_refused_saying_so()
    {
        var created = app.Clock.Now;
        var key = await CreateKeyAsync("Trial", [ApiScopes.Read], created.AddDays(1));
        (await WithKey(key.Key).GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Clock.Now = created.AddDays(2);
        try
        {
            var problem = await WithKey(key.Key).GetAsync("/api/v1/commitments", Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            problem.GetProperty("detail").GetString()!.ShouldContain("expired");
            (await ListAsync()).Single(k => k.Id == key.ApiKey.Id).State.ShouldBe(ApiKeyState.Expired);
        }
        finally
        {
            app.Clock.Now = created;
        }
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("ctk_0000000_short")]
    [InlineData("ctk_00000000_UnknownSecretUnknownSecretUnknownSecret")]
    public async Task Malformed_and_unknown_keys_are_refused(string text) =>
        await WithKey(text).GetAsync("/api/v1/commitments", Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task A_known_prefix_with_the_wrong_secret_is_refused()
    {
        var key = await CreateKeyAsync("Guessable?", [ApiScopes.Read]);
        ApiKeySecret.TryParse(key.Key, out var secret).ShouldBeTrue();

        await WithKey($"ctk_{secret.Prefix}_{new string('A', 43)}").GetAsync("/api/v1/commitments", Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_administrators_manage_keys()
    {
        var request = new CreateApiKeyCommand("Sneaky", [ApiScopes.Write]);
        await app.ApiAs(Roles.Analyst).PostJsonAsync(Keys, request).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await app.ApiAs(Roles.Manager).GetAsync(Keys, Ct).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await app.Anonymous().PostJsonAsync(Keys, request).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // A key never administers, whatever its scopes.
        var key = await CreateKeyAsync("Writer", [ApiScopes.Write]);
        await WithKey(key.Key).PostJsonAsync(Keys, request).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        var admin = app.Api();
        await admin.PostJsonAsync(Keys, new CreateApiKeyCommand("", [ApiScopes.Read])).ShouldBeInvalidAsync("name");
        await admin.PostJsonAsync(Keys, new CreateApiKeyCommand(new string('k', 101), [ApiScopes.Read])).ShouldBeInvalidAsync("name");
        await admin.PostJsonAsync(Keys, new CreateApiKeyCommand("No scopes", [])).ShouldBeInvalidAsync("scopes");
        (await admin.PostJsonAsync(Keys, new CreateApiKeyCommand("Admin scope", [ApiScopes.Read, "admin"])).ShouldBeInvalidAsync("scopes"))[0].ShouldContain("'admin'");
        await admin.PostJsonAsync(Keys, new CreateApiKeyCommand("Past", [ApiScopes.Read], app.Clock.Now.AddMinutes(-1))).ShouldBeInvalidAsync("expiresAt");
    }

    private async Task<CreatedApiKeyDto> CreateKeyAsync(string name, string[] scopes, DateTimeOffset? expiresAt = null) =>
        await app.Api().PostJsonAsync(Keys, new CreateApiKeyCommand(name, scopes, expiresAt)).ShouldBeJsonAsync<CreatedApiKeyDto>(HttpStatusCode.Created);

    private async Task<List<ApiKeyDto>> ListAsync() => await app.Api().GetAsync(Keys, Ct).ShouldBeJsonAsync<List<ApiKeyDto>>();

    private HttpClient WithKey(string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeySecret.Header, key);
        return client;
    }

    private static CreateCommitmentCommand SomeCommitment() => new()
    {
        Meeting = "NSK-2023",
        Title = "Not allowed for a read key",
        Kind = CommitmentKind.Pledge,
        Issuer = "BY",
        Spans = [new SpanInput(null, null, null, "trade")],
    };
}

public sealed class SqliteApiKeyTests(SqliteAppFactory app) : ApiKeyTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlApiKeyTests(PostgreSqlAppFactory app) : ApiKeyTests(app), IClassFixture<PostgreSqlAppFactory>;
