// Starts Blazor with unlimited reconnection (wall displays run unattended for weeks) and drives the reconnect
// banner. When the server restarted, the old circuit is gone: the reconnect is rejected and the page reloads itself.
(function () {
    // Blazor drives an element with this id: it adds components-reconnect-* classes and dispatches the state events on it.
    const banner = () => document.getElementById('components-reconnect-modal');
    const show = (text) => {
        const el = banner();
        if (!el) { return; }
        el.querySelector('.flux-reconnect-text').textContent = text;
        el.classList.add('flux-reconnect-visible');
    };
    const hide = () => banner()?.classList.remove('flux-reconnect-visible');

    banner()?.addEventListener('components-reconnect-state-changed', (event) => {
        const state = event.detail.state;
        if (state === 'show' || state === 'retrying') {
            show('Connection lost: reconnecting…');
        } else if (state === 'hide' || state === 'resume') {
            hide();
        } else if (state === 'rejected' || state === 'resume-failed' || state === 'failed') {
            show('Server restarted: reloading…');
            setTimeout(() => location.reload(), 500);
        }
    });

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
