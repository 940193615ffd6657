using System.Net;
using System.Text.Json;
using CommitmentTracker.Application.Webhooks.Commands.CreateSubscription;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Integration.Tests.Infrastructure;
using static CommitmentTracker.Integration.Tests.Webhooks.WebhookTestKit;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>Administrators manage subscriptions over the API; the secret is shown once; bad input names the field.</summary>
public abstract class WebhookSubscriptionApiTests(AppFactory app)
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creates_a_subscription_showing_the_secret_once_then_revises_disables_enables_and_deletes_it()
    {
        var client = app.Api();
        var response = await client.PostJsonAsync($"{Api}/webhooks", new CreateSubscriptionCommand
        {
            Name = "Ministry dashboard",
            Url = "https://example.org/hooks/commitments",
            EventTypes = ["commitment.created", "status.appended"],
        });
        var created = await response.ShouldBeJsonAsync<CreatedSubscriptionDto>(HttpStatusCode.Created);

        created.Secret.ShouldStartWith("whsec_");
        created.Subscription.IsEnabled.ShouldBeTrue();
        response.Headers.Location!.AbsolutePath.ShouldBe($"/api/v1/webhooks/{created.Subscription.Id}", "Location is the absolute URL of the new resource");
        var id = created.Subscription.Id;
        var read = await client.GetAsync($"{Api}/webhooks/{id}", Ct);
        (await read.Content.ReadAsStringAsync(Ct)).ShouldNotContain(created.Secret);
        (await client.GetStringAsync($"{Api}/webhooks", Ct)).ShouldNotContain(created.Secret);

        var changes = new SubscriptionDraft { Name = "Ministry dashboard", Url = "https://example.org/v2", EventTypes = ["commitment.overdue"] };
        await client.PutJsonAsync($"{Api}/webhooks/{id}", changes, ifMatch: null).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var revised = await client.PutJsonAsync($"{Api}/webhooks/{id}", changes, read.Headers.ETag!.Tag).ShouldBeJsonAsync<SubscriptionDto>();
        revised.EventTypes.ShouldBe(["commitment.overdue"]);
        await client.PutJsonAsync($"{Api}/webhooks/{id}", changes, read.Headers.ETag!.Tag).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var disabled = await client.PostJsonAsync($"{Api}/webhooks/{id}/disable", new { reason = "Receiver is being moved" }).ShouldBeJsonAsync<SubscriptionDto>();
        disabled.IsEnabled.ShouldBeFalse();
        disabled.DisabledReason.ShouldBe("Receiver is being moved");
        var enabled = await client.PostAsync($"{Api}/webhooks/{id}/enable", null, Ct).ShouldBeJsonAsync<SubscriptionDto>();
        enabled.IsEnabled.ShouldBeTrue();
        enabled.DisabledReason.ShouldBeNull();

        (await client.DeleteAsync($"{Api}/webhooks/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await client.GetAsync($"{Api}/webhooks/{id}", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("ftp://example.org/hook", "commitment.created", "url", "absolute http(s) URL")]
    [InlineData("/relative/hook", "commitment.created", "url", "absolute http(s) URL")]
    [InlineData("https://example.org/hook", "commitment.deleted", "eventTypes[0]", "'commitment.deleted' is not an event type")]
    public async Task Refuses_a_bad_url_or_an_unknown_event_naming_the_field(string url, string eventType, string field, string expected)
    {
        var messages = await app.Api().PostJsonAsync($"{Api}/webhooks", new CreateSubscriptionCommand { Name = "Bad", Url = url, EventTypes = [eventType] })
            .ShouldBeInvalidAsync(field);

        messages[0].ShouldContain(expected);
    }

    [Fact]
    public async Task Refuses_a_subscription_without_a_name_or_events()
    {
        var problem = await app.Api().PostJsonAsync($"{Api}/webhooks", new { url = "https://example.org/hook", eventTypes = Array.Empty<string>() })
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["name", "eventTypes"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_revision_with_a_bad_url_names_the_field_as_sent()
    {
        var client = app.Api();
        var created = await client.SubscribeAsync("https://example.org/hook", "commitment.created");

        await client.PutJsonAsync($"{Api}/webhooks/{created.Subscription.Id}", new SubscriptionDraft { Name = "x", Url = "not a url", EventTypes = ["commitment.created"] }, "\"1-0\"")
            .ShouldBeInvalidAsync("url");
    }

    [Fact]
    public async Task Deliveries_of_an_unknown_subscription_are_not_found()
    {
        var problem = await app.Api().GetAsync($"{Api}/webhooks/{Guid.NewGuid()}/deliveries", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Webhook subscription");
        JsonSerializer.Serialize(problem).ShouldNotContain("   at ");
    }
}

public sealed class SqliteWebhookSubscriptionApiTests(SqliteAppFactory app) : WebhookSubscriptionApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlWebhookSubscriptionApiTests(PostgreSqlAppFactory app) : WebhookSubscriptionApiTests(app), IClassFixture<PostgreSqlAppFactory>;
