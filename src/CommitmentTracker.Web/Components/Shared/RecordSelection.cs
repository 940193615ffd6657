namespace CommitmentTracker.Web.Components.Shared;

/// <summary>
/// A selection as the browser reports it: offsets into the record as the page holds it, and the selected text.
/// <see cref="Normalized"/> is true when the offsets count a text whose line breaks the browser made "\n" (a
/// textarea's value), which can be shorter than the stored record when it has "\r\n" breaks.
/// </summary>
public sealed record BrowserSelection(int Start, int End, string Text, bool Normalized);

/// <summary>
/// Turns a browser selection into exact offsets in the stored record, which the server checks again when the
/// commitment is captured (its quote must be the record's text at those offsets). Leading and trailing white space
/// is left out: a drag that takes the space after a sentence quotes the sentence.
/// </summary>
public static class RecordSelection
{
    /// <summary>The selected passage's (start, end) in <paramref name="record"/>; null when nothing or only space is selected, or it does not match.</summary>
    public static (int Start, int End)? Resolve(string record, BrowserSelection? selection)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (selection is null)
        {
            return null;
        }

        var (start, end) = selection.Normalized
            ? (FromNormalized(record, selection.Start), FromNormalized(record, selection.End))
            : (Clamp(selection.Start, record), Clamp(selection.End, record));

        // A page parsed from HTML holds "\r\n" as "\n": when the raw offsets do not read the selected text, read them
        // as counted in that text. Anything that still does not match is refused rather than quoted wrongly.
        if (end > start && !Same(record[start..end], selection.Text))
        {
            (start, end) = (FromNormalized(record, selection.Start), FromNormalized(record, selection.End));
        }

        if (end <= start || !Same(record[start..end], selection.Text))
        {
            return null;
        }

        while (start < end && char.IsWhiteSpace(record[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(record[end - 1]))
        {
            end--;
        }

        return end > start ? (start, end) : null;
    }

    /// <summary>The offset in <paramref name="record"/> of the <paramref name="normalized"/>-th character of its text with every line break made "\n".</summary>
    public static int FromNormalized(string record, int normalized)
    {
        ArgumentNullException.ThrowIfNull(record);
        var i = 0;
        for (var k = 0; k < normalized && i < record.Length; k++)
        {
            i += record[i] == '\r' && i + 1 < record.Length && record[i + 1] == '\n' ? 2 : 1;
        }

        return i;
    }

    private static int Clamp(int offset, string record) => Math.Clamp(offset, 0, record.Length);

    private static bool Same(string a, string b) => string.Equals(a.ReplaceLineEndings("\n"), b.ReplaceLineEndings("\n"), StringComparison.Ordinal);
}

/// <summary>The title a captured passage suggests: the passage on one line, capitalised, without its closing full stop.</summary>
public static class CaptureTitle
{
    /// <summary>Null when the passage is longer than a title may be: the analyst writes one rather than save a cut one.</summary>
    public static string? From(string passage, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var words = passage.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(' ', words).Trim('“', '”', '"', '«', '»', ' ').TrimEnd('.', ';', ',', ':').Trim();
        if (title.Length == 0 || title.Length > maxLength)
        {
            return null;
        }

        return char.ToUpperInvariant(title[0]) + title[1..];
    }
}

/// <summary>
/// The sentences of a meeting record with their exact offsets, for choosing a passage from the keyboard (decision
/// 0044): a sentence ends after '.', '!', '?' or '…' (and any closing quote or bracket) before white space, or at a
/// line break. Close enough for picking: the analyst sees each sentence before choosing it, and may shorten the quote
/// in the capture form.
/// </summary>
public static class RecordSentences
{
    private const string Enders = ".!?…";
    private const string Closers = "\"'”’»)]";

    public static IReadOnlyList<(int Start, int End)> Split(string record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var sentences = new List<(int Start, int End)>();
        var start = 0;
        var i = 0;
        while (i < record.Length)
        {
            var c = record[i];
            if (c is '\r' or '\n')
            {
                Add(sentences, record, start, i);
                start = i + 1;
                i++;
                continue;
            }

            if (Enders.Contains(c, StringComparison.Ordinal))
            {
                var end = i + 1;
                while (end < record.Length && (Enders.Contains(record[end], StringComparison.Ordinal) || Closers.Contains(record[end], StringComparison.Ordinal)))
                {
                    end++;
                }

                if (end >= record.Length || char.IsWhiteSpace(record[end]))
                {
                    Add(sentences, record, start, end);
                    start = end;
                    i = end;
                    continue;
                }
            }

            i++;
        }

        Add(sentences, record, start, record.Length);
        return sentences;
    }

    // Without the white space around it; nothing when only white space is left.
    private static void Add(List<(int Start, int End)> sentences, string record, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(record[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(record[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add((start, end));
        }
    }
}
