/**
 * The exports opened as their readers open them: the Word files converted by LibreOffice, the
 * LaTeX compiled by pdflatex, the HTML report printed by Chromium — then every word of the PDF
 * must lie on its page, inside the margins (no table runs off the page), and the table header
 * must come back on every page the table spans.
 *
 * These tools come from Debian (`.ci/run` installs them). Where one is missing the tests that
 * need it are skipped with a message saying which package to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyStudy, DEMO, runCli, tempDir } from './helpers.js';

afterAll(cleanTemps);

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

const tools = {
  soffice: has('soffice'),
  poppler: has('pdftotext') && has('pdftoppm'),
  pdflatex: has('pdflatex'),
  chromium: existsSync('/usr/bin/chromium'),
  // Times New Roman's metrics: without them LibreOffice lays the Word files out in a wider font.
  timesMetrics: existsSync('/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf'),
};
const missing = (what: string, pkg: string) => console.warn(`skipped: ${what} needs ${pkg} (sudo apt-get install ${pkg}; .ci/run installs it)`);
if (!tools.poppler) missing('reading the PDFs back', 'poppler-utils');
if (!tools.soffice) missing('converting the Word files', 'libreoffice-writer-nogui');
if (!tools.pdflatex) missing('compiling the LaTeX', 'texlive-latex-base texlive-latex-recommended texlive-lang-french lmodern');
if (!tools.chromium) missing('printing the HTML report', 'chromium');
if (!tools.timesMetrics) missing('checking that Word keeps the long words of the tables whole', 'fonts-liberation');

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}
interface Page {
  width: number;
  height: number;
  words: Word[];
}

/** Pages of a PDF with the position of every word (`pdftotext -bbox`). */
function pdfPages(pdf: string): Page[] {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  const pages: Page[] = [];
  for (const m of r.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: w[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

/** Every word inside the page, at least `margin` points from its left and right edges. */
function expectInsidePages(pages: Page[], margin: number): void {
  expect(pages.length).toBeGreaterThan(0);
  for (const [i, page] of pages.entries()) {
    for (const w of page.words) {
      const where = `page ${i + 1}: "${w.text}" at x ${w.xMin}–${w.xMax} of ${page.width}`;
      expect(w.xMin, where).toBeGreaterThanOrEqual(margin);
      expect(w.xMax, where).toBeLessThanOrEqual(page.width - margin);
      expect(w.yMax, where).toBeLessThanOrEqual(page.height);
    }
  }
}

/** The pages that show quotes (a label such as `(MG3)`) but not the header row. */
function pagesWithoutHeader(pages: Page[], header: string): number[] {
  return pages
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.words.some((w) => /^\((?:MG|A)\d+\)/.test(w.text)) && !p.words.some((w) => w.text === header))
    .map(({ i }) => i + 1);
}

function renderPng(pdf: string): string {
  const prefix = pdf.replace(/\.pdf$/, '');
  spawnSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', pdf, prefix]);
  const dir = join(pdf, '..');
  const png = readdirSync(dir).find((f) => f.startsWith(prefix.split('/').pop()!) && f.endsWith('.png'));
  return png ? join(dir, png) : '';
}

describe.skipIf(!tools.soffice || !tools.poppler)('Word files opened by LibreOffice', () => {
  it('fit their pages, repeat the table header on every page, and keep the quotes as written', () => {
    const dir = tempDir();
    const files: [string, string[]][] = [
      ['themes', []],
      ['participants', []],
      ['codebook', []],
      ['coreq', []],
      ['matrix', ['--by', 'group', '--cell-quotes']],
      ['report', []],
    ];
    // Long words in the names of a theme and a code (the demo's are short), in the columns Word makes narrow.
    const study = copyStudy(DEMO);
    const codebook = join(study, 'codebook.yaml');
    writeFileSync(codebook, readFileSync(codebook, 'utf8').replace('- name: Vécu du médecin', '- name: Représentations').replace('- name: Épuisement', '- name: Téléconsultations'));
    for (const [what, extra] of files) expect(runCli(['export', what, '--study', study, '-o', join(dir, `${what}.docx`), ...extra]).code).toBe(0);
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files.map(([w]) => join(dir, `${w}.docx`))],
      { encoding: 'utf8', timeout: 180_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    for (const [what] of files) {
      const pdf = join(dir, `${what}.pdf`);
      expect(existsSync(pdf), `${what}.pdf`).toBe(true);
      const pages = pdfPages(pdf);
      // Margins are 2.5 cm (71 pt); a word may not come closer to the edge than 2 cm.
      expectInsidePages(pages, 56);
      expect(renderPng(pdf)).not.toBe('');
      if (what === 'themes') {
        // Word cuts inside a word too long for its cell: every word of the themes and codes whole.
        const words = new Set(pages.flatMap((p) => p.words.map((w) => w.text)));
        if (tools.timesMetrics) expect(['Représentations', 'Téléconsultations', 'Impuissance'].filter((w) => !words.has(w))).toEqual([]);
        expect(pages.length).toBeGreaterThan(3);
        expect(pagesWithoutHeader(pages, 'Verbatims')).toEqual([]);
        const text = pages.map((p) => p.words.map((w) => w.text).join(' ')).join(' ');
        expect(text).toContain('Je me sens un peu inutile, en fait.');
      }
      if (what === 'participants') {
        expect(pages[0]!.width).toBeGreaterThan(pages[0]!.height);
      }
      if (what === 'report') {
        // Both figures drawn (LibreOffice shows the PNG beside the SVG), each with its caption.
        const images = spawnSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).stdout.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line));
        expect(images).toHaveLength(2);
        const text = pages.map((p) => p.words.map((w) => w.text).join(' ')).join(' ');
        expect(text).toContain('Figure 1 – Thèmes et codes');
        expect(text).toContain('Figure 2 – Saturation des codes');
      }
    }
  }, 240_000);
});

