// Display preferences (issue 16, point 4), in Chromium:
// - prefers-reduced-motion: reduce leaves no transition or animation anywhere in the widget;
// - forced colours (Windows high contrast, emulated) keep the focus ring, the selected
//   answer, the progress bar and the chart's bars visible: checked on the rendered
//   pixels, not only on computed styles;
// - WCAG 1.4.12 text spacing breaks no layout at 320 px: nothing clipped, overlapping or
//   scrolling sideways, on every screen.
// Screenshots of each land in tests/e2e/artifacts/ (display-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, serveDist, openPage, axe, ARTIFACTS } from './helpers.mjs';
import { Widget, SIGNALS, waitForLocator } from './widget.mjs';

let browser, server, scratch;
before(async () => {
  browser = await launch();
  server = await serveDist();
  scratch = await (await browser.newContext()).newPage();
});
after(async () => { await browser?.close(); await server?.close(); });

const shot = (name) => path.join(ARTIFACTS, `display-${name}.png`);

// --- driving the widget (through the page object, as every e2e test does) ----------

async function open(options, width = 375) {
  const { context, page, errors } = await openPage(browser, `${server.url}/index.html`, { viewport: { width, height: 800 }, ...options });
  const w = await new Widget(page).ready();
  return { context, page, w, host: w.host, errors };
}

/** The rate step filled, so that its live chart is on screen (30.00 an hour against 55). */
const RATE = { pay: '1800', billed: '40', calls: '12', revisions: '8', usual: '55' };

/** Opens every disclosure on the screen (the scores, the plan's sections and details),
 *  so that what they hold is looked at too. */
const openAll = (w) => w.section.evaluate((s) => s.querySelectorAll('details').forEach((d) => { d.open = true; }));

/** From the first question to the plan, then back to the intro with the client saved,
 *  and a re-check that shows the trend; `visit(name)` runs on each screen on the way. */
async function journey(w, values, visit = async () => {}) {
  await w.answerSignals(values, { onStep: (s) => (s === SIGNALS[0] ? visit('question') : undefined) });
  await w.rate(RATE, { onFilled: () => visit('rate') });
  await visit('context');
  await w.review();
  await visit('review');
  await w.finish();
  await w.openPlan();
  await openAll(w);
  await visit('result');
  await w.plan.scrollIntoViewIfNeeded();
  await visit('plan');
  await w.host.locator('[data-action="restart"]').click();
  await waitForLocator(w.host.locator('li.cc-client'), 'the saved client on the intro');
  await openAll(w);
  await visit('clients');
  await w.host.locator('li.cc-client [data-action="check-again"]').click();
  await waitForLocator(w.host.locator('section[data-step="signal-time_drain"]'), 'the re-check\'s first question');
  for (let i = 0; i < SIGNALS.length + 1; i++) await w.next(); // last time's answers, and the rate
  await w.review();
  await w.finish();
  await waitForLocator(w.host.locator('.cc-trend'), 'the trend since the first check');
  await openAll(w);
  await w.host.locator('.cc-trend').scrollIntoViewIfNeeded();
  await visit('trend');
}

// --- pixels -------------------------------------------------------------------------

/** Decodes a PNG screenshot (in a blank page's canvas); returns { width, height, at(x, y) }. */
async function decode(png) {
  const { width, height, data } = await scratch.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const px = g.getImageData(0, 0, img.width, img.height).data;
    let bin = '';
    for (let i = 0; i < px.length; i += 0x8000) bin += String.fromCharCode.apply(null, px.subarray(i, i + 0x8000));
    return { width: img.width, height: img.height, data: btoa(bin) };
  }, png.toString('base64'));
  const px = Buffer.from(data, 'base64');
  return {
    width, height,
    at(x, y) {
      const [cx, cy] = [Math.round(x), Math.round(y)];
      if (cx < 0 || cy < 0 || cx >= width || cy >= height) throw new Error(`pixel ${cx},${cy} is outside the ${width}×${height} screenshot`);
      const i = (cy * width + cx) * 4;
      return [px[i], px[i + 1], px[i + 2]];
    },
  };
}

const hex = (c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
/** Colours differ visibly: more than a rounding or anti-aliasing step apart. */
const differ = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i]))) > 48;

