// Opens each notebook in Debian's Chromium against a running Jupyter Notebook server, runs all its
// cells as a reader would (Cell > Run All), waits for the kernel to go idle, and checks what the page
// shows: no error output, every picture drawn (a box of non-zero size and pixels that are not all one
// colour), and each live progress display one element whose text changed in place. Screenshots go to
// OUT_DIR. Also opens HTML exports (nbconvert's) and checks their pictures the same way.
//
//   node notebooks.mjs BASE_URL TOKEN OUT_DIR CELL_TIMEOUT_S NOTEBOOK... [--html FILE.html...] [--classroom CONFIG.json]
//
// With --classroom, a student's flow too: the student version of an assignment opened, answers typed
// in place of its TODOs, the notebook run, each public check's points visible under its test; then the
// graded feedback page opened, with the first difference from the reference visible (CONFIG: notebook,
// answers in TODO order, expect: [{question, shows: [...]}], feedback: {file, shows: [...]}).
//
// Prints one line per notebook; exits 1 if any check failed, naming the notebook and the cell.
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";

const [base, token, outDir, cellTimeout, ...args] = process.argv.slice(2);
const classroomAt = args.indexOf("--classroom");
const classroomConfig = classroomAt < 0 ? null : JSON.parse(readFileSync(args[classroomAt + 1], "utf8"));
const rest = classroomAt < 0 ? args : args.slice(0, classroomAt);
const split = rest.indexOf("--html");
const notebooks = split < 0 ? rest : rest.slice(0, split);
const exports = split < 0 ? [] : rest.slice(split + 1);
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const failures = [];

// In the page: every picture in the outputs, and whether it draws anything. An <img> is drawn into a
// canvas (data: URIs are same-origin, so its pixels can be read); an inline <svg> counts its shapes.
const pictureCheck = () => {
  const out = [];
  // a folded block's picture counts too: open every fold while measuring, as a reader would
  const closed = [...document.querySelectorAll(".output_area details:not([open]), .output details:not([open])")];
  closed.forEach((d) => { d.open = true; });
  const where = (el) => {
    const cell = el.closest(".cell");
    const cells = [...document.querySelectorAll(".cell")];
    return cell ? cells.indexOf(cell) : -1;
  };
  for (const img of document.querySelectorAll(".output_area img, .output img, .jp-OutputArea img")) {
    const box = img.getBoundingClientRect();
    let distinct = 0;
    if (img.naturalWidth > 0 && img.naturalHeight > 0) {
      const c = document.createElement("canvas");
      c.width = Math.min(img.naturalWidth, 600);
      c.height = Math.min(img.naturalHeight, 600);
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0, c.width, c.height);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const first = [d[0], d[1], d[2], d[3]];
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - first[0]) + Math.abs(d[i + 1] - first[1]) + Math.abs(d[i + 2] - first[2]) + Math.abs(d[i + 3] - first[3]) > 24) {
          distinct++;
        }
      }
    }
    // cut off: past the page's edge, or past the edge of a box that hides or scrolls its overflow
    let clipped = box.right > document.documentElement.clientWidth + 1;
    for (let a = img.parentElement; a && !clipped; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX !== "visible" && box.right > a.getBoundingClientRect().right + 1) clipped = true;
      if (a.classList.contains("output_subarea") || a.classList.contains("cell")) break;
    }
    out.push({ cell: where(img), kind: "img", alt: img.alt || "", width: box.width, height: box.height,
      natural: img.naturalWidth, drawn: distinct, clipped });
  }
  for (const svg of document.querySelectorAll(".output_area svg, .output svg")) {
    if (svg.closest("button, .prompt, .toolbar")) continue;
    const box = svg.getBoundingClientRect();
    out.push({ cell: where(svg), kind: "svg", alt: "", width: box.width, height: box.height, natural: box.width,
      drawn: svg.querySelectorAll("path, rect, line, circle, polyline, polygon, text").length, clipped: false });
  }
  closed.forEach((d) => { d.open = false; });
  return out;
};

