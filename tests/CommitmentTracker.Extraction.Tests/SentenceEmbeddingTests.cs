using CommitmentTracker.Extraction.Model;
using CommitmentTracker.Extraction.Tests.Corpus;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Tests;

/// <summary>The sentence embedding beside the word features (ADR 0066).</summary>
public class SentenceEmbeddingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Sentences =
    [
        "We will deliver the first batch of combines to your farmers.",
        "Thank you.",
        "The governor said the region was ready to buy Belarusian buses, trolleybuses and road machinery, and to set up an assembly plant for them.",
        "Trade grew by a third last year.",
    ];

    [Fact]
    public void English_reads_the_embedding_and_Russian_does_not()
    {
        SentenceModel.Shipped.Embeds("en").ShouldBeTrue();
        SentenceModel.Shipped.Embeds("ru").ShouldBeFalse();
        SentenceModel.Shipped.Weights("en").Keys.Count(k => k.StartsWith("emb:", StringComparison.Ordinal)).ShouldBe(SentenceEmbedder.Dimensions + 1);
    }

    [Fact]
    public void A_batch_gives_each_sentence_its_own_embedding_in_order()
    {
        var batch = SentenceEmbedder.Shared.Embed(Sentences, Ct);

        batch.Count.ShouldBe(Sentences.Length);
        for (var i = 0; i < Sentences.Length; i++)
        {
            var alone = SentenceEmbedder.Shared.Embed([Sentences[i]], Ct)[0];
            alone.Length.ShouldBe(SentenceEmbedder.Dimensions);
            Cosine(batch[i], alone).ShouldBeGreaterThan(0.9999, Sentences[i]);
            Math.Sqrt(alone.Sum(x => (double)x * x)).ShouldBe(1, 1e-4);
        }

        Cosine(batch[0], batch[1]).ShouldBeLessThan(0.9);
    }

    [Fact]
    public void A_run_on_sentence_is_read_up_to_its_cap()
    {
        var words = string.Join(' ', Enumerable.Repeat("cooperation between the regions", 200));
        var capped = words[..SentenceSegmenter.MaxLength];

        Cosine(SentenceEmbedder.Shared.Embed([words], Ct)[0], SentenceEmbedder.Shared.Embed([capped], Ct)[0]).ShouldBeGreaterThan(0.9999);
    }

    [Fact]
    public void A_cancelled_read_stops_before_the_next_batch()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() => SentenceEmbedder.Shared.Embed(["We will build a plant."], cancelled.Token));
    }

    /// <summary>
    /// The encoder stops a batch already running by ONNX Runtime's terminate flag, which throws ONNX Runtime's own
    /// exception: the import page took that for a fault and showed its error screen (the CI flake of 2026-12-05). The
    /// cancellation lands at a different point of the run each time; every one of them must read as a cancellation.
    /// The run is long enough that the last cancellation (40 ms) still lands inside it: four batches once finished in
    /// under 40 ms on CI and the read returned its vectors (seed 1006475153).
    /// </summary>
    [Fact]
    public void A_read_cancelled_while_a_batch_runs_is_a_cancellation()
    {
        var sentences = Enumerable.Range(1, 64 * SentenceEmbedder.Batch)
            .Select(i => $"Cooperation between the regions grew in sector {i} last year, and the sides discussed it in detail with the ministries concerned.")
            .ToArray();
        for (var delay = 1; delay <= 40; delay += 3)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(delay));
            var thrown = Should.Throw<Exception>(() => SentenceEmbedder.Shared.Embed(sentences, stop.Token));
            thrown.ShouldBeAssignableTo<OperationCanceledException>($"cancelled after {delay} ms: {thrown}");
        }
    }

    /// <summary>
    /// The range a sentence's words allow holds every score an embedding can give it: the real embedding, random unit
    /// vectors, and none (the mean sentence). Extraction skips embedding sentences on that promise.
    /// </summary>
    [Fact]
    public void Every_embedding_scores_inside_the_range_of_the_words()
    {
        var random = new Random(66);
        var model = SentenceModel.Shipped;
        foreach (var record in ModelCrossValidation.Dev.Where(r => r.Language == "en").Take(8))
        {
            foreach (var (_, hashes) in Extractor.FeaturesBothWays(record.Text, "en", ExtractionCorpusTests.Parties))
            {
                var (lowest, highest) = model.Range("en", hashes);
                lowest.ShouldBeLessThan(highest);
                model.Score("en", hashes).ShouldBeInRange(lowest, highest);
                for (var k = 0; k < 5; k++)
                {
                    model.Score("en", hashes, RandomUnit(random)).ShouldBeInRange(lowest, highest);
                }
            }
        }

        var sentence = Extractor.FeaturesBothWays(Sentences[0], "en", ExtractionCorpusTests.Parties).ShouldHaveSingleItem().Hashes;
        var (low, high) = model.Range("en", sentence);
        model.Score("en", sentence, SentenceEmbedder.Shared.Embed([Sentences[0]], Ct)[0]).ShouldBeInRange(low, high);
    }

    /// <summary>
    /// Dense inputs learn what no word says: every sentence has only the bias, and the label follows the direction of
    /// its embedding. Without a scale the trainer leaves the embedding out.
    /// </summary>
    [Fact]
    public void The_trainer_learns_from_embeddings_what_no_word_says()
    {
        var random = new Random(7);
        var examples = new List<(IReadOnlyList<string> Features, bool Positive)>();
        var embeddings = new List<float[]>();
        for (var i = 0; i < 200; i++)
        {
            var positive = i % 2 == 0;
            var vector = RandomUnit(random);
            vector[0] = positive ? 0.5f : -0.5f;
            examples.Add(([SentenceFeatures.Bias], positive));
            embeddings.Add(Normalised(vector));
        }

        var model = new SentenceModel(new() { ["en"] = SentenceModelTrainer.Train(examples, new TrainerOptions(EmbeddingScale: 10), meetings: null, embeddings) });
        var words = new SentenceModel(new() { ["en"] = SentenceModelTrainer.Train(examples, new TrainerOptions(), meetings: null, embeddings) });
        IReadOnlyList<string> bias = [SentenceFeatures.Bias];

        model.Embeds("en").ShouldBeTrue();
        model.Score("en", bias, embeddings[0]).ShouldBeGreaterThan(0.8);
        model.Score("en", bias, embeddings[1]).ShouldBeLessThan(0.2);
        words.Embeds("en").ShouldBeFalse();
        words.Score("en", bias, embeddings[0]).ShouldBe(0.5, 0.05);

        // Written and read back, the model scores the same.
        SentenceModel.Parse(model.Write()).Score("en", bias, embeddings[0]).ShouldBe(model.Score("en", bias, embeddings[0]), 1e-3);
    }

    private static float[] RandomUnit(Random random) =>
        Normalised([.. Enumerable.Range(0, SentenceEmbedder.Dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1))]);

    private static float[] Normalised(float[] vector)
    {
        var length = (float)Math.Sqrt(vector.Sum(x => (double)x * x));
        return [.. vector.Select(x => x / length)];
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }
}
