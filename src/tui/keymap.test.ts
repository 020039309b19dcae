import { describe, expect, it } from 'vitest';
import { feedInput, keyToAction, mouseToAction, NO_KEY, pageTarget, type KeyInfo } from './keymap.js';
import { layoutText } from './layout.js';
import { addCode, makeTranscript, simpleSentences, simpleWordSpans } from '../../test/support/sample-data.js';
import { initSession, reduce, type SessionState } from './session.js';
import { screenStrings } from './strings.js';
import { codebook, idCounter, sentences, TEXT, transcript, wordSpans } from '../../test/support/test-study.js';

const state = initSession({ transcript, sentences, codebook, segments: [], language: 'fr', newSegmentId: idCounter(), wordSpans });
const ctx = { layout: layoutText(TEXT, 30), viewRows: 4 };
const key = (k: Partial<KeyInfo>): KeyInfo => ({ ...NO_KEY, ...k });
const act = (s: SessionState, input: string, k: Partial<KeyInfo> = {}) => keyToAction(s, input, key(k), ctx);

describe('keyToAction', () => {
  it('maps vim-like and arrow keys to the same moves', () => {
    expect(act(state, 'j')).toEqual({ type: 'move', unit: 'sentence', dir: 1 });
    expect(act(state, '', { downArrow: true })).toEqual({ type: 'move', unit: 'sentence', dir: 1 });
    expect(act(state, 'k')).toEqual(act(state, '', { upArrow: true }));
    expect(act(state, 'J', { shift: true })).toEqual({ type: 'move', unit: 'turn', dir: 1 });
    expect(act(state, 'g')).toEqual({ type: 'top' });
    expect(act(state, 'G', { shift: true })).toEqual({ type: 'bottom' });
    expect(act(state, '', { tab: true })).toEqual({ type: 'nextUncoded', dir: 1 });
    expect(act(state, '', { tab: true, shift: true })).toEqual({ type: 'nextUncoded', dir: -1 });
  });

  it('moves the word cursor with w, b, → and l, which never select in reading', () => {
    expect(act(state, 'w')).toEqual({ type: 'word', dir: 1 });
    expect(act(state, 'l')).toEqual({ type: 'word', dir: 1 });
    expect(act(state, '', { rightArrow: true })).toEqual({ type: 'word', dir: 1 });
    expect(act(state, 'b')).toEqual({ type: 'word', dir: -1 });
    expect(act(state, '', { leftArrow: true })).toEqual({ type: 'word', dir: -1 });
    expect(act(state, '5')).toEqual({ type: 'count', digit: 5 });
    expect(act(state, '0')).toBeNull();
    expect(act({ ...state, count: 1 }, '0')).toEqual({ type: 'count', digit: 0 });
    expect(act(state, '$')).toEqual({ type: 'extend', unit: 'turn', dir: 1, side: 'end' });
    expect(act(state, '^')).toEqual({ type: 'extend', unit: 'turn', dir: -1, side: 'start' });
    expect(act(state, 'b', { ctrl: true })).toEqual(act(state, '', { pageUp: true }));
    const selecting = reduce(state, { type: 'select' });
    expect(act(selecting, 'w')).toEqual({ type: 'extend', unit: 'word', dir: 1 });
    expect(act(selecting, 'e')).toEqual({ type: 'extend', unit: 'word', dir: 1 });
    expect(act(selecting, 'b')).toEqual({ type: 'extend', unit: 'word', dir: -1 });
  });

  it('reads a click and a drag on the transcript as text offsets', () => {
    const mouseCtx = { ...ctx, top: 0, viewRow: 3 };
    const first = ctx.layout.rowStart[0] ?? 0;
    expect(mouseToAction(state, { kind: 'press', button: 0, x: 4, y: 3 }, mouseCtx)).toEqual({ type: 'mouse', kind: 'press', offset: first });
    expect(mouseToAction(state, { kind: 'drag', button: 0, x: 6, y: 4 }, mouseCtx)).toEqual({ type: 'mouse', kind: 'drag', offset: (ctx.layout.rowStart[1] ?? 0) + 2 });
    // Outside the transcript rows: no offset; a right click: nothing.
    expect(mouseToAction(state, { kind: 'press', button: 0, x: 4, y: 1 }, mouseCtx)).toEqual({ type: 'mouse', kind: 'press', offset: null });
    expect(mouseToAction(state, { kind: 'press', button: 2, x: 4, y: 3 }, mouseCtx)).toBeNull();
    expect(mouseToAction(state, { kind: 'wheel-down', button: 0, x: 4, y: 3 }, mouseCtx)).toEqual({ type: 'move', unit: 'sentence', dir: 1 });
    expect(mouseToAction(reduce(state, { type: 'openPicker' }), { kind: 'press', button: 0, x: 4, y: 3 }, mouseCtx)).toBeNull();
  });

  it('extends with Shift+arrows, and with hjkl once selecting', () => {
    expect(act(state, '', { downArrow: true, shift: true })).toEqual({ type: 'extend', unit: 'sentence', dir: 1 });
    expect(act(state, '', { leftArrow: true, shift: true })).toEqual({ type: 'extend', unit: 'word', dir: -1 });
    const selecting = reduce(state, { type: 'select' });
    expect(act(selecting, 'j')).toEqual({ type: 'extend', unit: 'sentence', dir: 1 });
    expect(act(selecting, 'l')).toEqual({ type: 'extend', unit: 'word', dir: 1 });
    expect(act(selecting, 'K', { shift: true })).toEqual({ type: 'extend', unit: 'turn', dir: -1 });
    expect(act(selecting, 'o')).toEqual({ type: 'swapEnds' });
  });

  it('sends letters to the picker query, not to the transcript', () => {
    const picking = reduce(state, { type: 'openPicker' });
    expect(act(picking, 'j')).toEqual({ type: 'pickerType', text: 'j' });
    expect(act(picking, 'é')).toEqual({ type: 'pickerType', text: 'é' });
    expect(act(picking, ' ')).toEqual({ type: 'pickerToggle' });
    expect(act(picking, '3')).toEqual({ type: 'pickerQuick', n: 3 });
    expect(act(picking, '', { tab: true })).toEqual({ type: 'pickerToggle' });
    expect(act(picking, '3', { meta: true })).toEqual({ type: 'pickerQuick', n: 3 });
    // Once a filter is typed, Space and digits are text; Tab and Alt+digit still act.
    const filtering = reduce(picking, { type: 'pickerType', text: 'palier' });
    expect(act(filtering, ' ')).toEqual({ type: 'pickerType', text: ' ' });
    expect(act(filtering, '1')).toEqual({ type: 'pickerType', text: '1' });
    expect(act(filtering, '+')).toEqual({ type: 'pickerType', text: '+' });
    expect(act(filtering, '', { tab: true })).toEqual({ type: 'pickerToggle' });
    expect(act(filtering, '2', { meta: true })).toEqual({ type: 'pickerQuick', n: 2 });
    expect(act(filtering, 'w', { ctrl: true })).toEqual({ type: 'pickerEraseWord' });
    expect(act(filtering, 'u', { ctrl: true })).toEqual({ type: 'pickerClear' });
    expect(act(picking, 'n', { ctrl: true })).toEqual({ type: 'pickerNewCode' });
    expect(act(picking, '', { delete: true })).toEqual({ type: 'pickerErase' });
    expect(act(picking, '', { escape: true })).toEqual({ type: 'pickerClose' });
    expect(act(picking, 'q')).toEqual({ type: 'pickerType', text: 'q' });
  });

  it('filters the transcript list with digits too (ids are P3, MG12, 14…); Alt+digit still picks', () => {
    const entries = ['P1', 'P2', 'P12'].map((id) => ({ id, read: 0, coded: 0, segments: 0 }));
    const listing = reduce(state, { type: 'transcriptsListed', entries });
    expect(listing.picker?.purpose).toBe('transcript');
    expect(act(listing, '1')).toEqual({ type: 'pickerType', text: '1' });
    expect(act(listing, '2', { meta: true })).toEqual({ type: 'pickerQuick', n: 2 });
    // Typed « 12 »: the list keeps P12 alone.
    const typed = reduce(reduce(listing, { type: 'pickerType', text: '1' }), { type: 'pickerType', text: '2' });
    expect(typed.picker?.items.map((item) => item.id)).toEqual(['P12']);
  });

  it('lets prompts take spaces, digits and accents', () => {
    const prompting = reduce(state, { type: 'memoTranscript' });
    expect(act(prompting, ' ')).toEqual({ type: 'promptType', text: ' ' });
    expect(act(prompting, '5')).toEqual({ type: 'promptType', text: '5' });
    expect(act(prompting, 'à revoir')).toEqual({ type: 'promptType', text: 'à revoir' });
    expect(act(prompting, '', { backspace: true })).toEqual({ type: 'promptErase' });
    expect(act(prompting, '', { return: true })).toEqual({ type: 'promptConfirm' });
    expect(act(prompting, 'u', { ctrl: true })).toEqual({ type: 'promptClear' });
  });

  it('quits with q in the transcript and Ctrl-C anywhere', () => {
    expect(act(state, 'q')).toEqual({ type: 'quit' });
    expect(act(reduce(state, { type: 'openPicker' }), 'c', { ctrl: true })).toEqual({ type: 'quit' });
    expect(act(reduce(state, { type: 'help' }), 'q')).toEqual({ type: 'dismiss' });
  });

  it('maps undo, redo and the segment keys', () => {
    expect(act(state, 'u')).toEqual({ type: 'undo' });
    expect(act(state, 'z')).toEqual({ type: 'undo' });
    expect(act(state, 'r', { ctrl: true })).toEqual({ type: 'redo' });
    expect(act(state, 'Z', { shift: true })).toEqual({ type: 'redo' });
    expect(act(state, 'x')).toEqual({ type: 'removeSegment' });
    expect(act(state, '', { delete: true })).toEqual({ type: 'removeSegment' });
    // Backspace is not Delete: it removes nothing in the transcript.
    expect(act(state, '', { backspace: true })).toBeNull();
    expect(act(state, 'e')).toEqual({ type: 'editSegment' });
    expect(act(state, 'm')).toEqual({ type: 'memoSegment' });
    expect(act(state, 'M', { shift: true })).toEqual({ type: 'memoTranscript' });
    expect(act(state, '*')).toEqual({ type: 'toggleExemplary' });
    expect(act(state, 's')).toEqual({ type: 'cycleSegment' });
    expect(act(state, '/')).toEqual({ type: 'openSearch' });
    expect(act(state, ':')).toEqual({ type: 'openGoto' });
    expect(act(state, '?')).toEqual({ type: 'help' });
  });

  it('pages by about a screen of rows', () => {
    const down = pageTarget(state, ctx, 1);
    expect(down).toBeGreaterThan(state.cursor);
    const back = pageTarget({ ...state, cursor: down }, ctx, -1);
    expect(back).toBeLessThan(down);
    expect(act(state, '', { pageDown: true })).toEqual({ type: 'moveTo', sentence: down });
    expect(act(state, ' ')).toEqual({ type: 'moveTo', sentence: down });
  });

  it('scrolls the window a page with the cursor, within the text', () => {
    const rows = ctx.layout.count;
    const shown = { ...ctx, top: 0 };
    const top = Math.min(2, rows - 4);
    // With the text the new page shows, where the sentences passed over are read.
    const shows = { start: ctx.layout.rowStart[top]!, end: ctx.layout.rowEnd[Math.min(rows, top + 4) - 1]! };
    expect(keyToAction(state, '', key({ pageDown: true }), shown)).toEqual({ type: 'moveTo', sentence: pageTarget(state, shown, 1), top, shows });
    const end = { ...ctx, top: rows - 4 };
    expect(keyToAction(state, '', key({ pageDown: true }), end)).toMatchObject({ top: rows - 4 });
    expect(keyToAction(state, '', key({ pageUp: true }), { ...ctx, top: 1 })).toMatchObject({ top: 0 });
  });

  it('scrolls through a sentence taller than the window before going to the next one', () => {
    const long = `${Array.from({ length: 30 }, (_, i) => `on voit le patient ${i}`).join(', ')}.`;
    const t = makeTranscript(`Enquêteur : Alors ?\nMG2 : ${long}\nEnquêteur : Et ensuite ?\n`, 'MG2');
    const s = reduce(initSession({ transcript: t, sentences: simpleSentences(t.text, t.turns), codebook, segments: [], language: 'fr', newSegmentId: idCounter(), wordSpans: simpleWordSpans(t.text) }), { type: 'move', unit: 'sentence', dir: 1 });
    const layout = layoutText(t.text, 30);
    const tall = { layout, viewRows: 6, top: 1 };
    // Its end is below the window: the text scrolls a page, the cursor stays.
    expect(keyToAction(s, '', key({ pageDown: true }), tall)).toEqual({ type: 'moveTo', sentence: 1, top: 5 });
    // Its end on screen: on to the next sentence.
    const end = { ...tall, top: layout.count - 6 };
    expect(keyToAction(s, '', key({ pageDown: true }), end)).toMatchObject({ sentence: 2 });
    // Up: through it to its beginning, then to the sentence before.
    expect(keyToAction(s, '', key({ pageUp: true }), end)).toEqual({ type: 'moveTo', sentence: 1, top: layout.count - 10 });
    expect(keyToAction(s, '', key({ pageUp: true }), tall)).toMatchObject({ sentence: 0, top: 0 });
  });
});

