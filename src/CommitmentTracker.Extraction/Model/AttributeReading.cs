namespace CommitmentTracker.Extraction.Model;

/// <summary>
/// Kind and modality read by one-vs-rest logistic models over the sentence model's features (ADR 0033): for each
/// value of an attribute a <see cref="SentenceModel"/> entry keyed "language:attribute:value" (e.g.
/// "ru:kind:Pledge") scores how likely the sentence's commitment has that value. The rules' reading stays unless the
/// models' best value differs and takes at least the design's share of the summed scores.
/// </summary>
internal static class AttributeReading
{
    public const string Kind = "kind";

    public const string Modality = "modality";

    public static string Key(string language, string attribute, string value) => $"{language}:{attribute}:{value}";

    /// <summary>The value the models score highest and its share of all the values' scores; null without models.</summary>
    public static (T Value, double Share)? Best<T>(SentenceModel models, string language, string attribute, IReadOnlyList<ulong> features)
        where T : struct, Enum
    {
        var total = 0.0;
        var bestScore = -1.0;
        T? best = null;
        foreach (var value in Enum.GetValues<T>())
        {
            var key = Key(language, attribute, value.ToString());
            if (!models.Covers(key))
            {
                continue;
            }

            var p = models.Score(key, features);
            total += p;
            if (p > bestScore)
            {
                (bestScore, best) = (p, value);
            }
        }

        return best is { } b && total > 0 ? (b, bestScore / total) : null;
    }
}
