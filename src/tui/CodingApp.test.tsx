import { render } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import type { Codebook } from '../core/types.js';
import { CodingApp, CodingScreen, type CodingAppProps, type ScreenSegment } from './CodingApp.js';
import { FakeStdin, FakeStdout, KEYS } from '../../test/support/fake-terminal.js';
import { addCode, makeTranscript, simpleSentences, simpleWordSpans } from '../../test/support/sample-data.js';
import { codebook, idCounter, sentences, TEXT, transcript, wordSpans } from '../../test/support/test-study.js';

const strip = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
const pause = (ms = 25): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Change = Parameters<CodingAppProps['onChange']>[0];
const mounted: { unmount: () => void }[] = [];

afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount();
});

async function open(overrides: Partial<CodingAppProps> = {}, size = { columns: 80, rows: 24 }, switching = false) {
  const stdout = new FakeStdout(size.columns, size.rows);
  const stdin = new FakeStdin();
  const changes: Change[] = [];
  const created: { name: string; themeId: string | null }[] = [];
  const quits: { cursor: number; furthest?: number; read?: { start: number; end: number }[] }[] = [];
  let book: Codebook = codebook;
  const props: CodingAppProps = {
    transcript,
    sentences,
    codebook,
    segments: [],
    coder: 'marie',
    language: 'fr',
    newSegmentId: idCounter(),
    wordSpans,
    onChange: (change) => changes.push(change),
    onCreateCode: (input) => {
      created.push(input);
      const id = `new-${created.length}`;
      book = addCode(book, { id, name: input.name }, input.themeId);
      return { codebook: book, id };
    },
    onQuit: (state) => quits.push(state),
    ...overrides,
  };
  const instance = render(switching ? <CodingScreen first={props} /> : <CodingApp {...props} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  mounted.push(instance);
  await pause();
  const frame = (): string => strip(stdout.lastWrite());
  const press = async (...keys: string[]): Promise<void> => {
    for (const key of keys) {
      // Wait for the key's frame (a loaded machine may take a while); a key that changes
      // nothing on screen leaves after a short while.
      const before = stdout.writes.length;
      stdin.write(key);
      for (let waited = 0; stdout.writes.length === before && waited < 300; waited += 5) await pause(5);
      await pause(10);
    }
  };
  return { stdout, stdin, frame, press, changes, created, quits, instance };
}

function lines(frame: string): string[] {
  return frame.replace(/\n$/, '').split('\n');
}

describe('CodingApp', () => {
  it('says once that its first frame is drawn (work that can wait starts then)', async () => {
    let shown = 0;
    const { frame, press } = await open({ onShown: () => shown++ });
    expect(frame()).toContain('P07 · marie');
    await press(KEYS.down);
    expect(shown).toBe(1);
  });

  it('shows the header, the transcript and the key hints in a frame shorter than the terminal', async () => {
    const { frame } = await open();
    const f = frame();
    expect(f).toContain('P07 · marie');
    expect(f).toContain('Enquêteur : Pouvez-vous me parler');
    expect(f).toContain('P07 : Alors *rire* c');
    expect(f).toContain('? aide');
    expect(f).toContain('l. 1 · phrase 1/7 · Enquêteur');
    expect(lines(f).length).toBeLessThanOrEqual(23);
    for (const line of lines(f)) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('with an empty codebook, the picker says how to create the first code, in its hints too', async () => {
    const empty: Codebook = { themes: [], ungrouped: [], byId: new Map() };
    const { press, frame } = await open({ codebook: empty });
    await press(KEYS.down, KEYS.enter);
    expect(frame()).toContain('Le livre de codes est vide — ⏎ pour créer un premier code');
    expect(frame()).toContain('tapez le nom du code');
    expect(frame()).not.toContain('Tab cocher');
  });

  it('codes the third sentence: ↓ ↓ Enter, "impu", Enter', async () => {
    const { press, frame, changes } = await open();
    await press(KEYS.down, KEYS.down, KEYS.enter);
    expect(frame()).toContain('Coder «\u00a0Je ne sais plus quoi lui proposer.\u00a0»');
    await press('impu');
    expect(frame()).toContain('Impuissance');
    expect(frame()).not.toContain('Frustration');
    await press(KEYS.enter);
    expect(changes).toHaveLength(1);
    const segment = changes[0]?.segments[0] as ScreenSegment;
    expect(TEXT.slice(segment.start, segment.end)).toBe('Je ne sais plus quoi lui proposer.');
    expect(segment.codes).toEqual(['impuissance']);
    expect(changes[0]?.recentCodes).toEqual(['impuissance']);
    expect(frame()).toContain('Impuissance (Vécu du médecin › Émotions négatives)');
    expect(frame()).toContain('1 segment cette séance');
  });

  it('shows a code another command added to codebook.yaml while the screen is open, in the open picker too', async () => {
    let next: Codebook | null = null;
    const { press, frame, changes } = await open({ freshCodebook: () => next });
    await press(KEYS.down, KEYS.down, KEYS.enter, 'kines');
    expect(frame()).not.toContain('Kinésiophobie');
    next = addCode(codebook, { id: 'kinesiophobie', name: 'Kinésiophobie' }, null);
    await pause(2300);
    expect(frame()).toContain('Kinésiophobie');
    next = null;
    await press(KEYS.enter);
    expect(changes.at(-1)?.segments[0]?.codes).toEqual(['kinesiophobie']);
  });

  it('counts every key of a burst, and takes a pasted filter and its Enter', async () => {
    const { press, frame, changes } = await open();
    await press('jjjj');
    expect(frame()).toContain('phrase 5/7');
    await press(`${KEYS.up}${KEYS.up}${KEYS.up}`);
    expect(frame()).toContain('phrase 2/7');
    await press(`j${KEYS.enter}impu${KEYS.enter}`);
    expect(changes.at(-1)?.segments.map((s) => s.codes)).toEqual([['impuissance']]);
    // Backspace in the transcript does not remove the segment; Delete does.
    await press(KEYS.backspace.repeat(3));
    expect(changes).toHaveLength(1);
    await press(KEYS.delete);
    expect(changes.at(-1)?.segments).toEqual([]);
  });

  it('does not move the cursor while typing in the picker', async () => {
    const { press, frame } = await open();
    await press(KEYS.enter, 'jjkk', KEYS.escape);
    expect(frame()).toContain('phrase 1/7');
  });

  it('creates a new code with its theme and applies it', async () => {
    const { press, frame, changes, created } = await open();
    await press(KEYS.down, KEYS.enter, 'Colère du patient');
    expect(frame()).toContain('Aucun code ne correspond');
    await press(KEYS.enter);
    expect(frame()).toContain('Où ranger le nouveau code «\u00a0Colère du patient\u00a0»');
    expect(frame()).toContain('Pas encore regroupé');
    await press('emo', KEYS.enter);
    expect(created).toEqual([{ name: 'Colère du patient', themeId: 'emotions' }]);
    expect(changes.at(-1)?.segments[0]?.codes).toEqual(['new-1']);
    expect(frame()).toContain('Colère du patient (Vécu du médecin › Émotions négatives)');
  });

  it('creates a theme from the theme picker and puts the new code in it', async () => {
    const { press, frame, created } = await open();
    await press(KEYS.down, KEYS.enter, 'Solitude', KEYS.enter, 'Isolement');
    expect(frame()).toContain('⏎ crée le thème «\u00a0Isolement\u00a0»');
    await press(KEYS.ctrlU, 'vecu > Isolement');
    expect(frame()).toContain('⏎ crée «\u00a0Isolement\u00a0» dans «\u00a0Vécu du médecin\u00a0»');
    await press(KEYS.enter);
    expect(created).toEqual([{ name: 'Solitude', themeId: 'vecu', newThemes: ['Isolement'] }]);
  });

  it('offers to remove a code created by mistake once its coding is undone', async () => {
    const removed: string[] = [];
    const { press, frame, changes } = await open({
      onRemoveCode: async (id) => {
        removed.push(id);
        return codebook;
      },
    });
    await press(KEYS.down, KEYS.enter, 'Ironie', KEYS.enter, KEYS.enter);
    expect(changes.at(-1)?.segments[0]?.codes).toEqual(['new-1']);
    await press('u');
    expect(frame()).toContain('Le code «\u00a0Ironie\u00a0», créé pendant cette séance, ne sert plus.');
    expect(frame()).toContain('o oui · n non');
    await press('o');
    expect(removed).toEqual(['new-1']);
    expect(frame()).toContain('Code retiré du livre de codes\u00a0: Ironie');
  });

  it('shows the whole question about removing a new code at 80 columns, up to its question mark', async () => {
    const { press, frame } = await open({ onRemoveCode: async () => codebook });
    await press(KEYS.down, KEYS.enter, 'Consultations en fin de journée', KEYS.enter, KEYS.enter);
    await press('u');
    // In French the question takes three rows at 80 columns: none of it may be hidden.
    expect(frame().replace(/[ \n]+/g, ' ')).toContain('(le codage annulé ne pourra plus être rétabli)\u00a0?');
    expect(frame()).toContain('o oui · n non');
  });

  it('shows why a code could not be created and keeps the name', async () => {
    const { press, frame, changes } = await open({
      onCreateCode: () => {
        throw new Error('codebook.yaml est en lecture seule');
      },
    });
    await press(KEYS.enter, KEYS.ctrlN, 'Ironie', KEYS.enter, KEYS.enter);
    expect(frame()).toContain('codebook.yaml est en lecture seule');
    expect(frame()).toContain('Ironie');
    expect(changes).toEqual([]);
  });

  it('types a memo with accents', async () => {
    const { press, frame, changes } = await open();
    await press(KEYS.down, 'c', '1');
    await press('m');
    expect(frame()).toContain('Mémo du segment');
    await press('t', 'r', 'è', 's', ' ', 'é', 'm', 'u', ',', ' à revoirx', KEYS.backspace, KEYS.enter);
    expect(changes.at(-1)?.segments[0]?.memo).toBe('très ému, à revoir');
    expect(frame()).toContain('✎ Mémo\u00a0: très ému, à revoir');
  });

  it('removes the memo on the transcript, and undoes it, in what it saves', async () => {
    const { press, changes } = await open({ transcriptMemo: 'Entretien par téléphone' });
    await press('M', KEYS.ctrlU, KEYS.enter);
    expect(changes.at(-1)?.transcriptMemo).toBe('');
    await press('u');
    expect(changes.at(-1)?.transcriptMemo).toBe('Entretien par téléphone');
    await press(KEYS.ctrlR);
    expect(changes.at(-1)?.transcriptMemo).toBe('');
  });

  it('shows the study’s memo on the transcript under an uncoded sentence, and a code’s memo in the picker', async () => {
    const memos = { codes: new Map([['frustration', 'Proche de l’impuissance ? Comparer MG3 et MG5.']]), transcript: 'Entretien écourté par une visite.' };
    const { press, frame } = await open({ memos });
    await press(KEYS.down);
    expect(frame()).toContain('✎ Mémo\u00a0: Entretien écourté par une visite.');
    await press(KEYS.enter, 'frust');
    expect(frame()).toContain('✎ Proche de l’impuissance ? Comparer MG3 et MG5.');
    await press(KEYS.escape, KEYS.escape, 'c', '1');
    // Under a coded segment the panel shows the segment, not the transcript's memo.
    expect(frame()).not.toContain('Entretien écourté');
  });

  it('selects with Shift+arrows and codes the selection', async () => {
    const { press, frame, changes } = await open();
    await press(KEYS.down, KEYS.down, KEYS.shiftDown);
    expect(frame()).toContain('Sélection\u00a0: 11 mots');
    await press(KEYS.shiftLeft, KEYS.enter, 'epuis', KEYS.enter);
    const segment = changes[0]?.segments[0] as ScreenSegment;
    expect(TEXT.slice(segment.start, segment.end)).toBe('Je ne sais plus quoi lui proposer. On se sent');
  });

  it('says when a selection runs over another speaker’s turn, and does not count labels as words', async () => {
    const { press, frame } = await open();
    await press(KEYS.down, KEYS.down, KEYS.shiftDown, KEYS.shiftDown);
    expect(frame()).toMatch(/Sélection\u00a0: \d+ mots, 2 locuteurs \(P07, Enquêteur\) — ⏎ pour coder/);
  });

  it('previews a selection over two speaker turns cut between whole words, in the picker’s title', async () => {
    for (const columns of [60, 80]) {
      const { press, frame } = await open({}, { columns, rows: 24 });
      await press(KEYS.down, KEYS.down, KEYS.shiftDown, KEYS.shiftDown, KEYS.shiftDown, KEYS.enter);
      const title = lines(frame()).find((l) => l.startsWith('Coder «'))!;
      const [head, tail] = title.slice('Coder «\u00a0'.length, -'\u00a0»'.length).split(' […] ');
      // Both ends are whole words of the passage: `Je ne sais plus quoi`, `Les délais sont très longs.`, never `ais sont…`.
      const passage = TEXT.slice(TEXT.indexOf('Je ne sais'), TEXT.indexOf('longs.') + 'longs.'.length).replace(/\s+/g, ' ');
      expect(passage.startsWith(`${head} `), title).toBe(true);
      expect(passage.endsWith(` ${tail}`), title).toBe(true);
      expect(title.length).toBeLessThanOrEqual(columns);
    }
  });

  it('removes a segment and undoes the removal', async () => {
    const { press, changes } = await open();
    await press(KEYS.down, KEYS.enter, KEYS.enter);
    expect(changes.at(-1)?.segments).toHaveLength(1);
    await press('x');
    expect(changes.at(-1)?.segments).toHaveLength(0);
    await press('u');
    expect(changes.at(-1)?.segments).toHaveLength(1);
    await press(KEYS.ctrlR);
    expect(changes.at(-1)?.segments).toHaveLength(0);
  });

  it('opens and closes the help', async () => {
    const { press, frame } = await open();
    await press('?');
    expect(frame()).toContain('Touches du codage');
    expect(frame()).toContain('phrase suivante, précédente');
    await press(KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown, KEYS.pageDown);
    expect(frame()).toContain('verbatim exemplaire');
    await press(KEYS.escape);
    expect(frame()).not.toContain('Touches du codage');
    expect(frame()).toContain('Enquêteur : Pouvez-vous');
  });

  it('shows notices first', async () => {
    const { press, frame } = await open({ notices: ['2 segments ont été ré-ancrés après une correction du texte.'] });
    expect(frame()).toContain('À savoir avant de commencer');
    expect(frame()).toContain('ré-ancrés');
    await press(KEYS.down);
    expect(frame()).toContain('Enquêteur : Pouvez-vous');
    expect(frame()).toContain('phrase 1/7');
  });

  it('searches without accents', async () => {
    const { press, frame } = await open();
    await press('/', 'delais', KEYS.enter);
    expect(frame()).toContain('«\u00a0delais\u00a0»\u00a0: 1/1');
    expect(frame()).toContain('phrase 6/7');
  });

  it('finds an emoji in a participant’s answer, and selects it', async () => {
    const t = makeTranscript('Enquêteur : Et vos patients ?\nMG2 : Une patiente m’a dit merci 😊 la semaine dernière. Un autre m’a fait un 👍🏻 en partant.\n', 'MG2');
    const { press, frame } = await open({ transcript: t, sentences: simpleSentences(t.text, t.turns), wordSpans: simpleWordSpans(t.text) });
    await press('/', '👍', KEYS.enter);
    expect(frame()).toContain('«\u00a0👍\u00a0»\u00a0: 1/1');
    expect(frame()).toContain('phrase 3/3');
    // The emoji found is what is named under the text, not the word after it.
    expect(frame()).toContain('Mot «\u00a0👍🏻\u00a0»');
    await press('/', 'merci 😊', KEYS.enter);
    expect(frame()).toContain('«\u00a0merci 😊\u00a0»\u00a0: 1/1');
    await press('v', KEYS.enter);
    expect(frame()).toContain('Coder «\u00a0merci 😊\u00a0»');
  });

  it('keeps the word found in sight in a sentence taller than the screen', async () => {
    const long = `${Array.from({ length: 60 }, (_, i) => `on voit le patient numéro ${i} qui revient`).join(', ')}, et le soir je suis vidée, voilà.`;
    const t = makeTranscript(`Enquêteur : Alors ?\nMG2 : ${long}\n`, 'MG2');
    const { press, frame } = await open({ transcript: t, sentences: simpleSentences(t.text, t.turns), wordSpans: simpleWordSpans(t.text) });
    expect(frame()).not.toContain('vidée');
    await press('/', 'vidée', KEYS.enter);
    expect(frame()).toContain('«\u00a0vidée\u00a0»\u00a0: 1/1');
    expect(frame()).toContain('je suis vidée');
  });

  it('pages through a sentence taller than the screen before moving on, and back', async () => {
    const long = `${Array.from({ length: 60 }, (_, i) => `on voit le patient numéro ${i} qui revient`).join(', ')}, et le soir je suis vidée, voilà.`;
    const t = makeTranscript(`Enquêteur : Alors ?\nMG2 : ${long}\nEnquêteur : Et ensuite ?\n`, 'MG2');
    const { press, frame } = await open({ transcript: t, sentences: simpleSentences(t.text, t.turns), wordSpans: simpleWordSpans(t.text) });
    await press(KEYS.down);
    expect(frame()).toContain('phrase 2/3');
    expect(frame()).not.toContain('numéro 40 ');
    // Each page shows text further into the sentence; the cursor stays on it until its end shows.
    const seen: string[] = [];
    for (let page = 0; page < 8 && !frame().includes('vidée'); page++) {
      await press(KEYS.pageDown);
      expect(frame()).toContain('phrase 2/3');
      seen.push(frame());
    }
    expect(frame()).toContain('je suis vidée');
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.some((f) => f.includes('numéro 40 '))).toBe(true);
    await press(KEYS.pageDown);
    expect(frame()).toContain('phrase 3/3');
    // Up again: the sentence's pages in turn, up to its beginning.
    await press(KEYS.pageUp);
    expect(frame()).toContain('phrase 2/3');
    for (let page = 0; page < 8 && !frame().includes('numéro 0 '); page++) await press(KEYS.pageUp);
    expect(frame()).toContain('MG2 : on voit le patient numéro 0 ');
    expect(frame()).toContain('phrase 2/3');
    await press(KEYS.pageUp);
    expect(frame()).toContain('phrase 1/3');
  });

  it('puts the word cursor on the page shown of a sentence taller than the screen, not back at its top', async () => {
    const long = `${Array.from({ length: 60 }, (_, i) => `on voit le patient numéro ${i} qui revient`).join(', ')}, et le soir je suis vidée, voilà.`;
    const t = makeTranscript(`Enquêteur : Alors ?\nMG2 : ${long}\nEnquêteur : Et ensuite ?\n`, 'MG2');
    const { press, frame } = await open({ transcript: t, sentences: simpleSentences(t.text, t.turns), wordSpans: simpleWordSpans(t.text) });
    await press(KEYS.down, KEYS.pageDown, KEYS.pageDown);
    const page = frame();
    expect(page).not.toContain('numéro 0 ');
    // w: the first word of the page read, which stays in sight; b: the last word of the page.
    await press('w');
    expect(frame()).not.toContain('numéro 0 ');
    const word = /Mot «\u00a0(\S+)\u00a0»/.exec(frame())?.[1];
    const rows = page.split('\n');
    const firstTextRow = rows.findIndex((row) => row.includes('numéro'));
    expect(rows[firstTextRow]?.slice(3).trim().startsWith(word ?? '?')).toBe(true);
    await press(KEYS.escape, 'b');
    expect(frame()).not.toContain('numéro 0 ');
    expect(frame()).not.toContain('Alors ?');
  });

  it('counts a sentence taller than the screen as read as its pages come into sight, not all at once', async () => {
    const long = `${Array.from({ length: 60 }, (_, i) => `on voit le patient numéro ${i} qui revient`).join(', ')}, et le soir je suis vidée, voilà.`;
    const t = makeTranscript(`Enquêteur : Alors ?\nMG2 : ${long}\nEnquêteur : Et ensuite ?\n`, 'MG2');
    const { press, frame, quits } = await open({ transcript: t, sentences: simpleSentences(t.text, t.turns), wordSpans: simpleWordSpans(t.text) });
    const read = (): number => Number(/lu (\d+)/.exec(frame())?.[1]);
    expect(read()).toBeLessThan(5);
    await press(KEYS.tab);
    expect(frame()).toContain('phrase 2/3');
    // Its first screen only: about half of it.
    const shares = [read()];
    expect(shares[0]).toBeGreaterThan(20);
    expect(shares[0]).toBeLessThan(70);
    while (!frame().includes('vidée')) {
      await press(KEYS.pageDown);
      shares.push(read());
    }
    for (let i = 1; i < shares.length; i++) {
      expect(shares[i]).toBeGreaterThan(shares[i - 1]!);
      expect(shares[i]! - shares[i - 1]!).toBeLessThan(50);
    }
    expect(shares.at(-1)).toBeGreaterThan(95);
    // What is remembered is what was read: the whole answer now, and not the question after it.
    await press('q');
    const end = t.text.indexOf('voilà.') + 'voilà.'.length;
    expect(quits[0]?.read).toEqual([{ start: t.text.indexOf('Alors'), end }]);
  });

  it('counts as read the short sentences a page down passes over, which the screen showed', async () => {
    const answer = (n: number) => Array.from({ length: 6 }, (_, i) => `Oui ${n}.${i}. Bon.`).join(' ');
    const text = Array.from({ length: 12 }, (_, n) => `Enquêteur : Et ${n} ?\nMG2 : ${answer(n)}\n`).join('');
    const t = makeTranscript(text, 'MG2');
    const { press, frame, quits } = await open({ transcript: t, sentences: simpleSentences(t.text, t.turns), wordSpans: simpleWordSpans(t.text) });
    const read = (): number => Number(/lu (\d+)/.exec(frame())?.[1]);
    const before = read();
    await press(KEYS.pageDown);
    const once = read();
    await press(KEYS.pageDown);
    // Every row between where the cursor was and where it went was on screen, on one page or the other.
    expect(once).toBeGreaterThan(before + 20);
    expect(read()).toBeGreaterThan(once + 20);
    await press('q');
    const spans = quits[0]?.read ?? [];
    expect(spans).toHaveLength(1);
    expect(spans[0]!.start).toBe(text.indexOf('Et 0'));
    expect(spans[0]!.end).toBeGreaterThan(text.length / 2);
  });

  it.each(['fr', 'en'] as const)('says every hint and status line whole at 80 columns (%s), the name typed in full', async (language) => {
    const { press, frame } = await open({ language, coder: 'marie-charlotte' });
    const wide = (): string[] => lines(frame()).filter((line) => [...line].length > 80);
    const q = (text: string): string => (language === 'fr' ? `«\u00a0${text}\u00a0»` : `"${text}"`);
    // The header after a save: whole parts only (the save time is left out, not cut).
    await press(KEYS.down, KEYS.down, KEYS.enter, 'impu', KEYS.enter);
    const header = lines(frame())[0] ?? '';
    expect(header).toContain(language === 'fr' ? '1 segment cette séance' : '1 segment this session');
    expect(header).not.toContain('…');
    // The word found, under the text.
    await press('/', 'antidouleur', KEYS.enter);
    expect(frame()).toContain(
      language === 'fr'
        ? 'Mot «\u00a0antidouleur\u00a0» — v sélectionne à partir de ce mot, ⏎ code la phrase'
        : 'Word "antidouleur" — v to select from this word, ⏎ to code the sentence',
    );
    // A new code's long name: what Enter creates, with the name whole.
    const name = 'Sentiment d’abandon face aux délais longs et absurdes';
    await press(KEYS.enter, name);
    expect(frame()).toContain(language === 'fr' ? `⏎ crée le code ${q(name)}` : `⏎ creates the code ${q(name)}`);
    // Its new theme under a theme: the existing path shortened, the new theme's name whole.
    await press(KEYS.ctrlN);
    // The question keeps both ends of the name and its question mark.
    expect(frame()).toMatch(language === 'fr' ? /Où ranger le nouveau code «\u00a0Sentiment d.*….*absurdes\u00a0»\u00a0\?/u : /Where does the new code "Sentiment d.*….*absurdes" go\?/u);
    await press('Vécu du médecin > Émotions négatives > Abandon par le système de soins');
    expect(frame()).toContain(
      language === 'fr'
        ? `⏎ crée ${q('Abandon par le système de soins')} dans «\u00a0… › Émotions négatives\u00a0»`
        : `⏎ creates ${q('Abandon par le système de soins')} in "… › Émotions négatives"`,
    );
    expect(wide()).toEqual([]);
    await press(KEYS.escape, KEYS.escape);
    // Every hit of a search, reviewed: what to do is said.
    await press('/', 'sais plus quoi', KEYS.enter, 'A');
    expect(frame()).toContain(language === 'fr' ? 'cochée(s), décochez les fausses' : 'ticked, untick the false ones');
    expect(frame()).toContain(q('sais plus quoi'));
    expect(wide()).toEqual([]);
  });

  it('names every code of a segment at 80 columns, their themes shortened from the top', async () => {
    const s2 = sentences[2]!;
    const { press, frame } = await open({ segments: [{ id: 'a', start: s2.start, end: s2.end, codes: ['impuissance', 'delais'] }] });
    await press(KEYS.down, KEYS.down);
    expect(frame()).toContain('▸ Impuissance (… › Émotions négatives) · Délais d’accès (Coordination des soins)');
  });

  it.each(['fr', 'en'] as const)('on a coded passage, its key hints at 80 columns say how to change, remove, annotate or mark the segment (%s)', async (language) => {
    const s2 = sentences[2]!;
    const { press, frame } = await open({ language, segments: [{ id: 'a', start: s2.start, end: s2.end, codes: ['impuissance'] }] });
    const hints = (): string => lines(frame()).at(-1) ?? '';
    expect(hints()).not.toMatch(/^e /);
    await press(KEYS.down, KEYS.down);
    expect(hints()).toMatch(language === 'fr' ? /^e codes · x retirer · m mémo · \* exemplaire · .* · q quitter$/ : /^e codes · x remove · m memo · \* exemplary · .* · q quit$/);
    expect([...hints()].length).toBeLessThanOrEqual(80);
    await press(KEYS.down);
    expect(hints()).not.toMatch(/^e /);
  });

  it('follows the terminal size', async () => {
    const { stdout, frame } = await open();
    stdout.resize(50, 16);
    await pause();
    const f = lines(frame());
    expect(f.length).toBeLessThanOrEqual(15);
    for (const line of f) expect([...line].length).toBeLessThanOrEqual(50);
    expect(frame()).toContain('Enquêteur : Pouvez-vous me');
  });

  it('keeps the codings and says so when saving fails, then quits on the second q', async () => {
    let fail = true;
    const { press, frame, quits } = await open({
      onChange: () => {
        if (fail) throw new Error('disque plein');
      },
    });
    await press(KEYS.down, KEYS.enter, KEYS.enter);
    expect(frame()).toContain('NON ENREGISTRÉ');
    expect(frame()).toContain('disque plein');
    expect(frame()).toContain('Impuissance');
    await press('q');
    expect(quits).toEqual([]);
    expect(frame()).toContain('q\u00a0: quitter sans enregistrer');
    fail = true;
    await press('q');
    expect(quits).toEqual([{ cursor: sentences[1]?.start, furthest: sentences[1]?.end, read: [{ start: sentences[0]?.start, end: sentences[1]?.end }] }]);
  });

  it('quits with q, giving the cursor offset', async () => {
    const { press, quits } = await open({ initialCursor: TEXT.indexOf('On se sent') });
    await press(KEYS.down, 'q');
    const accord = TEXT.indexOf("D'accord");
    expect(quits).toEqual([{ cursor: accord, furthest: accord + "D'accord.".length, read: [{ start: TEXT.indexOf('On se sent'), end: accord + "D'accord.".length }] }]);
  });

  it('quits with Ctrl-C from the picker', async () => {
    const { press, quits } = await open();
    await press(KEYS.enter, KEYS.ctrlC);
    expect(quits).toHaveLength(1);
  });

  it('remembers the position with every change, and a second after the cursor rests', async () => {
    const positions: { cursor: number }[] = [];
    const { press } = await open({ onPosition: (p) => positions.push(p) });
    await press(KEYS.down, KEYS.enter, KEYS.enter);
    expect(positions.at(-1)?.cursor).toBe(sentences[1]?.start);
    const before = positions.length;
    await press(KEYS.down, KEYS.down);
    expect(positions).toHaveLength(before);
    await pause(1100);
    expect(positions).toHaveLength(before + 1);
    expect(positions.at(-1)?.cursor).toBe(sentences[3]?.start);
  });

  it('lists the transcripts with this coder’s progress, and opens another one', async () => {
    const other = makeTranscript('Enquêteur : Bonjour.\nMG2 : Les délais sont longs. Très longs.\n', 'MG2');
    const opened: string[] = [];
    const listTranscripts = () => [
      { id: 'P07', read: 0.14, coded: 0, segments: 0 },
      { id: 'MG2', read: 1, coded: 0.5, segments: 3 },
    ];
    const { press, frame } = await open(
      {
        listTranscripts,
        onOpenTranscript: (id) => {
          opened.push(id);
          return {
            transcript: other,
            sentences: simpleSentences(other.text, other.turns),
            codebook,
            segments: [],
            coder: 'marie',
            language: 'fr',
            newSegmentId: idCounter(),
            wordSpans: simpleWordSpans(other.text),
            onChange: () => undefined,
            onCreateCode: () => ({ codebook, id: 'x' }),
            onQuit: () => undefined,
          };
        },
      },
      undefined,
      true,
    );
    await press('t');
    expect(frame()).toContain('Ouvrir quel entretien');
    expect(frame()).toMatch(/P07 +ouvert · lu 14\u202f% · codé 0\u202f% · 0 segment/);
    expect(frame()).toMatch(/MG2 +lu 100\u202f% · codé 50\u202f% · 3 segments/);
    await press('mg', KEYS.enter);
    await pause(60);
    expect(opened).toEqual(['MG2']);
    expect(frame()).toContain('MG2 · marie');
    expect(frame()).toContain('Les délais sont longs.');
  });

  it('keeps each transcript’s undo while another one is open (t), and undoes there on coming back', async () => {
    const other = makeTranscript('Enquêteur : Bonjour.\nMG2 : Les délais sont longs. Très longs.\n', 'MG2');
    const saved = new Map<string, ScreenSegment[]>();
    const listTranscripts = () => [
      { id: 'P07', read: 0, coded: 0, segments: 0 },
      { id: 'MG2', read: 0, coded: 0, segments: 0 },
    ];
    const propsFor = (id: string): CodingAppProps => {
      const t = id === 'MG2' ? other : transcript;
      return {
        transcript: t,
        sentences: id === 'MG2' ? simpleSentences(other.text, other.turns) : sentences,
        codebook,
        segments: saved.get(id) ?? [],
        coder: 'marie',
        language: 'fr',
        newSegmentId: idCounter(),
        wordSpans: id === 'MG2' ? simpleWordSpans(other.text) : wordSpans,
        onChange: (change) => saved.set(id, change.segments),
        onCreateCode: () => ({ codebook, id: 'x' }),
        onQuit: () => undefined,
        listTranscripts,
        onOpenTranscript: propsFor,
      };
    };
    const { press, frame } = await open(propsFor('P07'), undefined, true);
    await press(KEYS.down, 'c', '1');
    expect(saved.get('P07')).toHaveLength(1);
    await press('t', 'mg', KEYS.enter);
    await pause(60);
    expect(frame()).toContain('MG2 · marie');
    await press('u');
    expect(saved.get('P07')).toHaveLength(1);
    await press('t', 'p07', KEYS.enter);
    await pause(60);
    expect(frame()).toContain('P07 · marie');
    expect(frame()).toContain('1 segment');
    await press('u');
    expect(saved.get('P07')).toEqual([]);
  });

  it('speaks English', async () => {
    const { frame, press } = await open({ language: 'en' });
    expect(frame()).toContain('? help');
    await press(KEYS.enter);
    expect(frame()).toContain('Code "Pouvez-vous me parler de votre dernier patient ?"');
  });
});
