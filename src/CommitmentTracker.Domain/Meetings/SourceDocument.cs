using System.Security.Cryptography;
using System.Text;

namespace CommitmentTracker.Domain.Meetings;

/// <summary>
/// A meeting record as published. Immutable once stored: the text is the ground truth every source span
/// points into, so a corrected text is stored as a new document rather than edited in place.
/// </summary>
public sealed class SourceDocument : Entity
{
    public const int MaxTitleLength = 300;
    public const int MaxUrlLength = 1000;
    public const int MaxLanguageLength = 16;
    public const int MaxTextLength = 2_000_000;

    private SourceDocument()
    {
        Title = string.Empty;
        Language = string.Empty;
        Text = string.Empty;
        Sha256 = string.Empty;
    }

    public SourceDocument(Guid meetingId, string title, Uri? url, string language, string text, DateTimeOffset retrievedAt)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrWhiteSpace(text))
        {
            throw new DomainRuleException(nameof(Text), "The document text is required.");
        }

        if (text.Length > MaxTextLength)
        {
            throw new DomainRuleException(nameof(Text), $"The document text must be at most {MaxTextLength:N0} characters.");
        }

        MeetingId = meetingId;
        Title = Require.Text(title, nameof(Title), MaxTitleLength);
        Url = url?.ToString();
        if (Url is { Length: > MaxUrlLength })
        {
            throw new DomainRuleException(nameof(Url), $"The URL must be at most {MaxUrlLength} characters.");
        }

        Language = Require.Text(language, nameof(Language), MaxLanguageLength);
        Text = text;
        Sha256 = HashOf(text);
        RetrievedAt = retrievedAt;
    }

    public Guid MeetingId { get; private set; }

    public string Title { get; private set; }

    public string? Url { get; private set; }

    public string Language { get; private set; }

    public string Text { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, to prove the text is unchanged and to detect re-imports.</summary>
    public string Sha256 { get; private set; }

    public DateTimeOffset RetrievedAt { get; private set; }

    public static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
