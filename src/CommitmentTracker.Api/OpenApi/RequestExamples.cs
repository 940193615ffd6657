using CommitmentTracker.Api.Endpoints;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.CalendarFeeds.Commands.CreateCalendarFeed;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Import.Commands.ProposePassage;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Application.Parties.Commands.CreateParty;
using CommitmentTracker.Application.SavedViews.Commands.CreateSavedView;
using CommitmentTracker.Application.SavedViews.Common;
using CommitmentTracker.Application.Webhooks.Commands.CreateSubscription;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using CommitmentTracker.Domain.Webhooks;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// One realistic example per request type, written as the type itself so it cannot drift from the schema, with
/// values from the seeded Belarus–Novosibirsk Oblast and Krasnodar Territory meetings (the span offsets index into
/// the seeded Novosibirsk record, so the examples run against a fresh database). A new request type without an
/// entry here fails OpenApiDocumentTests, naming its operation.
/// </summary>
public static class RequestExamples
{
    public static IReadOnlyDictionary<Type, object> Bodies { get; } = new Dictionary<Type, object>
    {
        [typeof(CreateCommitmentCommand)] = new CreateCommitmentCommand
        {
            Meeting = "NSK-2023",
            Title = "Find mutually beneficial directions of cooperation",
            Kind = CommitmentKind.Cooperation,
            Modality = Modality.Tentative,
            Issuer = "BY",
            Due = "next year",
            Responsibilities = [new("BY-GOV", ResponsibilityRole.Lead), new("RU-NVS", ResponsibilityRole.Counterpart)],
            Tags = ["trade"],
            Spans = [new(null, 1502, 1587, "There are plenty of directions and opportunities for mutually beneficial cooperation.")],
        },
        // A merge names the proposal the one in the path restates: ids come from GET /meetings/{code}/candidates.
        [typeof(CandidateMerge)] = new CandidateMerge(Guid.Parse("0193b8a2-5c1e-7d3a-9f20-4e6b8c1d2a37")),
        [typeof(PassageChoice)] = new PassageChoice(Guid.Parse("0193b8a2-4f0d-7c11-8e52-3a9d6b7c1e04"), 412, 531),
        [typeof(CommitmentDraft)] = new CommitmentDraft
        {
            Title = "Organize the Days of Belarus in Novosibirsk Oblast in autumn 2024",
            Summary = "The President instructed a serious approach to organising the Days of Belarus in Novosibirsk Oblast.",
            Kind = CommitmentKind.CulturalEvent,
            Modality = Modality.Firm,
            Issuer = "BY",
            Due = "autumn 2024",
            Responsibilities = [new("BY", ResponsibilityRole.Lead), new("RU-NVS", ResponsibilityRole.Counterpart)],
            Tags = ["culture"],
            Spans = [new(null, 4818, 4939, "He instructed to take a serious approach to the organization of the Days of Belarus in Novosibirsk Oblast in autumn 2024.")],
        },
        [typeof(BulkChangeCommitmentsCommand)] = new BulkChangeCommitmentsCommand(
            ["NSK-2023-009", "NSK-2023-010"],
            BulkAction.RecordStatus,
            new StatusEntryDraft { Status = LifecycleStatus.Stalled, Rationale = "Financing for both events stopped in March.", EffectiveOn = new DateOnly(2024, 3, 15) }),
        [typeof(StatusEntryDraft)] = new StatusEntryDraft
        {
            Status = LifecycleStatus.Confirmed,
            Confidence = Confidence.Amber,
            Rationale = "The Ministry of Culture confirmed the programme of the Days of Belarus in Novosibirsk Oblast.",
            EvidenceLinks = ["https://example.org/days-of-belarus-novosibirsk-2024/programme"],
        },
        [typeof(CreateMeetingCommand)] = new CreateMeetingCommand
        {
            Code = "NSK-2024",
            Title = "Days of Belarus in Novosibirsk Oblast: talks with Governor Andrei Travnikov",
            Date = new DateOnly(2024, 10, 15),
            Place = "Novosibirsk",
            Format = MeetingFormat.Visit,
            Summary = "Follow-up talks during the Days of Belarus in Novosibirsk Oblast on trade, the tram modernisation project and the trade centre in Novosibirsk.",
            Participants =
            [
                new("BY-GOV", null, "Delegation of the Government of Belarus", ParticipantRole.Guest),
                new("RU-NVS", "Andrei Travnikov", "Governor of Novosibirsk Oblast", ParticipantRole.Host),
            ],
        },
        [typeof(MeetingDraft)] = new MeetingDraft
        {
            Title = "Meeting with Governor of Russia’s Novosibirsk Oblast Andrei Travnikov",
            Date = new DateOnly(2023, 10, 10),
            Place = "Minsk",
            Format = MeetingFormat.Bilateral,
            Summary = "Trade, industrial, agro-industrial, scientific, educational and cultural cooperation between Belarus and Novosibirsk Oblast.",
            Participants =
            [
                new("BY", "Aleksandr Lukashenko", "President of Belarus", ParticipantRole.Host),
                new("RU-NVS", "Andrei Travnikov", "Governor of Novosibirsk Oblast", ParticipantRole.Guest),
            ],
        },
        [typeof(ImportMeetingCommand)] = new ImportMeetingCommand
        {
            Code = "KRD-2024",
            Title = "Meeting with Governor of Krasnodar Territory Veniamin Kondratyev",
            Date = new DateOnly(2024, 9, 17),
            Place = "Minsk",
            Format = MeetingFormat.Bilateral,
            DocumentTitle = "Meeting with Governor of Krasnodar Territory Veniamin Kondratyev",
            Url = new Uri("https://president.gov.by/en/events/"),
            Language = "en",
            Speaker = "BY",
            Participants =
            [
                new("BY", "Aleksandr Lukashenko", "President of Belarus", ParticipantRole.Host),
                new("RU-KDA", "Veniamin Kondratyev", "Governor of Krasnodar Territory", ParticipantRole.Guest),
            ],
            Text = "The President instructed the government to prepare a joint programme with Krasnodar Territory by the end of the year.",
        },
        [typeof(ImportFileForm)] = new ImportFileForm
        {
            Code = "KRD-2024",
            Title = "Meeting with Governor of Krasnodar Territory Veniamin Kondratyev",
            Date = new DateOnly(2024, 9, 17),
            Place = "Minsk",
            Format = MeetingFormat.Bilateral,
            Url = "https://president.gov.by/en/events/",
            Language = "en",
            Host = "BY",
            Guests = "RU-KDA",
        },
        [typeof(StatusEntryUploadForm)] = new StatusEntryUploadForm
        {
            Status = LifecycleStatus.InProgress,
            Confidence = Confidence.Green,
            Rationale = "The joint commission's minutes record the first shipment.",
            EffectiveOn = new DateOnly(2024, 11, 28),
        },
        [typeof(CreatePartyCommand)] = new CreatePartyCommand
        {
            Key = "RU-TVE",
            Name = "Tver Oblast",
            Kind = PartyKind.Region,
            Parent = "RU",
            Aliases = ["Tver Region", "Тверская область"],
        },
        [typeof(PartyDraft)] = new PartyDraft
        {
            Name = "Novosibirsk Oblast",
            Kind = PartyKind.Region,
            Parent = "RU",
            Aliases = ["Novosibirsk Region", "Новосибирская область"],
        },
        [typeof(CreateCalendarFeedCommand)] = new CreateCalendarFeedCommand(
            "Novosibirsk due windows",
            new CommitmentFilter { Meeting = "NSK-2023", Party = "RU-NVS", Status = [LifecycleStatus.Confirmed, LifecycleStatus.InProgress] }),
        [typeof(CreateSavedViewCommand)] = new CreateSavedViewCommand("Stalled in Novosibirsk, latest due first", "status=Stalled&party=RU-NVS&sort=-due", Shared: true),
        [typeof(SavedViewDraft)] = new SavedViewDraft { Name = "Novosibirsk events due in 2024", Query = "kind=CulturalEvent&party=RU-NVS&dueFrom=2024-01-01&dueTo=2024-12-31&sort=due" },
        [typeof(CreateSubscriptionCommand)] = new CreateSubscriptionCommand
        {
            Name = "Ministry of Foreign Affairs dashboard",
            Url = "https://dashboard.example.org/hooks/commitment-tracker",
            EventTypes = [WebhookEventTypes.StatusAppended, WebhookEventTypes.CommitmentOverdue],
        },
        [typeof(SubscriptionDraft)] = new SubscriptionDraft
        {
            Name = "Ministry of Foreign Affairs dashboard",
            Url = "https://dashboard.example.org/hooks/commitment-tracker",
            EventTypes = [WebhookEventTypes.CommitmentCreated, WebhookEventTypes.StatusAppended, WebhookEventTypes.CommitmentOverdue],
        },
        [typeof(DisableSubscriptionBody)] = new DisableSubscriptionBody("The receiver moves to a new address next week."),
        [typeof(CreateApiKeyCommand)] = new CreateApiKeyCommand(
            "Ministry of Economy reporting", [ApiScopes.Read], new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero)),
        [typeof(CreateUserCommand)] = new CreateUserCommand("o.ivanova", Roles.Analyst, "a long passphrase of her own"),
        [typeof(RoleChange)] = new RoleChange(Roles.Manager),
    };

    /// <summary>Query and path parameter examples by parameter name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, object> Parameters { get; } = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = new[] { LifecycleStatus.Confirmed, LifecycleStatus.InProgress },
        ["kind"] = new[] { CommitmentKind.CulturalEvent, CommitmentKind.Hub },
        ["party"] = "RU-NVS",
        ["meeting"] = "NSK-2023",
        ["overdue"] = true,
        ["asOf"] = new DateOnly(2024, 12, 1),
        ["dueFrom"] = new DateOnly(2024, 1, 1),
        ["dueTo"] = new DateOnly(2024, 12, 31),
        ["from"] = new DateOnly(2023, 1, 1),
        ["to"] = new DateOnly(2024, 12, 31),
        ["q"] = "Novosibirsk",
        ["after"] = "000000000000002a",
        ["sort"] = "-due",
        ["page"] = 1,
        ["pageSize"] = 25,
        ["months"] = 12,
        ["limit"] = 10,
        ["bom"] = true,
    };

    /// <summary>Path examples by the collection the parameter addresses, e.g. /meetings/{idOrCode}.</summary>
    public static IReadOnlyDictionary<string, string> IdsOrCodes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["meetings"] = "NSK-2023",
        ["commitments"] = "NSK-2023-009",
    };

    /// <summary>What a file part of a multipart example shows: the file has no JSON value, so name the one sent.</summary>
    public const string UploadedFile = "2024-09-17-krasnodar-territory.txt";
}
