using MudBlazor.Services;

namespace CommitmentTracker.Web.Tests;

/// <summary>A bUnit context with MudBlazor's services; MudBlazor calls JavaScript freely, so interop is loose.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
