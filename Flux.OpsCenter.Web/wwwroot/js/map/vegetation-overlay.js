// Vegetation overlay for GridMap: trees of /api/vegetation/trees in the view, coloured by risk band, with a High / Medium /
// Low filter that shows the view's count of each; selecting a tree draws its fall zone, the 100 m search ring, the line
// section it threatens and a link to every asset within 100 m (error colour inside the fall zone). Loaded on first use;
// each view's request aborts the one before, so panning never waits for trees.
const bandNames = ['HIGH', 'MEDIUM', 'LOW'];
const bandLabels = ['High', 'Medium', 'Low'];

export function show(map, host, options, report, renderer) {
    const palette = options.palette;
    const overlay = {
        map, host, options, report,
        // Status colours of the map's palette: error for high, warning for medium, success for low.
        colours: [palette.status[2], palette.status[1], palette.status[0]],
        bands: new Set(['HIGH']), controller: null, sequence: 0,
        // The map's own canvas: a second canvas on top would swallow the clicks meant for the assets under it.
        renderer,
        trees: L.layerGroup().addTo(map), selection: L.layerGroup().addTo(map), counts: null,
    };
    overlay.control = filter(overlay);
    overlay.control.addTo(map);
    overlay.onMove = () => load(overlay);
    map.on('moveend', overlay.onMove);
    load(overlay);
    return overlay;
}

export function hide(overlay) {
    overlay.closed = true;
    overlay.controller?.abort();
    overlay.map.off('moveend', overlay.onMove);
    overlay.trees.remove();
    overlay.selection.remove();
    overlay.control.remove();
    for (const key of ['vegetation', 'vegetationNearestAsset', 'vegetationFirstPoint', 'vegetationTrees', 'vegetationSelected', 'vegetationAssets', 'vegetationBands']) delete overlay.host.dataset[key];
}

function filter(overlay) {
    const Control = L.Control.extend({
        onAdd() {
            const root = L.DomUtil.create('div', 'flux-vegetation-filter leaflet-bar');
            root.dataset.testid = 'vegetation-filter';
            L.DomEvent.disableClickPropagation(root);
            L.DomEvent.disableScrollPropagation(root);
            const title = L.DomUtil.create('div', 'flux-weather-time', root);
            title.textContent = 'Vegetation risk';
            const row = L.DomUtil.create('div', 'flux-weather-row', root);
            overlay.labels = bandNames.map((band, i) => {
                const label = L.DomUtil.create('label', 'flux-vegetation-band', row);
                const box = L.DomUtil.create('input', '', label);
                box.type = 'checkbox';
                box.checked = overlay.bands.has(band);
                box.dataset.testid = `vegetation-band-${band.toLowerCase()}`;
                box.addEventListener('change', () => {
                    if (box.checked) overlay.bands.add(band); else overlay.bands.delete(band);
                    load(overlay);
                });
                const swatch = L.DomUtil.create('span', 'flux-vegetation-swatch', label);
                swatch.style.background = overlay.colours[i];
                const text = L.DomUtil.create('span', '', label);
                text.dataset.testid = `vegetation-count-${band.toLowerCase()}`;
                text.textContent = bandLabels[i];
                return text;
            });
            overlay.note = L.DomUtil.create('div', 'flux-weather-readout', root);
            overlay.note.dataset.testid = 'vegetation-note';
            overlay.card = L.DomUtil.create('div', 'flux-vegetation-card', root);
            overlay.card.dataset.testid = 'vegetation-card';
            return root;
        },
    });
    return new Control({ position: 'topright' });
}

async function load(overlay) {
    const { map, host } = overlay;
    const b = map.getBounds().pad(0.05);
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -85, 85), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -85, 85)]
        .map(v => v.toFixed(6)).join(',');
    overlay.controller?.abort();
    const controller = overlay.controller = new AbortController();
    const sequence = ++overlay.sequence;
    host.dataset.vegetation = 'loading';
    const bands = [...overlay.bands].map(x => x.toLowerCase()).join(',');
    let data;
    try {
        if (bands === '') {
            data = null;
        } else {
            const response = await fetch(`api/vegetation/trees?bbox=${bbox}&bands=${bands}`, { signal: controller.signal });
            if (!response.ok) throw new Error(`vegetation: HTTP ${response.status}`);
            data = await response.json();
        }
    } catch (error) {
        if (error.name === 'AbortError') return;
        host.dataset.vegetation = 'stale';
        overlay.note.textContent = 'Trees unavailable; showing the last view drawn.';
        return;
    }
    if (overlay.closed || sequence !== overlay.sequence) return;
    draw(overlay, data);
}

