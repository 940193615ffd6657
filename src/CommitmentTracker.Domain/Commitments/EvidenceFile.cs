namespace CommitmentTracker.Domain.Commitments;

/// <summary>
/// A file attached to a status entry as evidence (minutes, a signed agreement, a trade statistic). Only its facts
/// live in the ledger: the name it was uploaded under, the type its content was found to be, its size and SHA-256.
/// The bytes live in the evidence store under <see cref="Entity.Id"/>. Like its entry, it is never edited or removed:
/// more evidence later is a new assessment with its files, so an entry always shows what was known when it was made.
/// </summary>
public sealed class EvidenceFile : Entity
{
    public const int MaxFileNameLength = 255;
    public const int MaxContentTypeLength = 100;

    /// <summary>Files one entry may carry: enough for minutes plus annexes, small enough to read on one screen.</summary>
    public const int MaxPerEntry = 5;

    private EvidenceFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
    }

    internal EvidenceFile(Guid commitmentId, Guid statusEntryId, int ordinal, EvidenceFacts facts)
    {
        CommitmentId = commitmentId;
        StatusEntryId = statusEntryId;
        Ordinal = ordinal;
        FileName = facts.FileName;
        ContentType = facts.ContentType;
        SizeBytes = facts.SizeBytes;
        Sha256 = facts.Sha256;
    }

    /// <summary>The commitment the entry belongs to, kept here so a download is checked against the address it came by.</summary>
    public Guid CommitmentId { get; private set; }

    public Guid StatusEntryId { get; private set; }

    /// <summary>0, 1, 2… in the order the files were attached, which is the order they are listed in.</summary>
    public int Ordinal { get; private set; }

    /// <summary>The uploaded file's own name, without any folder, as readers download it.</summary>
    public string FileName { get; private set; }

    /// <summary>The media type found by reading the content (never the one the uploader declared), served as is.</summary>
    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>SHA-256 of the bytes, lower-case hex: a reader proves the download is what was attached.</summary>
    public string Sha256 { get; private set; }
}

/// <summary>
/// What is known about an uploaded file once its content was read: the facts an <see cref="EvidenceFile"/> records.
/// Checked here, so no entry can point at a nameless, empty or unhashed file whichever door it came through.
/// </summary>
public sealed record EvidenceFacts
{
    public EvidenceFacts(string fileName, string contentType, long sizeBytes, string sha256)
    {
        if (sizeBytes <= 0)
        {
            throw new DomainRuleException("EvidenceFiles", $"The file '{fileName}' is empty.");
        }

        if (sha256 is null || sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainRuleException("EvidenceFiles", "An evidence file's SHA-256 must be 64 lower-case hexadecimal digits.");
        }

        FileName = CleanFileName(fileName);
        ContentType = Require.Text(contentType, "EvidenceFiles", EvidenceFile.MaxContentTypeLength);
        SizeBytes = sizeBytes;
        Sha256 = sha256;
    }

    public string FileName { get; }

    public string ContentType { get; }

    public long SizeBytes { get; }

    public string Sha256 { get; }

    /// <summary>
    /// The name as a reader should see it: no folder (browsers on Windows send "C:\fakepath\…"), no control
    /// characters, at most <see cref="EvidenceFile.MaxFileNameLength"/> characters keeping the extension; "evidence"
    /// when nothing is left.
    /// </summary>
    public static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return "evidence";
        }

        if (name.Length <= EvidenceFile.MaxFileNameLength)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 16 ? name[dot..] : string.Empty;
        return name[..(EvidenceFile.MaxFileNameLength - extension.Length)] + extension;
    }
}