describe('feedInput', () => {
  const feed = (s: SessionState, raw: string) => feedInput(s, raw, ctx, reduce);
  const withPaliers = initSession({
    transcript,
    sentences,
    codebook: addCode(addCode(codebook, { id: 'palier-1', name: 'Antalgique palier 1' }, null), { id: 'palier-2', name: 'Antalgique palier 2' }, null),
    segments: [],
    language: 'fr',
    newSegmentId: idCounter(),
    wordSpans,
  });

  it('counts every key of a burst', () => {
    expect(feed(state, 'jjjj').cursor).toBe(4);
    expect(feed(state, 'jjjjkk').cursor).toBe(2);
    expect(feed(state, '\x1b[B\x1b[B\x1b[B').cursor).toBe(3);
    expect(feed(state, 'J'.repeat(3)).cursor).toBe(5);
  });

  it('reads Esc then a key sent together as the two keys where Alt+that key means nothing', () => {
    // The picker open, then `\x1bj` in one write: the picker closes and j moves down.
    const picker = feed(state, '\r');
    expect(picker.mode).toBe('picker');
    const after = feed(picker, '\x1bj');
    expect(after.mode).toBe('read');
    expect(after.cursor).toBe(1);
    // While a memo is typed, Alt+letter (Option on a Mac) never cancels it.
    const memo = feed(state, 'Mabc');
    expect(feed(memo, '\x1bl').mode).toBe('prompt');
    expect(feed(memo, '\x1bl').prompt?.value).toMatch(/^abc/);
    // Alt+1 in the picker still applies the first code at once.
    const quick = feed(feed(state, 'jj\r'), '\x1b1');
    expect(quick.mode).toBe('read');
    expect(quick.segments).toHaveLength(1);
  });

  it('undoes as many times as u is pressed, even in one chunk', () => {
    const coded = feed(state, 'jj\rimpu\rj\rfrust\r');
    expect(coded.segments).toHaveLength(2);
    expect(feed(coded, 'uu').segments).toHaveLength(0);
    expect(feed(coded, 'uu\x12').segments).toHaveLength(1);
  });

  it('opens the picker, filters and applies from one pasted chunk', () => {
    const s = feed(state, 'jjcimpu\r');
    expect(s.mode).toBe('read');
    expect(s.segments.map((x) => x.codes)).toEqual([['impuissance']]);
  });

  it('erases as many characters as Backspace is pressed', () => {
    const memo = feed(state, 'Mabcdefghijkl');
    expect(memo.prompt?.value).toBe('abcdefghijkl');
    expect(feed(memo, '\x7f'.repeat(10)).prompt?.value).toBe('ab');
    expect(feed(memo, ' mnop\x17').prompt?.value).toBe('abcdefghijkl ');
  });

  it('takes spaces and digits as text once a filter is typed', () => {
    const s = feed(withPaliers, 'jj\rpalier 1\r');
    expect(s.segments.map((x) => x.codes)).toEqual([['palier-1']]);
    // "imagerie lourde": the space does not check the first match.
    const typed = feed(withPaliers, 'jj\rantalgique palier');
    expect(typed.picker?.checked).toEqual([]);
    expect(typed.picker?.query).toBe('antalgique palier');
  });

  it('checks with Space and applies with a digit while nothing is typed', () => {
    const s = feed(withPaliers, 'jj\r \x1b[B \r');
    expect(s.segments[0]?.codes).toHaveLength(2);
    const quick = feed(withPaliers, 'jj\r2');
    expect(quick.segments[0]?.codes).toEqual([quick.codes[1]?.id]);
    const alt = feed(withPaliers, 'jj\rpalier\x1b2');
    expect(alt.segments[0]?.codes).toEqual(['palier-2']);
  });
});