function draw(overlay, data) {
    const { host } = overlay;
    overlay.trees.clearLayers();
    const n = data ? data.id.length : 0;
    // Low first so the riskiest trees are on top where they overlap.
    for (let i = n - 1; i >= 0; i--) {
        const band = data.band[i];
        L.circleMarker([data.lat[i], data.lon[i]], {
            renderer: overlay.renderer, radius: band === 0 ? 4 : 3, weight: 0.5, color: overlay.colours[band], fillColor: overlay.colours[band], fillOpacity: 0.85,
            flux: { id: data.id[i], band, score: data.score[i] },
        }).on('click', e => select(overlay, e.target.options.flux.id))
            .bindTooltip(text(`Tree ${data.id[i]} · ${bandLabels[band].toLowerCase()} risk ${data.score[i].toFixed(2)}`), { className: 'flux-map-tooltip' })
            .addTo(overlay.trees);
    }
    if (data) {
        overlay.counts = data.counts;
        bandNames.forEach((band, i) => { overlay.labels[i].textContent = `${bandLabels[i]} ${data.counts[band].toLocaleString()}`; });
        overlay.report(data.total);
        overlay.note.textContent = data.truncated ? `Showing the ${n.toLocaleString()} riskiest in view; zoom in for all.` : '';
    }
    host.dataset.vegetation = 'ready';
    host.dataset.vegetationTrees = String(n);
    // Where the riskiest tree drawn stands on screen, so a test can click it as an operator would.
    if (n > 0) {
        const p = overlay.map.latLngToContainerPoint([data.lat[0], data.lon[0]]);
        host.dataset.vegetationFirstPoint = `${Math.round(p.x)},${Math.round(p.y)}`;
    } else {
        delete host.dataset.vegetationFirstPoint;
    }
    host.dataset.vegetationBands = [...overlay.bands].join(',');
}

async function select(overlay, id) {
    const { map, host, options } = overlay;
    const response = await fetch(`api/vegetation/trees/${encodeURIComponent(id)}`);
    if (!response.ok || overlay.closed) return;
    const { tree, line, assets } = await response.json();
    overlay.selection.clearLayers();
    const at = [tree.latitude, tree.longitude];
    const danger = options.palette.status[2];
    L.circle(at, { radius: 100, weight: 1, dashArray: '4 4', color: options.palette.outline, fill: false, interactive: false }).addTo(overlay.selection);
    L.circle(at, { radius: tree.fallZoneM, weight: 2, color: danger, fillColor: danger, fillOpacity: 0.15, interactive: false }).addTo(overlay.selection);
    if (line) {
        L.polyline([[line.fromLatitude, line.fromLongitude], [line.toLatitude, line.toLongitude]],
            { weight: 5, color: options.palette.highlight, opacity: 0.9, interactive: false }).addTo(overlay.selection);
    }
    for (const a of assets) {
        L.polyline([at, [a.latitude, a.longitude]], { weight: 1.5, color: a.inFallZone ? danger : options.palette.outline, opacity: 0.8, interactive: false })
            .addTo(overlay.selection);
    }
    overlay.card.textContent = '';
    const line1 = L.DomUtil.create('div', 'flux-weather-time', overlay.card);
    line1.textContent = `${tree.treeId} · ${tree.species}, ${tree.heightM} m`;
    const line2 = L.DomUtil.create('div', '', overlay.card);
    line2.textContent = `${tree.riskLevel.toLowerCase()} (${tree.riskBand.toLowerCase()}), score ${tree.riskScore.toFixed(3)} · ${tree.distanceToLineM} m from ${tree.circuitId} at ${tree.lineVoltageKv} kV`
        + ` (clearance ${tree.requiredClearanceM} m, fall zone ${tree.fallZoneM} m${tree.inFallZone ? ', line inside it' : ''})`;
    const line3 = L.DomUtil.create('div', 'flux-weather-readout', overlay.card);
    const reached = assets.filter(a => a.inFallZone).length;
    line3.textContent = assets.length === 0 ? 'No asset within 100 m.'
        : `${assets.length} asset${assets.length === 1 ? '' : 's'} within 100 m, ${reached} in the fall zone: `
          + assets.slice(0, 6).map(a => `${a.id} ${a.distanceM} m`).join(', ') + (assets.length > 6 ? ' …' : '');
    host.dataset.vegetationSelected = tree.treeId;
    host.dataset.vegetationAssets = String(assets.length);
    host.dataset.vegetationNearestAsset = assets.find(a => a.type === 'TRANSFORMER' || a.type === 'POLE')?.id ?? '';
    // Close enough to see the fall zone and the links (a 20 m tree is a few pixels at territory zoom).
    map.setView(at, Math.max(map.getZoom(), 17));
}

function text(value) {
    const span = document.createElement('span');
    span.textContent = value;
    return span;
}
