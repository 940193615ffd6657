using System.Diagnostics.Metrics;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Common.Telemetry;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Application.Webhooks.Commands.AnnounceOverdue;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Webhooks;

/// <summary>
/// The overdue gauge operators scrape is the announcement run's figure, read from the dashboard projection (decision
/// 0046): the scenario has two commitments overdue today (NSK-2023-002 and NSK-2023-006).
/// </summary>
public sealed class OverdueGaugeTests
{
    [Fact]
    public async Task An_announcement_run_sets_the_gauge_to_the_commitments_overdue_today()
    {
        await using var ledger = await TestLedger.CreateAsync();
        await Scenario.BuildAsync(ledger);
        ledger.Actor = TestLedger.Person("root", Roles.Administrator);

        (await ledger.SendAsync(new AnnounceOverdueCommand())).ShouldBe(2);

        var measured = await ledger.InScopeAsync(services => Task.FromResult(Observe(services.GetRequiredService<IMeterFactory>())));
        measured.ShouldBe([2L]);
    }

    /// <summary>The gauge's current values, from the meter this ledger's services made (other tests run their own).</summary>
    private static List<long> Observe(IMeterFactory factory)
    {
        var values = new List<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AppTelemetry.Name && instrument.Meter.Scope == factory && instrument.Name == "commitment_tracker.commitments.overdue")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => values.Add(value));
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
