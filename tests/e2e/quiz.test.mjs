// The quiz as a visitor uses it: keyboard only, a screen reader's semantics (axe-core),
// phone and desktop widths, reload and "forget my answers", events; and the stable
// hooks the README promises blog owners.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, serveDist, openPage, axe, ARTIFACTS } from './helpers.mjs';
import { Widget, SIGNALS, QUESTIONS } from './widget.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(width = 375, options = {}) {
  const { page, errors, context } = await openPage(browser, `${server.url}/index.html`, { viewport: { width, height: 800 }, ...options });
  const w = await new Widget(page).ready();
  return { page, w, errors, context };
}

/** The model's questions on a signal step, by keyboard alone: Tab into each group (a
 *  fresh group takes focus on its first option), Space selects it, arrows move on. */
async function answerByKeyboard(page, w, signal, value) {
  const groups = await w.host.getByRole('group').count();
  for (let g = 0; g < groups; g++) {
    const group = w.host.getByRole('group').nth(g);
    await w.tabTo(group.getByRole('radio').first(), `the first option of question ${g + 1} on "${signal}"`);
    await page.keyboard.press('Space');
    for (let i = 0; i < Number(value); i++) await page.keyboard.press('ArrowRight');
    assert.ok(await group.getByRole('radio', { name: w.t(`scale.${value}`), exact: true }).isChecked(),
      `${signal}: question ${g + 1} rated "${w.t(`scale.${value}`)}" by keyboard`);
  }
}

for (const [name, values, context, expected] of [
  ['keep', {}, {}, 'keep'],
  ['repair', { poor_communication: '3', time_drain: '2' }, { contract: 'none' }, 'repair'],
  ['exit', { abuse: '3', negativity: '3' }, { contract: 'open_ended', open_work: 'yes' }, 'exit'],
]) {
  test(`keyboard only, start to ${expected}`, async () => {
    const { page, w, errors, context: ctx } = await open(375);
    await w.pressButton('ui.intro.start');
    assert.equal(await w.step(), 'signal-time_drain');
    assert.equal(await w.heading.textContent(), w.t('signal.time_drain.title'));
    assert.ok(await w.hasFocus(w.heading), 'focus moves to the new heading');
    for (const s of SIGNALS) {
      assert.equal(await w.step(), `signal-${s}`);
      await answerByKeyboard(page, w, s, values[s] ?? '0');
      await w.pressButton('ui.next');
    }
    // The rate is optional: skipped by keyboard.
    assert.equal(await w.step(), 'rate');
    await w.pressButton('ui.rate.skip');
    assert.equal(await w.step(), 'context');
    for (const [id, v] of Object.entries(context)) {
      await w.question(id).getByRole('radio').first().focus();
      await w.option(id, v).press('Space');
      assert.ok(await w.option(id, v).isChecked(), `${id}: ${v} chosen by keyboard`);
    }
    await w.pressButton('ui.to_review');
    assert.equal(await w.step(), 'review');
    await w.pressButton('ui.finish');
    assert.equal(await w.step(), 'result');
    assert.equal(await w.verdict(), expected, name);
    assert.ok(await w.heading.isVisible());
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
    await w.start();
    // Refused: the validation state must be accessible too.
    const unanswered = QUESTIONS.time_drain.length;
    assert.equal(await w.nextRefused(), w.t('ui.missing', { n: unanswered }), `the ${unanswered} open questions are counted`);
    await check('validation'); await shoot('validation');
    await w.answerSignals(Object.fromEntries(SIGNALS.map((s) => [s, s === 'losing_money' ? '2' : '1'])),
      { onStep: (s) => check(`signal ${s}`) });
    await check('rate, empty');
    await w.rate({ pay: '2 000', billed: '40', calls: '10', messages: '6', usual: '60' },
      { onFilled: async () => { await check('rate, with its figures'); await shoot('rate'); } });
    await w.context({ contract: 'open_ended', unpaid: 'yes' });
    await check('context'); await shoot('context');
    await w.review();
    await check('review'); await shoot('review');
    await w.finish();
    await check('result'); await shoot('result');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('no horizontal scroll and 44 px touch targets at 320 px', async () => {
  const { page, w, context } = await open(320);
  await w.start();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const small = await w.host.locator('button, label.cc-opt, select, input[type=text]').evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 60)));
  assert.deepEqual(small, []);
  await context.close();
});

test('a reload mid-quiz resumes at the same step with the same answers', async () => {
  const { page, w, context } = await open(1280);
  await w.start();
  await w.answerStep('2'); await w.next();
  await w.answerStep('3');
  await page.reload();
  await w.ready();
  assert.equal(await w.step(), 'signal-dismisses_advice');
  assert.deepEqual(await w.checkedValues(), QUESTIONS.dismisses_advice.map(() => '3'));
  await w.back();
  assert.deepEqual(await w.checkedValues(), QUESTIONS.time_drain.map(() => '2'));
  await context.close();
});

