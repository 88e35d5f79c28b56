// The quiz as a visitor uses it: keyboard only, a screen reader's semantics (axe-core),
// phone and desktop widths, reload and "forget my answers".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, serveDist, Widget, axe, watchErrors, ARTIFACTS, SIGNALS } from './helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(width = 375) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/index.html`);
  const w = await new Widget(page).ready();
  return { page, w, errors, context };
}

/** The element that has focus, looking inside the widget's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName, action: el?.dataset?.action ?? null, value: el?.value ?? null,
      cls: el?.className ?? '', name: el?.name ?? null, type: el?.type ?? null };
  });
}

async function tabUntil(page, pred, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (pred(await focused(page))) return;
  }
  throw new Error('focus never reached the expected control');
}

/** Answers the current step by keyboard alone: Tab into each group, arrows to the value. */
async function keyboardStep(page, w, value) {
  const groups = await w.host.locator('fieldset[data-signal]').count();
  for (let g = 0; g < groups; g++) {
    await tabUntil(page, (f) => f.type === 'radio');
    // In a fresh group Tab lands on the first radio; Space selects it, arrows move on.
    await page.keyboard.press('Space');
    for (let i = 0; i < Number(value); i++) await page.keyboard.press('ArrowRight');
  }
  await tabUntil(page, (f) => f.action === 'next' || f.action === 'review');
  await page.keyboard.press('Enter');
}

for (const [name, values, context, expected] of [
  ['keep', {}, {}, 'keep'],
  ['repair', { poor_communication: '3', time_drain: '2' }, { contract: 'none' }, 'repair'],
  ['exit', { abuse: '3', negativity: '3' }, { contract: 'signed', open_work: 'yes' }, 'exit'],
]) {
  test(`keyboard only, start to ${expected}`, async () => {
    const { page, w, errors, context: ctx } = await open(375);
    const title = w.host.locator('.cc-step-title');
    await tabUntil(page, (f) => f.action === 'start');
    await page.keyboard.press('Enter');
    assert.equal(await w.step(), 'signal-time_drain');
    assert.deepEqual((await focused(page)).cls.includes('cc-step-title'), true, 'focus moves to the new heading');
    for (const s of SIGNALS) {
      assert.equal(await w.step(), `signal-${s}`);
      await keyboardStep(page, w, values[s] ?? '0');
    }
    assert.equal(await w.step(), 'context');
    for (const [id, v] of Object.entries(context)) {
      await w.host.locator(`fieldset[data-context="${id}"] input`).first().focus();
      await w.host.locator(`fieldset[data-context="${id}"] input[value="${v}"]`).press('Space');
    }
    await tabUntil(page, (f) => f.action === 'review');
    await page.keyboard.press('Enter');
    assert.equal(await w.step(), 'review');
    await tabUntil(page, (f) => f.action === 'finish');
    await page.keyboard.press('Enter');
    assert.equal(await w.step(), 'result');
    assert.equal(await w.verdict(), expected, name);
    assert.ok(await title.isVisible());
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('axe finds no WCAG A/AA violations on any screen, at phone and desktop width', async () => {
  for (const width of [375, 1280]) {
    const { page, w, errors, context } = await open(width);
    const shoot = (name) => w.host.screenshot({ path: path.join(ARTIFACTS, `quiz-${name}-${width}.png`) });
    const check = async (screen) => assert.deepEqual(await axe(page), [], `${screen} at ${width}px`);
    await check('intro'); await shoot('intro');
    await w.click('start');
    await w.click('next'); // refused: the validation state must be accessible too
    await check('validation'); await shoot('validation');
    for (const s of SIGNALS) {
      await w.answerAll(s === 'losing_money' ? '2' : '1');
      await check(`signal ${s}`);
      await w.click('next');
    }
    await w.context({ contract: 'signed', unpaid: 'yes' });
    await check('context'); await shoot('context');
    await w.click('review');
    await check('review'); await shoot('review');
    await w.click('finish');
    await check('result'); await shoot('result');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('no horizontal scroll and 44 px touch targets at 320 px', async () => {
  const { page, w, context } = await open(320);
  await w.click('start');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const small = await w.host.locator('button, label.cc-opt, select, input[type=text]').evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 60)));
  assert.deepEqual(small, []);
  await context.close();
});

test('a reload mid-quiz resumes at the same step with the same answers', async () => {
  const { page, w, context } = await open(1280);
  await w.click('start');
  await w.answerAll('2'); await w.click('next');
  await w.answerAll('3');
  await page.reload();
  await w.ready();
  assert.equal(await w.step(), 'signal-dismisses_advice');
  const checked = await w.host.locator('input:checked').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(checked, ['3', '3', '3']);
  await w.click('back');
  assert.deepEqual(await w.host.locator('input:checked').evaluateAll((els) => els.map((e) => e.value)), ['2', '2', '2', '2']);
  await context.close();
});

test('"forget my answers" empties storage', async () => {
  const { page, w, context } = await open(1280);
  await w.click('start');
  await w.answerAll('1'); await w.click('next');
  const keys = () => page.evaluate(() => Object.keys(localStorage));
  assert.ok((await keys()).some((k) => k.startsWith('client-checkup:')));
  await w.click('forget');
  assert.equal(await w.step(), 'intro');
  assert.deepEqual(await keys(), []);
  await page.reload(); await w.ready();
  assert.equal(await w.step(), 'intro');
  await context.close();
});

test('the quiz works when localStorage throws', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}/index.html`);
  const w = await new Widget(page).ready();
  await w.click('start');
  await w.answerSignals({ abuse: '4' });
  await w.click('review');
  await w.click('finish');
  assert.equal(await w.verdict(), 'exit');
  assert.deepEqual(errors, []);
  await context.close();
});

test('events: ready, started and completed carry only verdict and scores', async () => {
  const { page, w, context } = await open(1280);
  await page.evaluate(() => {
    window.__events = [];
    for (const n of ['client-checkup:started', 'client-checkup:completed']) {
      document.addEventListener(n, (e) => window.__events.push({ type: e.type, detail: e.detail }));
    }
  });
  await page.locator('[data-client-checkup] >> input[type=text]').fill('Acme secret name');
  await w.click('start');
  await w.answerSignals({ losing_money: '3' });
  await w.click('review');
  await w.click('finish');
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e.type), ['client-checkup:started', 'client-checkup:completed']);
  const done = events[1].detail;
  assert.deepEqual(Object.keys(done).sort(), ['overall', 'scores', 'verdict', 'version']);
  assert.deepEqual(Object.keys(done.scores).sort(), [...SIGNALS].sort());
  assert.equal(done.verdict, await w.verdict());
  assert.ok(!JSON.stringify(events).includes('Acme'), 'nothing typed leaves in events');
  await context.close();
});
