using System.Text.Json;
using Microsoft.Playwright;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>How a person selects words in a meeting record shown by RecordCapture: a real mouse drag over them.</summary>
public static class RecordDrag
{
    /// <summary>
    /// Drags from the left half of <paramref name="passage"/>'s first letter to the right half of its last, pausing
    /// halfway, where <paramref name="whilePressed"/> runs with the button still down.
    /// </summary>
    public static async Task SelectAsync(IPage page, string passage, Func<Task>? whilePressed = null)
    {
        // The run is scrolled into view first, and the page may still be scrolling or laying out when it is measured: a
        // drag to where the last letter was ended below the text once under CI load, and the selection ran on to the
        // end of the record. So the letters are measured until two readings a frame apart agree.
        var box = await MeasureAsync(page, passage);
        for (var reading = 1; reading < 40; reading++)
        {
            await page.WaitForTimeoutAsync(50);
            var again = await MeasureAsync(page, passage);
            if (again == box)
            {
                break;
            }

            box = again;
        }

        // Halfway the hand rests longer than the page waits before it reports a selection (120 ms), as a person's does
        // and as a loaded CI machine's did: a report made then moved the words under the pointer.
        await page.Mouse.MoveAsync(box.X1, box.Y1);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((box.X1 + box.X2) / 2, (box.Y1 + box.Y2) / 2, new() { Steps = 4 });
        await page.WaitForTimeoutAsync(400);
        if (whilePressed is not null)
        {
            await whilePressed();
        }

        await page.Mouse.MoveAsync(box.X2, box.Y2, new() { Steps = 4 });
        await page.Mouse.UpAsync();
    }

    private static async Task<(float X1, float Y1, float X2, float Y2)> MeasureAsync(IPage page, string passage)
    {
        var box = await page.EvaluateAsync<JsonElement>(
            """
            passage => {
                const run = [...document.querySelectorAll('[role=region] [data-at]')].find(r => r.textContent.includes(passage));
                run.scrollIntoView({ block: 'center' });
                const node = run.firstChild, at = node.data.indexOf(passage), range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + 1);
                const first = range.getBoundingClientRect();
                range.setStart(node, at + passage.length - 1); range.setEnd(node, at + passage.length);
                const last = range.getBoundingClientRect();
                return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
            }
            """, passage);
        return (box.GetProperty("x1").GetSingle(), box.GetProperty("y1").GetSingle(), box.GetProperty("x2").GetSingle(), box.GetProperty("y2").GetSingle());
    }
}
