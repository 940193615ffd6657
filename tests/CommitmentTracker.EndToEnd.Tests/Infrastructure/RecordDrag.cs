using System.Text.Json;
using Microsoft.Playwright;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>How a person selects words in a meeting record shown by RecordCapture: a real mouse drag over them.</summary>
public static class RecordDrag
{
    /// <summary>Drags from the left half of <paramref name="passage"/>'s first letter to the right half of its last.</summary>
    public static async Task SelectAsync(IPage page, string passage)
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
        await page.Mouse.MoveAsync(box.GetProperty("x1").GetSingle(), box.GetProperty("y1").GetSingle());
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.GetProperty("x2").GetSingle(), box.GetProperty("y2").GetSingle(), new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }
}
