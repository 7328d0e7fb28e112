using System.Text.Json;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Analysis.Vegetation;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Spatial;
using Flux.OpsCenter.Web.Clock;
using Flux.OpsCenter.Web.Components.Layout;
using Flux.OpsCenter.Web.Components.Panels;
using Flux.OpsCenter.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Utilities;

namespace Flux.OpsCenter.Web.Components.Map;

/// <summary>
/// The territory map: Leaflet on one canvas, features from <c>/api/map/features</c> (the shared spatial index), layer
/// toggles with counts, search, hover tooltips and an asset card. The browser holds only the current view.
/// </summary>
public sealed partial class GridMap
{
    // Blazor's JS interop keeps serializer metadata (and emitted accessors) for every type it sees, per circuit. The map's
    // options and view summaries cross as JSON strings instead, written and read with these process-wide options.
    private static readonly JsonSerializerOptions WireJson = new(JsonSerializerDefaults.Web);

    private static readonly string[] LayerNames = ["substations", "feeders", "transformers", "poles", "meters", "devices"];

    // Overlays draw from their own endpoints and JS modules, off until switched on, in the same layer control.
    private static readonly string[] OverlayNames = ["weather", "vegetation", "risk"];

    // Every colour the map draws: asset statuses, an energised feeder line, the selection and highlighted feeder.
    private static readonly (string Label, Color Color)[] Legend =
    [
        ("Energized", Color.Success), ("Partial", Color.Warning), ("Outage", Color.Error), ("Overloaded", Color.Tertiary), ("Unhealthy", Color.Secondary),
        ("Energized feeder line", Color.Info), ("Selected / highlighted", Color.Primary),
    ];

    // Switching devices: one symbol each, filled when closed and hollow when open, in the text colour (not a status colour).
    private static readonly (string Label, string Path)[] DeviceLegend =
    [
        ("Breaker", "M5 5h14v14H5z"), ("Recloser", "M12 3l9 9-9 9-9-9z"), ("Sectionalizer", "M12 4l9 16H3z"),
        ("Fuse", "M12 7a5 5 0 1 0 0.01 0z"), ("Tie", "M7 4h10l5 8-5 8H7l-5-8z"),
    ];

    private readonly string _summaryId = $"map-summary-{Guid.NewGuid():N}";
    private readonly HashSet<string> _layers = [.. LayerNames];
    private readonly HashSet<string> _overlays = [];
    private readonly Dictionary<string, int> _overlayCounts = [];
    private ElementReference _host;
    private IReadOnlyList<MapMarker>? _drawnMarkers;
    private IJSObjectReference? _module;
    private DotNetObjectReference<GridMap>? _self;
    private const string DrawnView = "view";
    private readonly PanelLoad<string, MapViewSummary> _view = new();
    private MapAssetCard? _card;
    private TraceResult? _trace;
    private IReadOnlyList<NearbyTree>? _cardTrees;
    private string? _searchText;
    private string? _searchMessage;
    private IReadOnlyList<MapSearchHit> _hits = [];

    /// <summary>CSS height of the whole panel (toolbar and map).</summary>
    [Parameter]
    public string Height { get; set; } = "560px";

    /// <summary>A feeder to draw highlighted.</summary>
    [Parameter]
    public string? HighlightFeeder { get; set; }

    /// <summary>The area to show first; the whole territory when not set.</summary>
    [Parameter]
    public GeoBox? FocusBox { get; set; }

    /// <summary>Areas drawn over the assets in the error colour, e.g. active outages; redrawn when the list changes.</summary>
    [Parameter]
    public IReadOnlyList<MapMarker>? Markers { get; set; }

    /// <summary>An asset id to find and open when the map is first drawn, e.g. from a link in an alarm or outage row.</summary>
    [Parameter]
    public string? FindAsset { get; set; }

    /// <summary>Stable hook for tests on the map element, which carries data-features, data-zoom and per-layer modes.</summary>
    [Parameter]
    public string TestId { get; set; } = "grid-map";

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private GridSpatialIndexProvider IndexProvider { get; set; } = default!;

