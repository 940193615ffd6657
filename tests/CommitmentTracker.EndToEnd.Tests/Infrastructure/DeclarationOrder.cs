using Xunit.Sdk;
using Xunit.v3;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs a class's tests in the order they are written (method metadata tokens follow declaration order). Every test
/// must still pass in any order; this only makes runs and screenshots reproducible and lets a class put the tests
/// that add rows (new commitments) after those that read the seeded figures.
/// </summary>
public sealed class DeclarationOrder : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        [.. testCases.OrderBy(t => t.TestMethodMetadataToken ?? int.MaxValue).ThenBy(t => t.TestCaseDisplayName, StringComparer.Ordinal)];
}
