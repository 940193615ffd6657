using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Common.Telemetry;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the use cases (source-generated Mediator), their validators and the read-model maps.
    /// Handlers are scoped: each API request or UI action gets its own DbContext. Without a license key
    /// AutoMapper logs one start-up warning (it is free for development and testing).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, string? autoMapperLicenseKey)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(TelemetryBehaviour<,>), typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>)];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddAutoMapper(cfg => cfg.LicenseKey = autoMapperLicenseKey, typeof(DependencyInjection).Assembly);
        services.AddSingleton(TimeProvider.System);

        // Defaults here; the Host binds the Evidence section over them (AddInfrastructure).
        services.AddOptions<Commitments.Common.EvidenceOptions>();
        services.AddMetrics();
        services.AddSingleton<AppTelemetry>();
        services.AddSingleton<IDomainEventRecorder, Webhooks.EventRecorders.WebhookOutbox>();
        return services;
    }
}