/** The most common colour inside a box of the screenshot. */
function dominant(img, box) {
  const count = new Map();
  for (let y = Math.max(0, Math.ceil(box.y)); y < Math.min(img.height, box.y + box.height - 1); y++) {
    for (let x = Math.max(0, Math.ceil(box.x)); x < Math.min(img.width, box.x + box.width - 1); x++) {
      const k = hex(img.at(x, y));
      count.set(k, (count.get(k) || 0) + 1);
    }
  }
  return [...count].sort((a, b) => b[1] - a[1])[0][0];
}

/** A screenshot of the whole viewport, decoded, plus the boxes of `selectors` in it. */
async function look(page, host, selectors, file) {
  const boxes = {};
  for (const [name, sel] of Object.entries(selectors)) boxes[name] = await host.locator(sel).first().boundingBox();
  const png = await page.screenshot({ path: file });
  return { img: await decode(png), boxes };
}

// --- reduced motion -----------------------------------------------------------------

/** Every element (and ::before/::after) in the widget with a transition or animation. */
function moving(host) {
  return host.evaluate((el) => {
    const out = [];
    const walk = (root) => {
      for (const node of root.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const cs = getComputedStyle(node, pseudo);
          const t = cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
          const a = cs.animationName.split(',').some((n) => n.trim() !== 'none') && cs.animationDuration.split(',').some((d) => parseFloat(d) > 0);
          if (t || a) out.push(`${node.tagName.toLowerCase()}.${node.className?.baseVal ?? node.className}${pseudo ?? ''}: ${t ? `transition ${cs.transitionProperty} ${cs.transitionDuration}` : ''}${a ? ` animation ${cs.animationName}` : ''}`);
        }
        if (node.shadowRoot) walk(node.shadowRoot);
      }
    };
    walk(el.shadowRoot);
    return out;
  });
}

