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
        // The Mediator source generator reads this lambda as syntax at compile time and bakes the lifetime and the
        // behaviours into its registrations. A mutant inside it (Stryker puts the statements under an if) makes the
        // generator drop the whole configuration without failing the build: handlers become singletons that cannot take
        // the scoped DbContext, the behaviours vanish, and every mutant looks killed by every ledger test. So the call is
        // left unmutated (ADR 0040); CompositionTests pins what the generator must read here.
        // Stryker disable once all : input of the Mediator source generator, see the comment above
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(TelemetryBehaviour<,>), typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>)];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);
        services.AddAutoMapper(cfg => cfg.LicenseKey = autoMapperLicenseKey, typeof(DependencyInjection).Assembly);
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<AppTelemetry>();
        services.AddSingleton<IDomainEventRecorder, Webhooks.EventRecorders.WebhookOutbox>();
        return services;
    }
}
