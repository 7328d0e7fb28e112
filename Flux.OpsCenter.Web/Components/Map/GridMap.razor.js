// GridMap: Leaflet on one canvas renderer, fed by /api/map/features. Generic: the layers, palette, basemap and
// endpoints come from the component; this module only fetches, decodes the compact columns and draws.
const states = new WeakMap();
const pointRadius = { substations: 7, transformers: 4, poles: 2.5, meters: 2.5 };
const statusNames = ['energized', 'partial', 'outage', 'overloaded', 'unhealthy', 'open'];
const openStatus = 5;
// Switching devices by the kind code of the API's k column: one canvas symbol each, filled closed, hollow open.
const deviceShapes = [null, 'square', 'diamond', 'triangle', 'circle', 'hexagon'];
const deviceLabels = [null, 'Breaker', 'Recloser', 'Sectionalizer', 'Fuse', 'Tie switch'];
const deviceRadius = [0, 6, 6.5, 6.5, 3.5, 6.5];

// A circle marker (so Leaflet's canvas hit-testing and events work unchanged) painted as the device's symbol.
const DeviceMarker = L.CircleMarker.extend({
    _updatePath() {
        const renderer = this._renderer;
        if (!renderer._drawing || this._empty()) return;
        const ctx = renderer._ctx, p = this._point, r = this._radius;
        ctx.beginPath();
        switch (this.options.shape) {
            case 'square':
                ctx.rect(p.x - r * 0.8, p.y - r * 0.8, r * 1.6, r * 1.6);
                break;
            case 'diamond':
                ctx.moveTo(p.x, p.y - r); ctx.lineTo(p.x + r, p.y); ctx.lineTo(p.x, p.y + r); ctx.lineTo(p.x - r, p.y); ctx.closePath();
                break;
            case 'triangle':
                ctx.moveTo(p.x, p.y - r); ctx.lineTo(p.x + r, p.y + r * 0.8); ctx.lineTo(p.x - r, p.y + r * 0.8); ctx.closePath();
                break;
            case 'hexagon':
                for (let i = 0; i < 6; i++) {
                    const a = Math.PI / 3 * i;
                    ctx[i === 0 ? 'moveTo' : 'lineTo'](p.x + r * Math.cos(a), p.y + r * Math.sin(a));
                }
                ctx.closePath();
                break;
            default:
                ctx.arc(p.x, p.y, r, 0, Math.PI * 2, false);
        }
        renderer._fillStroke(ctx, this);
    },
});

// Options arrive as JSON text: a string crosses Blazor's interop without per-circuit serializer metadata.
export function create(host, optionsJson, dotnet) {
    const options = JSON.parse(optionsJson);
    const map = L.map(host.querySelector('.flux-map-canvas'), {
        preferCanvas: true,
        minZoom: 3,
        maxZoom: 19,
        zoomSnap: 1,
    });
    const state = {
        host, map, options, dotnet,
        renderer: L.canvas({ padding: 0.25, tolerance: 5 }),
        layers: new Set(options.layers),
        group: null,
        selection: null,
        selectedId: null,
        tooltip: L.tooltip({ direction: 'top', offset: [0, -6], className: 'flux-map-tooltip' }),
        controller: null,
        sequence: 0,
        recolour: null,
        loadedAt: 0,
        overlays: new Map(),
    };
    states.set(host, state);
    // The map's box changes when a card or drawer beside it opens or closes; Leaflet keeps its centre only when told.
    state.resize = new ResizeObserver(() => map.invalidateSize());
    state.resize.observe(map.getContainer());
    drawBasemap(state);
    drawMarkers(state, options.markers ?? []);
    map.on('moveend', () => load(state));
    const b = options.bounds;
    map.fitBounds([[b[1], b[0]], [b[3], b[2]]], { maxZoom: options.maxInitialZoom ?? 15 });
}

