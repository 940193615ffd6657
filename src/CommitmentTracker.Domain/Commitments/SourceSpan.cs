using CommitmentTracker.Domain.Meetings;

namespace CommitmentTracker.Domain.Commitments;

/// <summary>The exact words a commitment came from: a character range of a source document.</summary>
public sealed class SourceSpan : Entity
{
    private SourceSpan()
    {
        Quote = string.Empty;
    }

    private SourceSpan(Guid commitmentId, Guid documentId, int start, int end, string quote)
    {
        CommitmentId = commitmentId;
        DocumentId = documentId;
        Start = start;
        End = end;
        Quote = quote;
    }

    public Guid CommitmentId { get; private set; }

    public Guid DocumentId { get; private set; }

    /// <summary>Offset of the first character (UTF-16 code units, as .NET strings index).</summary>
    public int Start { get; private set; }

    /// <summary>Offset just past the last character.</summary>
    public int End { get; private set; }

    public string Quote { get; private set; }

    public SourceDocument Document { get; private set; } = null!;

    /// <summary>
    /// Builds a span and proves it: the offsets must lie inside the document and, when a quote is given,
    /// the document text at those offsets must be exactly that quote.
    /// </summary>
    internal static SourceSpan Create(Guid commitmentId, SourceDocument document, int start, int end, string? expectedQuote)
    {
        if (start < 0 || end <= start || end > document.Text.Length)
        {
            throw new DomainRuleException("Spans", $"Span {start}–{end} does not lie inside the document '{document.Title}' (0–{document.Text.Length}).");
        }

        var quote = document.Text[start..end];
        if (expectedQuote is not null && !string.Equals(quote, expectedQuote, StringComparison.Ordinal))
        {
            throw new DomainRuleException("Spans", $"The quoted text does not match the document at {start}–{end}: the document reads “{Shorten(quote)}”.");
        }

        return new SourceSpan(commitmentId, document.Id, start, end, quote);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "…");
}
