using FluentValidation.Results;

namespace CommitmentTracker.Application.Tests.Validators;

internal static class ValidationResultAssertions
{
    public static void ShouldBeValid(this ValidationResult result) =>
        result.IsValid.ShouldBeTrue($"Expected no errors, got: {Describe(result)}");

    /// <summary>Asserts an error on exactly <paramref name="property"/> whose message contains <paramref name="messagePart"/>.</summary>
    public static ValidationFailure ShouldHaveErrorOn(this ValidationResult result, string property, string messagePart)
    {
        var onProperty = result.Errors.Where(e => e.PropertyName == property).ToList();
        onProperty.ShouldNotBeEmpty($"Expected an error on '{property}', got: {Describe(result)}");
        var failure = onProperty.FirstOrDefault(e => e.ErrorMessage.Contains(messagePart, StringComparison.Ordinal));
        failure.ShouldNotBeNull($"Expected an error on '{property}' containing \"{messagePart}\", got: {Describe(result)}");
        return failure;
    }

    public static void ShouldHaveNoErrorOn(this ValidationResult result, string property) =>
        result.Errors.Where(e => e.PropertyName == property).ShouldBeEmpty($"Expected no error on '{property}', got: {Describe(result)}");

    private static string Describe(ValidationResult result) =>
        result.Errors.Count == 0 ? "(none)" : string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
}
