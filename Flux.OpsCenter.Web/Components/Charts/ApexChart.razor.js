// One small wrapper over ApexCharts (npm 4.7.0, the last MIT release): the component sends plain options;
// this module adds what JSON cannot carry (label formatters) and keeps one chart per element.
const charts = new WeakMap();

function prepare(options) {
    const unit = options.yUnit ? ` ${options.yUnit}` : '';
    options.yaxis.labels.formatter = v => `${Math.round(v).toLocaleString('en-US')}${unit}`;
    // Keep the axis high enough for the reference lines to show.
    const limits = options.annotations.yaxis.map(a => a.y);
    if (limits.length) options.yaxis.max = max => Math.max(max, ...limits) * 1.05;
    delete options.yUnit;
    return options;
}

function mark(element, options) {
    element.dataset.points = String(options.series.reduce((n, s) => n + s.data.length, 0));
}

export function render(element, options) {
    const chart = new ApexCharts(element, prepare(options));
    charts.set(element, chart);
    chart.render().then(() => mark(element, options));
}

export function update(element, options) {
    const chart = charts.get(element);
    if (!chart) return;
    chart.updateOptions(prepare(options), true, false).then(() => mark(element, options));
}

export function dispose(element) {
    charts.get(element)?.destroy();
    charts.delete(element);
}
