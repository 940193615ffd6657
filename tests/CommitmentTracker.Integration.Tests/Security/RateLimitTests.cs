using System.Globalization;
using System.Net;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CommitmentTracker.Integration.Tests.Security;

/// <summary>The app with a write limit small enough to reach in a test.</summary>
public sealed class RateLimitedAppFactory : SqliteAppFactory
{
    public const int WritesPerMinute = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:WritesPerMinute", WritesPerMinute.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Writes are limited per user or key (a fixed one-minute window); the caller over the limit gets 429 with
/// Retry-After, everyone else and every read carry on.
/// </summary>
public sealed class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    private const int Limit = RateLimitedAppFactory.WritesPerMinute;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_write_over_the_limit_is_a_429_problem_with_retry_after()
    {
        var analyst = app.ApiAs(Roles.Analyst);

        var refused = await WriteUntilRefusedAsync(analyst);

        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.GetValues("Retry-After").ShouldHaveSingleItem();
        int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds).ShouldBeTrue($"Retry-After '{retryAfter}' is not whole seconds");
        seconds.ShouldBeInRange(1, 60);

        // Reads are never limited, not even for the caller who is.
        for (var i = 0; i < Limit * 2; i++)
        {
            (await analyst.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Another person, and a key, each have their own allowance.
        // The probe write is empty, so a write that got through is answered 400 (invalid), never 429 nor anything else.
        await Write(app.ApiAs(Roles.Manager)).ShouldBeInvalidAsync("code");
        var key = await app.Api().PostJsonAsync("/api/v1/api-keys", new CreateApiKeyCommand("Rate limit probe", [ApiScopes.Write]))
            .ShouldBeJsonAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        var keyClient = app.Anonymous();
        keyClient.DefaultRequestHeaders.Add(ApiKeySecret.Header, key.Key);
        await Write(keyClient).ShouldBeInvalidAsync("code");
    }

    [Fact]
    public async Task Reads_are_never_limited()
    {
        var viewer = app.ApiAs(Roles.Viewer);
        for (var i = 0; i < Limit * 4; i++)
        {
            (await viewer.GetAsync("/api/v1/summary", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>
    /// The first <see cref="Limit"/> writes always pass (a fresh allowance); the next one is refused unless the
    /// minute happened to turn in between, so the refusal is expected by write 2×limit+1 at the latest.
    /// </summary>
    private static async Task<HttpResponseMessage> WriteUntilRefusedAsync(HttpClient client)
    {
        for (var write = 1; write <= (2 * Limit) + 1; write++)
        {
            var response = await Write(client);
            if (write <= Limit)
            {
                await response.ShouldBeInvalidAsync("code");
            }
            else if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }
        }

        throw new ShouldAssertException($"{(2 * Limit) + 1} writes in a row were never refused");
    }

    // A write the app refuses as invalid still counts: the limit is on attempts, before anything is read.
    private static Task<HttpResponseMessage> Write(HttpClient client) => client.PostJsonAsync("/api/v1/meetings", new { });
}
