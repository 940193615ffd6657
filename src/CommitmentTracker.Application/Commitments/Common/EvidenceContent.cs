using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>An upload whose content was read and accepted: its facts for the ledger and its bytes for the store.</summary>
public sealed record CheckedEvidence(EvidenceFacts Facts, ReadOnlyMemory<byte> Content);

/// <summary>
/// Decides what a file is from its bytes, never from its name or the type the browser declared: a renamed program
/// stays a program. Accepted: PDF, PNG, JPEG, Word and Excel documents (a zip holding the Office parts of that kind,
/// macro-enabled ones refused) and plain UTF-8 text. The stored type is the one found here, and it is what readers
/// are served, so a file can never be served as something it is not.
/// </summary>
public static class EvidenceContent
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Text = "text/plain; charset=utf-8";

    /// <summary>The kinds in words, for messages and forms.</summary>
    public const string AcceptedKinds = "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or plain text (UTF-8)";

    /// <summary>What the browser's file picker offers first (a hint only: the content decides).</summary>
    public const string PickerTypes = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv,.md";

    // The main part each Office document declares in [Content_Types].xml. Macro-enabled files declare another type
    // (…macroEnabled.main+xml), so they are refused.
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    // [Content_Types].xml is a few KB; a bigger one is not an Office file worth unpacking.
    private const int MaxContentTypesBytes = 256 * 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The media type of <paramref name="content"/>, or null when it is none of the accepted kinds.</summary>
    public static string? Sniff(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (bytes.StartsWith(PngMagic))
        {
            return Png;
        }

        if (bytes.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (bytes.StartsWith(ZipMagic))
        {
            return OfficeDocument(content);
        }

        return IsPlainText(bytes) ? Text : null;
    }

    /// <summary>
    /// Reads each upload (at most <paramref name="maxBytes"/> each, whatever length it announced), hashes it and finds
    /// its type. Refuses the first that is empty, too large or of a kind not accepted, naming the file and the field
    /// <c>evidenceFiles[i]</c>; nothing is stored by this step.
    /// </summary>
    public static async Task<IReadOnlyList<CheckedEvidence>> ReadAsync(IReadOnlyList<EvidenceUpload>? uploads, long maxBytes, CancellationToken cancellationToken)
    {
        var checkedFiles = new List<CheckedEvidence>();
        foreach (var (upload, i) in (uploads ?? []).Select((u, i) => (u, i)))
        {
            var field = $"evidenceFiles[{i}]";
            var name = EvidenceFacts.CleanFileName(upload.FileName);
            if (upload.Length > maxBytes)
            {
                throw TooLarge(field, name, maxBytes);
            }

            var content = await ReadAtMostAsync(upload, maxBytes, cancellationToken) ?? throw TooLarge(field, name, maxBytes);
            if (content.Length == 0)
            {
                throw Invalid.Field(field, $"The file '{name}' is empty.");
            }

            var type = Sniff(content) ?? throw Invalid.Field(field,
                $"The file '{name}' is not a kind accepted as evidence. Attach a {AcceptedKinds} file; the kind is read from the content, not the name.");
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
            checkedFiles.Add(new CheckedEvidence(new EvidenceFacts(name, type, content.Length, sha256), content));
        }

        return checkedFiles;
    }

    private static FluentValidation.ValidationException TooLarge(string field, string name, long maxBytes) =>
        Invalid.Field(field, $"The file '{name}' is larger than {FileSizeText.Of(maxBytes)}, the most one evidence file may be.");

    // Null when the stream holds more than maxBytes: a client's announced length is not trusted.
    private static async Task<ReadOnlyMemory<byte>?> ReadAtMostAsync(EvidenceUpload upload, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await upload.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream(upload.Length is > 0 and <= int.MaxValue ? (int)Math.Min(upload.Length, maxBytes) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // A zip is accepted only as a Word or Excel document: [Content_Types].xml names the main part and that part is there.
    // Only the small manifest is unpacked, so a zip bomb costs nothing here.
    private static string? OfficeDocument(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var manifest = archive.GetEntry("[Content_Types].xml");
            if (manifest is null || manifest.Length > MaxContentTypesBytes)
            {
                return null;
            }

            string types;
            using (var reader = new StreamReader(manifest.Open(), Encoding.UTF8))
            {
                types = reader.ReadToEnd();
            }

            if (types.Contains(WordMain, StringComparison.Ordinal) && archive.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }

            if (types.Contains(ExcelMain, StringComparison.Ordinal) && archive.GetEntry("xl/workbook.xml") is not null)
            {
                return Xlsx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // Strict UTF-8 (a byte-order mark allowed) with no control characters but tab, line and page breaks: a binary
    // file that happens to decode is still refused by its NULs and control bytes.
    private static bool IsPlainText(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var c in text.AsSpan().TrimStart('\uFEFF'))
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                return false;
            }
        }

        return true;
    }
}
