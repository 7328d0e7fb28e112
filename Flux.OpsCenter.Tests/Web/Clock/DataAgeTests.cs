using Flux.OpsCenter.Web.Clock;

namespace Flux.OpsCenter.Tests.Web.Clock;

public sealed class DataAgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Warning = TimeSpan.FromMinutes(2);

    [Fact]
    public void Recent_data_from_an_answering_source_is_live()
    {
        var age = DataAge.Of(Now.AddSeconds(-12), staleSince: null, Now, Warning);

        Assert.Equal(DataAgeState.Live, age.State);
        Assert.Equal("12 s", age.AgeText);
    }

    [Fact]
    public void Data_older_than_the_warning_age_is_delayed_even_while_the_source_answers()
    {
        var age = DataAge.Of(Now.AddMinutes(-57), staleSince: null, Now, Warning);

        Assert.Equal(DataAgeState.Delayed, age.State);
        Assert.Equal("57 min", age.AgeText);
    }

    [Fact]
    public void A_failing_source_is_lost_however_recent_its_last_data()
    {
        Assert.Equal(DataAgeState.Lost, DataAge.Of(Now.AddSeconds(-1), Now.AddSeconds(-1), Now, Warning).State);
        Assert.Equal(DataAgeState.Lost, DataAge.Of(asOf: null, Now, Now, Warning).State);
    }

    [Fact]
    public void Nothing_received_yet_is_waiting()
    {
        Assert.Equal(DataAgeState.Waiting, DataAge.Of(asOf: null, staleSince: null, Now, Warning).State);
    }

    [Fact]
    public void Long_ages_read_in_hours_and_days()
    {
        Assert.Equal("3 h 5 min", DataAge.Of(Now.AddMinutes(-185), null, Now, Warning).AgeText);
        Assert.Equal("11 d 5 h", DataAge.Of(Now.AddHours(-269), null, Now, Warning).AgeText);
    }
}
