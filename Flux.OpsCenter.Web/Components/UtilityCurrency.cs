using System.Globalization;

namespace Flux.OpsCenter.Web.Components;

/// <summary>
/// Money in the utility's currency, US dollars written the en-US way ($1,234,567). The app runs with invariant
/// globalization, where "C" formats with the generic "¤"; this is the one place money is formatted.
/// </summary>
public static class UtilityCurrency
{
    private static readonly NumberFormatInfo UsDollars = CreateUsDollars();

    /// <summary>Whole dollars: <c>$1,703,751,798</c>, negative amounts as <c>-$5</c>.</summary>
    public static string Format(double amount) => amount.ToString("C0", UsDollars);

    private static NumberFormatInfo CreateUsDollars()
    {
        var format = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        format.CurrencySymbol = "$";
        format.CurrencyNegativePattern = 1;
        return NumberFormatInfo.ReadOnly(format);
    }
}
