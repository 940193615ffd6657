using CommitmentTracker.EndToEnd.Tests.Infrastructure;

// One Host process and one Chromium serve every test in this assembly.
[assembly: AssemblyFixture(typeof(HostProcess))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