describe('the help (?)', () => {
  it('names every key that does something while reading or selecting, in both languages', () => {
    const selecting = reduce(state, { type: 'select' });
    const names: Record<string, { fr: string; en: string }> = {
      pageDown: { fr: 'PgDn', en: 'PgDn' },
      pageUp: { fr: 'PgUp', en: 'PgUp' },
      home: { fr: 'Début', en: 'Home' },
      end: { fr: 'Fin', en: 'End' },
      tab: { fr: 'Tab', en: 'Tab' },
      escape: { fr: 'Échap', en: 'Esc' },
      return: { fr: '⏎', en: '⏎' },
      delete: { fr: 'Suppr', en: 'Del' },
    };
    for (const language of ['fr', 'en'] as const) {
      const help = screenStrings(language).help.flatMap((g) => g.keys);
      const keyTokens = new Set(help.flatMap(([keys]) => keys.split(/\s+/)));
      const text = help.map(([keys, what]) => `${keys} ${what}`).join('\n');
      const missing: string[] = [];
      for (const s of [state, selecting]) {
        for (let c = 0x21; c < 0x7f; c++) {
          const input = String.fromCharCode(c);
          if (/[0-9]/.test(input) || act(s, input) === null) continue;
          if (!keyTokens.has(input)) missing.push(input);
        }
        if (act(s, ' ') !== null && !text.includes(language === 'fr' ? 'Espace' : 'Space')) missing.push('Space');
        for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
          if (act(s, letter, { ctrl: true }) !== null && !new RegExp(`Ctrl-${letter.toUpperCase()}\\b`).test(text)) missing.push(`Ctrl-${letter.toUpperCase()}`);
        }
        for (const [k, name] of Object.entries(names)) {
          if (act(s, '', { [k]: true }) !== null && !text.includes(name[language])) missing.push(name[language]);
        }
      }
      expect([...new Set(missing)], language).toEqual([]);
    }
  });

  it('names the keys of the code list and of the text typed (a memo, a search)', () => {
    const picking = reduce(state, { type: 'openPicker' });
    const typing = reduce(state, { type: 'openSearch' });
    const names: Record<string, { fr: string; en: string }> = {
      pageDown: { fr: 'PgDn', en: 'PgDn' },
      pageUp: { fr: 'PgUp', en: 'PgUp' },
      home: { fr: 'Début', en: 'Home' },
      end: { fr: 'Fin', en: 'End' },
      delete: { fr: 'Suppr', en: 'Del' },
      leftArrow: { fr: '←', en: '←' },
      rightArrow: { fr: '→', en: '→' },
    };
    for (const language of ['fr', 'en'] as const) {
      const text = screenStrings(language)
        .help.flatMap((g) => g.keys)
        .map(([keys, what]) => `${keys} ${what}`)
        .join('\n');
      const missing: string[] = [];
      for (const s of [picking, typing]) {
        for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
          if (act(s, letter, { ctrl: true }) !== null && !new RegExp(`Ctrl-${letter.toUpperCase()}\\b`).test(text)) missing.push(`${s.mode} Ctrl-${letter.toUpperCase()}`);
        }
        for (const [k, name] of Object.entries(names)) {
          if (act(s, '', { [k]: true }) !== null && !text.includes(name[language])) missing.push(`${s.mode} ${name[language]}`);
        }
      }
      expect([...new Set(missing)], language).toEqual([]);
    }
  });
});