// The built-in basemap (land, county lines; served by the app, so no egress and CSP 'self') lies in a pane under the
// tiles: while tiles load it shows through, and when they fail (no external access integration, offline, blocked by
// the ingress CSP) the map falls back to it by itself. With no tile URL it is the basemap.
function drawBasemap(state) {
    const { map, host, options } = state;
    const palette = options.palette.basemap;
    map.getContainer().style.background = palette.water;
    const pane = map.createPane('flux-basemap');
    pane.style.zIndex = 150;
    pane.classList.add('flux-basemap');
    const useTiles = !!options.tileUrl && navigator.onLine !== false;
    host.dataset.basemap = useTiles ? 'tiles-loading' : 'built-in';
    if (useTiles) {
        const tiles = L.tileLayer(options.tileUrl, { attribution: options.tileAttribution, subdomains: 'abcd', maxZoom: 19 });
        let loaded = false;
        tiles.on('tileload', () => {
            loaded = true;
            if (host.dataset.basemap !== 'built-in') host.dataset.basemap = 'tiles';
        });
        // A single failure before any success means the tile host is unreachable here: stop asking it.
        tiles.on('tileerror', () => {
            if (loaded || !map.hasLayer(tiles)) return;
            tiles.remove();
            host.dataset.basemap = 'built-in';
        });
        tiles.addTo(map);
    }
    fetch(options.basemapEndpoint)
        .then(response => {
            if (!response.ok) throw new Error(`basemap: HTTP ${response.status}`);
            return response.json();
        })
        .then(data => {
            if (!states.has(host)) return;
            L.geoJSON(data, {
                pane: 'flux-basemap',
                renderer: L.svg({ pane: 'flux-basemap' }),
                interactive: false,
                attribution: options.basemapAttribution,
                style: feature => feature.properties.kind === 'land'
                    ? { stroke: false, fillColor: palette.land, fillOpacity: 1, className: 'flux-basemap-land' }
                    : { color: palette.county, weight: 0.8, opacity: 0.6, fill: false, className: 'flux-basemap-county' },
            }).addTo(map);
            host.dataset.basemapFeatures = String(data.features.length);
        })
        .catch(error => {
            host.dataset.basemapFeatures = '0';
            host.dataset.basemapError = String(error.message ?? error);
        });
}

export function setMarkers(host, markersJson) {
    const state = states.get(host);
    if (!state) return;
    drawMarkers(state, JSON.parse(markersJson));
}

// Areas over the assets (e.g. active outages): circles in metres, kept above the features, redrawn as a whole.
// A tentative area (a predicted outage) is dotted in the warning colour with a faint fill; a confirmed one dashed in the outage colour.
function drawMarkers(state, markers) {
    state.markers?.remove();
    const confirmed = state.options.palette.status[2];
    const tentative = state.options.palette.status[1];
    state.markers = L.layerGroup(markers.map(m => m.ring ? ring(state, m, m.tentative ? tentative : confirmed) : L.circle([m.latitude, m.longitude], {
        renderer: state.renderer, radius: m.radiusMeters, color: m.tentative ? tentative : confirmed, weight: 2,
        dashArray: m.tentative ? '2 6' : '6 4', fillColor: m.tentative ? tentative : confirmed, fillOpacity: m.tentative ? 0.06 : 0.15,
    }).bindTooltip(textNode(m.label), { className: 'flux-map-tooltip' }))).addTo(state.map);
    state.host.dataset.ringMarkers = String(markers.filter(m => m.ring).length);
    state.host.dataset.markers = String(markers.length);
    state.host.dataset.tentativeMarkers = String(markers.filter(m => m.tentative).length);
}

// A feeder out or partly out: a ring of fixed screen size with a faint halo, in a pane above the features, the areas and
// the trace (only tooltips lie higher), so it stands out at territory zoom. A few rings at most: SVG, one per pane.
function ring(state, m, colour) {
    if (!state.ringRenderer) {
        state.map.createPane('flux-abnormal').style.zIndex = 640;
        state.ringRenderer = L.svg({ pane: 'flux-abnormal' });
    }
    const scale = state.options.ringScale ?? 1;
    const options = { renderer: state.ringRenderer, pane: 'flux-abnormal', color: colour, fill: false };
    return L.featureGroup([
        L.circleMarker([m.latitude, m.longitude], { ...options, radius: 20 * scale, weight: 10 * scale, opacity: 0.3, interactive: false }),
        L.circleMarker([m.latitude, m.longitude], { ...options, radius: 14 * scale, weight: 4 * scale, opacity: 1, dashArray: m.tentative ? `${6 * scale} ${4 * scale}` : null }),
    ]).bindTooltip(textNode(m.label), { className: 'flux-map-tooltip' });
}

