using System.Globalization;
using System.Text;

namespace CommitmentTracker.Extraction.Model;

/// <summary>
/// A logistic-regression sentence scorer, one weight table per language: the probability that a sentence carries a
/// commitment is the logistic of the summed weights of its features (<see cref="SentenceFeatures"/>). The shipped
/// weights (<c>Model/sentence-model.tsv</c>, an embedded resource) are trained on the development records only, by
/// <see cref="SentenceModelTrainer"/>; a test retrains them and fails when the file differs, so they can never come
/// from validation records by accident.
/// </summary>
internal sealed class SentenceModel
{
    public const string ResourceName = "CommitmentTracker.Extraction.Model.sentence-model.tsv";

    private readonly Dictionary<string, Dictionary<string, double>> byLanguage;

    /// <summary>The same weights keyed by the hash of the feature's name, for scoring without feature strings.</summary>
    private readonly Dictionary<string, Dictionary<ulong, (string Name, double Weight)>> hashedByLanguage;

    /// <summary>Per language, the weights of the sentence embedding's dimensions (features <c>emb:0</c>…), when trained with one.</summary>
    private readonly Dictionary<string, double[]> embeddingByLanguage;

    /// <summary>Per language, the most a unit-length embedding can add to or take from the summed weights.</summary>
    private readonly Dictionary<string, double> embeddingReach = new(StringComparer.Ordinal);

    private readonly Dictionary<string, double> embeddingMean = new(StringComparer.Ordinal);

    public SentenceModel(Dictionary<string, Dictionary<string, double>> byLanguage)
    {
        this.byLanguage = byLanguage;
        hashedByLanguage = byLanguage.ToDictionary(
            l => l.Key,
            l => l.Value.Where(w => !IsEmbedding(w.Key)).ToDictionary(w => SentenceFeatures.Hash(w.Key), w => (w.Key, w.Value)),
            StringComparer.Ordinal);
        embeddingByLanguage = [];
        foreach (var (language, weights) in byLanguage)
        {
            var dimensions = weights.Keys.Where(k => IsEmbedding(k) && k != EmbeddingMean).ToList();
            if (dimensions.Count > 0)
            {
                var vector = new double[SentenceEmbedder.Dimensions];
                foreach (var name in dimensions)
                {
                    vector[EmbeddingDimension(name)] = weights[name];
                }

                embeddingMean[language] = weights.GetValueOrDefault(EmbeddingMean);
                embeddingByLanguage[language] = vector;

                // A little over the length, so rounding can never put a score outside its range.
                embeddingReach[language] = Math.Sqrt(vector.Sum(w => w * w)) * 1.0001;
            }
        }
    }

    /// <summary>The feature name of an embedding dimension: dense weights are stored in the same table as the sparse ones.</summary>
    public static string EmbeddingFeature(int dimension) => EmbeddingPrefix + dimension.ToString(CultureInfo.InvariantCulture);

    private const string EmbeddingPrefix = "emb:";

    /// <summary>What the embedding weights add for the training sentences' mean embedding: the score of a sentence not embedded.</summary>
    public const string EmbeddingMean = EmbeddingPrefix + "mean";

    private static bool IsEmbedding(string feature) => feature.StartsWith(EmbeddingPrefix, StringComparison.Ordinal);

    private static int EmbeddingDimension(string feature) => int.Parse(feature.AsSpan(EmbeddingPrefix.Length), CultureInfo.InvariantCulture);

    /// <summary>Whether this language's score also reads the sentence's embedding (<see cref="SentenceEmbedder"/>).</summary>
    public bool Embeds(string language) => embeddingByLanguage.ContainsKey(language);

    /// <summary>
    /// The scores a sentence with these features can have whatever its embedding: a unit vector moves the summed
    /// weights by at most the length of the embedding weights (Cauchy–Schwarz). A sentence whose whole range lies on
    /// one side of every threshold the design reads need not be embedded (ADR 0066). Without an embedding the score is
    /// the one for the mean sentence, which lies inside the range.
    /// </summary>
    public (double Lowest, double Highest) Range(string language, IReadOnlyList<ulong> features)
    {
        var sum = HashedSum(language, features);
        var reach = embeddingReach.GetValueOrDefault(language);
        return (1 / (1 + Math.Exp(reach - sum)), 1 / (1 + Math.Exp(-sum - reach)));
    }

