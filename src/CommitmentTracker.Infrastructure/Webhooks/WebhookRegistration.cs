using CommitmentTracker.Application.Webhooks.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Infrastructure.Webhooks;

public static class WebhookRegistration
{
    /// <summary>The outbox interceptor, signing secrets, the HTTP client and (unless turned off) the delivery worker.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(WebhookOptions.Section);
        services.Configure<WebhookOptions>(section);
        services.AddScoped<ISaveChangesInterceptor, WebhookOutboxInterceptor>();

        var dataProtection = services.AddDataProtection();
        if (configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
        {
            // Webhook secrets are encrypted with these keys: keep them with the data, or the secrets cannot be read after a move.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        services.AddSingleton<IWebhookSecrets, DataProtectionWebhookSecrets>();
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The worker logs each failed attempt once, in words; the client's own logs would repeat it with a stack trace.
            .RemoveAllLoggers();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<OverdueCheck>();
        if (section.GetValue(nameof(WebhookOptions.WorkerEnabled), true))
        {
            services.AddHostedService<WebhookWorker>();
        }

        return services;
    }
}