// A trace from an asset: what it reached drawn in the highlight colour over the features, its isolating devices ringed,
// and the whole trace brought into view. An empty trace clears it.
export function setTrace(host, traceJson) {
    const state = states.get(host);
    if (!state) return;
    const trace = JSON.parse(traceJson);
    state.trace?.remove();
    state.trace = null;
    const points = trace.points ?? [];
    host.dataset.trace = points.length === 0 ? '' : `${trace.direction}:${points.length}`;
    if (points.length === 0) return;
    const colour = state.options.palette.highlight;
    const marks = points.map(p => L.circleMarker([p[0], p[1]], {
        renderer: state.renderer, radius: 5, weight: 2, color: colour, fillColor: colour, fillOpacity: 0.6, interactive: false,
    }));
    for (const p of trace.isolating ?? []) {
        marks.push(L.circleMarker([p[0], p[1]], { renderer: state.renderer, radius: 9, weight: 3, fill: false, color: colour, dashArray: '3 3', interactive: false }));
    }
    state.trace = L.featureGroup(marks).addTo(state.map);
    const bounds = state.trace.getBounds();
    if (bounds.isValid() && !state.map.getBounds().contains(bounds)) state.map.fitBounds(bounds.pad(0.1), { maxZoom: state.map.getZoom() });
}

export function setLayers(host, layers) {
    const state = states.get(host);
    if (!state) return;
    state.layers = new Set(layers);
    load(state);
}

// Overlays (weather, vegetation) are modules of their own, imported the first time one is switched on, each drawing
// into this map beside the feature layers; `report` gives the layer control its count.
export async function setOverlay(host, name, on) {
    const state = states.get(host);
    if (!state) return;
    const shown = state.overlays.get(name);
    if (!on) {
        if (shown) (await shown.module).hide(await shown.handle);
        state.overlays.delete(name);
        return;
    }
    if (shown) return;
    if (!document.querySelector('link[data-flux-overlays]')) {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = state.options.overlayStyles;
        link.dataset.fluxOverlays = '';
        document.head.appendChild(link);
    }
    // Resolved against the page, as Blazor's own import of this module is, not against this module's URL.
    const module = import(new URL(state.options.overlayModules[name], document.baseURI).href);
    const handle = module.then(m => m.show(state.map, host, state.options,
        count => notify(state, 'OnOverlayLoaded', name, count), state.renderer));
    state.overlays.set(name, { module, handle });
}

export function flyTo(host, latitude, longitude, zoom, id) {
    const state = states.get(host);
    if (!state) return;
    state.selectedId = id ?? null;
    if (state.selection) state.selection.remove();
    state.selection = L.circleMarker([latitude, longitude], {
        renderer: state.renderer, radius: 11, weight: 3, fill: false, color: state.options.palette.highlight, interactive: false,
    }).addTo(state.map);
    host.dataset.selected = id ?? '';
    state.map.flyTo([latitude, longitude], zoom, { duration: 0.6 });
}

// Live status recoloured features inside [minLon, minLat, maxLon, maxLat]: reload the view if it shows any of them,
// at most once per second however often statuses change.
export function statusChanged(host, area) {
    const state = states.get(host);
    if (!state) return;
    const view = state.map.getBounds();
    if (area[0] > view.getEast() || area[2] < view.getWest() || area[1] > view.getNorth() || area[3] < view.getSouth()) return;
    if (state.recolour) return;
    // A little jitter so a wall of open maps does not ask the server for its views in the same millisecond.
    const wait = Math.max(0, state.loadedAt + 1000 - Date.now()) + Math.random() * 250;
    state.recolour = setTimeout(() => {
        state.recolour = null;
        load(state);
    }, wait);
}

export function dispose(host) {
    const state = states.get(host);
    if (!state) return;
    clearTimeout(state.recolour);
    state.resize.disconnect();
    state.controller?.abort();
    for (const { module, handle } of state.overlays.values()) Promise.all([module, handle]).then(([m, h]) => m.hide(h), () => {});
    state.map.remove();
    states.delete(host);
}

// Tells the component what the map did. While the circuit's connection is down (a proxy cut, a reconnect) the call
// throws at once ("Cannot send data if the connection is not in the 'Connected' State") or rejects later; neither is an
// error of the page: the map keeps drawing, and the next load after the reconnect tells again.
function notify(state, method, ...args) {
    try {
        state.dotnet.invokeMethodAsync(method, ...args).catch(() => {});
    } catch {
        // Disconnected: nothing to tell until the circuit is back.
    }
}

