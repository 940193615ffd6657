using System.Text.RegularExpressions;
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
    /// The loading note lasts milliseconds on the seeds (decision 0047). The test lets the circuit's messages through
    /// until the render batch that shows the note for the chosen day, then holds everything after it, waits until the page
    /// has applied that batch (Blazor acknowledges every batch: nothing waits on time), photographs it, and lets the rest
    /// through: the figures must then carry the new day. Holding from the key press instead made the server see a slow
    /// client: with ten batches unacknowledged Blazor stops rendering and later renders the latest state only, so the note
    /// and the figures were drawn as one (a CI failure, reproduced under load); for the same reason the key is pressed only
    /// once the page has applied every batch before it. A page observer records the order in which the note and the new
    /// day's figures appear.
    /// </summary>
    [Fact]
    public async Task The_dashboard_while_a_past_day_is_counted()
    {
        // Before the session, so it is disposed after it: closing the page still acknowledges batches.
        using var applied = new SemaphoreSlim(0);
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        var held = new List<Message>();
        var (watching, holding) = (false, false);
        var noteSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IWebSocketRoute? toPage = null;
        var gate = new Lock();
        var (batchesSent, batchesApplied) = (0, 0);

        void Send(IWebSocketRoute to, Message message)
        {
            if (message.Names("JS.RenderBatch"))
            {
                Interlocked.Increment(ref batchesSent);
            }

            message.SendTo(to);
        }

        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws =>
        {
            toPage = ws;
            var server = ws.ConnectToServer();
            ws.OnMessage(frame =>
            {
                foreach (var message in Message.Split(frame))
                {
                    if (message.Names("OnRenderCompleted"))
                    {
                        Interlocked.Increment(ref batchesApplied);
                        applied.Release();
                    }

                    message.SendTo(server);
                }
            });
            server.OnMessage(frame =>
            {
                foreach (var message in Message.Split(frame))
                {
                    lock (gate)
                    {
                        if (holding)
                        {
                            held.Add(message);
                            continue;
                        }

                        Send(ws, message);
                        if (watching && message.Names("Counting the ledger as of ") && message.Names("1 June 2024"))
                        {
                            holding = true;
                            noteSent.TrySetResult();
                        }
                    }
                }
            });
        });

        await session.GotoAsync("/");
        await Expect(page.Locator("[data-as-of]")).ToBeVisibleAsync();
        await page.EvaluateAsync("""
            () => {
              window.__asOfOrder = [];
              const note = '[data-loading-as-of="2024-06-01"]', figures = '[data-as-of="2024-06-01"]';
              const seen = n => n.nodeType === 1 && (n.matches(note) || n.querySelector(note)) ? 'note'
                : n.nodeType === 1 && (n.matches(figures) || n.querySelector(figures)) ? 'figures' : null;
              new MutationObserver(records => records.forEach(r => {
                const found = r.type === 'attributes' ? seen(r.target) : [...r.addedNodes].map(seen).find(x => x);
                if (found && window.__asOfOrder.at(-1) !== found) window.__asOfOrder.push(found);
              })).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-as-of', 'data-loading-as-of'] });
            }
            """);
        var asOf = page.GetByRole(AriaRole.Textbox, new() { Name = "As of" });
        await asOf.FillAsync("2024-06-01");
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            limit.CancelAfter(TimeSpan.FromSeconds(30));

            // The page has applied every batch before the key press, so the server has none waiting on a slow browser.
            while (Volatile.Read(ref batchesApplied) < Volatile.Read(ref batchesSent))
            {
                await applied.WaitAsync(limit.Token);
            }

            lock (gate)
            {
                watching = true;
            }

            await asOf.PressAsync("Enter");
            try
            {
                await noteSent.Task.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                var order = await page.EvaluateAsync<string[]>("() => window.__asOfOrder");
                Assert.Fail($"no render batch said \"Counting the ledger as of 1 June 2024\" within 30 s (seen on the page: {string.Join(", ", order)})");
            }

            while (Volatile.Read(ref batchesApplied) < Volatile.Read(ref batchesSent))
            {
                await applied.WaitAsync(limit.Token);
            }
        }

        (await page.EvaluateAsync<string[]>("() => window.__asOfOrder")).ShouldBe(["note"], "the note for 1 June 2024 shows before any figure for that day");
        var loading = page.Locator("[data-loading-as-of=\"2024-06-01\"]");
        await Expect(loading).ToContainTextAsync("Counting the ledger as of 1 June 2024…");
        await Expect(page.Locator("[data-as-of]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-figure]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("dashboard-loading");

        lock (gate)
        {
            holding = false;
            foreach (var message in held)
            {
                Send(toPage!, message);
            }
        }

        await Expect(page.Locator("[data-as-of]")).ToHaveAttributeAsync("data-as-of", "2024-06-01");
        await Expect(loading).ToHaveCountAsync(0);
        (await page.EvaluateAsync<string[]>("() => window.__asOfOrder")).ShouldBe(["note", "figures"]);
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

    /// <summary>
    /// One SignalR message from the server. A WebSocket frame can carry several: two render batches written before the
    /// transport flushed arrive together (counted while holding: 12 of 69 frames carried 2–4 messages; a CI run's note and
    /// figures arrived in one frame, so the page never rested on the note). A binary frame of Blazor's MessagePack protocol is a run of messages, each prefixed by
    /// its length as a VarInt; each is let through on its own.
    /// </summary>
    private sealed record Message(byte[]? Binary, string? Text)
    {
        public static IEnumerable<Message> Split(IWebSocketFrame frame)
        {
            if (frame.Binary is not { } binary)
            {
                yield return new Message(null, frame.Text);
                yield break;
            }

            // The handshake (JSON ending in 0x1E) is not length-prefixed: a frame whose prefixes do not add up to it is
            // let through whole.
            var ends = new List<int>();
            var at = 0;
            while (at < binary.Length)
            {
                var (length, shift) = (0, 0);
                byte next;
                do
                {
                    next = binary[at++];
                    length |= (next & 0x7f) << shift;
                    shift += 7;
                }
                while ((next & 0x80) != 0 && at < binary.Length && shift < 35);

                at += length;
                ends.Add(at);
            }

            if (at != binary.Length)
            {
                yield return new Message(binary, null);
                yield break;
            }

            var start = 0;
            foreach (var end in ends)
            {
                yield return new Message(binary[start..end], null);
                start = end;
            }
        }

        /// <summary>Whether the message names this hub method (MessagePack writes names as plain UTF-8).</summary>
        public bool Names(string method) =>
            Binary is { } binary
                ? binary.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(method)) >= 0
                : Text?.Contains(method, StringComparison.Ordinal) == true;

        public void SendTo(IWebSocketRoute to)
        {
            if (Binary is { } binary)
            {
                to.Send(binary);
            }
            else
            {
                to.Send(Text!);
            }
        }
    }
}
