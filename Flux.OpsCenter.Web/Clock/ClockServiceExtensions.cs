namespace Flux.OpsCenter.Web.Clock;

/// <summary>Registers the utility clock; an unknown time zone fails start with a message naming the setting.</summary>
public static class ClockServiceExtensions
{
    public static IServiceCollection AddUtilityClock(this IServiceCollection services)
    {
        services.AddOptions<ClockOptions>().BindConfiguration(ClockOptions.SectionName)
            .Validate(o => UtilityTime.IsKnown(o.TimeZone), "OpsCenter:Clock:TimeZone must be an IANA time zone id such as America/Chicago.")
            .Validate(o => o.DataAgeWarning > TimeSpan.Zero, "OpsCenter:Clock:DataAgeWarning must be a positive time span, e.g. 00:02:00.")
            .ValidateOnStart();
        services.AddSingleton<UtilityTime>();
        return services;
    }
}
