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

    public SentenceModel(Dictionary<string, Dictionary<string, double>> byLanguage)
    {
        this.byLanguage = byLanguage;
        hashedByLanguage = byLanguage.ToDictionary(
            l => l.Key,
            l => l.Value.ToDictionary(w => SentenceFeatures.Hash(w.Key), w => (w.Key, w.Value)),
            StringComparer.Ordinal);
    }

    private static readonly Lazy<SentenceModel> ShippedModel = new(Load);

    /// <summary>The weights shipped with the library.</summary>
    public static SentenceModel Shipped => ShippedModel.Value;

    public IReadOnlyDictionary<string, double> Weights(string language) =>
        byLanguage.TryGetValue(language, out var weights) ? weights : new Dictionary<string, double>();

    public bool Covers(string language) => byLanguage.ContainsKey(language);

    public double Score(string language, IReadOnlyList<string> features)
    {
        if (!byLanguage.TryGetValue(language, out var weights))
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var f in features)
        {
            sum += weights.GetValueOrDefault(f);
        }

        return 1 / (1 + Math.Exp(-sum));
    }

    /// <summary>The features that pushed the score up most, for the analyst ("will", "we+modal", "cooperation").</summary>
    /// <summary>The score from the hashed features (<see cref="SentenceFeatures.Hashes"/>): the same as from the names.</summary>
    public double Score(string language, IReadOnlyList<ulong> features)
    {
        if (!hashedByLanguage.TryGetValue(language, out var weights))
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var f in features)
        {
            sum += weights.TryGetValue(f, out var w) ? w.Weight : 0;
        }

        return 1 / (1 + Math.Exp(-sum));
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
/// carry weight (that is memorising a record, not learning the genre).
/// </summary>
internal sealed record TrainerOptions(double L2 = SentenceModelTrainer.L2, int MinSentences = SentenceModelTrainer.MinimumCount, int MinMeetings = 1, string Groups = TrainerOptions.All)
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
    /// </summary>
    public static Dictionary<string, double> Train(IReadOnlyList<(IReadOnlyList<string> Features, bool Positive)> examples, TrainerOptions options, IReadOnlyList<string>? meetings)
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

        var w = new double[names.Length];
        var squares = new double[names.Length];
        var gradient = new double[names.Length];
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

                var error = (1 / (1 + Math.Exp(-sum))) - labels[i];
                foreach (var j in rows[i])
                {
                    gradient[j] += error;
                }
            }

            for (var j = 0; j < w.Length; j++)
            {
                var g = (gradient[j] / n) + (names[j] == SentenceFeatures.Bias ? 0 : l2 * w[j]);
                squares[j] += g * g;
                w[j] -= Step * g / (Math.Sqrt(squares[j]) + 1e-8);
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var j = 0; j < w.Length; j++)
        {
            var rounded = Math.Round(w[j], 4);
            if (Math.Abs(rounded) >= Smallest || names[j] == SentenceFeatures.Bias)
            {
                weights[names[j]] = rounded;
            }
        }

        return weights;
    }
}
