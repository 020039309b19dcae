/**
 * `codage quotes` on the demo study and on a small hostile one: nested themes, a code nobody
 * used, a quote made of three segments, a participant without the grouping attribute, quotes at
 * the very start and end of a transcript, control characters in the text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, DEMO, runCli, tempDir } from './helpers.js';
import { startCodage } from './support/pty.js';

afterAll(cleanTemps);

const SLOW = 120_000;

interface QuotesJson {
  kind: string;
  name: string;
  path: string[];
  participants: number;
  total: number;
  references: number;
  coders: string[];
  codes: { id: string; name: string }[];
  groups: {
    value: string | null;
    participants: number;
    quoting: number;
    quotes: { participant: string; label: string; coder: string; segments: string[]; pieces: string[]; text: string; exemplary: boolean; memos: string[]; codes: { id: string }[]; context?: { before: string; after: string } }[];
  }[];
}

function json(args: string[]): QuotesJson {
  const r = runCli(['quotes', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as QuotesJson;
}

const P1 = 'Enquêteur : Bonjour.\nP1 : Début du texte ici. Une deuxième phrase. Le milieu \u001b[2Jest là. Encore une. Fin du texte.\n';
const P2 = 'Enquêteur : Et vous ?\nP2 : Je commence. Premier morceau ici. Entre deux. Deuxième morceau là. Encore entre. Troisième morceau enfin. Je finis.\n';

/** Code point offsets of `piece` in `text` (the coder file's unit). */
function at(text: string, piece: string): { start: number; end: number } {
  const i = text.indexOf(piece);
  if (i < 0) throw new Error(`${piece} not in text`);
  return { start: [...text.slice(0, i)].length, end: [...text.slice(0, i)].length + [...piece].length };
}

function segment(id: string, participant: string, text: string, piece: string, codes: string[], extra: Record<string, unknown> = {}): string {
  return `  - ${JSON.stringify({ id, participant, ...at(text, piece), codes, text: piece, ...extra })}\n`;
}

function messyStudy(unknownCode = false): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'transcripts'));
  mkdirSync(join(dir, 'codings'));
  writeFileSync(join(dir, 'codage.yaml'), 'title: Essai\nlanguage: fr\nquote_label: "{id}, {sexe}"\n');
  writeFileSync(join(dir, 'participants.csv'), 'id;sexe\nP1;F\nP2;\n');
  writeFileSync(join(dir, 'transcripts/P1.txt'), P1);
  writeFileSync(join(dir, 'transcripts/P2.txt'), P2);
  writeFileSync(
    join(dir, 'codebook.yaml'),
    `themes:
  - name: Haut
    id: haut
    themes:
      - name: Milieu
        id: milieu
        themes:
          - name: Bas
            id: bas
            codes:
              - name: Profond
                id: profond
                definition: Tout au fond.
        codes:
          - name: Vide
            id: vide
      - name: Extrémités
        id: extremites
        codes:
          - name: Bords
            id: bords
codes:
  - name: Haut
    id: code-haut
`,
  );
  writeFileSync(
    join(dir, 'codings/lea.yaml'),
    `version: 1\ncoder: lea\nsegments:\n${[
      segment('s1', 'P1', P1.slice(P1.indexOf('P1 : ') + 5), 'Début du texte ici.', ['bords'], { exemplary: true }),
      segment('s2', 'P1', P1.slice(P1.indexOf('P1 : ') + 5), 'Fin du texte.', ['bords']),
      segment('s3', 'P1', P1.slice(P1.indexOf('P1 : ') + 5), 'Le milieu \u001b[2Jest là.', ['profond'], { memo: 'mémo \u0007 sonore' }),
      segment('q1', 'P2', P2, 'Premier morceau ici.', ['profond'], { quote: 'Q9' }),
      segment('q2', 'P2', P2, 'Deuxième morceau là.', ['profond'], { quote: 'Q9' }),
      segment('q3', 'P2', P2, 'Troisième morceau enfin.', ['profond', 'bords'], { quote: 'Q9' }),
      ...(unknownCode ? [segment('o1', 'P2', P2, 'Je finis.', ['ancien-code'])] : []),
    ].join('')}`,
  );
  // Offsets above are relative to the turn for P1: make them absolute.
  const file = readFileSync(join(dir, 'codings/lea.yaml'), 'utf8').replace(/"participant":"P1","start":(\d+),"end":(\d+)/g, (_, s: string, e: string) => {
    const shift = [...P1.slice(0, P1.indexOf('P1 : ') + 5)].length;
    return `"participant":"P1","start":${Number(s) + shift},"end":${Number(e) + shift}`;
  }, SLOW);
  writeFileSync(join(dir, 'codings/lea.yaml'), file);
  return dir;
}

