using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Text;

/// <summary>A sentence as offsets into the original text; <c>Text == source[Start..End]</c>.</summary>
internal readonly record struct Sentence(int Start, int End, string Text, int Paragraph);

/// <summary>
/// Splits a record into sentences without changing a character: paragraphs are lines (blank lines are ignored),
/// header lines made only of bullets, dashes, digits and colons are skipped, and a sentence ends at . ! ? (after
/// any closing quote or bracket) followed by a space and a capital, digit or opening quote — unless the word
/// before the full stop is a known abbreviation or an initial. A sentence longer than <see cref="MaxLength"/> is cut
/// into pieces no longer, each at its last clause break (, ; :) or else word break.
/// </summary>
internal static class SentenceSegmenter
{
    /// <summary>
    /// Published records' sentences run to about 450 characters; a longer one is text without sentence ends (a pasted
    /// table, a transcript without full stops). The rules read the words before every cue and modal word, so a
    /// sentence costs the square of its length or worse: a 17 KB one took 98 s and a 220 KB import held a core for
    /// minutes. Cut, such text costs what ordinary text of its size does.
    /// </summary>
    public const int MaxLength = 1_000;

    private const string OpeningQuotes = "“\"‘'«„(";
    private const string ClosingQuotes = "”\"’'»)]";
    private const string Trimmed = " \t\u00a0“”\"‘’'«»„•";

    public static IReadOnlyList<Sentence> Split(string text, LanguageRules rules)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<Sentence>();
        var paragraph = 0;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (!IsHeaderLine(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                SplitLine(text, lineStart, lineEnd, paragraph, sentences, rules);
                paragraph++;
            }

            lineStart = lineEnd + 1;
        }

        return sentences;
    }

    private static bool IsHeaderLine(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!(char.IsWhiteSpace(c) || char.IsDigit(c) || c is '•' or '-' or '–' or ':' or '*' or '·'))
            {
                return false;
            }
        }

        return true;
    }

    private static void SplitLine(string text, int start, int end, int paragraph, List<Sentence> sentences, LanguageRules rules)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is not ('.' or '!' or '?'))
            {
                continue;
            }

            var after = i + 1;
            while (after < end && (ClosingQuotes.Contains(text[after], StringComparison.Ordinal) || text[after] is '.' or '!' or '?'))
            {
                after++;
            }

            if (after < end && !char.IsWhiteSpace(text[after]))
            {
                continue;
            }

            var next = after;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < end && !StartsSentence(text[next]))
            {
                continue;
            }

            if (c == '.' && IsAbbreviation(text, sentenceStart, i, rules))
            {
                continue;
            }

            Add(text, sentenceStart, after, paragraph, sentences);
            sentenceStart = next;
            i = next - 1;
        }

        Add(text, sentenceStart, end, paragraph, sentences);
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || OpeningQuotes.Contains(c, StringComparison.Ordinal) || c == '[';

    /// <summary>Whether the dot at <paramref name="dot"/> ends an abbreviation ("St.", «г.») or an initial, not a sentence.</summary>
    public static bool IsAbbreviation(string text, int sentenceStart, int dot, LanguageRules rules)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        if (word.Length == 0)
        {
            return false;
        }

        // An initial ("A. Lukashenko") or a dotted abbreviation ("U.S.").
        if ((word.Length == 1 && char.IsUpper(word[0])) || word.Contains('.'))
        {
            return true;
        }

        return rules.Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static void Add(string text, int start, int end, int paragraph, List<Sentence> sentences)
    {
        (start, end) = Trim(text, start, end);
        while (end - start > MaxLength)
        {
            var cut = Cut(text, start, start + MaxLength);
            var (pieceStart, pieceEnd) = Trim(text, start, cut);
            sentences.Add(new Sentence(pieceStart, pieceEnd, text[pieceStart..pieceEnd], paragraph));
            (start, end) = Trim(text, cut, end);
        }

        if (end > start)
        {
            sentences.Add(new Sentence(start, end, text[start..end], paragraph));
        }
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && Trimmed.Contains(text[start], StringComparison.Ordinal))
        {
            start++;
        }

        while (end > start && Trimmed.Contains(text[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Where to end a piece that may reach <paramref name="limit"/>: after the last clause break, else the last space, in its second half.</summary>
    private static int Cut(string text, int start, int limit)
    {
        var half = start + ((limit - start) / 2);
        for (var i = limit - 1; i > half; i--)
        {
            if (text[i - 1] is ',' or ';' or ':' && char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        for (var i = limit - 1; i > half; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        // One unbroken "word": cut anywhere but inside a surrogate pair.
        return char.IsLowSurrogate(text[limit]) ? limit - 1 : limit;
    }
}
