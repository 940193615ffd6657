using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Accounts.ApiKeys.ListApiKeys;
using CommitmentTracker.Application.Accounts.ApiKeys.RevokeApiKey;
using CommitmentTracker.Application.Accounts.Users.ChangeUserRole;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Accounts.Users.ListUsers;
using CommitmentTracker.Application.CalendarFeeds.Commands.CreateCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Commands.RevokeCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Commands.RotateCalendarFeedToken;
using CommitmentTracker.Application.CalendarFeeds.Queries.GetCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Queries.ListCalendarFeeds;
using CommitmentTracker.Application.CalendarFeeds.Queries.ReadCalendarFeed;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Commands.UpdateCommitment;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Import.Commands.ProposePassage;
using CommitmentTracker.Application.Import.Queries.ListCandidates;
using CommitmentTracker.Application.Import.Queries.ListSuggestedPassages;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Commands.UpdateMeeting;
using CommitmentTracker.Application.Meetings.Queries.GetDocument;
using CommitmentTracker.Application.Meetings.Queries.GetMeeting;
using CommitmentTracker.Application.Meetings.Queries.ListMeetingSpans;
using CommitmentTracker.Application.Parties.Commands.CreateParty;
using CommitmentTracker.Application.Parties.Commands.UpdateParty;
using CommitmentTracker.Application.Parties.Queries.GetParty;
using CommitmentTracker.Application.Parties.Queries.ListParties;
using CommitmentTracker.Application.Webhooks.Commands.AnnounceOverdue;
using CommitmentTracker.Application.Webhooks.Commands.CreateSubscription;
using CommitmentTracker.Application.Webhooks.Commands.DeleteSubscription;
using CommitmentTracker.Application.Webhooks.Commands.DisableSubscription;
using CommitmentTracker.Application.Webhooks.Commands.EnableSubscription;
using CommitmentTracker.Application.Webhooks.Commands.UpdateSubscription;
using CommitmentTracker.Application.Webhooks.Queries.GetSubscription;
using CommitmentTracker.Application.Webhooks.Queries.ListSubscriptions;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests;

/// <summary>Every use case that takes input must have a validator registered, so the pipeline checks it before the handler runs.</summary>
public class CommandValidationTests
{
    // Queries that take no input beyond an id, code or date, which the handlers look up or parse themselves.
    private static readonly HashSet<Type> QueriesWithoutInput =
    [
        typeof(ListPartiesQuery),
        typeof(GetSummaryQuery),
        typeof(GetMeetingQuery),
        typeof(GetPartyQuery),
        typeof(GetCommitmentQuery),
        typeof(GetDocumentQuery),
        typeof(GetDocumentTextQuery),
        typeof(GetStatusHistoryQuery),
        typeof(GetStatusAsOfQuery),
        typeof(ListMeetingSpansQuery),
        typeof(ListCandidatesQuery),
        typeof(ListSuggestedPassagesQuery),
        typeof(ListCalendarFeedsQuery),
        typeof(GetCalendarFeedQuery),
        // A malformed token is simply not found: a 400 would tell a prober which guesses are well-formed.
        typeof(ReadCalendarFeedQuery),
        typeof(ListSubscriptionsQuery),
        typeof(GetSubscriptionQuery),
        typeof(ListApiKeysQuery),
        typeof(ListUsersQuery),
        typeof(CommitmentTracker.Application.SavedViews.Queries.ListSavedViews.ListSavedViewsQuery),
    ];

    public static TheoryData<string> Commands => new(MessageTypes(typeof(ICommand<>)).Select(t => t.FullName!));

    public static TheoryData<string> QueriesWithInput => new(MessageTypes(typeof(IQuery<>)).Where(t => !QueriesWithoutInput.Contains(t)).Select(t => t.FullName!));

    [Fact]
    public void The_scan_finds_the_known_commands()
    {
        MessageTypes(typeof(ICommand<>)).ShouldBe(
            [
                typeof(AppendStatusEntryCommand),
                typeof(CreateCommitmentCommand),
                typeof(UpdateCommitmentCommand),
                typeof(CreateMeetingCommand),
                typeof(UpdateMeetingCommand),
                typeof(ImportMeetingCommand),
                typeof(AcceptCandidateCommand),
                typeof(RejectCandidateCommand),
                typeof(MergeCandidateCommand),
                typeof(ProposePassageCommand),
                typeof(CreateCalendarFeedCommand),
                typeof(RotateCalendarFeedTokenCommand),
                typeof(RevokeCalendarFeedCommand),
                typeof(CreateSubscriptionCommand),
                typeof(UpdateSubscriptionCommand),
                typeof(EnableSubscriptionCommand),
                typeof(DisableSubscriptionCommand),
                typeof(DeleteSubscriptionCommand),
                typeof(AnnounceOverdueCommand),
                typeof(CreateApiKeyCommand),
                typeof(RevokeApiKeyCommand),
                typeof(CreateUserCommand),
                typeof(ChangeUserRoleCommand),
                typeof(CreatePartyCommand),
                typeof(UpdatePartyCommand),
                typeof(CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments.BulkChangeCommitmentsCommand),
                typeof(CommitmentTracker.Application.SavedViews.Commands.CreateSavedView.CreateSavedViewCommand),
                typeof(CommitmentTracker.Application.SavedViews.Commands.UpdateSavedView.UpdateSavedViewCommand),
                typeof(CommitmentTracker.Application.SavedViews.Commands.DeleteSavedView.DeleteSavedViewCommand),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Every_exempt_query_is_still_a_query()
    {
        var queries = MessageTypes(typeof(IQuery<>));

        foreach (var exempt in QueriesWithoutInput)
        {
            queries.ShouldContain(exempt);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_a_registered_validator(string commandType) => ShouldHaveAValidator(commandType);

    [Theory]
    [MemberData(nameof(QueriesWithInput))]
    public void Every_query_with_input_has_a_registered_validator(string queryType) => ShouldHaveAValidator(queryType);

    private static void ShouldHaveAValidator(string messageType)
    {
        var type = typeof(DependencyInjection).Assembly.GetType(messageType, throwOnError: true)!;
        using var services = new ServiceCollection().AddLogging().AddApplication(autoMapperLicenseKey: null).BuildServiceProvider();

        var validators = services.GetServices(typeof(IValidator<>).MakeGenericType(type)).ToList();

        validators.ShouldNotBeEmpty($"{type.Name} has no IValidator<{type.Name}> registered by AddApplication.");
    }

    private static List<Type> MessageTypes(Type openInterface) =>
        [.. typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface))];
}
