using Flux.OpsCenter.Web.Components;

namespace Flux.OpsCenter.Tests.Web.Components;

public sealed class UtilityCurrencyTests
{
    [Theory]
    [InlineData(1_703_751_798.4, "$1,703,751,798")]
    [InlineData(0, "$0")]
    [InlineData(-2_500, "-$2,500")]
    public void Money_is_written_in_us_dollars_not_the_generic_currency_sign(double amount, string expected) =>
        Assert.Equal(expected, UtilityCurrency.Format(amount));
}
