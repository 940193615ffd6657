using System.Text.Json;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, items 3 and 10 as a person sees them: a status has one colour on the dashboard and in the grid, and while
/// another day is counted the dashboard never shows one day's figures under the other day's label.
/// </summary>
public sealed class DashboardTests(HostProcess host, BrowserFixture browser)
{
    // Every state the figures region goes through, recorded in the page after each change of the DOM: the day on the
    // label, the day being counted (the loading note), and the figures shown, as text.
    private const string RecordStates = """
        () => {
            const snap = () => {
                const label = document.querySelector('[data-as-of]');
                const loading = document.querySelector('[data-loading-as-of]');
                const figures = [...document.querySelectorAll('[data-figure], [data-count-item]')]
                    .map(f => (f.dataset.figure || f.dataset.countItem) + '=' + (f.dataset.figure ? f.textContent : f.querySelector('[data-count]').textContent).trim());
                return { label: label ? label.dataset.asOf : null, loading: loading ? loading.dataset.loadingAsOf : null, figures: figures.join(';') };
            };
            window.asOfStates = [snap()];
            new MutationObserver(() => {
                const state = snap();
                if (JSON.stringify(state) !== JSON.stringify(window.asOfStates[window.asOfStates.length - 1])) { window.asOfStates.push(state); }
            }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """;

    [Fact]
    public async Task Each_status_has_the_same_colour_on_the_dashboard_as_its_chip_in_the_grid()
    {
        // The seeds are all Captured: one commitment of this test's own in each status the issue named.
        var meeting = LedgerData.UniqueCode("PAL");
        const string record = "The sides agreed to open a trade house. They agreed to hold a fair. They agreed to run a forum. They agreed to train teachers.";
        await host.RecordMeetingAsync(meeting, record);
        foreach (var (quote, status) in new[] { ("open a trade house", "Confirmed"), ("hold a fair", "Stalled"), ("run a forum", "Fulfilled"), ("train teachers", "NotFulfilled") })
        {
            var code = await host.CaptureAsync(meeting, quote, $"Palette: {quote}", "Cooperation");
            await host.RecordStatusAsync(code, status, "As the palette test needs.");
        }

        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        await session.GotoAsync("/");
        var byStatus = page.Locator("figure[aria-labelledby=\"by-status\"]");
        await Expect(byStatus.Locator(".mud-chart-legend-item").First).ToBeVisibleAsync();

        // The legend beside the donut: the colour of each status's segment, as the browser computes it.
        var legend = await byStatus.EvaluateAsync<Dictionary<string, string>>("""
            f => Object.fromEntries([...f.querySelectorAll('.mud-chart-legend-item')].map(item =>
                [item.textContent.trim(), getComputedStyle(item.querySelector('.mud-chart-legend-marker')).backgroundColor]))
            """);
        var links = await byStatus.Locator("[data-count-item] a").EvaluateAllAsync<string[][]>("links => links.map(a => [a.textContent.trim(), a.getAttribute('href')])");

        var chips = new Dictionary<string, string>();
        foreach (var link in links)
        {
            var (status, href) = (link[0], link[1]);
            legend.ShouldContainKey(status);
            await session.GotoAsync(href);
            var chip = page.Locator(".mud-data-grid tbody .status-chip").First;
            await Expect(chip).ToHaveTextAsync(status);
            chips[status] = await chip.EvaluateAsync<string>("c => getComputedStyle(c).backgroundColor");
            chips[status].ShouldBe(legend[status], $"{status}: the dashboard colours it {legend[status]}, its chip in the grid {chips[status]}");
        }

        // The issue's complaints: Fulfilled and Not fulfilled looked alike (and inverted), as did Captured and Confirmed.
        Distinct(legend, "Fulfilled", "Not fulfilled");
        Distinct(legend, "Captured", "Confirmed");
        Distinct(chips, "Captured", "Confirmed");
        session.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>The open-ended figure opens the list it counts, with the grid's switch on (decision 0139).</summary>
    [Fact]
    public async Task The_open_ended_figure_opens_the_open_ended_commitments()
    {
        var meeting = LedgerData.UniqueCode("OPE");
        const string record = "The sides will open a joint design bureau in the near future.";
        await host.RecordMeetingAsync(meeting, record);
        var code = await host.CaptureAsync(meeting, record, "Open a joint design bureau", "Cooperation", due: "in the near future");

        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        await session.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open-ended", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/commitments\\?.*openEnded=true"));
        await Expect(page.GetByLabel("Only open-ended")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search code, title, summary" }).FillAsync(code);
        await Expect(page.Locator(".mud-data-grid tbody tr").Filter(new() { HasText = code })).ToHaveCountAsync(1);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task While_another_day_is_counted_its_label_never_stands_over_the_previous_days_figures()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        await session.GotoAsync("/?asOf=2024-06-01");
        await Expect(page.Locator("[data-as-of=\"2024-06-01\"]")).ToBeVisibleAsync();
        await page.EvaluateAsync(RecordStates);

        var asOf = page.GetByRole(AriaRole.Textbox, new() { Name = "As of" });
        await asOf.FillAsync("2023-10-01");
        await asOf.PressAsync("Enter");
        await Expect(page.Locator("[data-as-of=\"2023-10-01\"]")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("[?&]asOf=2023-10-01(&|$)"));

        var states = (await page.EvaluateAsync<JsonElement>("() => window.asOfStates")).EnumerateArray()
            .Select(s => (Label: s.GetProperty("label").GetString(), Loading: s.GetProperty("loading").GetString(), Figures: s.GetProperty("figures").GetString()!))
            .ToList();
        var (before, after) = (states[0], states[^1]);
        before.Label.ShouldBe("2024-06-01");
        after.Label.ShouldBe("2023-10-01");
        after.Figures.ShouldNotBe(before.Figures, "the two days should count differently, or the test proves nothing");

        var seen = string.Join("\n", states.Select(s => $"label {s.Label ?? "-"}, loading {s.Loading ?? "-"}: {s.Figures}"));
        foreach (var state in states)
        {
            switch (state.Label)
            {
                case "2024-06-01":
                    state.Figures.ShouldBe(before.Figures, $"1 June 2024's label stood over other figures. States:\n{seen}");
                    break;
                case "2023-10-01":
                    state.Figures.ShouldBe(after.Figures, $"1 October 2023's label stood over other figures. States:\n{seen}");
                    break;
                case null:
                    // No day on screen: only the loading note, and no figures at all.
                    state.Loading.ShouldNotBeNull($"a state had neither a label nor a loading note. States:\n{seen}");
                    state.Figures.ShouldBeEmpty($"figures were shown without a day. States:\n{seen}");
                    break;
                default:
                    throw new ShouldAssertException($"a state was labelled {state.Label}. States:\n{seen}");
            }
        }

        session.ConsoleErrors.ShouldBeEmpty();
    }

    private static void Distinct(Dictionary<string, string> colours, string one, string other) =>
        colours[one].ShouldNotBe(colours[other], $"{one} and {other} share a colour");
}
