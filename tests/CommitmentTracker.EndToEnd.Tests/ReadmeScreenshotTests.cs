using System.Text.RegularExpressions;
using System.Threading.Channels;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// The states the README shows that no other test passes through slowly enough to photograph: the dashboard while a
/// past day is counted, and the commitments grid as it is exported. Each asserts the state it shows before the picture.
/// </summary>
public sealed class ReadmeScreenshotTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The loading note lasts milliseconds on the seeds (decision 0047), so the test holds the circuit's messages from
    /// the server once the day changes and lets them through one at a time: the page is photographed at the first
    /// message after which it shows the note, then everything else is let through and the figures must carry the new day.
    /// Nothing waits on time: each message released is followed by a look at the page.
    /// </summary>
    [Fact]
    public async Task The_dashboard_while_a_past_day_is_counted()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        var held = Channel.CreateUnbounded<IWebSocketFrame>();
        var holding = false;
        IWebSocketRoute? toPage = null;
        var gate = new Lock();

        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            toPage = ws;
            var server = ws.ConnectToServer();
            server.OnMessage(frame =>
            {
                lock (gate)
                {
                    if (holding)
                    {
                        held.Writer.TryWrite(frame);
                        return;
                    }
                }

                Forward(ws, frame);
            });
        });

        await session.GotoAsync("/");
        await Expect(page.Locator("[data-as-of]")).ToBeVisibleAsync();
        var asOf = page.GetByRole(AriaRole.Textbox, new() { Name = "As of" });
        await asOf.FillAsync("2024-06-01");
        lock (gate)
        {
            holding = true;
        }

        await asOf.PressAsync("Enter");
        var loading = page.Locator("[data-loading-as-of=\"2024-06-01\"]");
        var shown = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            limit.CancelAfter(TimeSpan.FromSeconds(30));
            while (!shown)
            {
                var frame = await held.Reader.ReadAsync(limit.Token);
                Forward(toPage!, frame);
                // A round trip to the page after the message: Playwright delivers both in order, so the page has
                // applied the message by the time this answers.
                shown = await page.EvaluateAsync<bool>("() => document.querySelector('[data-loading-as-of=\"2024-06-01\"]') !== null");
                if (await page.Locator("[data-as-of=\"2024-06-01\"]").CountAsync() > 0)
                {
                    Assert.Fail("the figures for 1 June 2024 arrived without the loading note before them");
                }
            }
        }

        await Expect(loading).ToContainTextAsync("Counting the ledger as of 1 June 2024…");
        await Expect(page.Locator("[data-as-of]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-figure]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("dashboard-loading");

        lock (gate)
        {
            holding = false;
            while (held.Reader.TryRead(out var frame))
            {
                Forward(toPage!, frame);
            }
        }

        await Expect(page.Locator("[data-as-of]")).ToHaveAttributeAsync("data-as-of", "2024-06-01");
        await Expect(loading).ToHaveCountAsync(0);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>The grid filtered and sorted, with Export CSV and Export XLSX carrying exactly that view; the CSV downloaded holds its rows.</summary>
    [Fact]
    public async Task The_commitments_grid_exported_as_it_is_shown()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;
        await session.GotoAsync("/commitments?meeting=NSK-2023&sort=-due");
        var rows = page.Locator(".mud-data-grid tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var csv = page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" });
        var xlsx = page.GetByRole(AriaRole.Link, new() { Name = "Export XLSX" });
        await Expect(csv).ToHaveAttributeAsync("href", new Regex("meeting=NSK-2023"));
        await Expect(xlsx).ToHaveAttributeAsync("href", new Regex("meeting=NSK-2023"));
        await csv.FocusAsync();
        await session.ScreenshotAsync("commitments-export");

        var download = await page.RunAndWaitForDownloadAsync(() => csv.ClickAsync());
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!, Ct)).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("code,");
        lines.Skip(1).ShouldNotBeEmpty();
        lines.Skip(1).ShouldAllBe(l => l.StartsWith("NSK-2023-", StringComparison.Ordinal), "only the filtered meeting's commitments");
        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => xlsx.ClickAsync());
        xlsxDownload.SuggestedFilename.ShouldEndWith(".xlsx");
        session.ConsoleErrors.ShouldBeEmpty();
    }

    private static void Forward(IWebSocketRoute to, IWebSocketFrame frame)
    {
        if (frame.Binary is { } binary)
        {
            to.Send(binary);
        }
        else
        {
            to.Send(frame.Text!);
        }
    }
}