test('prefers-reduced-motion: reduce leaves no transition or animation on any screen', async () => {
  // The control: without the preference the widget does animate (the check can see it).
  const control = await open({ reducedMotion: 'no-preference' });
  await control.w.start();
  assert.ok((await moving(control.host)).length > 0, 'with no preference, some transitions exist');
  await control.context.close();

  const { context, page, w, host, errors } = await open({ reducedMotion: 'reduce' });
  const screens = [];
  const visit = async (name) => {
    assert.deepEqual(await moving(host), [], `${name}: moves under reduced motion`);
    screens.push(name);
  };
  await visit('intro');
  await w.start();
  await journey(w, { losing_money: '3', abuse: '3' }, visit);
  assert.deepEqual(screens, ['intro', 'question', 'rate', 'context', 'review', 'result', 'plan', 'clients', 'trend']);
  // Every rule of the widget's own stylesheets that sets a transition or animation sits
  // under prefers-reduced-motion: no-preference (so states not visited above are covered
  // too), and a reduce block switches off anything added later outside one.
  const rules = await host.evaluate((el) => {
    const out = { loose: [], reduce: [] };
    const walk = (list, media) => {
      for (const r of list) {
        const cond = r.conditionText ?? r.media?.mediaText ?? '';
        if (r.cssRules && !r.style) { walk(r.cssRules, [...media, cond]); continue; }
        if (!r.style) continue;
        const moves = r.style.transitionDuration.split(',').some((d) => parseFloat(d) > 0)
          || r.style.animationName.split(',').some((n) => !['', 'none', 'initial', 'unset', 'inherit'].includes(n.trim()));
        if (moves && !media.some((m) => m.includes('prefers-reduced-motion: no-preference'))) out.loose.push(r.cssText);
        if (media.some((m) => m.includes('prefers-reduced-motion: reduce'))) {
          const off = (p) => r.style.getPropertyValue(p) === 'none' && r.style.getPropertyPriority(p) === 'important';
          out.reduce.push({ selector: r.selectorText, off: off('transition-property') && off('animation-name') });
        }
      }
    };
    const sheets = [...el.shadowRoot.adoptedStyleSheets, ...[...el.shadowRoot.querySelectorAll('style')].map((s) => s.sheet)];
    for (const sheet of sheets) walk(sheet.cssRules, []);
    return out;
  });
  assert.deepEqual(rules.loose, [], 'transitions or animations outside a prefers-reduced-motion: no-preference block');
  assert.ok(rules.reduce.some((r) => r.off && r.selector.split(',').map((x) => x.trim()).includes('.cc *')),
    `a prefers-reduced-motion: reduce block turns every transition and animation off: ${JSON.stringify(rules.reduce)}`);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

// --- forced colours -----------------------------------------------------------------

for (const scheme of ['light', 'dark']) {
  test(`forced colours (${scheme}): focus ring, selected answer, progress bar and chart bars stay visible`, async () => {
    const { context, page, w, host, errors } = await open({ forcedColors: 'active', colorScheme: scheme });
    await w.start();
    const first = host.locator('fieldset[data-signal]').first();
    await first.locator('input[value="3"]').check();
    // Focus the next group's first option by keyboard, so :focus-visible applies.
    await first.locator('input[value="3"]').focus();
    await page.keyboard.press('Tab');
    const focusedValue = await host.evaluate((el) => el.shadowRoot.activeElement?.closest('fieldset')?.dataset.question);
    assert.ok(focusedValue, 'Tab moved focus into the next question');
    await host.locator('section[data-step]').evaluate((s) => s.scrollIntoView({ block: 'start' }));
    const q = await look(page, host, {
      checked: 'fieldset[data-signal] >> nth=0 >> label:has(input:checked)',
      unchecked: 'fieldset[data-signal] >> nth=0 >> label:has(input[value="1"])',
      focused: 'label.cc-opt:has(input:focus-visible)',
      track: '.cc-bar-track',
      fill: '.cc-bar-fill',
      section: 'section.cc',
    }, shot(`forced-${scheme}-question`));
    const bg = dominant(q.img, q.boxes.section);

    // The selected answer: its label's main colour differs from an unselected one's.
    const on = dominant(q.img, q.boxes.checked);
    const off = dominant(q.img, q.boxes.unchecked);
    assert.notEqual(on, off, `selected (${on}) and unselected (${off}) answers look alike`);

    // The focus ring: a band just outside the focused label, in a colour other than the background.
    const f = q.boxes.focused;
    const ring = [[f.x - 3, f.y + f.height / 2], [f.x + f.width + 3, f.y + f.height / 2], [f.x + f.width / 2, f.y - 3], [f.x + f.width / 2, f.y + f.height + 3]]
      .map(([x, y]) => hex(q.img.at(x, y)));
    assert.ok(ring.every((c) => c !== bg), `focus ring missing: ${ring} on ${bg}`);

    // The progress bar: its filled part differs from the unfilled part and from the background.
    const t = q.boxes.track;
    const filled = q.img.at(q.boxes.fill.x + q.boxes.fill.width / 2, t.y + t.height / 2);
    const empty = q.img.at(t.x + t.width - 8, t.y + t.height / 2);
    assert.ok(differ(filled, empty), `progress fill ${hex(filled)} vs track ${hex(empty)}`);
    assert.ok(differ(filled, q.img.at(t.x + 2, t.y - 6)), `progress fill ${hex(filled)} vs background`);

    // The rate chart, live on the rate step: billed and unbilled hours differ from each
    // other, and the effective and usual rates' bars from their tracks and the background.
    await w.answerSignals({ time_drain: '2', poor_communication: '3', losing_money: '4', abuse: '1' });
    await w.rate(RATE, { onFilled: async () => {
      const figures = host.locator('.cc-rate-figures svg');
      await waitForLocator(figures, 'the live rate chart');
      await figures.scrollIntoViewIfNeeded();
      const boxes = {};
      for (const c of ['cc-rate-billed', 'cc-rate-unbilled', 'cc-rate-effective', 'cc-rate-usual']) boxes[c] = await figures.locator(`rect.${c}`).boundingBox();
      const tracks = await figures.locator('rect.cc-chart-track').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().toJSON()));
      const img = await decode(await page.screenshot({ path: shot(`forced-${scheme}-rate`) }));
      const mid = (b, x = b.x + b.width / 2) => img.at(x, b.y + b.height / 2);
      const billed = boxes['cc-rate-billed'];
      const unbilled = boxes['cc-rate-unbilled'];
      const figureBg = img.at(unbilled.x + unbilled.width / 2, unbilled.y + unbilled.height + 4);
      assert.ok(differ(mid(billed), mid(unbilled, billed.x + billed.width + (unbilled.width - billed.width) / 2)),
        `billed ${hex(mid(billed))} vs unbilled hours`);
      for (const [c, track] of [['cc-rate-effective', tracks[0]], ['cc-rate-usual', tracks[1]]]) {
        const bar = mid(boxes[c]);
        assert.ok(differ(bar, figureBg), `${c}: ${hex(bar)} vs background ${hex(figureBg)}`);
        if (track.width - boxes[c].width > 6) {
          const rest = img.at(boxes[c].x + boxes[c].width + (track.width - boxes[c].width) / 2, track.y + track.height / 2);
          assert.ok(differ(bar, rest), `${c}: ${hex(bar)} vs its track ${hex(rest)}`);
        }
      }
    } });

    // The chart (in the scores' disclosure): every bar differs from its track and from the background.
    await w.review();
    await w.finish();
    await openAll(w);
    await host.locator('.cc-chart-row').first().scrollIntoViewIfNeeded();
    const rows = await host.locator('.cc-chart-row').evaluateAll((gs) => gs.map((g) => {
      const bar = g.querySelector('.cc-chart-bar').getBoundingClientRect();
      const track = g.querySelector('.cc-chart-track').getBoundingClientRect();
      return { signal: g.dataset.signal, bar: { x: bar.x, y: bar.y, w: bar.width, h: bar.height }, track: { x: track.x, w: track.width } };
    }));
    const img = await decode(await page.screenshot({ path: shot(`forced-${scheme}-result`) }));
    const chartBg = img.at(rows[0].track.x + rows[0].track.w + 4, rows[0].bar.y - 14);
    for (const r of rows.filter((x) => x.bar.w > 6)) {
      const barPx = img.at(r.bar.x + r.bar.w / 2, r.bar.y + r.bar.h / 2);
      assert.ok(differ(barPx, chartBg), `${r.signal}: bar ${hex(barPx)} vs background ${hex(chartBg)}`);
      if (r.track.w - r.bar.w > 6) {
        const trackPx = img.at(r.bar.x + r.bar.w + (r.track.w - r.bar.w) / 2, r.bar.y + r.bar.h / 2);
        assert.ok(differ(barPx, trackPx), `${r.signal}: bar ${hex(barPx)} vs track ${hex(trackPx)}`);
      }
    }
    assert.ok(rows.filter((x) => x.bar.w > 6).length >= 4, 'enough bars to look at');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// --- text spacing -------------------------------------------------------------------

/** WCAG 1.4.12's values, as the usual bookmarklet sets them, adopted into the shadow root. */
const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p, li, dd, legend, label, summary, figcaption { margin-bottom: 2em !important; }`;

/** What breaks under the spacing: sideways scroll, clipped text, overlapping boxes. */
function broken(page, host) {
  return host.evaluate((el) => {
    const root = el.shadowRoot;
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > innerWidth) problems.push(`page scrolls sideways by ${doc.scrollWidth - innerWidth}px`);
    const box = root.querySelector('section.cc').getBoundingClientRect();
    // Inside a closed disclosure (other than its summary): laid out, but not shown.
    const collapsed = (e) => {
      for (let d = e.closest('details:not([open])'); d; d = d.parentElement?.closest('details:not([open])')) {
        if (!d.querySelector(':scope > summary')?.contains(e)) return true;
      }
      return false;
    };
    const shown = (e) => {
      if (e.closest('.cc-sr, .cc-copy-buffer') || collapsed(e)) return false;
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const name = (e) => `${e.tagName.toLowerCase()}${e.dataset?.action ? `[${e.dataset.action}]` : ''} "${(e.textContent || e.value || '').trim().slice(0, 30)}"`;
    const all = [...root.querySelectorAll('section.cc *')].filter(shown);
    // A data table may scroll sideways (WCAG 1.4.10's exception), inside a region that
    // has a name and takes keyboard focus; what it holds is reached by scrolling.
    const scroller = (e) => e.matches('[role=region][tabindex="0"]') && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
      && !!e.getAttribute('aria-labelledby')?.split(' ').map((id) => root.getElementById(id)?.textContent.trim()).join('');
    for (const e of all) {
      const r = e.getBoundingClientRect();
      const inScroller = e.parentElement?.closest('[role=region][tabindex="0"]');
      if (!(inScroller && scroller(inScroller)) && (r.left < box.left - 1 || r.right > box.right + 1)) {
        problems.push(`${name(e)} sticks out of the widget (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)})`);
      }
      const cs = getComputedStyle(e);
      const clips = (v) => v !== 'visible';
      if (e instanceof HTMLElement && !['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName) && !scroller(e)) {
        if (clips(cs.overflowX) && e.scrollWidth > e.clientWidth + 1) problems.push(`${name(e)} clips its content sideways`);
        if (clips(cs.overflowY) && e.scrollHeight > e.clientHeight + 1) problems.push(`${name(e)} clips its content vertically`);
      }
    }
    // Overlaps between boxes that carry text or are controls, and are not nested.
    const solid = all.filter((e) => e instanceof HTMLElement && getComputedStyle(e).display !== 'inline'
      && (['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'LABEL', 'LEGEND', 'SUMMARY'].includes(e.tagName)
        || [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())));
    const rects = solid.map((e) => [e, e.getBoundingClientRect()]);
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const [a, ra] = rects[i];
        const [b, rb] = rects[j];
        if (a.contains(b) || b.contains(a)) continue;
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 1 && h > 1) problems.push(`${name(a)} overlaps ${name(b)} by ${Math.round(w)}×${Math.round(h)}px`);
      }
    }
    // List numbers sit in the list's padding: they must stay inside the widget too.
    for (const li of root.querySelectorAll('section.cc ol > li')) {
      const ls = getComputedStyle(li);
      if (!shown(li) || ls.display !== 'list-item' || ls.listStyleType === 'none' || ls.listStylePosition !== 'outside') continue;
      const probe = document.createElement('span');
      probe.style.cssText = 'position: absolute; white-space: pre; font-variant-numeric: tabular-nums';
      probe.textContent = `${[...li.parentElement.children].indexOf(li) + 1}. `;
      li.prepend(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      const left = li.getBoundingClientRect().left - width;
      if (left < box.left) problems.push(`list number ${probe.textContent.trim()} of ${name(li)} starts ${Math.round(box.left - left)}px outside the widget`);
    }
    // Words on buttons, answer labels and headings are never broken across lines (a break
    // after a dash, as in "10–30%", is ordinary typesetting).
    for (const el of all.filter((e) => ['BUTTON', 'LABEL', 'SUMMARY', 'LEGEND', 'H2', 'H3', 'H4', 'H5'].includes(e.tagName))) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        for (const m of t.textContent.matchAll(/[^\s\-–—]+/g)) {
          const range = document.createRange();
          range.setStart(t, m.index);
          range.setEnd(t, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`"${m[0]}" in ${name(el)} is broken across ${lines.size} lines`);
        }
      }
    }
    // SVG text (the chart's labels and values) stays inside its drawing.
    for (const svg of root.querySelectorAll('section.cc svg')) {
      const s = svg.getBoundingClientRect();
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.right > Math.min(s.right, box.right) + 1) problems.push(`chart text "${t.textContent}" runs past the chart by ${Math.round(r.right - s.right)}px`);
      }
    }
    return problems;
  });
}

test('WCAG 1.4.12 text spacing at 320 px: nothing clipped, overlapping or scrolling sideways', async () => {
  const { context, page, w, host, errors } = await open({}, 320);
  await host.evaluate((el, css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
  }, SPACING);
  const screens = [];
  const visit = async (name) => {
    const spaced = await host.locator('section.cc p').first().evaluate((p) => getComputedStyle(p).letterSpacing);
    assert.notEqual(spaced, 'normal', `${name}: the spacing is applied`);
    await host.locator('section.cc').screenshot({ path: shot(`spacing-320-${name}`) });
    assert.deepEqual(await broken(page, host), [], `${name} at 320 px with WCAG text spacing`);
    screens.push(name);
  };
  await host.locator('input[type=text]').first().fill('Northwind Traders International');
  await visit('intro');
  await w.start();
  await w.nextRefused();
  await visit('validation');
  await journey(w, { losing_money: '3', abuse: '3', stalled: '2' }, visit);
  assert.deepEqual(screens, ['intro', 'validation', 'question', 'rate', 'context', 'review', 'result', 'plan', 'clients', 'trend']);
  assert.deepEqual(errors, []);
  await context.close();
});