describe.skipIf(!tools.pdflatex || !tools.poppler)('LaTeX compiled by pdflatex', () => {
  it('compiles with babel-french, fits the page and repeats the header', () => {
    const dir = tempDir();
    for (const [what, extra] of [
      ['themes', []],
      ['participants', []],
      ['codebook', []],
      ['coreq', ['--lang', 'en']],
    ] as [string, string[]][]) {
      const tex = join(dir, `${what}.tex`);
      expect(runCli(['export', what, '--study', DEMO, '--format', 'tex', '--standalone', '-o', tex, ...extra]).code).toBe(0);
      const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-output-directory', dir, tex], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
      expect(r.status, `${what}.tex:\n${r.stdout.slice(-3000)}`).toBe(0);
      const log = readFileSync(join(dir, `${what}.log`), 'utf8');
      expect(log).not.toMatch(/Missing character|Undefined control sequence/);
      const pages = pdfPages(join(dir, `${what}.pdf`));
      expectInsidePages(pages, 50);
      if (what === 'themes') expect(pagesWithoutHeader(pages, 'Verbatims')).toEqual([]);
    }
  }, 240_000);
});

describe.skipIf(!tools.pdflatex || !tools.poppler)('a quote in LaTeX, as babel-french sets it', () => {
  it('reads as the transcript: the speaker’s space before ? kept, none added where there was none', () => {
    const dir = join(tempDir(), 'ponctuation');
    mkdirSync(join(dir, 'transcripts'), { recursive: true });
    mkdirSync(join(dir, 'codings'), { recursive: true });
    const said = "J'ai envie de tout casser ? Le stock: vide. On finit à 14:30, quoi ?!";
    writeFileSync(join(dir, 'codage.yaml'), 'language: fr\n');
    writeFileSync(join(dir, 'transcripts/P1.txt'), `E : Et alors ?\n\nP1 : ${said}\n`);
    writeFileSync(join(dir, 'codebook.yaml'), 'themes:\n  - name: Vécu\n    codes:\n      - name: Colère\n        id: colere\n');
    const start = [...'E : Et alors ?\n\nP1 : '].length;
    writeFileSync(
      join(dir, 'codings/lea.yaml'),
      `version: 1\ncoder: lea\nsegments:\n  - {"id": "a1", "participant": "P1", "start": ${start}, "end": ${start + [...said].length}, "codes": ["colere"], "text": ${JSON.stringify(said)}}\n`,
    );
    const tex = join(dir, 'themes.tex');
    const exported = runCli(['export', 'themes', '--study', dir, '--format', 'tex', '--standalone', '-o', tex]);
    expect(exported.code, exported.stderr).toBe(0);
    const r = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-output-directory', dir, tex], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
    expect(r.status, r.stdout.slice(-3000)).toBe(0);
    // (The font sets the apostrophe curly, as LaTeX does every ', which pdftotext reads back as ’.)
    const text = spawnSync('pdftotext', [join(dir, 'themes.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ').replace(/’/g, "'");
    expect(text).toContain(said);
  }, 240_000);
});

describe.skipIf(!tools.chromium || !tools.poppler)('the HTML report in Chromium', () => {
  it('loads nothing from outside, prints on A4 with every table inside the page', async () => {
    const { chromium } = await import('playwright-core');
    const dir = tempDir();
    const html = join(dir, 'report.html');
    expect(runCli(['export', 'report', '--study', DEMO, '--by', 'group', '-o', html]).code).toBe(0);
    // A fresh profile each time; the flags keep Chromium from calling home.
    const browser = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      await page.goto(`file://${html}`);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      expect(errors).toEqual([]);
      // Nothing wider than the page on screen either.
      const overflow = await page.evaluate(() => [...document.querySelectorAll('table, figure')].filter((el) => el.scrollWidth > el.clientWidth + 1).length);
      expect(overflow).toBe(0);
      const pdf = join(dir, 'report.pdf');
      await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThan(4);
      expect(Math.round(pages[0]!.width)).toBe(595);
      // @page margins are 16 mm (45 pt).
      expectInsidePages(pages, 40);
      const text = pages.map((p) => p.words.map((w) => w.text).join(' ')).join(' ');
      for (const heading of ['Méthodes', 'Participants', 'Modélisation', 'Saturation', 'Livre', 'Verbatims']) expect(text).toContain(heading);
      expect(await page.evaluate(() => document.querySelectorAll('figure svg').length)).toBe(2);
      expect(renderPng(pdf)).not.toBe('');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
