// Weather overlay for GridMap: the field of /api/weather/field drawn as one image over the territory (one canvas pixel per
// grid cell, smoothed by the browser as it scales), the stations with their readings, and a timeline over every hour held.
// Loaded on first use by GridMap's setOverlay; it never blocks the map: fetches are aborted when a newer hour is asked for.
const speeds = [1, 2, 4, 6, 12, 24];
// One scale over every hour held (from the stations' series), so a colour means the same temperature (or wind) in
// every hour the timeline shows, and the window's range uses the whole ramp.
function scales(stations) {
    const all = key => stations.flatMap(s => s[key]).filter(v => v !== null);
    const temperatures = all('temperatureF');
    return {
        temperature: { min: Math.floor(Math.min(...temperatures)), max: Math.ceil(Math.max(...temperatures)), unit: '°F' },
        wind: { min: 0, max: Math.max(20, Math.ceil(Math.max(...all('windSpeedMph')))), unit: 'mph' },
    };
}
const temperatureRamp = [[49, 54, 149], [69, 117, 180], [116, 173, 209], [171, 217, 233], [224, 243, 248], [254, 224, 144], [253, 174, 97], [244, 109, 67], [215, 48, 39], [165, 0, 38]];
const windRamp = [[247, 252, 253], [191, 211, 230], [140, 150, 198], [136, 86, 167], [129, 15, 124], [77, 0, 75]];

export function show(map, host, options, report) {
    const overlay = {
        map, host, options, report,
        times: [], index: 0, quantity: 'temperature', speed: 6, playing: null,
        cache: new Map(), controller: null, image: null, stations: L.layerGroup().addTo(map), drawn: 0,
    };
    // Under the assets (the overlay pane is 400), over the basemap and tiles.
    if (!map.getPane('flux-weather')) map.createPane('flux-weather').style.zIndex = 350;
    overlay.control = timeline(overlay);
    overlay.control.addTo(map);
    host.dataset.weather = 'loading';
    fetch(options.weatherEndpoint + '/stations')
        .then(r => { if (!r.ok) throw new Error(`weather stations: HTTP ${r.status}`); return r.json(); })
        .then(data => {
            if (overlay.closed) return;
            overlay.times = data.times;
            overlay.scales = scales(data.stations);
            overlay.index = data.times.length - 1;
            overlay.slider.max = String(data.times.length - 1);
            overlay.slider.value = String(overlay.index);
            report(data.stations.length);
            go(overlay, overlay.index);
        })
        .catch(error => fail(overlay, error));
    return overlay;
}

export function hide(overlay) {
    overlay.closed = true;
    stop(overlay);
    overlay.controller?.abort();
    overlay.image?.remove();
    overlay.stations.remove();
    overlay.control.remove();
    delete overlay.host.dataset.weather;
    delete overlay.host.dataset.weatherHour;
}