async function load(state) {
    const { map, host, options } = state;
    state.loadedAt = Date.now();
    const zoom = map.getZoom();
    const wanted = [...state.layers].filter(name => zoom >= (options.minZoom[name] ?? 0));
    const bounds = map.getBounds().pad(0.1);
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const bbox = [clamp(bounds.getWest(), -180, 180), clamp(bounds.getSouth(), -85, 85), clamp(bounds.getEast(), -180, 180), clamp(bounds.getNorth(), -85, 85)]
        .map(v => v.toFixed(6)).join(',');
    state.controller?.abort();
    const controller = state.controller = new AbortController();
    const sequence = ++state.sequence;
    host.dataset.state = 'loading';
    let data;
    try {
        if (wanted.length === 0) {
            data = { layers: [], features: 0 };
        } else {
            const response = await fetch(`${options.endpoint}?bbox=${bbox}&zoom=${zoom}&layers=${wanted.join(',')}`, { signal: controller.signal });
            if (!response.ok) throw new Error(`map data: HTTP ${response.status}`);
            data = await response.json();
        }
    } catch (error) {
        if (error.name === 'AbortError') return;
        host.dataset.state = 'stale';
        notify(state, 'OnViewFailed', String(error.message ?? error));
        return;
    }
    if (sequence !== state.sequence) return;
    draw(state, data, zoom);
}

function draw(state, data, zoom) {
    const { map, host, options, renderer } = state;
    const palette = options.palette;
    const group = L.featureGroup();
    const summary = { zoom, features: 0, layers: [] };
    let selectedDrawn = false;
    let selectedStatus = '';
    // Drawn bottom to top: lines, then the smallest assets, substations last so they win clicks at the same spot.
    const order = ['feeders', 'meters', 'poles', 'transformers', 'devices', 'substations'];
    const layers = [...data.layers].sort((a, b) => order.indexOf(a.layer) - order.indexOf(b.layer));
    for (const layer of layers) {
        const lat = y => data.origin[1] + y * data.quantum;
        const lon = x => data.origin[0] + x * data.quantum;
        const ids = decodeIds(layer);
        if (layer.mode === 'lines') {
            drawLines(group, layer, ids, lat, lon, state, zoom);
        } else if (layer.mode === 'clusters') {
            for (let i = 0; i < layer.x.length; i++) {
                const n = layer.n[i];
                // Device clusters keep the device colour: their members' state is drawn only one by one.
                const colour = layer.layer === 'devices' ? palette.device : palette.status[layer.s[i]];
                const make = layer.layer === 'devices' ? (at, o) => new DeviceMarker(at, { ...o, shape: 'square' }) : L.circleMarker;
                make([lat(layer.y[i]), lon(layer.x[i])], {
                    renderer, radius: 5 + 3 * Math.log10(n), weight: 1, color: colour, opacity: 0.9,
                    fillColor: colour, fillOpacity: 0.35,
                    flux: { kind: 'cluster', layer: layer.layer, n, a: layer.a[i], s: layer.s[i] },
                }).addTo(group);
            }
        } else if (layer.layer === 'devices') {
            for (let i = 0; i < ids.length; i++) {
                const open = layer.s[i] === openStatus;
                if (ids[i] === state.selectedId) {
                    selectedDrawn = true;
                    selectedStatus = statusNames[layer.s[i]];
                }
                new DeviceMarker([lat(layer.y[i]), lon(layer.x[i])], {
                    renderer, shape: deviceShapes[layer.k[i]], radius: deviceRadius[layer.k[i]],
                    weight: open ? 2 : 1, color: open ? palette.device : palette.background,
                    fillColor: open ? palette.background : palette.device, fillOpacity: 1,
                    flux: { kind: 'asset', layer: 'devices', id: ids[i], s: layer.s[i], k: layer.k[i] },
                }).addTo(group);
            }
        } else {
            const radius = pointRadius[layer.layer] ?? 3;
            for (let i = 0; i < ids.length; i++) {
                const big = layer.layer === 'substations';
                if (ids[i] === state.selectedId) {
                    selectedDrawn = true;
                    selectedStatus = statusNames[layer.s[i]];
                }
                L.circleMarker([lat(layer.y[i]), lon(layer.x[i])], {
                    renderer, radius, weight: big ? 2 : 0.5, color: big ? palette.outline : palette.status[layer.s[i]],
                    fillColor: palette.status[layer.s[i]], fillOpacity: big ? 1 : 0.85,
                    flux: { kind: 'asset', layer: layer.layer, id: ids[i], s: layer.s[i] },
                }).addTo(group);
            }
        }
        summary.features += layer.features;
        summary.layers.push({ layer: layer.layer, mode: layer.mode, features: layer.features, assets: layer.assets });
        host.dataset[`layer${layer.layer[0].toUpperCase()}${layer.layer.slice(1)}`] = `${layer.mode}:${layer.features}`;
    }
    for (const name of ['substations', 'feeders', 'transformers', 'poles', 'meters', 'devices']) {
        if (!data.layers.some(l => l.layer === name)) delete host.dataset[`layer${name[0].toUpperCase()}${name.slice(1)}`];
    }
    group.on('mouseover', e => showTooltip(state, e));
    group.on('mouseout', () => state.tooltip.remove());
    group.on('click', e => select(state, e));
    if (state.group) state.group.remove();
    state.group = group.addTo(map);
    state.selection?.bringToFront();
    state.markers?.eachLayer(layer => layer.bringToFront());
    host.dataset.features = String(summary.features);
    host.dataset.zoom = String(zoom);
    host.dataset.selectedDrawn = String(selectedDrawn);
    host.dataset.selectedStatus = selectedStatus;
    host.dataset.statusAsOf = data.statusAsOf ?? '';
    host.dataset.state = 'ready';
    host.dataset.loads = String(state.sequence);
    notify(state, 'OnViewLoaded', JSON.stringify(summary));
}

