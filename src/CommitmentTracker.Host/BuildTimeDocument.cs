namespace CommitmentTracker.Host;

/// <summary>
/// The build writes the OpenAPI document (docs/openapi) by running this program under the GetDocument tool, which
/// starts the host with a server that never listens. That run must not touch a database: on a clean checkout there
/// is none, and a background worker or the key ring reading a missing table fails the build.
/// </summary>
public static class BuildTimeDocument
{
    public static bool IsBeingWritten { get; } =
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>Drops every background service except the web host itself, which the tool needs to read endpoints.</summary>
    public static void WithoutBackgroundWork(IServiceCollection services)
    {
        var background = services
            .Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Namespace != "Microsoft.AspNetCore.Hosting")
            .ToList();
        foreach (var descriptor in background)
        {
            services.Remove(descriptor);
        }
    }
}