test('"forget my answers" empties storage', async () => {
  const { page, w, context } = await open(1280);
  await w.start();
  await w.answerStep('1'); await w.next();
  const keys = () => page.evaluate(() => Object.keys(localStorage));
  assert.ok((await keys()).some((k) => k.startsWith('client-checkup:')));
  await w.forget();
  assert.equal(await w.step(), 'intro');
  assert.deepEqual(await keys(), []);
  await page.reload(); await w.ready();
  assert.equal(await w.step(), 'intro');
  await context.close();
});

test('the quiz works when localStorage throws', async () => {
  const { w, errors, context } = await open(375, {
    init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }),
  });
  assert.equal(await w.complete({ signals: { abuse: '4' } }), 'exit');
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
  const verdict = await w.complete({ nickname: 'Acme secret name', signals: { losing_money: '3' } });
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.map((e) => e.type), ['client-checkup:started', 'client-checkup:completed']);
  const done = events[1].detail;
  assert.deepEqual(Object.keys(done).sort(), ['overall', 'scores', 'verdict', 'version']);
  assert.deepEqual(Object.keys(done.scores).sort(), [...SIGNALS].sort());
  assert.equal(done.verdict, verdict);
  assert.ok(!JSON.stringify(events).includes('Acme'), 'nothing typed leaves in events');
  await context.close();
});

test('the hooks the README documents for blog owners are on the controls a visitor sees', async () => {
  const { w, errors, context } = await open(1280);
  const hook = async (control, attr, value, what) => assert.equal(await control.getAttribute(attr), value, what);
  assert.equal(await w.step(), 'intro', 'data-step on the widget');
  await hook(w.button('ui.intro.start'), 'data-action', 'start', 'Start');
  await hook(w.host.getByRole('combobox', { name: w.t('ui.language'), exact: true }), 'data-action', 'language', 'language switcher');
  await w.start();
  assert.equal(await w.step(), 'signal-time_drain');
  await hook(w.button('ui.next'), 'data-action', 'next', 'Next');
  await hook(w.button('ui.back'), 'data-action', 'back', 'Back');
  await hook(w.button('ui.forget'), 'data-action', 'forget', 'Forget my answers');
  for (const s of SIGNALS) {
    // Every rating question: data-signal on its group, values 0..4, and na where the model offers it.
    assert.equal(await w.host.getByRole('group').count(), QUESTIONS[s].length, `${s}: one group per question`);
    for (const q of QUESTIONS[s]) {
      await hook(w.question(q.id), 'data-signal', s, q.id);
      const values = await w.question(q.id).getByRole('radio').evaluateAll((els) => els.map((e) => e.value));
      assert.deepEqual(values, ['0', '1', '2', '3', '4', ...(q.na ? ['na'] : [])], `${q.id}: option values`);
    }
    await w.answerStep(s === 'abuse' ? '4' : '1');
    await w.next();
  }
  assert.equal(await w.step(), 'rate');
  await hook(w.button('ui.rate.skip'), 'data-action', 'next', 'Skip (the optional rate step)');
  await w.rate();
  for (const [id, values] of Object.entries({ contract: ['fixed_term', 'open_ended', 'none', 'unsure'], open_work: ['yes', 'no'], unpaid: ['yes', 'no'],
    income_share: ['lt10', '10to30', '30to60', 'gt60'], repair_tried: ['yes', 'no'], tenure: ['lt3m', '3to12m', '1to3y', 'gt3y'] })) {
    await hook(w.question(id), 'data-context', id, `context question ${id}`);
    for (const v of values) await hook(w.option(id, v), 'value', v, `${id}: ${v}`);
  }
  await hook(w.button('ui.to_review'), 'data-action', 'review', 'Review my answers');
  await w.review();
  // "Change" plus a visually hidden ": <signal>"; Chromium names it "Change : <signal>".
  const literal = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const change = w.host.getByRole('button', { name: new RegExp(`^${literal(w.t('ui.review.change'))}\\s*:\\s*${literal(w.t('signal.abuse.name'))}$`) });
  await hook(change, 'data-action', 'edit', 'Change (a signal)');
  await hook(change, 'data-step', 'signal-abuse', 'the step Change leads to');
  await hook(w.button('ui.finish'), 'data-action', 'finish', 'See my result');
  await w.finish();
  assert.equal(await w.host.locator('[data-verdict]').getAttribute('data-verdict'), 'exit', 'data-verdict');
  await hook(w.button('ui.result.change_answers'), 'data-action', 'back', 'Change my answers');
  await hook(w.button('ui.restart'), 'data-action', 'restart', 'Start over');
  await w.openPlan();
  for (const kind of ['md', 'pdf', 'ics']) await hook(w.button(`ui.plan.download_${kind}`), 'data-action', `download-${kind}`, kind);
  await hook(w.button('ui.plan.print'), 'data-action', 'print', 'Print');
  await hook(w.button('ui.plan.copy_notice'), 'data-action', 'copy-notice', 'Copy the notice draft');
  assert.deepEqual(errors, []);
  await context.close();
});
