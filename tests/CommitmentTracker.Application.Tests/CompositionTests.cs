using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests;

/// <summary>
/// What the Mediator source generator must have read from <c>AddApplication</c>'s options lambda. It reads that lambda as
/// syntax when the assembly is compiled; one it cannot parse makes it generate a fallback that registers no handler,
/// no behaviour and no <c>ISender</c>. That happened inside Stryker's mutated builds, which ignore the generator's error
/// (ADR 0040): every ledger test then failed in every mutant session. If it happens again, these tests name the cause.
/// </summary>
public sealed class CompositionTests
{
    private static readonly ServiceCollection Services = Compose();

    [Fact]
    public void Handlers_are_scoped_so_each_request_gets_its_own_database_context()
    {
        Services.Where(d => d.ServiceType == typeof(ICommandHandler<AppendStatusEntryCommand, StatusEntryDto>))
            .Select(d => d.Lifetime)
            .ShouldBe([ServiceLifetime.Scoped], "the generator registered no handler, or did not read options.ServiceLifetime");
    }

    [Fact]
    public void Every_request_runs_behind_telemetry_then_authorization_then_validation()
    {
        Services.Where(d => d.ServiceType == typeof(IPipelineBehavior<AppendStatusEntryCommand, StatusEntryDto>))
            .Select(d => d.ImplementationType)
            .ShouldBe(
                [
                    typeof(TelemetryBehaviour<AppendStatusEntryCommand, StatusEntryDto>),
                    typeof(AuthorizationBehaviour<AppendStatusEntryCommand, StatusEntryDto>),
                    typeof(ValidationBehaviour<AppendStatusEntryCommand, StatusEntryDto>),
                ],
                "the generator did not read options.PipelineBehaviors");
    }

    private static ServiceCollection Compose()
    {
        var services = new ServiceCollection();
        services.AddApplication(autoMapperLicenseKey: null);
        return services;
    }
}
