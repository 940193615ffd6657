using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Parties.Commands.CreateParty;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Application.Tests.Ledger;

/// <summary>
/// A small ledger written through the use cases themselves, with every figure known in advance, so a query test can
/// name the exact rows it expects. Two meetings, seven commitments:
/// <code>
/// code          kind           due phrase (window)                       issuer  lead / counterpart   status on 2024-02-01
/// NSK-2023-001  CulturalEvent  autumn 2024 (2024-09-01..2024-11-30)       BY      BY-GOV / RU-NVS      Captured
/// NSK-2023-002  Hub            by 1 December 2023 (..2023-12-01)          BY      BY / RU-NVS          InProgress from 2024-01-20 (overdue)
/// NSK-2023-003  TradeTarget    none                                       BY      BY / RU              Confirmed (target with an observation)
/// NSK-2023-004  Pledge         in the near future (open-ended)            BY      BY / –               Withdrawn on 2024-02-01
/// NSK-2023-005  Cooperation    by the end of Q1 2024 (..2024-03-31)       RU-NVS  RU-NVS / BY          Fulfilled on 2024-01-25
/// NSK-2023-006  Instruction    by the end of October (..2023-10-31)       BY-GOV  BY-GOV / –           Stalled from 2024-01-12 (overdue)
/// MSK-2024-001  Instruction    this year (2024-01-08..2024-12-31)         RU      RU / BY              Captured
/// </code>
/// The captures are recorded a minute apart in the order of the table (NSK-2023-001 at <see cref="TestLedger.Start"/>,
/// 2024-01-10 09:00, … MSK-2024-001 at 09:06), the later entries a minute apart from <see cref="AppendedAt"/>
/// (2024-02-01 10:00) in the order 002, 003, 006, 005, 004, so "last updated" orders them without ties; the clock is
/// left on 2024-02-01 10:04.
/// </summary>
public static class Scenario
{
    public static readonly DateOnly NovosibirskDay = new(2023, 10, 10);
    public static readonly DateOnly MoscowDay = new(2024, 1, 8);
    public static readonly DateOnly CaptureDay = new(2024, 1, 10);
    public static readonly DateOnly Today = new(2024, 2, 1);

    /// <summary>When the first of the later entries is recorded; each one after it a minute later.</summary>
    public static readonly DateTimeOffset AppendedAt = new(2024, 2, 1, 10, 0, 0, TimeSpan.Zero);

    public const string NovosibirskRecord =
        "Novosibirsk, 10 October 2023. The sides agreed to hold the Days of Belarus in Novosibirsk Oblast in autumn 2024. "
        + "Belarus will open a trade house in Novosibirsk by 1 December 2023. We need to balance our trade. "
        + "Belarus will supply buses to Novosibirsk in the near future. The region will sign an education roadmap by the end of Q1 2024. "
        + "The government will present a tram project by the end of October.";

    public const string MoscowRecord = "Moscow, 8 January 2024. The President instructed the government to prepare a joint programme this year.";

    public static readonly string[] Codes = ["MSK-2024-001", "NSK-2023-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005", "NSK-2023-006"];

    /// <summary>Registers the parties: Belarus and its government, Russia and Novosibirsk Oblast.</summary>
    public static async Task PartiesAsync(TestLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        await ledger.SendAsync(new CreatePartyCommand { Key = "BY", Name = "Republic of Belarus", Kind = PartyKind.State, Aliases = ["Belarus"] });
        await ledger.SendAsync(new CreatePartyCommand { Key = "BY-GOV", Name = "Government of Belarus", Kind = PartyKind.Government, Parent = "BY" });
        await ledger.SendAsync(new CreatePartyCommand { Key = "RU", Name = "Russian Federation", Kind = PartyKind.State, Aliases = ["Russia"] });
        await ledger.SendAsync(new CreatePartyCommand { Key = "RU-NVS", Name = "Novosibirsk Oblast", Kind = PartyKind.Region, Parent = "RU" });
    }