// In the page: summary tables whose rows wrap (more rendered lines than text lines) or that are cut off.
const tableCheck = () => [...document.querySelectorAll("pre.incept-summary")].map((pre) => {
  const cells = [...document.querySelectorAll(".cell")];
  const lines = pre.textContent.replace(/\n$/, "").split("\n").length;
  const lineHeight = parseFloat(getComputedStyle(pre).lineHeight) || 1.2 * parseFloat(getComputedStyle(pre).fontSize);
  const rendered = Math.round((pre.clientHeight - parseFloat(getComputedStyle(pre).paddingTop) - parseFloat(getComputedStyle(pre).paddingBottom)) / lineHeight);
  return { cell: cells.indexOf(pre.closest(".cell")), lines, rendered, cut: pre.scrollWidth > pre.clientWidth + 1 };
});

function checkPictures(name, pictures, cellLabel) {
  for (const p of pictures) {
    const what = `${name}, ${cellLabel(p.cell)}: ${p.kind}${p.alt ? ` "${p.alt}"` : ""}`;
    if (!(p.width > 0 && p.height > 0)) failures.push(`${what} has an empty box (${p.width}x${p.height})`);
    else if (p.natural === 0) failures.push(`${what} did not load`);
    else if (p.drawn < 50) failures.push(`${what} draws nothing (${p.drawn} pixels differ from the background)`);
  }
}

async function open(page, name) {
  await page.goto(`${base}/notebooks/${encodeURIComponent(name)}?token=${token}`, { waitUntil: "load" });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
    && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120_000 });
  // the copy is the test's own, but a save would still rewrite it as the run goes
  await page.evaluate(() => Jupyter.notebook.set_autosave_interval(0));
}

/** Shuts the notebook's kernel down (a Kotlin kernel holds about 2 GB; nine of them at once do not fit). */
async function closeKernel(page) {
  await page.evaluate(() => new Promise((done) => {
    Jupyter.notebook.session.delete(() => done(), () => done());
    setTimeout(done, 10_000);
  }));
}

/** Runs every cell and waits for the kernel to go idle; false if it ran past its time. */
async function runAll(page, name) {
  const started = Date.now();
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  const cells = await page.evaluate(() => Jupyter.notebook.get_cells().length);
  const deadline = started + Number(cellTimeout) * 1000 * Math.max(1, cells);
  for (;;) {
    const state = await page.evaluate(() => ({
      running: Jupyter.notebook.get_cells().some((c) => c.cell_type === "code" && (c.input_prompt_number === "*" || c.running)),
      idle: document.querySelector("#kernel_indicator_icon")?.classList.contains("kernel_idle_icon"),
    }));
    if (!state.running && state.idle) return Math.round((Date.now() - started) / 1000);
    if (Date.now() > deadline) {
      failures.push(`${name}: still running after ${Math.round((Date.now() - started) / 1000)} s`);
      return Math.round((Date.now() - started) / 1000);
    }
    await page.waitForTimeout(500);
  }
}

