namespace CommitmentTracker.Web.Components.Shared;

/// <summary>
/// A quote to highlight inside a text: its offsets, and where it leads. <paramref name="Look"/> marks a sentence worth
/// a look rather than a proposal's or a commitment's words (ADR 0117).
/// </summary>
public sealed record Highlight(int Start, int End, string Label, string? Href = null, bool Active = false, bool Look = false);

/// <summary>A run of text, either plain or one highlighted quote.</summary>
public sealed record TextSegment(string Text, Highlight? Highlight);

public static class TextSegments
{
    /// <summary>
    /// Cuts <paramref name="text"/> into plain runs and highlighted quotes, in order. Overlapping quotes are merged
    /// into the earlier one (their labels joined) so no word is shown twice; offsets outside the text are ignored.
    /// </summary>
    public static IReadOnlyList<TextSegment> Split(string text, IEnumerable<Highlight> highlights)
    {
        var ordered = highlights
            .Where(h => h.Start >= 0 && h.End <= text.Length && h.End > h.Start)
            .OrderBy(h => h.Start).ThenByDescending(h => h.End)
            .ToList();

        var merged = new List<Highlight>();
        foreach (var h in ordered)
        {
            if (merged.Count > 0 && h.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, h.End), Label = $"{last.Label}, {h.Label}", Active = last.Active || h.Active };
            }
            else
            {
                merged.Add(h);
            }
        }

        var segments = new List<TextSegment>();
        var position = 0;
        foreach (var h in merged)
        {
            if (h.Start > position)
            {
                segments.Add(new TextSegment(text[position..h.Start], null));
            }

            segments.Add(new TextSegment(text[h.Start..h.End], h));
            position = h.End;
        }

        if (position < text.Length)
        {
            segments.Add(new TextSegment(text[position..], null));
        }

        return segments;
    }
}