    public static Task<MeetingDetailDto> MeetingAsync(TestLedger ledger, string code, DateOnly date, string record, string place = "Novosibirsk")
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.SendAsync(new CreateMeetingCommand(
            code,
            new MeetingDraft
            {
                Title = $"Talks in {place}",
                Date = date,
                Place = place,
                Format = MeetingFormat.Talks,
                Participants = [new ParticipantInput("BY", null, null, ParticipantRole.Host), new ParticipantInput("RU-NVS", null, null, ParticipantRole.Guest)],
            },
            new DocumentInput($"Record of the talks in {place}", null, "en", record, null)));
    }

    /// <summary>A capture with the quote as its only span (found in the meeting's one document).</summary>
    public static Task<CommitmentDetailDto> CaptureAsync(
        TestLedger ledger, string meeting, string quote, string title, CommitmentKind kind, string issuer, string? due,
        IReadOnlyList<ResponsibilityInput> responsibilities, string? code = null, Modality modality = Modality.Firm,
        TargetInput? target = null, IReadOnlyList<string>? tags = null, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.SendAsync(new CreateCommitmentCommand(meeting, code, new CommitmentDraft
        {
            Title = title,
            Summary = summary,
            Kind = kind,
            Modality = modality,
            Issuer = issuer,
            Due = due,
            Responsibilities = responsibilities,
            Tags = tags,
            Spans = [new SpanInput(null, null, null, quote)],
            Target = target,
        }));
    }

    public static ResponsibilityInput Lead(string party) => new(party, ResponsibilityRole.Lead);

    public static ResponsibilityInput Counterpart(string party) => new(party, ResponsibilityRole.Counterpart);

    /// <summary>The whole ledger of the table above, the clock left on <see cref="Today"/>.</summary>
    public static async Task BuildAsync(TestLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        await PartiesAsync(ledger);
        await MeetingAsync(ledger, "NSK-2023", NovosibirskDay, NovosibirskRecord);
        await MeetingAsync(ledger, "MSK-2024", MoscowDay, MoscowRecord, "Moscow");

        await CaptureAsync(ledger, "NSK-2023", "hold the Days of Belarus in Novosibirsk Oblast in autumn 2024", "Hold the Days of Belarus in Novosibirsk Oblast",
            CommitmentKind.CulturalEvent, "BY", "autumn 2024", [Lead("BY-GOV"), Counterpart("RU-NVS")], tags: ["culture"]);
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaptureAsync(ledger, "NSK-2023", "open a trade house in Novosibirsk by 1 December 2023", "Open a trade house in Novosibirsk",
            CommitmentKind.Hub, "BY", "by 1 December 2023", [Lead("BY"), Counterpart("RU-NVS")], summary: "A permanent showroom for Belarusian machinery.");
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaptureAsync(ledger, "NSK-2023", "We need to balance our trade.", "Balance the trade",
            CommitmentKind.TradeTarget, "BY", null, [Lead("BY"), Counterpart("RU")], modality: Modality.Tentative,
            target: new TargetInput("Trade turnover", "usd", TargetDirection.Balance, 1_200_000_000m, new DateOnly(2022, 12, 31), null, null,
                [new ObservationInput(new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30), 700_000_000m, "Customs statistics")]));
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaptureAsync(ledger, "NSK-2023", "supply buses to Novosibirsk in the near future", "Supply buses to Novosibirsk",
            CommitmentKind.Pledge, "BY", "in the near future", [Lead("BY")], modality: Modality.Conditional);
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaptureAsync(ledger, "NSK-2023", "sign an education roadmap by the end of Q1 2024", "Sign an education roadmap",
            CommitmentKind.Cooperation, "RU-NVS", "by the end of Q1 2024", [Lead("RU-NVS"), Counterpart("BY")]);
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaptureAsync(ledger, "NSK-2023", "present a tram project by the end of October", "Present a tram project",
            CommitmentKind.Instruction, "BY-GOV", "by the end of October", [Lead("BY-GOV")]);
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaptureAsync(ledger, "MSK-2024", "prepare a joint programme this year", "Prepare a joint programme",
            CommitmentKind.Instruction, "RU", "this year", [Lead("RU"), Counterpart("BY")]);

        ledger.Clock.SetUtcNow(AppendedAt);
        await AppendAsync(ledger, "NSK-2023-002", LifecycleStatus.InProgress, new DateOnly(2024, 1, 20));
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync(ledger, "NSK-2023-003", LifecycleStatus.Confirmed, null);
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync(ledger, "NSK-2023-006", LifecycleStatus.Stalled, new DateOnly(2024, 1, 12), "No design bureau was named.");

        var analyst = ledger.Actor;
        ledger.Actor = TestLedger.Person("max", Roles.Manager);
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync(ledger, "NSK-2023-005", LifecycleStatus.Fulfilled, new DateOnly(2024, 1, 25));
        ledger.Clock.Advance(TimeSpan.FromMinutes(1));
        await AppendAsync(ledger, "NSK-2023-004", LifecycleStatus.Withdrawn, null, "The buses were bought elsewhere.");
        ledger.Actor = analyst;
    }

    public static Task<StatusEntryDto> AppendAsync(TestLedger ledger, string code, LifecycleStatus status, DateOnly? effectiveOn, string? rationale = null, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ledger.SendAsync(new AppendStatusEntryCommand(code, expectedVersion, new StatusEntryDraft { Status = status, EffectiveOn = effectiveOn, Rationale = rationale }));
    }
}

/// <summary>The scenario's ledger, built once for a test class whose tests only read it.</summary>
public sealed class ScenarioLedger : IAsyncLifetime
{
    public TestLedger Ledger { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Ledger = await TestLedger.CreateAsync();
        await Scenario.BuildAsync(Ledger);
    }

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
    }
}