    [Inject]
    private GridMapSearch MapSearch { get; set; } = default!;

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private NetworkService Network { get; set; } = default!;

    [Inject]
    private IOptions<MapOptions> Options { get; set; } = default!;

    [Inject]
    private UtilityTime UtilityTime { get; set; } = default!;

    [Inject]
    private VegetationIndexProvider Vegetation { get; set; } = default!;

    [JSInvokable]
    public void OnViewLoaded(string summaryJson)
    {
        if (JsonSerializer.Deserialize<MapViewSummary>(summaryJson, WireJson) is { } view)
        {
            _view.Push(DrawnView, view);
        }

        StateHasChanged();
    }

    [JSInvokable]
    public void OnOverlayLoaded(string overlay, int count)
    {
        _overlayCounts[overlay] = count;
        StateHasChanged();
    }

    [JSInvokable]
    public void OnViewFailed(string message)
    {
        // Keep what is drawn and say since when it is stale.
        _view.PushFailure(DrawnView, message, Clock.GetUtcNow());
        StateHasChanged();
    }

    [JSInvokable]
    public async Task OnAssetClicked(string layer, string id)
    {
        await ShowTraceAsync(null);
        try
        {
            _cardTrees = null;
            TopologyNode? point = null;
            _card = layer switch
            {
                "feeders" => await Queries.GetFeederAsync(id, Loads.Token) is { } feeder ? MapAssetCard.From(feeder) : null,
                "devices" => await Network.GetDeviceStatusAsync(id, Loads.Token) is { } device ? MapAssetCard.From(device) : null,
                _ => (point = await Queries.GetTopologyNodeAsync(id, Loads.Token)) is { } node ? MapAssetCard.From(node) : null,
            };
            if (point is not null)
            {
                // The trees that could reach the asset, riskiest first, from the process-wide vegetation index.
                _cardTrees = [.. (await Vegetation.GetAsync(Loads.Token)).Near(point.Latitude, point.Longitude, 100, 8)
                    .Select(n => new NearbyTree(n.Tree.TreeId, n.Tree.Species, n.Tree.RiskBand, n.Tree.RiskLevel, n.Tree.RiskScore,
                        Math.Round(n.DistanceM, 1), n.DistanceM <= n.Tree.FallZoneM))];
            }
        }
        catch (FluxDataException ex)
        {
            _searchMessage = $"Asset details unavailable: {PanelWording.Error(ex)}";
        }

        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        IndexProvider.StatusChanged -= OnStatusChanged;
        // Blazor calls only DisposeAsync when a component has both: end the load scope here.
        Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _host);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone and the browser's map with it.
            }
        }

        _self?.Dispose();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            if (_module is not null && !ReferenceEquals(_drawnMarkers, Markers))
            {
                _drawnMarkers = Markers;
                await _module.InvokeVoidAsync("setMarkers", Loads.Token, _host, JsonSerializer.Serialize(Markers ?? [], WireJson));
            }

            return;
        }

        try
        {
            var index = await IndexProvider.GetAsync(Loads.Token);
            var box = FocusBox ?? index.Extent;
            _module = await JS.InvokeAsync<IJSObjectReference>("import", Loads.Token, "./" + Assets["Components/Map/GridMap.razor.js"]);
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("create", Loads.Token, _host, JsonSerializer.Serialize(ClientOptions(box), WireJson), _self);
            IndexProvider.StatusChanged += OnStatusChanged;
            if (!string.IsNullOrWhiteSpace(FindAsset))
            {
                _searchText = FindAsset.Trim();
                await SearchAsync();
                StateHasChanged();
            }
        }
        catch (FluxDataException ex)
        {
            _view.PushFailure(DrawnView, PanelWording.Error(ex), Clock.GetUtcNow());
            StateHasChanged();
        }
        catch (OperationCanceledException) when (Loads.Token.IsCancellationRequested)
        {
            // Navigated away while the index was still building.
        }
    }

    // Raised on the refresh's thread: hop onto the circuit, and let the module decide (it knows the view) whether
    // the change is visible and when to reload, at most once a second.
    private void OnStatusChanged(object? sender, MapStatusRefresh refresh)
    {
        if (refresh.Area is not { } area || _module is not { } module)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            try
            {
                await module.InvokeVoidAsync("statusChanged", Loads.Token, _host, new[] { area.MinLon, area.MinLat, area.MaxLon, area.MaxLat });
            }
            catch (JSDisconnectedException)
            {
                // The circuit is going away; nothing to redraw.
            }
            catch (OperationCanceledException) when (Loads.Token.IsCancellationRequested)
            {
            }
        });
    }

    private object ClientOptions(GeoBox box)
    {
        var palette = OpsCenterTheme.Theme.PaletteDark;
        static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);
        var options = Options.Value;
        return new
        {
            endpoint = "api/map/features",
            basemapEndpoint = "api/map/basemap",
            basemapAttribution = "U.S. Census Bureau cartographic boundaries (us-atlas)",
            tileUrl = options.HasTiles ? options.TileUrl : null,
            tileAttribution = options.TileAttribution,
            palette = new
            {
                basemap = new
                {
                    // Water a breath of the info blue over the page background; land the theme's line colour; county lines muted text.
                    water = Hex(Blend(palette.Background, palette.Info, 0.10)),
                    land = Hex(palette.LinesDefault),
                    county = Hex(palette.TextSecondary),
                },
                status = new[] { Hex(palette.Success), Hex(palette.Warning), Hex(palette.Error), Hex(palette.Tertiary), Hex(palette.Secondary) },
                feeder = Hex(palette.Info),
                highlight = Hex(palette.Primary),
                outline = Hex(palette.TextPrimary),
                device = Hex(palette.TextPrimary),
                background = Hex(palette.Surface),
            },
            layers = _layers.ToArray(),
            // Poles and meters are clutter below street level: they join in as clusters from zoom 13.
            // Devices join from zoom 11, clustered until street level like the transformers.
            minZoom = new Dictionary<string, int> { ["poles"] = 13, ["meters"] = 13, ["devices"] = 11 },
            bounds = new[] { box.MinLon, box.MinLat, box.MaxLon, box.MaxLat },
            maxInitialZoom = 15,
            highlightFeeder = HighlightFeeder,
            markers = _drawnMarkers = Markers,
            timeZone = UtilityTime.ZoneId,
            weatherEndpoint = "api/weather",
            overlayStyles = Assets["css/map-overlays.css"],
            overlayModules = OverlayNames.ToDictionary(name => name, name => "./" + Assets[$"js/map/{name}-overlay.js"]),
        };
    }

    private static MudColor Blend(MudColor under, MudColor over, double amount) => new(
        (byte)Math.Round(under.R + ((over.R - under.R) * amount)),
        (byte)Math.Round(under.G + ((over.G - under.G) * amount)),
        (byte)Math.Round(under.B + ((over.B - under.B) * amount)),
        (byte)255);

    private string AccessibleName => HighlightFeeder is null ? "Grid map" : $"Grid map of feeder {HighlightFeeder}";

    /// <summary>The text alternative of the map: what the current view draws, layer by layer.</summary>
    private string ViewDescription => _view.Value is not { } view
        ? "The map is loading."
        : $"Zoom {view.Zoom}. Showing " + string.Join("; ", view.Layers.Select(l => l.Mode == "clusters"
            ? $"{l.Assets:N0} {l.Layer} in {l.Features:N0} clusters"
            : $"{l.Assets:N0} {l.Layer}"))
          + ". Colours show status: energized, partial, outage, overloaded, unhealthy. Search an id above the map to go to an asset.";

    private string LayerLabel(string layer)
    {
        var name = char.ToUpperInvariant(layer[0]) + layer[1..];
        if (OverlayNames.Contains(layer))
        {
            return _overlays.Contains(layer) && _overlayCounts.TryGetValue(layer, out var count) ? $"{name} {count:N0}" : name;
        }

        var drawn = _view.Value?.Layers.FirstOrDefault(l => l.Layer == layer);
        return drawn is null ? name : $"{name} {drawn.Assets:N0}";
    }

    private async Task ToggleLayerAsync(string layer, bool on)
    {
        if (OverlayNames.Contains(layer))
        {
            var changed = on ? _overlays.Add(layer) : _overlays.Remove(layer);
            if (changed && _module is not null)
            {
                await _module.InvokeVoidAsync("setOverlay", Loads.Token, _host, layer, on);
            }

            return;
        }

        if (on)
        {
            _layers.Add(layer);
        }
        else
        {
            _layers.Remove(layer);
        }

        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setLayers", Loads.Token, _host, _layers.ToArray());
        }
    }

    private async Task OnSearchKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await SearchAsync();
        }
    }

    private async Task SearchAsync()
    {
        _searchMessage = null;
        _hits = [];
        if (string.IsNullOrWhiteSpace(_searchText))
        {
            return;
        }

        try
        {
            _hits = await MapSearch.SearchAsync(_searchText, 8, Loads.Token);
        }
        catch (FluxDataException ex)
        {
            _searchMessage = $"Search unavailable: {PanelWording.Error(ex)}";
            return;
        }

        if (_hits.Count == 0)
        {
            _searchMessage = $"Nothing found for '{_searchText.Trim()}'.";
        }
        else if (_hits.Count == 1 || string.Equals(_hits[0].AssetId, _searchText.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            await GoToAsync(_hits[0]);
        }
    }

    private async Task GoToAsync(MapSearchHit hit)
    {
        _hits = [];
        _searchMessage = null;
        if (_module is null)
        {
            return;
        }

        // A customer is shown at its meter, and the card describes the customer's account.
        var assetId = hit.MapAssetId;
        await _module.InvokeVoidAsync("flyTo", Loads.Token, _host, hit.Latitude, hit.Longitude, hit.Zoom, assetId);
        if (hit.AssetType == "CUSTOMER")
        {
            await ShowTraceAsync(null);
            try
            {
                _card = await Queries.GetCustomerAsync(hit.AssetId, Loads.Token) is { } customer ? MapAssetCard.From(customer) : null;
            }
            catch (FluxDataException ex)
            {
                _searchMessage = $"Customer details unavailable: {PanelWording.Error(ex)}";
            }

            return;
        }

        await OnAssetClicked(hit.AssetType switch
        {
            "FEEDER" => "feeders",
            "BREAKER" or "RECLOSER" or "SECTIONALIZER" or "FUSE" or "TIE" => "devices",
            _ => "points",
        }, assetId);
    }

    private async Task CloseCardAsync()
    {
        _card = null;
        _cardTrees = null;
        await ShowTraceAsync(null);
    }

    private async Task TraceAsync(TraceDirection direction)
    {
        if (_card is not { } card)
        {
            return;
        }

        try
        {
            await ShowTraceAsync(await Network.TraceAsync(card.AssetId, direction, Loads.Token));
        }
        catch (FluxDataException ex)
        {
            _searchMessage = $"Trace unavailable: {PanelWording.Error(ex)}";
        }
    }

    private async Task ShowTraceAsync(TraceResult? trace)
    {
        _trace = trace;
        if (_module is null)
        {
            return;
        }

        // Points as [lat, lon] pairs: compact on the wire, and the module needs nothing else to draw them.
        var wire = new
        {
            direction = trace?.Direction.ToString().ToLowerInvariant(),
            points = trace?.Assets.Select(a => new[] { a.Latitude, a.Longitude }) ?? [],
            isolating = trace?.IsolatingDevices.Select(a => new[] { a.Latitude, a.Longitude }) ?? [],
        };
        await _module.InvokeVoidAsync("setTrace", Loads.Token, _host, JsonSerializer.Serialize(wire, WireJson));
    }
}
