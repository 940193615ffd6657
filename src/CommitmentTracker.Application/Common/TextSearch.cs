namespace CommitmentTracker.Application.Common;

/// <summary>Builds LIKE patterns from user text with its wildcards escaped, so "50%" means fifty percent.</summary>
public static class TextSearch
{
    public const string Escape = "\\";

    public static string Pattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
