// The wall's beep: an oscillator through WebAudio, so no sound file is fetched. The context is created on the operator's
// click (browsers let a page play sound only after a gesture) and closed when the sound is switched off.
let context = null;

export function enable() {
    context ??= new AudioContext();
    return context.resume();
}

export function disable() {
    const closing = context;
    context = null;
    return closing?.close();
}

// Two short tones, loud enough to be heard across a control room, with ramps so the speaker does not click.
export function beep() {
    if (!context) return;
    const start = context.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.25, 660]]) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = 'square';
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.21);
    }
    document.body.dataset.wallBeeps = String(Number(document.body.dataset.wallBeeps ?? 0) + 1);
}
