using Microsoft.JSInterop;

namespace CommitmentTracker.Web.Services;

/// <summary>
/// The server side of the drafts kept in the browser (wwwroot/app.js): a form marked <c>data-draft="name"</c> keeps
/// what was typed across a lost connection, and forgets it only when its save succeeded.
/// </summary>
public static class Drafts
{
    public static async Task ForgetDraftAsync(this IJSRuntime js, string name)
    {
        ArgumentNullException.ThrowIfNull(js);
        try
        {
            await js.InvokeVoidAsync("commitmentTracker.forgetDraft", name);
        }
        catch (JSDisconnectedException)
        {
            // The tab has gone; the draft goes with its sessionStorage.
        }
    }
}
