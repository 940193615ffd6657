namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>
/// Where evidence files' bytes live, keyed by the <see cref="Domain.Commitments.EvidenceFile"/>'s id. The ledger
/// keeps their facts (name, type, size, hash); Infrastructure keeps the bytes in a folder under the data directory,
/// and a blob store can replace it behind this port without a use case changing.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Stores the bytes, visible to readers only once complete (never a half-written file under the id).</summary>
    Task SaveAsync(Guid fileId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when nothing is stored under the id.</summary>
    Task<Stream?> OpenReadAsync(Guid fileId, CancellationToken cancellationToken);

    /// <summary>Removes the bytes (a save that failed after storing them); nothing to remove is not an error.</summary>
    Task DeleteAsync(Guid fileId, CancellationToken cancellationToken);
}

/// <summary>The <c>Evidence</c> configuration section: what a deployment may tune about evidence files.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>10 MB: a scanned agreement or a statistics workbook, not a video.</summary>
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (<c>Evidence:MaxFileBytes</c>).</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>The limit in words for messages, e.g. "10 MB" or "64 KB".</summary>
    public string MaxFileSizeText => FileSizeText.Of(MaxFileBytes);
}

/// <summary>
/// One uploaded file as a door receives it: the name it came with, the length it announced, and how to read it. The
/// API hands over a form file, the web page a browser file; the use case reads and checks both the same way.
/// </summary>
public sealed record EvidenceUpload(string FileName, long Length, Func<CancellationToken, Task<Stream>> OpenAsync);

/// <summary>A file size as people read it: bytes below 1 KB, then KB and MB with one decimal where it matters.</summary>
public static class FileSizeText
{
    public static string Of(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => Units(bytes / 1024d, "KB"),
        _ => Units(bytes / (1024d * 1024d), "MB"),
    };

    private static string Units(double value, string unit) =>
        (value % 1 == 0 ? value.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)) + " " + unit;
}
