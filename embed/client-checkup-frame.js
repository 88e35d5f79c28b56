// Optional helper for iframe embeds: include it once on the host page and every
// Client Checkup iframe grows to fit its content. Without it the iframe keeps the
// height you gave it and scrolls inside.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.source !== 'client-checkup' || data.type !== 'client-checkup:resize') return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height <= 0 || height > 20000) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = `${height}px`;
  }
});
