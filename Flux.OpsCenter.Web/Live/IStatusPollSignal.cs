namespace Flux.OpsCenter.Web.Live;

/// <summary>Lets writers (the simulator, acknowledgements) ask the monitor to poll now instead of at the next tick.</summary>
public interface IStatusPollSignal
{
    void PollNow();
}
