namespace CommitmentTracker.Application.Common;

/// <summary>
/// One column of an export: its header and how a row gives its value. An export declares its columns once, next to
/// its row type, so a header and its value can neither drift apart nor be added to only one of two lists.
/// </summary>
public sealed record CsvColumn<TRow>(string Header, Func<TRow, object?> Value);
