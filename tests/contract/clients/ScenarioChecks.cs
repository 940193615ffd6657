/// <summary>What the C# scenarios (Kiota, NSwag) say when a step does not give what the contract promises.</summary>
internal static class ScenarioChecks
{
    public static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw Fail(what);
        }
    }

    public static InvalidOperationException Fail(string what) => new($"scenario failed: {what}");
}
