// Transformer-risk overlay for GridMap: the view's transformers above LOW risk from /api/transformer-risk/map, coloured by
// the trained model's risk category (V_TRANSFORMER_ML_INFERENCE), with a legend that shows the view's count of each.
// Loaded on first use; each view's request aborts the one before, so panning never waits for it.
const categoryLabels = ['Critical', 'High', 'Medium', 'Low'];
const categoryNames = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export function show(map, host, options, report, renderer) {
    const palette = options.palette;
    const overlay = {
        map, host, report, renderer, controller: null, sequence: 0,
        // Status colours of the map's palette: error for critical, warning for high, secondary for medium.
        colours: [palette.status[2], palette.status[1], palette.status[4], palette.status[0]],
        points: L.layerGroup().addTo(map),
    };
    overlay.control = legend(overlay);
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
    overlay.points.remove();
    overlay.control.remove();
    for (const key of ['risk', 'riskTransformers', 'riskFirst']) delete overlay.host.dataset[key];
}

function legend(overlay) {
    const Control = L.Control.extend({
        onAdd() {
            const root = L.DomUtil.create('div', 'flux-vegetation-filter leaflet-bar');
            root.dataset.testid = 'risk-legend';
            L.DomEvent.disableClickPropagation(root);
            L.DomEvent.disableScrollPropagation(root);
            const title = L.DomUtil.create('div', 'flux-weather-time', root);
            title.textContent = 'Transformer failure risk (model)';
            const row = L.DomUtil.create('div', 'flux-weather-row', root);
            overlay.labels = categoryLabels.map((name, i) => {
                const label = L.DomUtil.create('span', 'flux-vegetation-band', row);
                const swatch = L.DomUtil.create('span', 'flux-vegetation-swatch', label);
                swatch.style.background = overlay.colours[i];
                const text = L.DomUtil.create('span', '', label);
                text.dataset.testid = `risk-count-${categoryNames[i].toLowerCase()}`;
                text.textContent = name;
                return text;
            });
            overlay.note = L.DomUtil.create('div', 'flux-weather-readout', root);
            overlay.note.dataset.testid = 'risk-note';
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
    host.dataset.risk = 'loading';
    let data;
    try {
        const response = await fetch(`api/transformer-risk/map?bbox=${bbox}`, { signal: controller.signal });
        if (!response.ok) throw new Error(`transformer risk: HTTP ${response.status}`);
        data = await response.json();
    } catch (error) {
        if (error.name === 'AbortError') return;
        host.dataset.risk = 'stale';
        overlay.note.textContent = 'Risk scores unavailable; showing the last view drawn.';
        return;
    }
    if (overlay.closed || sequence !== overlay.sequence) return;
    draw(overlay, data);
}

function draw(overlay, data) {
    const { host } = overlay;
    overlay.points.clearLayers();
    const n = data.id.length;
    // Least risky first so the riskiest are on top where they overlap.
    for (let i = n - 1; i >= 0; i--) {
        const category = data.category[i];
        L.circleMarker([data.lat[i], data.lon[i]], {
            renderer: overlay.renderer, radius: category === 0 ? 6 : category === 1 ? 5 : 4, weight: 1,
            color: overlay.colours[category], fillColor: overlay.colours[category], fillOpacity: 0.8, interactive: true,
        }).bindTooltip(text(`${data.id[i]} · ${categoryLabels[category].toLowerCase()} risk, p = ${data.probability[i].toFixed(3)} · driver: ${data.driver[i]}`),
            { className: 'flux-map-tooltip' })
            .addTo(overlay.points);
    }
    categoryNames.forEach((name, i) => { overlay.labels[i].textContent = `${categoryLabels[i]} ${(data.counts[name] ?? 0).toLocaleString()}`; });
    overlay.report(n);
    overlay.note.textContent = data.truncated ? `Showing the ${n.toLocaleString()} riskiest in view; zoom in for all.`
        : n === 0 ? 'No transformer above low risk in view.' : 'Low-risk transformers are not drawn.';
    host.dataset.risk = 'ready';
    host.dataset.riskTransformers = String(n);
    if (n > 0) host.dataset.riskFirst = data.id[0]; else delete host.dataset.riskFirst;
}

function text(value) {
    const span = document.createElement('span');
    span.textContent = value;
    return span;
}
