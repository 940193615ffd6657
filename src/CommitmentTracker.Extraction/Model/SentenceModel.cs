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
            "w" or "s" => feature[(colon + 1)..],
            "b" => feature[(colon + 1)..].Replace('_', ' ').TrimStart('^', ' '),
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

    public static Dictionary<string, double> Train(IReadOnlyList<(IReadOnlyList<string> Features, bool Positive)> examples, double l2 = L2, int minimumCount = MinimumCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (features, _) in examples)
        {
            foreach (var f in features)
            {
                counts[f] = counts.GetValueOrDefault(f) + 1;
            }
        }

        var names = counts.Where(c => c.Value >= minimumCount || c.Key == SentenceFeatures.Bias).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
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
