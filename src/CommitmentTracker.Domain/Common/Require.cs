namespace CommitmentTracker.Domain;

/// <summary>Guards shared by the entities, so every rule breach carries the field it concerns.</summary>
public static class Require
{
    public static string Text(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainRuleException(field, $"{field} is required.");
        }

        return Length(value.Trim(), field, maxLength);
    }

    public static string? OptionalText(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Length(value.Trim(), field, maxLength);

    private static string Length(string value, string field, int maxLength) =>
        value.Length <= maxLength
            ? value
            : throw new DomainRuleException(field, $"{field} must be at most {maxLength} characters.");
}