    private static readonly Lazy<SentenceModel> ShippedModel = new(Load);

    /// <summary>The weights shipped with the library.</summary>
    public static SentenceModel Shipped => ShippedModel.Value;

    public IReadOnlyDictionary<string, double> Weights(string language) =>
        byLanguage.TryGetValue(language, out var weights) ? weights : new Dictionary<string, double>();

    public bool Covers(string language) => byLanguage.ContainsKey(language);

    public double Score(string language, IReadOnlyList<string> features, IReadOnlyList<float>? embedding = null)
    {
        if (!byLanguage.TryGetValue(language, out var weights))
        {
            return 0;
        }

        var sum = EmbeddingSum(language, embedding);
        foreach (var f in features)
        {
            sum += weights.GetValueOrDefault(f);
        }

        return 1 / (1 + Math.Exp(-sum));
    }

    /// <summary>How much further this embedding moves the summed weights than the mean training sentence's does.</summary>
    public double Lift(string language, IReadOnlyList<float> embedding) =>
        embeddingByLanguage.ContainsKey(language) ? EmbeddingSum(language, embedding) - embeddingMean[language] : 0;

    /// <summary>What the embedding adds; without one, what the mean training sentence's adds (so the score stays calibrated).</summary>
    private double EmbeddingSum(string language, IReadOnlyList<float>? embedding)
    {
        if (!embeddingByLanguage.TryGetValue(language, out var vector))
        {
            return 0;
        }

        if (embedding is null)
        {
            return embeddingMean[language];
        }

        var sum = 0.0;
        for (var k = 0; k < vector.Length; k++)
        {
            sum += vector[k] * embedding[k];
        }

        return sum;
    }

    /// <summary>The score from the hashed features (<see cref="SentenceFeatures.Hashes"/>): the same as from the names.</summary>
    public double Score(string language, IReadOnlyList<ulong> features, IReadOnlyList<float>? embedding = null) =>
        hashedByLanguage.ContainsKey(language) ? 1 / (1 + Math.Exp(-HashedSum(language, features) - EmbeddingSum(language, embedding))) : 0;

    private double HashedSum(string language, IReadOnlyList<ulong> features)
    {
        var sum = 0.0;
        if (hashedByLanguage.TryGetValue(language, out var weights))
        {
            foreach (var f in features)
            {
                sum += weights.TryGetValue(f, out var w) ? w.Weight : 0;
            }
        }

        return sum;
    }

    /// <summary>The strongest signals from hashed features: a hash with a weight names its feature.</summary>
    public IReadOnlyList<string> Strongest(string language, IReadOnlyList<ulong> features, int count) =>
        hashedByLanguage.TryGetValue(language, out var weights)
            ? Strongest(language, [.. features.Where(weights.ContainsKey).Select(f => weights[f].Name)], count)
            : [];

    public IReadOnlyList<string> Strongest(string language, IReadOnlyList<string> features, int count)
    {
        var weights = Weights(language);
        return [.. features.Where(f => f != SentenceFeatures.Bias && weights.GetValueOrDefault(f) > 0)
            .OrderByDescending(f => weights[f]).ThenBy(f => f, StringComparer.Ordinal)
            .Select(Readable).Distinct(StringComparer.Ordinal).Take(count)];
    }

    private static string Readable(string feature)
    {
        var colon = feature.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? feature : feature[..colon] switch
        {
            "w" or "s" or "r" => feature[(colon + 1)..],
            "b" or "rb" => feature[(colon + 1)..].Replace('_', ' ').TrimStart('^', ' '),
            _ => feature,
        };
    }

