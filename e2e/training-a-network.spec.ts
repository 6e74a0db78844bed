import type { Page } from '@playwright/test';
import { expect, readLoss, test, seriousAxeViolations } from './fixtures';


const LESSON = '#/training-a-network';

/** Opens the lab on the cpu backend and waits until its first snapshot is drawn. */
async function openLab(page: Page, hashQuery = '') {
  await page.goto(`./?backend=cpu${LESSON}/lab${hashQuery}`);
  await expect(page.getByTestId('playground')).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('accuracy')).toHaveText(/%/);
}

const nodes = (page: Page) => page.locator('.netgraph-node');
const edges = (page: Page) => page.locator('.netgraph-edge');

test.describe('the training a network lesson', () => {
  test('loads the lab with its default network and no console errors', async ({ page, consoleProblems }) => {
    await openLab(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Training a network' })).toBeVisible();
    // 2 inputs, hidden layers of 4 and 2, one output.
    await expect(nodes(page)).toHaveCount(2 + 4 + 2 + 1);
    await expect(edges(page)).toHaveCount(2 * 4 + 4 * 2 + 2 * 1);
    // 250 training points in batches of 10: 25 batches per epoch.
    await expect(page.getByTestId('batch-strip').locator('span')).toHaveCount(25);
    expect(consoleProblems).toEqual([]);
  });

  test('trains with a fixed seed: the training loss falls and epochs count up', async ({ page, consoleProblems }) => {
    await openLab(page);
    const first = await readLoss(page);
    expect(first).toBeGreaterThan(0.3);
    await page.getByTestId('step').click();
    await expect(page.getByTestId('batch-text')).toHaveText('epoch 1 in progress: 1 of 25 batches done');
    await expect(page.getByTestId('batch-strip').locator('span.is-done')).toHaveCount(1);
    await page.getByTestId('train').click();
    await expect.poll(() => readLoss(page), { timeout: 60_000 }).toBeLessThan(first * 0.5);
    await page.getByTestId('train').click();
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'paused');
    expect(Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(1);
    expect(Number(await page.getByTestId('test-loss').textContent())).toBeLessThan(first);
    expect(consoleProblems).toEqual([]);
  });

  test('reset returns to the same seeded weights', async ({ page, consoleProblems }) => {
    await openLab(page);
    const first = await readLoss(page);
    await page.getByTestId('step').click();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('batch-text')).toHaveText(/2 of 25/);
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('epoch')).toHaveText('0');
    await expect.poll(() => readLoss(page)).toBe(first);
    expect(consoleProblems).toEqual([]);
  });

  test('adding and removing layers and neurons changes the graph, with a message at the limit', async ({ page, consoleProblems }) => {
    await openLab(page);
    await page.getByTestId('add-layer').click();
    await expect(page.getByTestId('layer-count')).toHaveText('3 hidden layers');
    await expect(nodes(page)).toHaveCount(2 + 4 + 2 + 2 + 1);
    await page.getByTestId('add-neuron-1').click();
    await expect(nodes(page)).toHaveCount(2 + 5 + 2 + 2 + 1);
    for (let i = 0; i < 5; i++) await page.getByTestId('add-layer').click();
    await expect(page.getByTestId('layer-count')).toHaveText('8 hidden layers');
    await page.getByTestId('add-layer').click();
    await expect(page.getByTestId('arch-note')).toContainText('8 hidden layers is the most');
    for (let i = 0; i < 11; i++) await page.getByTestId('add-neuron-1').click();
    await expect(nodes(page)).toHaveCount(2 + 16 + 2 * 7 + 1);
    await page.getByTestId('add-neuron-1').click();
    await expect(page.getByTestId('arch-note')).toContainText('16 neurons per layer is the most');
    for (let i = 0; i < 8; i++) await page.getByTestId('remove-layer').click();
    await expect(nodes(page)).toHaveCount(3);
    await expect(edges(page)).toHaveCount(2);
    // The last feature cannot be switched off.
    await page.getByTestId('feature-x2').uncheck();
    await page.getByTestId('feature-x1').click();
    await expect(page.getByTestId('feature-x1')).toBeChecked();
    await expect(page.getByText('The network needs at least one input')).toBeVisible();
    expect(consoleProblems).toEqual([]);
  });

  test('the share link round-trips the main controls', async ({ page, context, consoleProblems }) => {
    await openLab(page, '?data=spiral&layers=3&n1=8&n3=5&x1sq=1&x1x2=1&lr=0.3&act=relu');
    await expect(page.getByTestId('data')).toHaveValue('spiral');
    await expect(page.getByTestId('act')).toHaveValue('relu');
    await expect(page.getByTestId('lr')).toHaveValue('0.3');
    await expect(page.getByTestId('feature-x1sq')).toBeChecked();
    await expect(nodes(page)).toHaveCount(4 + 8 + 2 + 5 + 1);
    // Change more through the controls, then open the page's own link in a fresh tab.
    await page.getByTestId('opt').selectOption('momentum');
    await page.getByTestId('feature-sin2').check();
    await page.getByTestId('remove-neuron-2').click();
    await expect(nodes(page)).toHaveCount(5 + 8 + 1 + 5 + 1);
    // The address bar follows the settings a moment later.
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('&n2=1&');
    // Read the address from the page itself: replaceState changes it without a navigation.
    const url = await page.evaluate(() => location.href);
    expect(url).toContain('sin2=1');
    const other = await context.newPage();
    await other.goto(url);
    await expect(other.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    await expect(other.getByTestId('data')).toHaveValue('spiral');
    await expect(other.getByTestId('act')).toHaveValue('relu');
    await expect(other.getByTestId('opt')).toHaveValue('momentum');
    await expect(other.getByTestId('lr')).toHaveValue('0.3');
    await expect(other.getByTestId('feature-sin2')).toBeChecked();
    await expect(other.getByTestId('feature-x2sq')).not.toBeChecked();
    await expect(other.locator('.netgraph-node')).toHaveCount(5 + 8 + 1 + 5 + 1);
    expect(consoleProblems).toEqual([]);
  });

  test('learning rate 10 blows up and the lab stops with a message', async ({ page, consoleProblems }) => {
    await openLab(page, '?act=linear&opt=sgd&lr=10');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('diverged')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('diverged')).toContainText(/learning rate/i);
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'diverged');
    expect(consoleProblems).toEqual([]);
  });

  test('the batch-size check reveals its answer after a guess', async ({ page, consoleProblems }) => {
    await page.goto(`./${LESSON}`);
    const check = page.locator('.check').first();
    await check.scrollIntoViewIfNeeded();
    await check.getByLabel('25', { exact: true }).check();
    await check.getByRole('button', { name: 'Lock in my guess' }).click();
    await expect(check.getByRole('status')).toContainText('Right');
    await expect(check).toContainText('13 cells');
    expect(consoleProblems).toEqual([]);
  });

  test('the lab works from the keyboard, and axe finds no serious violations', async ({ page, consoleProblems }) => {
    await openLab(page);
    await page.getByTestId('feature-x1sq').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('feature-x1sq')).toBeChecked();
    await expect(nodes(page)).toHaveCount(3 + 4 + 2 + 1);
    await page.getByTestId('add-layer').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('layer-count')).toHaveText('3 hidden layers');
    await page.getByTestId('act').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('act')).toHaveValue('relu');
    await page.getByTestId('train').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'playing');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'paused');

    const violations = await seriousAxeViolations(page);
    expect(violations).toEqual([]);
    expect(consoleProblems).toEqual([]);
  });

  test('the share link round-trips every control', async ({ page, context, consoleProblems }) => {
    // Every setting away from its default.
    const all =
      'data=xor&noise=0.3&split=70&batch=7&lr=0.1&act=relu&opt=sgd&reg=l2&rate=0.01&layers=3&n1=5&n2=3&n3=6' +
      '&a2=sigmoid&a3=linear&x1=0&x2=1&x1sq=1&x2sq=1&x1x2=1&sin1=1&sin2=1&show=test&discretize=1&view=gradients&hide=regularization&seed=42';
    await openLab(page, `?${all}`);
    const values: Record<string, string> = {
      data: 'xor', lr: '0.1', act: 'relu', opt: 'sgd', show: 'test', 'act-2': 'sigmoid', 'act-3': 'linear', 'act-1': 'same',
    };
    for (const [id, value] of Object.entries(values)) await expect(page.getByTestId(id)).toHaveValue(value);
    for (const [id, value] of [['noise', '0.3'], ['split', '70'], ['batch', '7']] as const) await expect(page.getByTestId(id)).toHaveValue(value);
    await expect(page.getByTestId('feature-x1')).not.toBeChecked();
    for (const f of ['x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2']) await expect(page.getByTestId(`feature-${f}`)).toBeChecked();
    await expect(page.getByTestId('discretize')).toBeChecked();
    await expect(page.getByTestId('new-seed')).toContainText('seed 42');
    await expect(page.getByTestId('reg')).toHaveCount(0); // hidden by the classroom setting
    await expect(nodes(page)).toHaveCount(6 + 5 + 3 + 6 + 1);
    // 70% of 500 points in batches of 7: 50 batches per epoch.
    await expect(page.getByTestId('batch-strip').locator('span')).toHaveCount(50);
    // The page's own share link carries every one of them, and opens to the same lab.
    await page.getByTestId('show-hidden').click();
    await expect(page.getByTestId('reg')).toHaveValue('l2');
    await expect(page.getByTestId('reg-rate')).toHaveValue('0.01');
    // The address bar is the share link (the Share button copies it).
    await page.getByTestId('discretize').uncheck();
    await page.getByTestId('discretize').check();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('discretize=1');
    const shared = await page.evaluate(() => location.href);
    const params = new URLSearchParams(shared.slice(shared.indexOf('?', shared.indexOf('#')) + 1));
    for (const [k, value] of new URLSearchParams(all)) expect(params.get(k), k).toBe(value);
    const other = await context.newPage();
    await other.goto(shared);
    await expect(other.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    await expect(other.locator('.netgraph-node')).toHaveCount(6 + 5 + 3 + 6 + 1);
    await expect(other.getByTestId('act-3')).toHaveValue('linear');
    expect(consoleProblems).toEqual([]);
  });

  test('a link with impossible values falls back field by field, with a notice', async ({ page, consoleProblems }) => {
    await openLab(page, '?layers=500&n1=-3&data=moon&lr=abc&n2=7&act=relu');
    await expect(page.getByTestId('notice')).toContainText('could not all be read');
    await expect(page.getByTestId('layer-count')).toHaveText('2 hidden layers');
    await expect(page.getByTestId('data')).toHaveValue('circle');
    await expect(page.getByTestId('lr')).toHaveValue('0.03');
    // What could be read is kept.
    await expect(page.getByTestId('act')).toHaveValue('relu');
    await expect(nodes(page)).toHaveCount(2 + 4 + 7 + 1);
    expect(consoleProblems).toEqual([]);
  });

  test('three classes and regression train too: the loss falls, with a confusion matrix for classes', async ({ page, consoleProblems }) => {
    await openLab(page, '?data=spiral3&layers=2&n1=8&n2=8&x1sq=1&x2sq=1');
    await expect(nodes(page)).toHaveCount(4 + 8 + 8 + 3);
    await expect(page.getByTestId('confusion-matrix').locator('table')).toBeVisible();
    const first = await readLoss(page);
    await page.getByTestId('train').click();
    await expect.poll(() => readLoss(page), { timeout: 60_000 }).toBeLessThan(first * 0.5);
    await page.getByTestId('train').click();
    await page.getByTestId('data').selectOption('gauss-reg');
    await expect(nodes(page)).toHaveCount(4 + 8 + 8 + 1);
    await expect(page.getByTestId('confusion-matrix')).toHaveCount(0);
    await expect(page.getByTestId('accuracy')).toHaveText('n/a (regression)');
    const start = await readLoss(page);
    await page.getByTestId('train').click();
    await expect.poll(() => readLoss(page), { timeout: 60_000 }).toBeLessThan(start * 0.5);
    expect(consoleProblems).toEqual([]);
  });

  test('learning rate and regularization change while training, without a reset', async ({ page, consoleProblems }) => {
    await openLab(page);
    await page.getByTestId('train').click();
    await expect.poll(async () => Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(5);
    await page.getByTestId('reg').selectOption('l1');
    await page.getByTestId('lr').selectOption('0.01');
    await expect(page.getByTestId('playground')).toHaveAttribute('data-status', 'playing');
    const epochs = Number(await page.getByTestId('epoch').textContent());
    expect(epochs).toBeGreaterThan(5); // not back to 0
    await expect.poll(async () => Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(epochs);
    expect(consoleProblems).toEqual([]);
  });

  test('a classroom link hides the chosen controls', async ({ page, context, consoleProblems }) => {
    await openLab(page);
    await page.getByTestId('playground').getByText('Make a classroom link').click();
    await page.getByTestId('hide-data').check();
    await page.getByTestId('hide-layers').check();
    const link = await page.getByTestId('classroom-link').inputValue();
    expect(link).toContain('hide=data,layers');
    const student = await context.newPage();
    await student.goto(link);
    await expect(student.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
    await expect(student.getByTestId('data')).toHaveCount(0);
    await expect(student.getByTestId('add-layer')).toHaveCount(0);
    await expect(student.getByTestId('lr')).toBeVisible();
    await expect(student.getByTestId('hidden-note')).toContainText('This link hides some controls');
    expect(consoleProblems).toEqual([]);
  });

  test('the trained model downloads as a TF.js model and loads back with the same weights', async ({ page, consoleProblems }, info) => {
    await openLab(page, '?layers=1&n1=3');
    for (let i = 0; i < 30; i++) await page.getByTestId('step').click();
    await expect(page.getByTestId('batch-text')).toHaveText(/epoch 2 in progress: 5 of 25/);
    const trained = await page.getByTestId('loss').textContent();
    const downloads: string[] = [];
    page.on('download', async (d) => {
      const path = info.outputPath(d.suggestedFilename());
      await d.saveAs(path);
      downloads.push(path);
    });
    await page.getByTestId('export-model').click();
    await expect(page.getByTestId('files-message')).toContainText('Saved lab-network.json');
    await expect.poll(() => downloads.length).toBe(2);
    // Back to the initial weights, then load the file: the trained loss comes back.
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('loss')).not.toHaveText(trained!);
    await page.getByTestId('import-model').setInputFiles(downloads);
    await expect(page.getByTestId('files-message')).toContainText('Loaded lab-network.json: 2-3-1 network');
    await expect(page.getByTestId('loss')).toHaveText(trained!);
    expect(consoleProblems).toEqual([]);
  });

  test('own points from a CSV: a bad file says why and changes nothing; a good one is trained on', async ({ page, consoleProblems }) => {
    await openLab(page);
    await page.getByTestId('upload-csv').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n0.1,0.2,1\n0.3,oops,0\n') });
    await expect(page.getByTestId('files-message')).toContainText('bad.csv: Line 3');
    await expect(page.getByTestId('files-message')).toContainText('Nothing was changed');
    await expect(page.getByTestId('batch-strip').locator('span')).toHaveCount(25);
    const rows = ['x1,x2,label'];
    for (let i = 0; i < 40; i++) rows.push(`${(i % 8) / 4 - 0.9},${Math.floor(i / 8) / 3 - 0.6},${i % 8 < 4 ? 0 : 1}`);
    await page.getByTestId('upload-csv').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await expect(page.getByTestId('custom-data')).toContainText('mine.csv (40 points)');
    // Half of 40 points for training, batches of 10.
    await expect(page.getByTestId('batch-strip').locator('span')).toHaveCount(2);
    const first = await readLoss(page);
    await page.getByTestId('train').click();
    await expect.poll(() => readLoss(page), { timeout: 60_000 }).toBeLessThan(first * 0.5);
    expect(consoleProblems).toEqual([]);
  });

  test('a click on the plane adds a point, a click on a point removes it', async ({ page, consoleProblems }) => {
    await openLab(page);
    await page.getByTestId('add-as').selectOption('0');
    const plot = page.getByTestId('plane').locator('svg').first();
    const box = (await plot.boundingBox())!;
    // Near the top-left corner, where the circle data has no points.
    await page.mouse.click(box.x + box.width * 0.15, box.y + box.height * 0.12);
    await expect(page.getByTestId('custom-data')).toContainText('501 points');
    // 251 training points in batches of 10: 26 batches.
    await expect(page.getByTestId('batch-strip').locator('span')).toHaveCount(26);
    await page.mouse.click(box.x + box.width * 0.15, box.y + box.height * 0.12);
    await expect(page.getByTestId('custom-data')).toContainText('500 points');
    await expect(page.getByTestId('batch-strip').locator('span')).toHaveCount(25);
    // From the keyboard: the plane takes focus, Enter adds at the cursor.
    await plot.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('custom-data')).toContainText('501 points');
    expect(consoleProblems).toEqual([]);
  });

  test('a bias edited by hand (keyboard: E on a neuron) changes the network', async ({ page, consoleProblems }) => {
    await openLab(page, '?layers=1&n1=2');
    const before = await readLoss(page);
    const neuron = nodes(page).nth(2); // first hidden neuron
    await neuron.focus();
    await page.keyboard.press('e');
    const editor = page.getByTestId('weight-editor');
    await expect(editor).toBeVisible();
    await expect(page.getByTestId('edit-bias')).toBeFocused();
    await page.getByTestId('edit-bias').fill('500');
    await page.getByTestId('edit-apply').click();
    await expect(editor.getByRole('alert')).toContainText('between −100 and 100');
    await page.getByTestId('edit-w0').fill('5');
    await page.getByTestId('edit-bias').fill('3');
    await page.getByTestId('edit-apply').click();
    await expect(editor).toHaveCount(0);
    await expect.poll(() => readLoss(page)).not.toBe(before);
    // Escape closes without changing anything.
    await neuron.focus();
    await page.keyboard.press('e');
    await expect(editor).toBeVisible();
    await expect(page.getByTestId('edit-bias')).toHaveValue('3');
    await expect(page.getByTestId('edit-w0')).toHaveValue('5');
    await page.keyboard.press('Escape');
    await expect(editor).toHaveCount(0);
    expect(consoleProblems).toEqual([]);
  });

  test('the gradient view draws the edges differently and says what they mean', async ({ page, consoleProblems }) => {
    await openLab(page);
    const edge = edges(page).first();
    const dash = () => edge.evaluate((e) => getComputedStyle(e).strokeDasharray);
    const before = await dash();
    await page.getByTestId('view').selectOption('gradients');
    await expect(page.getByTestId('edge-legend')).toContainText('gradient');
    await expect.poll(dash).not.toBe(before);
    expect(consoleProblems).toEqual([]);
  });

  test('the loss curve shows the network at an earlier moment, and training branches from there', async ({ page, consoleProblems }) => {
    await openLab(page, '?layers=1&n1=3');
    await page.getByTestId('train').click();
    await expect.poll(async () => Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(40);
    await page.getByTestId('train').click();
    const reached = Number(await page.getByTestId('epoch').textContent());
    const chart = page.getByTestId('loss-chart').getByRole('slider');
    await chart.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('history-note')).toContainText('Showing the network as it was at epoch');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('history-note')).toContainText('Went back to epoch');
    const epoch = Number(await page.getByTestId('epoch').textContent());
    expect(epoch).toBeLessThan(reached);
    await page.getByTestId('train').click();
    await expect.poll(async () => Number(await page.getByTestId('epoch').textContent())).toBeGreaterThan(epoch + 5);
    expect(consoleProblems).toEqual([]);
  });
});
