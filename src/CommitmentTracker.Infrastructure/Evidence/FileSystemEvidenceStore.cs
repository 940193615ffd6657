using CommitmentTracker.Application.Commitments.Common;
using Microsoft.Extensions.Configuration;

namespace CommitmentTracker.Infrastructure.Evidence;

/// <summary>
/// Evidence files as plain files in one folder (<c>Evidence:Directory</c>, by default <c>evidence</c> in the data
/// directory beside the SQLite file), named by the file's id. A file is written under a temporary name and renamed
/// when complete, so a reader never opens half a file and a crash mid-write leaves only a <c>.partial</c> file that
/// no row names. Back the folder up with the database: the ledger holds each file's SHA-256 to check a restore.
/// </summary>
public sealed class FileSystemEvidenceStore(string folder) : IEvidenceStore
{
    private const string PartialSuffix = ".partial";

    public string Folder { get; } = folder;

    /// <summary>The folder the configuration names: Evidence:Directory, else the data directory's <c>evidence</c> folder.</summary>
    public static string FolderFrom(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Evidence:Directory"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        var dataDirectory = configuration["Database:DataDirectory"] is { Length: > 0 } data ? data : "data";
        return Path.Combine(Path.GetFullPath(dataDirectory, contentRoot), "evidence");
    }

    public async Task SaveAsync(Guid fileId, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(fileId);
        var partial = path + PartialSuffix;
        try
        {
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(partial, path, overwrite: false);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(Guid fileId, CancellationToken cancellationToken)
    {
        var path = PathOf(fileId);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(Guid fileId, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(fileId));
        return Task.CompletedTask;
    }

    /// <summary>Where the file with <paramref name="fileId"/> is kept (whether or not it exists).</summary>
    public string PathOf(Guid fileId) => Path.Combine(Folder, fileId.ToString("N"));
}
