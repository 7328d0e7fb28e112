using Flux.OpsCenter.Web.Components.Map.Basemap;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>The built-in basemap (issue #11): built once per process; <c>MapBasemapApi</c> serves it.</summary>
public static class BasemapExtensions
{
    public static IServiceCollection AddOpsCenterBasemap(this IServiceCollection services) => services.AddSingleton<BuiltInBasemap>();
}
