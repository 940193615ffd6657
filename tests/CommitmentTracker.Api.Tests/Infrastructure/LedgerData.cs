using System.Net;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Meetings;

namespace CommitmentTracker.Api.Tests.Infrastructure;

/// <summary>
/// Ledger data a test makes for itself over the API, as an analyst would: a meeting with a code no other test uses
/// and a short record to cite. Tests that care about a value pass it; the rest take the defaults.
/// </summary>
public static class LedgerData
{
    /// <summary>Two sentences: a commitment to cite and a line that is not one.</summary>
    public const string FairRecord = "We agreed to hold a joint trade fair. There are plenty of directions and opportunities for mutually beneficial cooperation.";

    /// <summary>The first sentence of <see cref="FairRecord"/>.</summary>
    public const string FairQuote = "We agreed to hold a joint trade fair.";

    /// <summary>A code no other test uses: the prefix names the test family, e.g. <c>TST-1A2B3C4D</c>.</summary>
    public static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>A meeting of the test's own on 10 October 2023 (the Novosibirsk seed's day) with one English record.</summary>
    public static async Task<MeetingDetailDto> NewMeetingAsync(
        this HttpClient client, string prefix = "TST", string text = FairRecord, string title = "Test meeting", string language = "en", string place = "Minsk") =>
        await client.PostJsonAsync($"{AppPaths.Api}/meetings", new CreateMeetingCommand
        {
            Code = UniqueCode(prefix),
            Title = title,
            Date = new DateOnly(2023, 10, 10),
            Place = place,
            Format = MeetingFormat.Talks,
            Document = new DocumentInput("Test record", null, language, text, null),
        }).ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);
}
