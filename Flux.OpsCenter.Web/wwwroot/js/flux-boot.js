// Starts Blazor with unlimited reconnection (wall displays run unattended for weeks) and drives the reconnect
// banner. When the server restarted, the old circuit is gone: the reconnect is rejected and the page reloads itself.
// A watchdog also marks the page disconnected when the data-age badge's server heartbeat stops changing: a cut
// network can leave the socket looking open for a long time, and the page must never keep saying "Live" meanwhile.
(function () {
    const heartbeatSilence = 4000;

    // Blazor drives an element with this id: it adds components-reconnect-* classes and dispatches the state events on it.
    const banner = () => document.getElementById('components-reconnect-modal');
    let blazorDown = false;
    let silent = false;
    const render = () => {
        const down = blazorDown || silent;
        document.body.classList.toggle('flux-disconnected', down);
        const el = banner();
        if (!el) { return; }
        if (down) {
            el.querySelector('.flux-reconnect-text').textContent = 'Connection lost: reconnecting…';
        }
        el.classList.toggle('flux-reconnect-visible', down);
    };
    const reload = () => {
        const el = banner();
        if (el) {
            el.querySelector('.flux-reconnect-text').textContent = 'Server restarted: reloading…';
            el.classList.add('flux-reconnect-visible');
        }
        document.body.classList.add('flux-disconnected');
        setTimeout(() => location.reload(), 500);
    };

    banner()?.addEventListener('components-reconnect-state-changed', (event) => {
        const state = event.detail.state;
        if (state === 'show' || state === 'retrying') {
            blazorDown = true;
            render();
        } else if (state === 'hide' || state === 'resume') {
            blazorDown = false;
            render();
        } else if (state === 'rejected' || state === 'resume-failed' || state === 'failed') {
            reload();
        }
    });

    let lastBeat = null;
    let lastChange = Date.now();
    setInterval(() => {
        const beat = document.querySelector('[data-heartbeat]')?.getAttribute('data-heartbeat') ?? null;
        if (beat !== lastBeat) {
            lastBeat = beat;
            lastChange = Date.now();
        }
        // Only pages that carry a heartbeat are watched, and only once the circuit is interactive (the badge ticks from
        // its first interactive render on).
        const watching = beat !== null && beat !== '0' && document.getElementById('interactive') !== null;
        const nowSilent = watching && Date.now() - lastChange > heartbeatSilence;
        if (nowSilent !== silent) {
            silent = nowSilent;
            render();
        }
    }, 500);

    // The skip link's href would be resolved against <base href="/"> and route to the Overview: focus the content instead.
    document.addEventListener('click', (event) => {
        const link = event.target instanceof Element ? event.target.closest('.flux-skip-link') : null;
        const main = document.getElementById('main-content');
        if (link && main) {
            event.preventDefault();
            main.focus();
        }
    });

    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: Number.MAX_SAFE_INTEGER,
                retryIntervalMilliseconds: (attempt) => Math.min(5000, 500 + attempt * 500),
            },
        },
    });
})();