function timeline(overlay) {
    const Control = L.Control.extend({
        onAdd() {
            const root = L.DomUtil.create('div', 'flux-weather-timeline leaflet-bar');
            root.dataset.testid = 'weather-timeline';
            L.DomEvent.disableClickPropagation(root);
            L.DomEvent.disableScrollPropagation(root);
            const row = (parent) => L.DomUtil.create('div', 'flux-weather-row', parent);
            const top = row(root);
            overlay.label = L.DomUtil.create('span', 'flux-weather-time', top);
            overlay.label.dataset.testid = 'weather-time';
            overlay.readout = L.DomUtil.create('span', 'flux-weather-readout', top);
            const controls = row(root);
            const button = (text, title, testId, action) => {
                const b = L.DomUtil.create('button', 'flux-weather-button', controls);
                b.type = 'button';
                b.textContent = text;
                b.title = title;
                b.setAttribute('aria-label', title);
                b.dataset.testid = testId;
                b.addEventListener('click', action);
                return b;
            };
            button('−24 h', 'Back 24 hours', 'weather-back-day', () => step(overlay, -24));
            button('−1 h', 'Back one hour', 'weather-back-hour', () => step(overlay, -1));
            overlay.play = button('▶', 'Play', 'weather-play', () => (overlay.playing ? stop(overlay) : play(overlay)));
            button('+1 h', 'Forward one hour', 'weather-forward-hour', () => step(overlay, 1));
            button('+24 h', 'Forward 24 hours', 'weather-forward-day', () => step(overlay, 24));
            const speed = L.DomUtil.create('select', 'flux-weather-select', controls);
            speed.setAttribute('aria-label', 'Play speed');
            speed.dataset.testid = 'weather-speed';
            for (const s of speeds) speed.add(new Option(`${s} h/s`, String(s), false, s === overlay.speed));
            speed.addEventListener('change', () => {
                overlay.speed = Number(speed.value);
                if (overlay.playing) { stop(overlay); play(overlay); }
            });
            const quantity = L.DomUtil.create('select', 'flux-weather-select', controls);
            quantity.setAttribute('aria-label', 'Quantity');
            quantity.dataset.testid = 'weather-quantity';
            quantity.add(new Option('Temperature', 'temperature'));
            quantity.add(new Option('Wind', 'wind'));
            quantity.addEventListener('change', () => { overlay.quantity = quantity.value; go(overlay, overlay.index); });
            overlay.slider = L.DomUtil.create('input', 'flux-weather-slider', root);
            overlay.slider.type = 'range';
            overlay.slider.min = '0';
            overlay.slider.max = '0';
            overlay.slider.step = '1';
            overlay.slider.setAttribute('aria-label', 'Hour');
            overlay.slider.dataset.testid = 'weather-slider';
            overlay.slider.addEventListener('input', () => go(overlay, Number(overlay.slider.value)));
            overlay.legend = L.DomUtil.create('div', 'flux-weather-legend', root);
            return root;
        },
    });
    return new Control({ position: 'topright' });
}

function step(overlay, hours) {
    if (overlay.times.length === 0) return;
    go(overlay, Math.min(overlay.times.length - 1, Math.max(0, overlay.index + hours)));
}

// Plays forward at the chosen hours per second, looping at the end; an hour is asked for only once the last is drawn.
function play(overlay) {
    overlay.play.textContent = '❚❚';
    overlay.play.title = 'Pause';
    overlay.play.setAttribute('aria-label', 'Pause');
    overlay.host.dataset.weatherPlaying = 'true';
    const tick = () => {
        if (!overlay.playing) return;
        const next = overlay.index + 1 >= overlay.times.length ? 0 : overlay.index + 1;
        go(overlay, next).then(() => {
            if (overlay.playing) overlay.playing = setTimeout(tick, 1000 / overlay.speed);
        });
    };
    overlay.playing = setTimeout(tick, 1000 / overlay.speed);
}

function stop(overlay) {
    clearTimeout(overlay.playing);
    overlay.playing = null;
    if (overlay.play) {
        overlay.play.textContent = '▶';
        overlay.play.title = 'Play';
        overlay.play.setAttribute('aria-label', 'Play');
    }
    overlay.host.dataset.weatherPlaying = 'false';
}