describe('codage quotes on the demo study', () => {
  it('lists a code with its place, definition, counts, and the coder exports use', () => {
    const r = runCli(['quotes', 'impuissance', '--study', DEMO, '--lang', 'en'], { env: { NO_COLOR: '1', COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Vécu du médecin › Émotions négatives › Impuissance');
    expect(r.stdout).toContain('Definition: Le médecin dit ne plus savoir quoi proposer');
    expect(r.stdout).toMatch(/11\/12 participants · 21 reference\(s\) · 21 quote\(s\) · coder: marie/);
    expect(r.stdout).toContain('  ★ “Et moi j\'ai l\'impression de… de pas avancer');
    expect(r.stdout).toContain('memo: Formule très proche');
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain('\u001b[');
  }, SLOW);

  it('shows each quote exactly as the coder file holds the transcript text, in interview order', () => {
    const list = json(['Impuissance', '--study', DEMO, '--coder', 'paul']);
    expect(list.coders).toEqual(['paul']);
    const paul = readFileSync(join(DEMO, 'codings/paul.yaml'), 'utf8');
    const quotes = list.groups[0]!.quotes;
    expect(quotes.length).toBeGreaterThan(3);
    for (const q of quotes) {
      for (const [i, id] of q.segments.entries()) {
        expect(paul).toContain(`"id": "${id}"`);
        expect(paul).toContain(JSON.stringify(q.pieces[i]).slice(1, -1));
      }
    }
    const order = ['MG1', 'MG2', 'A1', 'MG3', 'MG4', 'MG5', 'MG6', 'A2', 'MG7', 'MG8', 'MG9', 'MG10'];
    const ranks = quotes.map((q) => order.indexOf(q.participant));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  }, SLOW);

  it('groups by a participant attribute with counts, and lists a theme once per quote', () => {
    const list = json(['Impuissance', '--study', DEMO, '--by', 'sexe']);
    expect(list.groups.map((g) => g.value)).toEqual(['F', 'H']);
    expect(list.groups.reduce((n, g) => n + g.participants, 0)).toBe(12);
    expect(list.groups.reduce((n, g) => n + g.quotes.length, 0)).toBe(21);
    const theme = json(['Émotions négatives', '--study', DEMO]);
    expect(theme.kind).toBe('theme');
    expect(theme.codes.map((c) => c.id)).toEqual(['impuissance', 'epuisement', 'frustration']);
    const keys = theme.groups[0]!.quotes.map((q) => `${q.coder}/${q.segments.join('+')}`);
    expect(new Set(keys).size).toBe(keys.length);
  }, SLOW);

  it('speaks French, and says "did you mean" on a typo (exit 2)', () => {
    const r = runCli(['quotes', 'Impuisance', '--study', DEMO]);
    expect(r.code).toBe(2);
    // French typography in messages: no-break spaces inside the guillemets and before ? and :.
    expect(r.stderr).toContain('à faire\u00a0: vouliez-vous dire «\u00a0Impuissance\u00a0»\u202f?');
    const fr = runCli(['quotes', 'Épuisement', '--study', DEMO, '--context', '1'], { env: { NO_COLOR: '1' } });
    expect(fr.stdout).toContain('«\u00a0');
    expect(fr.stdout).toMatch(/\[…[^\]]+\] «/);
    expect(runCli(['quotes', 'Épuisement', '--study', DEMO, '--context', 'deux']).code).toBe(2);
    // In colour, the context is dimmed instead of bracketed; the quote itself never is.
    const coloured = runCli(['quotes', 'Épuisement', '--study', DEMO, '--context', '1'], { env: { FORCE_COLOR: '1' } }).stdout;
    expect(coloured).toMatch(/\u001b\[2m… [^\u001b]+\u001b\[22m «\u00a0/);
    expect(coloured).not.toContain('[…');
  }, SLOW);
});

describe('codage quotes on a terminal', () => {
  it('dims the context in colour, and brackets it under NO_COLOR', async () => {
    for (const [env, dimmed] of [[{}, true], [{ NO_COLOR: '1' }, false]] as const) {
      const s = startCodage(['quotes', 'Frustration', '--study', DEMO, '--context', '1', '--lang', 'en'], { cols: 80, rows: 24, env });
      let raw = '';
      s.term.onData((data) => {
        raw += data;
      });
      expect(await s.exit).toBe(0);
      expect(/\u001b\[2m… /.test(raw)).toBe(dimmed);
      expect(raw.includes('[… ')).toBe(!dimmed);
      // Fitted to the terminal's 80 columns.
      for (const line of s.screen().split(/\r?\n/)) expect([...line].length).toBeLessThanOrEqual(80);
    }
  }, SLOW);
});

describe('codage quotes on a messy study', () => {
  it('joins a quote of three segments once, with its label, and escapes control characters', () => {
    const dir = messyStudy();
    const r = runCli(['quotes', 'Profond', '--study', dir, '--lang', 'en'], { env: { NO_COLOR: '1', COLUMNS: '80' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Haut › Milieu › Bas › Profond');
    expect(r.stdout).toContain('“Le milieu \\x1b[2Jest là.” (P1, F)');
    expect(r.stdout).toContain('memo: mémo \\x07 sonore');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('“Premier morceau ici. […] Deuxième morceau là. […] Troisième morceau enfin.” (P2)');
    expect(r.stdout).not.toMatch(/[\u0007\u001b]/);
    const list = json(['Profond', '--study', dir]);
    const quotes = list.groups[0]!.quotes;
    expect(quotes).toHaveLength(2);
    expect(quotes[1]!.segments).toEqual(['q1', 'q2', 'q3']);
    expect(list.references).toBe(2);
  }, SLOW);

  it('lists a theme through its nested sub-themes, and a code no segment carries', () => {
    const dir = messyStudy();
    const theme = json(['theme:Haut', '--study', dir]);
    expect(theme.codes.map((c) => c.id)).toEqual(['profond', 'vide', 'bords']);
    // The quote of three segments carries two codes of the theme: listed once, with both.
    const quotes = theme.groups[0]!.quotes;
    expect(quotes).toHaveLength(4);
    expect(quotes.find((q) => q.segments.length === 3)!.codes.map((c) => c.id)).toEqual(['profond', 'bords']);
    const empty = runCli(['quotes', 'Vide', '--study', dir, '--lang', 'en'], { env: { NO_COLOR: '1' } });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('0/2 participants · 0 reference(s) · 0 quote(s)');
    expect(empty.stdout).toContain('No quote: no segment carries this code yet.');
  }, SLOW);

  it("shows the code's or theme's memo under the header, and in --json", () => {
    const dir = messyStudy();
    mkdirSync(join(dir, 'memos/codes'), { recursive: true });
    writeFileSync(join(dir, 'memos/codes/profond.md'), '## 2026-11-30 10:00 — lea\n\nAncienne idée.\n\n## 2026-12-01 09:00 — lea\n\nÀ rapprocher de \u001b[31mBords.\n');
    const r = runCli(['quotes', 'Profond', '--study', dir, '--lang', 'en'], { env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain('Memo (memos/codes/profond.md, latest of 2 entries):\n  À rapprocher de \\x1b[31mBords.\n  (the whole memo: codage memo "Profond")');
    expect(r.stdout).not.toContain('Ancienne idée');
    expect((JSON.parse(runCli(['quotes', 'Profond', '--study', dir, '--json']).stdout) as { memo: { file: string; text: string } }).memo).toEqual({
      file: 'memos/codes/profond.md',
      text: '## 2026-11-30 10:00 — lea\n\nAncienne idée.\n\n## 2026-12-01 09:00 — lea\n\nÀ rapprocher de \u001b[31mBords.\n',
    });
    // The theme's memo is the theme's own, not its codes'.
    expect((JSON.parse(runCli(['quotes', 'theme:Haut', '--study', dir, '--json']).stdout) as { memo: unknown }).memo).toBeNull();
  }, SLOW);

  it('lists the quotes of a code id the coder files use but the codebook lacks', () => {
    const dir = messyStudy(true);
    const r = runCli(['quotes', 'ancien-code', '--study', dir, '--json', '--lang', 'en']);
    expect(r.stderr).toContain('Unknown code `ancien-code`');
    const list = JSON.parse(r.stdout) as QuotesJson;
    expect([list.kind, list.name, list.path, list.references]).toEqual(['code', 'ancien-code', [], 1]);
    expect(list.groups[0]!.quotes.map((q) => q.text)).toEqual(['Je finis.']);
    expect(runCli(['quotes', 'ancien-cod', '--study', dir]).code).toBe(2);
  }, SLOW);

  it('asks which one when a code and a theme share a name', () => {
    const dir = messyStudy();
    const r = runCli(['quotes', 'HAUT', '--study', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a code and a theme are both named "HAUT"');
    expect(r.stderr).toContain('write "code:Haut" or "theme:Haut"');
    // An id is exact: the theme's id names the theme.
    expect(json(['haut', '--study', dir]).kind).toBe('theme');
    expect(json(['code:Haut', '--study', dir]).kind).toBe('code');
    // The codebook edits resolve names the same way.
    expect(runCli(['codebook', 'rename', 'Haut', 'Sommet', '--study', dir, '--lang', 'en']).code).toBe(2);
    expect(runCli(['codebook', 'rename', 'theme:Haut', 'Sommet', '--study', dir, '--lang', 'en']).code).toBe(0);
  }, SLOW);

  it('groups a participant without the attribute apart, and keeps context inside the transcript', () => {
    const dir = messyStudy();
    const list = json(['Bords', '--study', dir, '--by', 'sexe', '--context', '2']);
    expect(list.groups.map((g) => [g.value, g.participants, g.quoting, g.quotes.length])).toEqual([
      ['F', 1, 1, 2],
      ['—', 1, 1, 1],
    ]);
    const [first, last] = list.groups[0]!.quotes;
    // At the start of the transcript, the context before holds the interviewer's question, and stops there.
    expect(first!.context!.before).toBe('Enquêteur : Bonjour.\nP1 : ');
    expect(first!.context!.after).toBe(' Une deuxième phrase. Le milieu \u001b[2Jest là.');
    expect(last!.context!.after).toBe('');
    expect(last!.context!.before).toBe('Le milieu \u001b[2Jest là. Encore une. ');
    const text = runCli(['quotes', 'Bords', '--study', dir, '--by', 'sexe', '--lang', 'en'], { env: { NO_COLOR: '1' } }).stdout;
    expect(text).toContain('sexe = — (not given) · 1 quote(s), 1/1 participant(s)');
  }, SLOW);
});