async function runNotebook(page, file) {
  const name = basename(file);
  await open(page, name);
  const labels = await page.evaluate(() => Jupyter.notebook.get_cells().map((c, i) =>
    `cell ${i + 1} (${c.cell_type}${c.cell_type === "code" ? ": " + (c.get_text().split("\n")[0] || "").slice(0, 60) : ""})`));
  const cellLabel = (i) => (i >= 0 && i < labels.length ? labels[i] : "outside any cell");
  // Every change to the outputs is recorded as it happens (a MutationObserver, so no state is missed
  // between polls): per cell and output, the texts it showed. A live display is an output that showed
  // a progress line ("epoch 1, step 3/16: ..." or "sweep: ..."); the front end re-renders an updated
  // display in its place, so it is the same output with new text.
  await page.evaluate(() => {
    const seen = (window.inceptLive = {});
    const progress = /^(epoch \d+, step \d+\/\d+|sweep: )/m;
    const scan = () => Jupyter.notebook.get_cells().forEach((c, i) => {
      if (c.cell_type !== "code") return;
      c.element[0].querySelectorAll(".output_subarea").forEach((el, k) => {
        const text = el.innerText.trim().slice(0, 400);
        const key = `${i}/${k}`;
        if (progress.test(text) || seen[key]) {
          seen[key] = seen[key] || { cell: i, texts: [] };
          if (!seen[key].texts.includes(text)) seen[key].texts.push(text);
        }
      });
    });
    new MutationObserver(scan).observe(document.querySelector("#notebook-container"), { childList: true, subtree: true, characterData: true });
  });
  const seconds = await runAll(page, name);


  const errors = await page.evaluate(() => Jupyter.notebook.get_cells().flatMap((c, i) =>
    c.cell_type !== "code" ? [] : (c.output_area?.outputs || []).filter((o) => o.output_type === "error")
      .map((o) => ({ cell: i, text: `${o.ename}: ${o.evalue}`.split("\n")[0].slice(0, 200) }))));
  for (const e of errors) failures.push(`${name}, ${cellLabel(e.cell)}: error output ${e.text}`);

  // Pictures below the fold load lazily in some viewers: scroll through the page first.
  await page.evaluate(async () => {
    const site = document.querySelector("#site") || document.scrollingElement;
    for (let y = 0; y < site.scrollHeight; y += 600) { site.scrollTop = y; await new Promise((r) => setTimeout(r, 20)); }
    site.scrollTop = 0;
  });
  // A notebook that uses a live display must have shown one; each live output must have changed in
  // place, and a cell's final outputs hold no more than one progress line per live output.
  const live = await page.evaluate(() => Object.values(window.inceptLive));
  const uses = await page.evaluate(() => Jupyter.notebook.get_cells().some((c) => /LiveProgress\(|LiveLine\(/.test(c.get_text())));
  if (uses && live.length === 0) failures.push(`${name}: it uses a live display, and none appeared while it ran`);
  const progressCells = [...new Set(live.map((l) => l.cell))].sort((x, y) => x - y);
  for (const i of progressCells) {
    const outputs = live.filter((l) => l.cell === i);
    if (!outputs.some((o) => o.texts.length >= 2)) failures.push(`${name}, ${cellLabel(i)}: no display was updated in place while it ran`);
    const finalText = await page.evaluate((k) => [...Jupyter.notebook.get_cell(k).element[0].querySelectorAll(".output_subarea")]
      .map((el) => el.innerText).join("\n"), i);
    const lines = finalText.split("\n").filter((t) => /^\s*(sweep: |epoch \d+, step )/.test(t)).length;
    if (lines > outputs.length) failures.push(`${name}, ${cellLabel(i)}: ${lines} progress lines where ${outputs.length} updated in place belong`);
  }

  let pictures = [];
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.waitForTimeout(200);
    pictures = await page.evaluate(pictureCheck);
    if (width === 1280) checkPictures(name, pictures, cellLabel);
    for (const p of pictures.filter((x) => x.clipped)) failures.push(`${name} at ${width} px, ${cellLabel(p.cell)}: a picture is cut off on the right`);
    for (const t of await page.evaluate(tableCheck)) {
      if (t.rendered > t.lines) failures.push(`${name} at ${width} px, ${cellLabel(t.cell)}: the summary table's rows wrap (${t.lines} rows take ${t.rendered} lines)`);
      if (t.cut) failures.push(`${name} at ${width} px, ${cellLabel(t.cell)}: the summary table is cut off on the right`);
    }
    // The notebook scrolls inside #site, not the page: make the window as tall as the notebook for the picture.
    const tall = await page.evaluate(() => Math.min(16000, (document.querySelector("#site")?.scrollHeight || 1000) + 120));
    await page.setViewportSize({ width, height: tall });
    await page.screenshot({ path: `${outDir}/${name.replace(/\.ipynb$/, "")}-${width}.png` });
    // the first cell that shows a picture, on its own, for the README
    const first = page.locator(".cell:has(.output_area img)").first();
    if (width === 1280 && await first.count() > 0) {
      await first.screenshot({ path: `${outDir}/${name.replace(/\.ipynb$/, "")}-first-picture.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 1000 });
  await closeKernel(page);
  const shown = pictures.filter((p) => p.drawn >= 50).length;
  console.log(`browser: ${name}: ran in ${seconds} s; ${errors.length} errors, ${shown} of ${pictures.length} pictures drawn, `
    + `${progressCells.length} live displays`);
}

async function classroom(page, config) {
  const name = basename(config.notebook);
  await open(page, name);
  const todos = await page.evaluate(() => Jupyter.notebook.get_cells()
    .map((c, i) => (c.cell_type === "code" && c.get_text().includes('TODO("your answer")') ? i : -1))
    .filter((i) => i >= 0));
  if (todos.length !== config.answers.length) {
    failures.push(`${name}: ${todos.length} TODO cells where the test has ${config.answers.length} answers`);
    return;
  }
  for (let k = 0; k < todos.length; k++) {
    // select the TODO in the cell's editor and type the answer over it, as a student would
    await page.evaluate((i) => {
      const cell = Jupyter.notebook.get_cell(i);
      Jupyter.notebook.select(i);
      cell.edit_mode();
      const cm = cell.code_mirror;
      const at = cm.getValue().indexOf('TODO("your answer")');
      const from = cm.posFromIndex(at);
      cm.setSelection({ line: from.line, ch: 0 }, cm.posFromIndex(at + 'TODO("your answer")'.length));
      cm.focus();
    }, todos[k]);
    await page.keyboard.insertText(config.answers[k]);
  }
  await page.keyboard.press("Escape");
  const seconds = await runAll(page, name);
  await closeKernel(page).catch(() => {});
  for (const e of config.expect) {
    const shown = await page.evaluate((q) => {
      const cell = Jupyter.notebook.get_cells().find((c) => c.get_text().startsWith(`// TEST ${q}`));
      if (!cell) return null;
      const out = cell.element[0].querySelector(".output");
      const box = out?.getBoundingClientRect();
      return { text: out?.innerText || "", visible: !!box && box.width > 0 && box.height > 0 };
    }, e.question);
    if (!shown) failures.push(`${name}: no public test for ${e.question}`);
    else if (!shown.visible) failures.push(`${name}, the test of ${e.question}: its feedback is not visible`);
    else for (const want of e.shows) {
      if (!shown.text.includes(want)) failures.push(`${name}, the test of ${e.question}: the page does not show "${want}" (it shows "${shown.text.trim().slice(0, 160)}")`);
    }
  }
  const first = page.locator(".cell").filter({ hasText: `// TEST ${config.expect[0].question}` }).first();
  await page.setViewportSize({ width: 1280, height: 4000 });
  if (await first.count() > 0) await first.screenshot({ path: `${outDir}/classroom-student.png` });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(pathToFileURL(config.feedback.file).href, { waitUntil: "load" });
  const text = await page.evaluate(() => document.body.innerText);
  for (const want of config.feedback.shows) {
    if (!text.includes(want)) failures.push(`${basename(config.feedback.file)}: the feedback page does not show "${want}"`);
  }
  await page.screenshot({ path: `${outDir}/classroom-feedback.png`, fullPage: true });
  console.log(`browser: ${name} (a student's answers typed in): ran in ${seconds} s; public checks and graded feedback shown`);
}

async function openExport(page, file) {
  const name = basename(file);
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const pictures = await page.evaluate(pictureCheck);
  checkPictures(name, pictures, (i) => (i >= 0 ? `cell ${i + 1}` : "outside any cell"));
  console.log(`browser: ${name} (HTML export): ${pictures.filter((p) => p.drawn >= 50).length} of ${pictures.length} pictures drawn`);
}

{
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  for (const nb of notebooks) {
    try {
      await runNotebook(page, nb);
    } catch (e) {
      failures.push(`${basename(nb)}: ${String(e.message || e).split("\n")[0]}`);
      await closeKernel(page).catch(() => {});
    }
  }
  for (const html of exports) {
    try {
      await openExport(page, html);
    } catch (e) {
      failures.push(`${basename(html)}: ${String(e.message || e).split("\n")[0]}`);
    }
  }
  if (classroomConfig) {
    try {
      await classroom(page, classroomConfig);
    } catch (e) {
      failures.push(`${basename(classroomConfig.notebook)}: ${String(e.message || e).split("\n")[0]}`);
    }
  }
  await context.close();
}
await browser.close();
for (const f of failures) console.error(`browser: FAIL ${f}`);
process.exit(failures.length ? 1 : 0);
