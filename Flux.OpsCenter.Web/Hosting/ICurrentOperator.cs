namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Who is at the console: recorded on every action an operator takes (acknowledgements, audit).</summary>
public interface ICurrentOperator
{
    string Name { get; }
}
