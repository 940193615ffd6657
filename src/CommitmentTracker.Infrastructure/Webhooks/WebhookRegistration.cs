using CommitmentTracker.Application.Webhooks.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Infrastructure.Webhooks;

public static class WebhookRegistration
{
    /// <summary>Signing secrets, the HTTP client and (unless turned off) the delivery worker; the outbox fills from domain events.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WebhookOptions.Section);
        services.Configure<WebhookOptions>(section);

        // Secrets are encrypted with the data-protection keys, which live in the same database (see AddAccounts).
        services.AddSingleton<IWebhookSecrets, DataProtectionWebhookSecrets>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The worker logs each failed attempt once, in words; the client's own logs would repeat it with a stack trace.
            .RemoveAllLoggers();
        services.AddSingleton<WebhookDispatcher>();
        if (section.GetValue(nameof(WebhookOptions.WorkerEnabled), true))
        {
            services.AddHostedService<WebhookWorker>();
        }

        return services;
    }
}
