using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Layout;

/// <summary>
/// The dark control-room theme: low-glare surfaces, high-contrast text, and status colours that stay distinct
/// for colour-blind operators (energised green, partial amber, outage red, overloaded orange-magenta).
/// Every text colour stands at least 4.5:1 on Surface and Background (WCAG 2.2 AA); filled buttons and chips in the
/// bright status colours carry near-black text, since white on cyan or amber reads at under 2:1.
/// </summary>
public static class OpsCenterTheme
{
    private const string ContrastText = "#05080c";

    public static readonly MudTheme Theme = new()
    {
        PaletteDark = new PaletteDark
        {
            Primary = "#22d3ee",
            PrimaryContrastText = ContrastText,
            Secondary = "#a78bfa",
            SecondaryContrastText = ContrastText,
            Tertiary = "#f472b6",
            TertiaryContrastText = ContrastText,
            Info = "#38bdf8",
            InfoContrastText = ContrastText,
            Success = "#22c55e",
            SuccessContrastText = ContrastText,
            Warning = "#fbbf24",
            WarningContrastText = ContrastText,
            // Lighter than Tailwind's red-500: red text on a red-tinted chip or alert still clears 4.5:1.
            Error = "#f87171",
            ErrorContrastText = ContrastText,
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