async function go(overlay, index) {
    if (overlay.times.length === 0) return;
    overlay.index = index;
    overlay.slider.value = String(index);
    const time = overlay.times[index];
    overlay.label.textContent = formatTime(time, overlay.options.timeZone);
    overlay.label.title = `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    let field = overlay.cache.get(time);
    if (!field) {
        overlay.controller?.abort();
        const controller = overlay.controller = new AbortController();
        try {
            const response = await fetch(`${overlay.options.weatherEndpoint}/field?time=${encodeURIComponent(time)}`, { signal: controller.signal });
            if (!response.ok) throw new Error(`weather field: HTTP ${response.status}`);
            field = await response.json();
        } catch (error) {
            if (error.name !== 'AbortError') fail(overlay, error);
            return;
        }
        // A day and a half of hours is enough to step back and forth without asking again.
        if (overlay.cache.size >= 36) overlay.cache.delete(overlay.cache.keys().next().value);
        overlay.cache.set(time, field);
    }
    if (overlay.closed || overlay.times[overlay.index] !== time) return;
    draw(overlay, field);
}

function draw(overlay, field) {
    const { map, host } = overlay;
    const wind = overlay.quantity === 'wind';
    const values = wind ? field.windSpeedMph : field.temperatureF;
    const scale = wind ? overlay.scales.wind : overlay.scales.temperature;
    const ramp = wind ? windRamp : temperatureRamp;
    const g = field.grid;
    const canvas = document.createElement('canvas');
    canvas.width = g.columns;
    canvas.height = g.rows;
    const context = canvas.getContext('2d');
    const pixels = context.createImageData(g.columns, g.rows);
    for (let row = 0; row < g.rows; row++) {
        for (let column = 0; column < g.columns; column++) {
            // Values run from the south; canvas rows from the top.
            const [r, gr, b] = colour(ramp, (values[row * g.columns + column] - scale.min) / (scale.max - scale.min));
            const p = ((g.rows - 1 - row) * g.columns + column) * 4;
            pixels.data[p] = r; pixels.data[p + 1] = gr; pixels.data[p + 2] = b; pixels.data[p + 3] = 255;
        }
    }
    context.putImageData(pixels, 0, 0);
    const bounds = [[g.minLat, g.minLon], [g.maxLat, g.maxLon]];
    const url = canvas.toDataURL();
    if (overlay.image) overlay.image.setUrl(url);
    else overlay.image = L.imageOverlay(url, bounds, { pane: 'flux-weather', opacity: 0.55, interactive: false, className: 'flux-weather-field' }).addTo(map);
    overlay.stations.clearLayers();
    for (const s of field.stations) {
        const reading = wind ? `${Math.round(s.windSpeedMph)} mph` : `${Math.round(s.temperatureF)}°`;
        L.circleMarker([s.latitude, s.longitude], { radius: 4, weight: 1, color: overlay.options.palette.outline, fillColor: overlay.options.palette.background, fillOpacity: 0.9 })
            .bindTooltip(text(`${reading} ${s.id}`), { permanent: true, direction: 'right', className: 'flux-weather-station' })
            .bindPopup(text(`${s.name} (${s.id}): ${s.temperatureF} °F, ${s.humidityPct} % humidity, wind ${s.windSpeedMph} mph gusting ${s.windGustMph}, ${s.condition.toLowerCase()}`))
            .addTo(overlay.stations);
    }
    overlay.readout.textContent = wind
        ? ` · wind up to ${Math.round(field.maxWindSpeedMph)} mph`
        : ` · ${Math.round(field.minTemperatureF)}–${Math.round(field.maxTemperatureF)} °F`;
    overlay.legend.textContent = '';
    const bar = L.DomUtil.create('span', 'flux-weather-legend-bar', overlay.legend);
    bar.style.background = `linear-gradient(to right, ${ramp.map(c => `rgb(${c.join(',')})`).join(',')})`;
    const labels = L.DomUtil.create('span', 'flux-weather-legend-labels', overlay.legend);
    labels.textContent = `${scale.min} … ${scale.max} ${scale.unit} · interpolated from ${field.stations.length} stations`;
    overlay.drawn++;
    host.dataset.weather = 'ready';
    host.dataset.weatherHour = field.time;
    host.dataset.weatherDraws = String(overlay.drawn);
    host.dataset.weatherSignature = signature(values);
}

function fail(overlay, error) {
    overlay.host.dataset.weather = 'stale';
    overlay.host.dataset.weatherError = String(error.message ?? error);
    overlay.readout.textContent = ' · weather unavailable, showing the last hour drawn';
}

// Piecewise-linear colour ramp over [0, 1], clamped.
function colour(ramp, t) {
    const x = Math.min(1, Math.max(0, t)) * (ramp.length - 1);
    const i = Math.min(ramp.length - 2, Math.floor(x));
    const f = x - i;
    return [0, 1, 2].map(k => Math.round(ramp[i][k] + (ramp[i + 1][k] - ramp[i][k]) * f));
}

// A short digest of the drawn values, so a test can see the overlay change from hour to hour.
function signature(values) {
    let sum = 0;
    for (let i = 0; i < values.length; i += 7) sum += values[i] * ((i % 13) + 1);
    return sum.toFixed(1);
}

function formatTime(iso, timeZone) {
    return new Intl.DateTimeFormat('en-US', {
        timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
    }).format(new Date(iso));
}

function text(value) {
    const span = document.createElement('span');
    span.textContent = value;
    return span;
}
