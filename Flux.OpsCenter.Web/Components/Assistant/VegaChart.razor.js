// Renders the assistant's Vega-Lite charts. The page's CSP allows no eval, so Vega evaluates expressions with its
// interpreter (ast: true). Vega, Vega-Lite and vega-embed load once, on the first chart.
const views = new WeakMap();
let loading;

function script(src) {
    return new Promise((resolve, reject) => {
        const element = document.createElement('script');
        element.src = src;
        element.onload = resolve;
        element.onerror = () => reject(new Error(`could not load ${src}`));
        document.head.appendChild(element);
    });
}

function libraries([vega, vegaLite, vegaEmbed, interpreter]) {
    loading ??= (async () => {
        await script(vega);
        await script(vegaLite);
        await script(vegaEmbed);
        const { expressionInterpreter } = await import(interpreter);
        return expressionInterpreter;
    })();
    return loading;
}

export async function render(element, specText, sources) {
    views.get(element)?.finalize();
    try {
        const expr = await libraries(sources);
        const spec = JSON.parse(specText);
        if (spec.width === undefined) spec.width = 'container';
        const result = await window.vegaEmbed(element, spec, { actions: false, renderer: 'svg', ast: true, expr, theme: 'dark' });
        views.set(element, result.view);
        element.dataset.rendered = 'true';
    } catch (error) {
        element.dataset.rendered = 'failed';
        element.textContent = `The chart could not be drawn: ${error.message}`;
    }
}

export function dispose(element) {
    views.get(element)?.finalize();
    views.delete(element);
}
