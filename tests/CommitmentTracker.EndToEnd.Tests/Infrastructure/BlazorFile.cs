using Microsoft.Playwright;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>Files chosen in a Blazor <c>InputFile</c>, as a person picks them in the browser's file dialog.</summary>
public static class BlazorFile
{
    /// <summary>
    /// Sets <paramref name="file"/> on <paramref name="input"/> once the circuit listens to it. InputFile attaches its
    /// change listener in its own first interactive render, which can come after the layout's circuit marker: a CI run
    /// chose a file before that, and the page never saw it. Its script marks the element when it attaches
    /// (<c>_blazorInputFileNextFileId</c>), so the wait is on that state.
    /// </summary>
    public static async Task UploadAsync(ILocator input, FilePayload file)
    {
        await input.EvaluateAsync("""
            element => new Promise(resolve => {
                const attached = () => element._blazorInputFileNextFileId !== undefined ? resolve() : requestAnimationFrame(attached);
                attached();
            })
            """);
        await input.SetInputFilesAsync(file);
    }
}
