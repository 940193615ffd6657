using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 6 (dead ends): after an import an analyst corrects the meeting's title and place, adds the
/// participants the record names (registering a missing party first, and giving an existing one another name), and
/// is told next to the field what is wrong when a row names no party; a refused save changes nothing. Works on a
/// meeting and a party of its own (created over the API) so no other test's figures change.
/// </summary>
public sealed class MeetingEditTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_gives_a_party_another_name_then_corrects_a_meeting_and_its_participants()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var meeting = $"MED-{suffix}";
        var party = $"RU-E{suffix}";
        await CreateAsync(meeting, party);

        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;

        // A party's other names: the extractor finds it in a record by them.
        await analyst.GotoAsync("/parties");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {party}" }).ClickAsync();
        var aliases = page.GetByRole(AriaRole.Textbox, new() { Name = "Other names (one per line, any language)" });
        await Expect(aliases).ToHaveValueAsync("Oblast Region");
        await aliases.FillAsync("Oblast Region\nОбластная область");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save party" }).ClickAsync();
        await Expect(page.GetByText($"Saved {party}.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = party })).ToContainTextAsync("Oblast Region · Областная область");

        await analyst.GotoAsync($"/meetings/{meeting}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit the meeting" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Edit the meeting" });
        await form.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex(@"^Title\*?$") }).FillAsync("Talks on a joint trade house (corrected)");
        await form.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex(@"^Place\*?$") }).FillAsync("Novosibirsk");

        // A row without a party: refused, with the reason under that row's party field, and nothing saved.
        await form.GetByRole(AriaRole.Button, new() { Name = "Add a participant" }).ClickAsync();
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Person 2" }).FillAsync("Ivan Testov");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        var partyField = page.GetByRole(AriaRole.Combobox, new() { Name = "Party 2", Exact = true });
        await Expect(MudUi.ControlOf(partyField)).ToContainTextAsync("'Party' must not be empty.");
        await analyst.AssertNoSeriousAxeViolationsAsync();
        var unchanged = await host.MeetingAsync(meeting);
        unchanged.GetProperty("title").GetString().ShouldBe("Talks on a joint trade house");
        unchanged.GetProperty("participants").GetArrayLength().ShouldBe(1, "a refused save changes nothing");

        await MudUi.SelectAsync(page, "Party 2", $"{party} · Oblast of Testing");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Position 2" }).FillAsync("Governor");
        await MudUi.SelectAsync(page, "Role 2", "Guest");
        await analyst.ScreenshotAsync("meeting-edit");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();

        await Expect(page.GetByText($"Saved {meeting}.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Talks on a joint trade house (corrected)");
        await Expect(page.GetByText($"{meeting} · 1 March 2024 · Novosibirsk")).ToBeVisibleAsync();
        await Expect(MudUi.Card(page, "Participants")).ToContainTextAsync("Ivan Testov");
        await Expect(MudUi.Card(page, "Participants")).ToContainTextAsync("Guest · Governor");
        analyst.ConsoleErrors.ShouldBeEmpty();

        var saved = await host.MeetingAsync(meeting);
        saved.GetProperty("place").GetString().ShouldBe("Novosibirsk");
        saved.GetProperty("date").GetString().ShouldBe("2024-03-01", "the date is changed only through its own preview");
        var participants = saved.GetProperty("participants").EnumerateArray()
            .Select(p => (p.GetProperty("partyKey").GetString(), p.GetProperty("personName").GetString(), p.GetProperty("role").GetString())).ToList();
        participants.ShouldBe([("BY", "Host Person", "Host"), (party, "Ivan Testov", "Guest")], ignoreOrder: true);
    }

    private async Task CreateAsync(string meeting, string party)
    {
        await host.RegisterPartyAsync(new { key = party, name = "Oblast of Testing", kind = "Region", parent = "RU", aliases = new[] { "Oblast Region" } });
        await host.RecordMeetingAsync(meeting, "The sides agreed to open a joint trade house next year.", "Talks on a joint trade house", "2024-03-01",
            [new { party = "BY", person = "Host Person", position = "Minister", role = "Host" }]);
    }

}
