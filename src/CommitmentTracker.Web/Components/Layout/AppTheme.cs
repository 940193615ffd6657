using MudBlazor;

namespace CommitmentTracker.Web.Components.Layout;

/// <summary>A sober navy palette with AA contrast for text on every surface.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d6e",
            Secondary = "#5c4400",
            Tertiary = "#1d5c3a",
            Info = "#0b5cad",
            Success = "#1b6b35",
            Warning = "#8a4b00",
            Error = "#b3261e",
            AppbarBackground = "#0b3d6e",
            Background = "#f5f7fa",
            TextSecondary = "#4a5561",
            ActionDefault = "#3d4a57",
        },
    };
}
