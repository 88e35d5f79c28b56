// What the test pages carry before the widget loads, as an inline classic script (so it
// runs first, in every engine, without a WebDriver extension for init scripts):
// - every error (error events, unhandled rejections, console.error) into __ccErrors;
// - every download the widget starts: `URL.createObjectURL` is wrapped to keep the Blob
//   and `HTMLAnchorElement.prototype.click` to record the file name, so a test can read
//   the Blob back (type, bytes) in an engine whose downloads WebDriver cannot capture;
// - a fresh start: the widget's stored progress from an earlier test is cleared (every
//   test page shares the blog's origin), unless `fresh: false`;
// - optionally a broken localStorage (access throws, or every write fails).

const STORAGE = {
  none: '',
  throws: `Object.defineProperty(window, 'localStorage', { configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`,
  quota: `Storage.prototype.setItem = function setItem() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`,
};

/** The harness as script text. `download: 'native'` lets the engine save the file too;
 *  `'record'` only records it (for engines that would open a dialog or navigate). */
export function harness({ storage = 'none', download = 'native', fresh = true } = {}) {
  if (!(storage in STORAGE)) throw new Error(`harness: unknown storage mode ${storage}`);
  return `(() => {
  const errors = window.__ccErrors = [];
  addEventListener('error', (e) => errors.push('error: ' + e.message + ' ' + e.filename + ':' + e.lineno));
  addEventListener('unhandledrejection', (e) => errors.push('unhandledrejection: ' + (e.reason && e.reason.stack || e.reason)));
  const consoleError = console.error;
  console.error = function (...args) { errors.push('console.error: ' + args.map(String).join(' ')); return consoleError.apply(this, args); };
  const blobs = new Map();
  const create = URL.createObjectURL;
  URL.createObjectURL = function createObjectURL(obj) {
    const url = create.call(URL, obj);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  };
  const downloads = window.__ccDownloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download') && blobs.has(this.href)) {
      const blob = blobs.get(this.href);
      downloads.push({ name: this.download, type: blob.type, size: blob.size, blob });
      if (${JSON.stringify(download)} === 'record') return;
    }
    return click.call(this);
  };
  ${fresh ? 'try { localStorage.clear(); } catch (e) { /* blocked storage: nothing to clear */ }' : ''}
  ${STORAGE[storage]}
})();`;
}

/** Inserts the harness at the top of <head> of an HTML page. */
export function withHarness(html, options) {
  return html.replace(/<head>/i, `<head><script>${harness(options)}</script>`);
}