function drawLines(group, layer, ids, lat, lon, state, zoom) {
    const { renderer, options } = state;
    const palette = options.palette;
    const highlight = options.highlightFeeder;
    for (let f = 0; f < ids.length; f++) {
        const path = layer.path[f];
        const points = [];
        let x = 0, y = 0;
        for (let v = 0; v < path.length; v += 2) {
            x = v === 0 ? path[v] : x + path[v];
            y = v === 0 ? path[v + 1] : y + path[v + 1];
            points.push([lat(y), lon(x)]);
        }
        const isHighlight = ids[f] === highlight;
        L.polyline(points, {
            renderer, weight: isHighlight ? 5 : zoom >= 13 ? 3 : 2, opacity: isHighlight ? 1 : 0.8,
            color: isHighlight ? palette.highlight : layer.s[f] === 0 ? palette.feeder : palette.status[layer.s[f]],
            flux: { kind: 'asset', layer: 'feeders', id: ids[f], s: layer.s[f] },
        }).addTo(group);
    }
    const lateral = layer.laterals;
    for (let i = 0; i < lateral.f.length; i++) {
        const s = lateral.seg;
        L.polyline([[lat(s[i * 4 + 1]), lon(s[i * 4])], [lat(s[i * 4 + 3]), lon(s[i * 4 + 2])]], {
            renderer, weight: 1.5, opacity: 0.7,
            color: lateral.s[i] === 0 ? palette.feeder : palette.status[lateral.s[i]],
            flux: { kind: 'asset', layer: 'feeders', id: ids[lateral.f[i]], s: lateral.s[i], lateral: true },
        }).addTo(group);
    }
}

// Ids arrive front-coded: idp[i] leading characters shared with the previous id, id[i] the rest.
function decodeIds(layer) {
    if (!layer.id) return [];
    const out = new Array(layer.id.length);
    let previous = '';
    for (let i = 0; i < layer.id.length; i++) {
        previous = previous.slice(0, layer.idp[i]) + layer.id[i];
        out[i] = previous;
    }
    return out;
}

const singular = { substations: 'Substation', feeders: 'Feeder', transformers: 'Transformer', poles: 'Pole', meters: 'Meter', devices: 'Device' };

function showTooltip(state, e) {
    const f = e.layer?.options?.flux;
    if (!f) return;
    const text = f.kind === 'cluster'
        ? `${f.n.toLocaleString()} ${f.layer}${f.a ? ` · ${f.a.toLocaleString()} not normal` : ''} — click to zoom in`
        : f.layer === 'devices' ? `${deviceLabels[f.k]} ${f.id} · ${f.s === openStatus ? 'open' : 'closed'}`
        : `${singular[f.layer]} ${f.id}${f.lateral ? ' (lateral)' : ''} · ${statusNames[f.s]}`;
    state.tooltip.setLatLng(e.latlng).setContent(textNode(text)).addTo(state.map);
}

// Leaflet renders a string tooltip as HTML; labels carry data-source text (causes, device ids), so they go in as text.
function textNode(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
}

function select(state, e) {
    const f = e.layer?.options?.flux;
    if (!f) return;
    if (f.kind === 'cluster') {
        state.map.flyTo(e.latlng, Math.min(state.map.getZoom() + 2, 19), { duration: 0.5 });
        return;
    }
    notify(state, 'OnAssetClicked', f.layer, f.id);
}
