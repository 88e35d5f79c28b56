// iframe mode: reports the page's height to the parent, for the optional resize script.
// (The loader, linked after the placeholder, paints and loads the widget, which reads its
// options from this page's URL parameters.)
const report = () => {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  window.parent.postMessage({ source: 'client-checkup', type: 'client-checkup:resize', height }, '*');
};
new ResizeObserver(report).observe(document.documentElement);
window.addEventListener('load', report);
