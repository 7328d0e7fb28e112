namespace Flux.OpsCenter.Web.Clock;

/// <summary>How fresh the data on screen is; see <see cref="DataAge"/>.</summary>
public enum DataAgeState
{
    Waiting,
    Live,
    Delayed,
    Lost,
}
