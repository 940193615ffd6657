using System.Collections.Concurrent;
using CommitmentTracker.Extraction.Model;

namespace CommitmentTracker.Extraction.Tests.Corpus;

/// <summary>
/// The shipped embedder with every sentence it has embedded kept for the test run: the corpus's sentences are
/// embedded once, however many folds and designs read them (ADR 0066). The vectors are the shipped embedder's own.
/// </summary>
internal sealed class StoredEmbeddings : ISentenceEmbedder
{
    public static StoredEmbeddings Instance { get; } = new();

    private readonly ConcurrentDictionary<string, float[]> vectors = new(StringComparer.Ordinal);

    private int asked;

    /// <summary>How many sentences extraction has asked to embed so far (the share the score range cannot skip).</summary>
    public int Asked => Volatile.Read(ref asked);

    /// <summary>The sentences' embeddings; the ones not yet seen are embedded in batches.</summary>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref asked, sentences.Count);
        var missing = sentences.Where(s => !vectors.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var batch in missing.Chunk(64))
        {
            var embedded = SentenceEmbedder.Shared.Embed(RussianGloss.On ? [.. batch.Select(s => RussianGloss.IsRussian(s) ? RussianGloss.Of(s) : s)] : batch, cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                vectors[batch[i]] = embedded[i];
            }
        }

        return [.. sentences.Select(s => vectors[s])];
    }
}
