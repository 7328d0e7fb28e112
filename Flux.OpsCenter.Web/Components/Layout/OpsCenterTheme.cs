using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Layout;

/// <summary>
/// The dark control-room theme: low-glare surfaces, high-contrast text, and status colours that stay distinct
/// for colour-blind operators (energised green, partial amber, outage red, overloaded orange-magenta).
/// </summary>
public static class OpsCenterTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#22d3ee",
            Secondary = "#a78bfa",
            Tertiary = "#f472b6",
            Info = "#38bdf8",
            Success = "#22c55e",
            Warning = "#fbbf24",
            Error = "#ef4444",
            Dark = "#0b0f14",
            Background = "#0b0f14",
            BackgroundGray = "#10161e",
            Surface = "#121a24",
            AppbarBackground = "#05080c",
            AppbarText = "#e2e8f0",
            DrawerBackground = "#0e141c",
            DrawerText = "#cbd5e1",
            DrawerIcon = "#94a3b8",
            TextPrimary = "#e2e8f0",
            TextSecondary = "#94a3b8",
            ActionDefault = "#94a3b8",
            LinesDefault = "#1f2a37",
            TableLines = "#1f2a37",
            Divider = "#1f2a37",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
