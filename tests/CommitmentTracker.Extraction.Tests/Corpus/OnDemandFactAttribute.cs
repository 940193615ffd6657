using System.Runtime.CompilerServices;
using Xunit.Sdk;
using Xunit.v3;

namespace CommitmentTracker.Extraction.Tests.Corpus;

/// <summary>
/// A procedure kept beside the tests (a design search, a one-time look at validation) that exists as a test only when
/// its environment variable is set. Otherwise it is not discovered at all: it is neither run nor reported as skipped,
/// because a skip in this project's runs means a missing engine, and nothing is missing here.
/// </summary>
[XunitTestCaseDiscoverer(typeof(OnDemandFactDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OnDemandFactAttribute(string variable, [CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
    : FactAttribute(sourceFilePath, sourceLineNumber)
{
    /// <summary>The environment variable that asks for the procedure.</summary>
    public string Variable { get; } = variable;
}

public sealed class OnDemandFactDiscoverer : FactDiscoverer
{
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        factAttribute is OnDemandFactAttribute onDemand && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(onDemand.Variable))
            ? new ValueTask<IReadOnlyCollection<IXunitTestCase>>([])
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}