    /// <summary>One line per weight: language, feature, weight (4 decimals), sorted, so the file diffs well.</summary>
    public string Write()
    {
        var text = new StringBuilder("# language\tfeature\tweight — written by SentenceModelTrainer from the dev records (tests/corpus, split dev)\n");
        foreach (var (language, weights) in byLanguage.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            foreach (var (feature, weight) in weights.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                text.Append(language).Append('\t').Append(feature).Append('\t').Append(weight.ToString("0.0000", CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static SentenceModel Parse(string text)
    {
        var byLanguage = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (!byLanguage.TryGetValue(parts[0], out var weights))
            {
                byLanguage[parts[0]] = weights = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            weights[parts[1]] = double.Parse(parts[2], CultureInfo.InvariantCulture);
        }

        return new SentenceModel(byLanguage);
    }

    private static SentenceModel Load()
    {
        using var stream = typeof(SentenceModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return new SentenceModel([]);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }
}

/// <summary>
/// How a language's sentence model is trained (ADR 0037): the L2 penalty, which feature groups it may use, and how
/// widely a feature must be seen in the training records to be kept — in at least <see cref="MinSentences"/>
/// sentences and in at least <see cref="MinMeetings"/> different meetings, so a word only one meeting uses cannot
/// carry weight (that is memorising a record, not learning the genre). <see cref="EmbeddingScale"/> above zero adds
/// the sentence's embedding as dense inputs (ADR 0066), multiplied by it while training; zero leaves them out.
/// </summary>
internal sealed record TrainerOptions(double L2 = SentenceModelTrainer.L2, int MinSentences = SentenceModelTrainer.MinimumCount, int MinMeetings = 1, string Groups = TrainerOptions.All, double EmbeddingScale = 0)
{
    /// <summary>Every feature the sentence features produce.</summary>
    public const string All = "all";

    /// <summary>Stems, stem bigrams, cues and signals: no surface word forms.</summary>
    public const string NoWords = "no-words";

    /// <summary>Words and stems without bigrams.</summary>
    public const string NoBigrams = "no-bigrams";

    /// <summary>Stems, cues and signals only.</summary>
    public const string Stems = "stems";

    /// <summary>No lexical features at all: cue ids and families, signals, position and length.</summary>
    public const string General = "general";

    /// <summary>Snowball stems and their bigrams (Russian) with cues and signals, no light stems or word forms.</summary>
    public const string Snowball = "snowball";

    /// <summary>Snowball stems (no bigrams), cues and signals.</summary>
    public const string SnowballUnigrams = "snowball-unigrams";

    /// <summary>Everything but the rules' cue ids: the honest lexical model.</summary>
    public const string Lexical = "lexical";

    /// <summary>No feature but the bias: with <see cref="EmbeddingScale"/>, a model of the sentence embedding alone.</summary>
    public const string BiasOnly = "bias-only";

    /// <summary>Whether a feature of this name is in the model's groups.</summary>
    public bool Keeps(string feature)
    {
        var colon = feature.IndexOf(':', StringComparison.Ordinal);
        var group = colon < 0 ? string.Empty : feature[..colon];
        return Groups switch
        {
            NoWords => group is not ("w" or "r" or "rb"),
            NoBigrams => group is not ("b" or "r" or "rb"),
            Stems => group is not ("w" or "b" or "r" or "rb"),
            General => group is not ("w" or "s" or "b" or "r" or "rb"),
            Snowball => group is not ("w" or "s" or "b"),
            SnowballUnigrams => group is not ("w" or "s" or "b" or "rb"),
            Lexical => group is not ("cue" or "cuefamily" or "r" or "rb"),
            BiasOnly => feature == SentenceFeatures.Bias,
            _ => group is not ("r" or "rb"),
        };
    }

    /// <summary>
    /// What the shipped weights are trained with, per language: ADR 0031's settings in both. ADR 0037's sparser
    /// candidates won dev cross-validation but not validation, so a language gets its own options here only when
    /// validation confirms them.
    /// </summary>
    public static TrainerOptions Shipped(string language) => language switch
    {
        // English reads the sentence embedding too, with a stronger penalty (ADR 0066's grid and look).
        "en" => new TrainerOptions(L2: 0.1, EmbeddingScale: 10),
        _ => new TrainerOptions(),
    };
}

/// <summary>
/// Trains <see cref="SentenceModel"/> weights deterministically: features seen in fewer than
/// <see cref="MinimumCount"/> training sentences are dropped (they would only memorise one record), then full-batch
/// gradient descent with per-feature AdaGrad steps and an L2 penalty runs a fixed number of rounds. No randomness, so
/// the same sentences always give the same weights, rounded to four decimals.
/// </summary>
internal static class SentenceModelTrainer
{
    public const int MinimumCount = 2;
    public const int Rounds = 300;
    public const double Step = 0.3;
    public const double L2 = 0.02;

    /// <summary>Weights smaller than this are left out of the table: they change no decision.</summary>
    public const double Smallest = 0.002;

    public static Dictionary<string, double> Train(IReadOnlyList<(IReadOnlyList<string> Features, bool Positive)> examples, double l2 = L2, int minimumCount = MinimumCount) =>
        Train(examples, new TrainerOptions(l2, minimumCount), meetings: null);

    /// <summary>
    /// Training with <paramref name="options"/>; <paramref name="meetings"/> names each example's meeting (parallel to
    /// the examples) for the meeting-count pruning, and may be null when that pruning is off.
    /// <para>
    /// With <paramref name="embeddings"/> (parallel to the examples) and <see cref="TrainerOptions.EmbeddingScale"/>
    /// above zero, each sentence's embedding joins its features as dense inputs, scaled so a dimension moves about as
    /// much as a sparse feature; the stored weights are unscaled back, so scoring multiplies the raw embedding.
    /// </para>
    /// </summary>
    public static Dictionary<string, double> Train(IReadOnlyList<(IReadOnlyList<string> Features, bool Positive)> examples, TrainerOptions options, IReadOnlyList<string>? meetings, IReadOnlyList<float[]>? embeddings = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        var l2 = options.L2;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var e = 0; e < examples.Count; e++)
        {
            foreach (var f in examples[e].Features)
            {
                if (!options.Keeps(f))
                {
                    continue;
                }

                counts[f] = counts.GetValueOrDefault(f) + 1;
                if (meetings is not null && options.MinMeetings > 1)
                {
                    if (!seenIn.TryGetValue(f, out var set))
                    {
                        seenIn[f] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(meetings[e]);
                }
            }
        }

        var names = counts.Where(c => c.Key == SentenceFeatures.Bias
                || (c.Value >= options.MinSentences && (meetings is null || options.MinMeetings <= 1 || seenIn[c.Key].Count >= options.MinMeetings)))
            .Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var rows = examples.Select(e => e.Features.Where(index.ContainsKey).Select(f => index[f]).ToArray()).ToArray();
        var labels = examples.Select(e => e.Positive ? 1.0 : 0.0).ToArray();

        var scale = embeddings is not null && options.EmbeddingScale > 0 ? options.EmbeddingScale : 0;
        var dense = scale > 0 ? SentenceEmbedder.Dimensions : 0;
        var w = new double[names.Length + dense];
        var squares = new double[w.Length];
        var gradient = new double[w.Length];
        var n = (double)Math.Max(1, rows.Length);
        for (var round = 0; round < Rounds; round++)
        {
            Array.Clear(gradient);
            for (var i = 0; i < rows.Length; i++)
            {
                var sum = 0.0;
                foreach (var j in rows[i])
                {
                    sum += w[j];
                }

                var vector = dense > 0 ? embeddings![i] : null;
                for (var k = 0; k < dense; k++)
                {
                    sum += w[names.Length + k] * vector![k] * scale;
                }

                var error = (1 / (1 + Math.Exp(-sum))) - labels[i];
                foreach (var j in rows[i])
                {
                    gradient[j] += error;
                }

                for (var k = 0; k < dense; k++)
                {
                    gradient[names.Length + k] += error * vector![k] * scale;
                }
            }

            for (var j = 0; j < w.Length; j++)
            {
                var g = (gradient[j] / n) + (j < names.Length && names[j] == SentenceFeatures.Bias ? 0 : l2 * w[j]);
                squares[j] += g * g;
                w[j] -= Step * g / (Math.Sqrt(squares[j]) + 1e-8);
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < names.Length; j++)
        {
            var rounded = Math.Round(w[j], 4);
            if (Math.Abs(rounded) >= Smallest || names[j] == SentenceFeatures.Bias)
            {
                weights[names[j]] = rounded;
            }
        }

        var mean = 0.0;
        for (var k = 0; k < dense; k++)
        {
            // Every dimension is kept: a dense weight near zero still says the dimension was learned.
            var weight = Math.Round(w[names.Length + k] * scale, 4);
            weights[SentenceModel.EmbeddingFeature(k)] = weight;
            mean += weight * embeddings!.Average(e => (double)e[k]);
        }

        if (dense > 0)
        {
            weights[SentenceModel.EmbeddingMean] = Math.Round(mean, 4);
        }

        return weights;
    }
}
