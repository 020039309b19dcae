import { describe, expect, it } from 'vitest';
import { readShare } from '../core/study/reading.js';
import { parseTranscript } from '../core/transcript/parse.js';
import { segmentSentences } from '../core/transcript/sentences.js';
import { wordSpans as coreWordSpans } from '../core/transcript/words.js';
import { addCode, makeTranscript } from '../../test/support/sample-data.js';
import {
  activeSegment,
  cursorOffset,
  initSession,
  progress,
  readSpans,
  reduce,
  segmentsUnderCursor,
  sessionSegmentCount,
  type Action,
  type ScreenSegment,
  type SessionInput,
  type SessionState,
} from './session.js';
import { codebook, idCounter, sentences, sentenceText, TEXT, transcript, wordSpans } from '../../test/support/test-study.js';
import { runSearch } from './search.js';

function start(overrides: Partial<SessionInput> = {}): SessionState {
  return initSession({
    transcript,
    sentences,
    codebook,
    segments: [],
    language: 'fr',
    newSegmentId: idCounter(),
    wordSpans,
    ...overrides,
  });
}

function run(state: SessionState, ...actions: Action[]): SessionState {
  return actions.reduce(reduce, state);
}

const down: Action = { type: 'move', unit: 'sentence', dir: 1 };
const up: Action = { type: 'move', unit: 'sentence', dir: -1 };
const typed = (text: string): Action => ({ type: 'pickerType', text });
const selected = (s: SessionState): string => (s.selection ? TEXT.slice(s.selection.start, s.selection.end) : '');
const spanText = (s: { start: number; end: number }): string => TEXT.slice(s.start, s.end);

describe('the test transcript', () => {
  it('has seven sentences in four turns', () => {
    expect(sentences.map((_, i) => sentenceText(i))).toEqual([
      'Pouvez-vous me parler de votre dernier patient ?',
      "Alors *rire* c'est compliqué.",
      'Je ne sais plus quoi lui proposer.',
      'On se sent démuni.',
      "D'accord.",
      'Les délais sont très longs.',
      'Huit mois pour le centre antidouleur !',
    ]);
  });
});

describe('moving', () => {
  it('moves sentence by sentence and stays inside the text', () => {
    const s = start();
    expect(s.cursor).toBe(0);
    expect(run(s, down, down).cursor).toBe(2);
    expect(run(s, up).cursor).toBe(0);
    expect(run(s, { type: 'bottom' }, down).cursor).toBe(6);
    expect(run(s, { type: 'bottom' }, { type: 'top' }).cursor).toBe(0);
  });

  it('moves turn by turn', () => {
    const s = start();
    const turn = (dir: 1 | -1): Action => ({ type: 'move', unit: 'turn', dir });
    expect(run(s, turn(1)).cursor).toBe(1);
    expect(run(s, turn(1), turn(1)).cursor).toBe(4);
    expect(run(s, turn(1), turn(1), turn(1)).cursor).toBe(5);
    expect(run(s, { type: 'moveTo', sentence: 3 }, turn(-1)).cursor).toBe(1);
    expect(run(s, { type: 'moveTo', sentence: 3 }, turn(-1), turn(-1)).cursor).toBe(0);
  });

  it('starts where the coder stopped', () => {
    const offset = TEXT.indexOf('On se sent');
    const s = start({ initialCursor: offset + 3 });
    expect(s.cursor).toBe(3);
    expect(cursorOffset(s)).toBe(offset);
  });

  it('counts visited sentences once', () => {
    const s = run(start(), down, down, up, up, down);
    expect(progress(s)).toMatchObject({ sentences: 7, visited: 3 });
  });
});

describe('selecting', () => {
  it('extends and shrinks the end by sentence, across turns', () => {
    const s = run(start(), down, down, { type: 'extend', unit: 'sentence', dir: 1 });
    expect(selected(s)).toBe('Je ne sais plus quoi lui proposer. On se sent démuni.');
    const across = run(s, { type: 'extend', unit: 'sentence', dir: 1 }, { type: 'extend', unit: 'sentence', dir: 1 });
    expect(selected(across)).toBe(
      "Je ne sais plus quoi lui proposer. On se sent démuni.\nEnquêteur : D'accord.\nP07 : Les délais sont très longs.",
    );
    expect(across.cursor).toBe(5);
    const back = run(across, { type: 'extend', unit: 'sentence', dir: -1 });
    expect(selected(back)).toBe("Je ne sais plus quoi lui proposer. On se sent démuni.\nEnquêteur : D'accord.");
  });

  it('extends upwards once the end cannot shrink any more', () => {
    const s = run(start(), down, down, { type: 'extend', unit: 'sentence', dir: -1 });
    expect(selected(s)).toBe("Alors *rire* c'est compliqué. Je ne sais plus quoi lui proposer.");
    expect(s.selection?.active).toBe('start');
    expect(s.cursor).toBe(1);
  });

  it("shrinks and extends by word from both ends, a sentence's last word with its full stop", () => {
    let s = run(start(), down, down, { type: 'select' });
    expect(selected(s)).toBe('Je ne sais plus quoi lui proposer.');
    s = run(s, { type: 'extend', unit: 'word', dir: -1 });
    expect(selected(s)).toBe('Je ne sais plus quoi lui');
    s = run(s, { type: 'extend', unit: 'word', dir: 1 });
    expect(selected(s)).toBe('Je ne sais plus quoi lui proposer.');
    s = run(s, { type: 'extend', unit: 'word', dir: -1 }, { type: 'extend', unit: 'word', dir: -1 });
    expect(selected(s)).toBe('Je ne sais plus quoi');
    s = run(s, { type: 'swapEnds' }, { type: 'extend', unit: 'word', dir: 1 }, { type: 'extend', unit: 'word', dir: 1 });
    expect(selected(s)).toBe('sais plus quoi');
    s = run(s, { type: 'extend', unit: 'word', dir: -1 });
    expect(selected(s)).toBe('ne sais plus quoi');
  });

  it('extends by word into the next sentence and the previous one', () => {
    let s = run(start(), down, down, { type: 'extend', unit: 'word', dir: 1 });
    expect(selected(s)).toBe('Je ne sais plus quoi lui proposer. On');
    s = run(start(), down, down, { type: 'select' }, { type: 'swapEnds' }, { type: 'extend', unit: 'word', dir: -1 });
    expect(selected(s)).toBe('compliqué. Je ne sais plus quoi lui proposer.');
  });

  it('never selects the speaker label as a word', () => {
    const s = run(start(), { type: 'moveTo', sentence: 3 }, { type: 'select' }, { type: 'extend', unit: 'word', dir: 1 });
    expect(selected(s)).toBe("On se sent démuni.\nEnquêteur : D'accord.");
  });

  it('keeps at least one word when shrinking from one end', () => {
    let s = run(start(), { type: 'moveTo', sentence: 4 }, { type: 'select' });
    s = run(s, { type: 'extend', unit: 'word', dir: -1 }, { type: 'swapEnds' }, { type: 'extend', unit: 'word', dir: 1 });
    expect(selected(s).length).toBeGreaterThan(0);
  });

  it('is dropped by a plain move or Esc', () => {
    const s = run(start(), { type: 'select' });
    expect(run(s, down).selection).toBeNull();
    expect(run(s, { type: 'cancel' }).selection).toBeNull();
  });
});

describe('word motions and quick selections', () => {
  const word = (s: SessionState): string => {
    if (s.point === null) return '';
    const rest = TEXT.slice(s.point);
    return rest.slice(0, rest.search(/[^\p{L}'’*-]/u));
  };
  const w: Action = { type: 'word', dir: 1 };
  const b: Action = { type: 'word', dir: -1 };
  const count = (n: number): Action[] => [...String(n)].map((d) => ({ type: 'count', digit: Number(d) }) as Action);

  it('moves a word cursor with w and b, across sentences, never onto a label', () => {
    let s = run(start(), down, down, w);
    expect(word(s)).toBe('Je');
    s = run(s, w, w);
    expect(word(s)).toBe('sais');
    s = run(s, b);
    expect(word(s)).toBe('ne');
    s = run(start(), { type: 'moveTo', sentence: 3 }, w, w, w, w, w);
    expect(word(s)).toBe("D'accord");
    expect(s.cursor).toBe(4);
    s = run(s, b);
    expect(word(s)).toBe('démuni');
    expect(s.cursor).toBe(3);
    // A move by sentence leaves the word cursor.
    expect(run(s, down).point).toBeNull();
  });

  it('repeats a motion typed after a count: 5w, 12w, 2j', () => {
    let s = run(start(), down, down, ...count(5), w);
    expect(word(s)).toBe('quoi');
    expect(s.count).toBeNull();
    s = run(start(), down, ...count(14), w);
    expect(word(s)).toBe('sent');
    s = run(start(), ...count(2), down);
    expect(s.cursor).toBe(2);
    // A count then another key: forgotten.
    s = run(start(), ...count(3), { type: 'help' }, { type: 'dismiss' }, down);
    expect(s.cursor).toBe(1);
  });

  it('selects from the word cursor: v on a word, then whole words and their punctuation', () => {
    let s = run(start(), down, down, ...count(3), w, { type: 'select' });
    expect(selected(s)).toBe('sais');
    s = run(s, ...count(3), { type: 'extend', unit: 'word', dir: 1 });
    expect(selected(s)).toBe('sais plus quoi lui');
    s = run(s, { type: 'extend', unit: 'word', dir: 1 });
    expect(selected(s)).toBe('sais plus quoi lui proposer.');
    s = run(s, { type: 'extend', unit: 'word', dir: 1 });
    expect(selected(s)).toBe('sais plus quoi lui proposer. On');
  });

  it('steps over a web or e-mail address in one w, and takes it whole in one e (keys as the keymap gives them)', () => {
    const text = 'E : Où trouvez-vous ça ?\nP2 : Sur www.ameli.fr/assure/sante ou doctolib.fr, ou j’écris à contact@chu-lille.fr directement.\n';
    const t = makeTranscript(text, 'P2');
    const fresh = () => start({ transcript: t, sentences: segmentSentences(text, t.turns), wordSpans: (a: number, z: number) => coreWordSpans(text, a, z) });
    let s = fresh();
    const at = (st: SessionState): string => {
      const u = coreWordSpans(text, st.point!, st.point!)[0]!;
      return text.slice(u.start, u.end);
    };
    const quote = (st: SessionState): string => (st.selection ? text.slice(st.selection.start, st.selection.end) : '');
    s = run(s, down, w);
    expect(at(s)).toBe('Sur');
    s = run(s, w);
    expect(at(s)).toBe('www.ameli.fr/assure/sante');
    s = run(s, w);
    expect(at(s)).toBe('ou');
    s = run(s, w, w, w, w, w);
    expect(at(s)).toBe('contact@chu-lille.fr');
    s = run(s, b, b, b, b);
    expect(at(s)).toBe('doctolib.fr');
    // e while selecting: the address whole, then the next word.
    s = run(s, b, b, { type: 'select' }, { type: 'extend', unit: 'word', dir: 1 });
    expect(quote(s)).toBe('www.ameli.fr/assure/sante ou');
    s = run(fresh(), down, w, w, w, w, w, w, { type: 'select' });
    expect(quote(s)).toBe('j’écris');
    s = run(s, { type: 'extend', unit: 'word', dir: 1 }, { type: 'extend', unit: 'word', dir: 1 });
    expect(quote(s)).toBe('j’écris à contact@chu-lille.fr');
  });

  it('selects to the end of the turn with $, and to its start with ^', () => {
    let s = run(start(), down, down, w, w, { type: 'extend', unit: 'turn', dir: 1, side: 'end' });
    expect(selected(s)).toBe('ne sais plus quoi lui proposer. On se sent démuni.');
    s = run(s, { type: 'extend', unit: 'turn', dir: -1, side: 'start' });
    expect(selected(s)).toBe("Alors *rire* c'est compliqué. Je ne sais plus quoi lui proposer. On se sent démuni.");
  });

  it('starts a selection at a search match, and extends one to a match', () => {
    const search = (q: string): Action[] => [{ type: 'openSearch' }, { type: 'promptType', text: q }, { type: 'promptConfirm' }];
    let s = run(start(), ...search('sais plus'), { type: 'select' });
    expect(selected(s)).toBe('sais plus');
    s = run(s, ...search('demuni'));
    expect(selected(s)).toBe('sais plus quoi lui proposer. On se sent démuni');
    s = run(s, { type: 'cancel' }, ...search('quoi'), { type: 'select' }, { type: 'searchNext', dir: 1 });
    expect(selected(s)).toBe('quoi');
  });

  it('leaves out a leading question number or annotation from a sentence by default', () => {
    const text = 'Enquêtrice : Et les infiltrations ?\nP3 : 4. Infiltration, oui, parfois. *rire* Mais ça soulage les jambes. (silence) Voilà. Bon *rire*\n';
    const t = makeTranscript(text, 'P3');
    const sents = segmentSentences(text, t.turns);
    let s = start({ transcript: t, sentences: sents, wordSpans: (a: number, z: number) => coreWordSpans(text, a, z) });
    const quote = (st: SessionState): string => (st.selection ? text.slice(st.selection.start, st.selection.end) : '');
    s = run(s, down, { type: 'select' });
    expect(quote(s)).toBe('Infiltration, oui, parfois.');
    s = run(s, { type: 'cancel' }, down, { type: 'select' });
    expect(quote(s)).toBe('Mais ça soulage les jambes.');
    // Extending back by a word takes in the annotation, whole.
    s = run(s, { type: 'swapEnds' }, { type: 'extend', unit: 'word', dir: -1 });
    expect(quote(s)).toBe('*rire* Mais ça soulage les jambes.');
    s = run(s, { type: 'cancel' }, down, { type: 'select' });
    expect(quote(s)).toBe('Voilà.');
    // Coding without a selection codes the same quote.
    s = run(s, { type: 'cancel' }, { type: 'moveTo', sentence: 1 }, { type: 'openPicker' }, { type: 'pickerQuick', n: 1 });
    expect(text.slice(s.segments[0]!.start, s.segments[0]!.end)).toBe('Infiltration, oui, parfois.');
  });

  it('selects by dragging the mouse over whole words', () => {
    const at = (w2: string): number => TEXT.indexOf(w2) + 1;
    let s = run(start(), { type: 'mouse', kind: 'press', offset: at('sais') });
    expect(s.cursor).toBe(2);
    expect(word(s)).toBe('sais');
    s = run(s, { type: 'mouse', kind: 'drag', offset: at('démuni') });
    expect(selected(s)).toBe('sais plus quoi lui proposer. On se sent démuni');
    s = run(s, { type: 'mouse', kind: 'drag', offset: at('Alors') }, { type: 'mouse', kind: 'release', offset: null });
    expect(selected(s)).toBe("Alors *rire* c'est compliqué. Je ne sais");
    expect(s.selection?.active).toBe('start');
    expect(s.drag).toBeNull();
    // A click elsewhere drops the selection.
    expect(run(s, { type: 'mouse', kind: 'press', offset: at('délais') }).selection).toBeNull();
  });
});

describe('coding', () => {
  it('creates a segment with the exact span of the current sentence', () => {
    const s = run(start(), down, down, { type: 'openPicker' }, typed('impu'), { type: 'pickerConfirm' });
    expect(s.mode).toBe('read');
    expect(s.segments).toHaveLength(1);
    const seg = s.segments[0] as ScreenSegment;
    expect(spanText(seg)).toBe('Je ne sais plus quoi lui proposer.');
    expect(seg).toMatchObject({ id: 's1', codes: ['impuissance'] });
    expect(s.recentCodes[0]).toBe('impuissance');
    expect(s.effects.at(-1)).toMatchObject({ type: 'save', segments: s.segments, recentCodes: s.recentCodes });
    expect(progress(s).coded).toBe('Je ne sais plus quoi lui proposer.'.replace(/ /g, '').length);
    expect(sessionSegmentCount(s)).toBe(1);
  });

  it('codes a selection of a few words', () => {
    const s = run(
      start(),
      { type: 'moveTo', sentence: 3 },
      { type: 'select' },
      { type: 'swapEnds' },
      { type: 'extend', unit: 'word', dir: 1 },
      { type: 'extend', unit: 'word', dir: 1 },
      { type: 'openPicker' },
      typed('desempar'),
      { type: 'pickerConfirm' },
    );
    expect(s.segments.map((g) => [spanText(g), g.codes])).toEqual([['sent démuni.', ['desemparement']]]);
    expect(s.selection).toBeNull();
  });

  it('applies several codes checked with Space, or the first results with digits', () => {
    let s = run(start(), down, { type: 'openPicker' });
    // Empty query: codes in codebook order.
    s = run(s, { type: 'pickerToggle' }, { type: 'pickerMove', delta: 1 }, { type: 'pickerToggle' });
    expect(s.picker?.checked).toEqual(['impuissance', 'frustration']);
    s = run(s, { type: 'pickerConfirm' });
    expect(s.segments[0]?.codes).toEqual(['impuissance', 'frustration']);
    const quick = run(start(), { type: 'openPicker' }, { type: 'pickerQuick', n: 7 });
    expect(quick.segments[0]?.codes).toEqual(['humour']);
  });

  it('lists recent codes first in the picker', () => {
    const s = run(start({ recentCodes: ['delais'] }), { type: 'openPicker' });
    expect(s.picker?.items[0]?.id).toBe('delais');
  });

  it('adds codes to a segment with exactly the same span instead of duplicating it', () => {
    const s = run(
      start(),
      down,
      { type: 'openPicker' },
      typed('humour'),
      { type: 'pickerConfirm' },
      { type: 'openPicker' },
      typed('frust'),
      { type: 'pickerConfirm' },
    );
    expect(s.segments).toHaveLength(1);
    expect(s.segments[0]?.codes).toEqual(['humour', 'frustration']);
  });

  it('allows overlapping segments and cycles between them', () => {
    let s = run(start(), down, down, { type: 'openPicker' }, typed('impu'), { type: 'pickerConfirm' });
    s = run(s, { type: 'extend', unit: 'sentence', dir: 1 }, { type: 'openPicker' }, typed('epuis'), { type: 'pickerConfirm' });
    expect(s.segments.map((g) => g.codes[0])).toEqual(['impuissance', 'epuisement']);
    s = run(s, { type: 'moveTo', sentence: 2 });
    expect(segmentsUnderCursor(s)).toHaveLength(2);
    expect(activeSegment(s)?.codes).toEqual(['impuissance']);
    s = run(s, { type: 'cycleSegment' });
    expect(activeSegment(s)?.codes).toEqual(['epuisement']);
    s = run(s, { type: 'cycleSegment' });
    expect(activeSegment(s)?.codes).toEqual(['impuissance']);
  });

  it('edits the codes of a segment with its codes checked', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('impu'), { type: 'pickerConfirm' }, { type: 'editSegment' });
    expect(s.picker).toMatchObject({ purpose: 'edit', checked: ['impuissance'] });
    s = run(s, typed('frust'), { type: 'pickerConfirm' });
    expect(s.segments[0]?.codes).toEqual(['impuissance', 'frustration']);
    // The segment's own codes come first (in their order), then the others.
    s = run(s, { type: 'editSegment' });
    expect(s.picker?.items.slice(0, 3).map((i) => i.id)).toEqual(['impuissance', 'frustration', 'desemparement']);
    s = run(s, { type: 'pickerToggle' }, { type: 'pickerConfirm' });
    expect(s.segments[0]?.codes).toEqual(['frustration']);
    // Unchecking everything does not silently remove the segment.
    s = run(s, { type: 'editSegment' }, { type: 'pickerToggle' }, { type: 'pickerConfirm' });
    expect(s.mode).toBe('picker');
    expect(s.message?.tone).toBe('error');
    expect(s.segments[0]?.codes).toEqual(['frustration']);
  });

  it('says, on undoing a change of codes, which codes it put back or took away (not the codes the segment had after it)', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('impu'), { type: 'pickerConfirm' }, { type: 'editSegment' });
    s = run(s, typed('frust'), { type: 'pickerConfirm' });
    s = run(s, { type: 'undo' });
    expect(s.segments[0]?.codes).toEqual(['impuissance']);
    expect(s.message?.text.fr).toBe('Annulé\u00a0: codes modifiés\u00a0: +\u00a0Frustration');
    expect(s.message?.text.en).toContain('codes changed: +\u00a0Frustration');
    s = run(s, { type: 'redo' }, { type: 'editSegment' }, { type: 'pickerToggle' }, { type: 'pickerConfirm' });
    expect(s.segments[0]?.codes).toEqual(['frustration']);
    expect(run(s, { type: 'undo' }).message?.text.en).toContain('codes changed: −\u00a0Impuissance');
  });

  it('removes a one-code segment directly, and asks which code when there are several', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('impu'), { type: 'pickerConfirm' }, { type: 'removeSegment' });
    expect(s.segments).toEqual([]);
    s = run(
      start(),
      down,
      { type: 'openPicker' },
      { type: 'pickerToggle' },
      { type: 'pickerMove', delta: 1 },
      { type: 'pickerToggle' },
      { type: 'pickerConfirm' },
      { type: 'removeSegment' },
    );
    expect(s.picker?.items.map((i) => i.label)).toEqual(['Impuissance', 'Frustration', 'Tout le segment']);
    const oneCode = run(s, { type: 'pickerQuick', n: 1 });
    expect(oneCode.segments[0]?.codes).toEqual(['frustration']);
    const whole = run(s, { type: 'pickerMove', delta: 2 }, { type: 'pickerConfirm' });
    expect(whole.segments).toEqual([]);
  });

  it('says so when there is no segment under the cursor', () => {
    const s = run(start(), { type: 'removeSegment' });
    expect(s.message?.tone).toBe('error');
    expect(s.effects).toEqual([]);
  });

  it('attaches memos with accents to a segment and to the transcript', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('humour'), { type: 'pickerConfirm' }, { type: 'memoSegment' });
    expect(s.mode).toBe('prompt');
    s = run(s, { type: 'promptType', text: 'ironique, à ' }, { type: 'promptType', text: 'revoir' }, { type: 'promptConfirm' });
    expect(s.segments[0]?.memo).toBe('ironique, à revoir');
    s = run(s, { type: 'memoTranscript' }, { type: 'promptType', text: 'Entretien écourté' }, { type: 'promptErase' }, { type: 'promptConfirm' });
    expect(s.transcriptMemo).toBe('Entretien écourt');
    expect(s.effects.at(-1)).toMatchObject({ type: 'save', transcriptMemo: 'Entretien écourt' });
    // Esc leaves the memo as it was; an empty memo removes it.
    s = run(s, { type: 'memoSegment' }, { type: 'promptClear' }, { type: 'promptCancel' });
    expect(s.segments[0]?.memo).toBe('ironique, à revoir');
    s = run(s, { type: 'memoSegment' }, { type: 'promptClear' }, { type: 'promptConfirm' });
    expect(s.segments[0]).not.toHaveProperty('memo');
  });

  it('edits the prompt text at the caret', () => {
    const s = run(
      start(),
      { type: 'memoTranscript' },
      { type: 'promptType', text: 'abd' },
      { type: 'promptCaret', to: 'left' },
      { type: 'promptType', text: 'c' },
      { type: 'promptCaret', to: 'home' },
      { type: 'promptDeleteForward' },
    );
    expect(s.prompt).toMatchObject({ value: 'bcd', caret: 0 });
  });

  it('marks a segment as an exemplary quote and back', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('humour'), { type: 'pickerConfirm' }, { type: 'toggleExemplary' });
    expect(s.segments[0]?.exemplary).toBe(true);
    s = run(s, { type: 'toggleExemplary' });
    expect(s.segments[0]).not.toHaveProperty('exemplary');
  });
});

describe('undo and redo', () => {
  it('undoes and redoes every change, saving each time', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('humour'), { type: 'pickerConfirm' });
    s = run(s, { type: 'toggleExemplary' }, { type: 'moveTo', sentence: 6 });
    const saves = s.effects.length;
    s = run(s, { type: 'undo' });
    expect(s.segments[0]?.exemplary).toBeUndefined();
    expect(s.cursor).toBe(1);
    expect(s.message?.text.fr).toBe('Annulé\u00a0: verbatim exemplaire');
    s = run(s, { type: 'undo' });
    expect(s.segments).toEqual([]);
    // What was undone, in words that are not the tool's name (« Annulé : codage : Humour » read oddly).
    expect(s.message?.text.fr).toBe('Annulé\u00a0: codé en Humour');
    expect(progress(s).coded).toBe(0);
    s = run(s, { type: 'undo' });
    expect(s.message?.text.fr).toBe('Rien à annuler.');
    s = run(s, { type: 'redo' }, { type: 'redo' });
    expect(s.segments[0]).toMatchObject({ codes: ['humour'], exemplary: true });
    expect(s.effects.length).toBe(saves + 4);
  });

  it('forgets the redo stack after a new change', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('humour'), { type: 'pickerConfirm' }, { type: 'undo' });
    s = run(s, { type: 'openPicker' }, typed('frust'), { type: 'pickerConfirm' }, { type: 'redo' });
    expect(s.segments.map((g) => g.codes)).toEqual([['frustration']]);
  });

  it('shares unchanged segments between versions', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('humour'), { type: 'pickerConfirm' });
    const first = s.segments[0];
    s = run(s, down, { type: 'openPicker' }, typed('frust'), { type: 'pickerConfirm' });
    expect(s.segments[0]).toBe(first);
    expect(s.undo.at(-1)?.segments[0]).toBe(first);
  });
});

describe('finding things', () => {
  it('jumps to the next uncoded participant sentence, skipping the interviewer', () => {
    const segments: ScreenSegment[] = [{ id: 'a', start: sentences[1]!.start, end: sentences[2]!.end, codes: ['humour'] }];
    let s = start({ segments });
    s = run(s, { type: 'nextUncoded', dir: 1 });
    expect(s.cursor).toBe(3);
    s = run(s, { type: 'nextUncoded', dir: 1 });
    expect(s.cursor).toBe(5);
    s = run(s, { type: 'nextUncoded', dir: -1 });
    expect(s.cursor).toBe(3);
    // Coded: the share of participant speech in characters (no interviewer, label, annotation or space).
    const visible = (text: string): number => text.replace(/\s/g, '').length;
    // Read: the share the transcript list computes from what was read, kept up key by key.
    expect(progress(s).read).toBeCloseTo(readShare(transcript, readSpans(s)), 12);
    expect(progress(s).read).toBeGreaterThan(0);
    expect(progress(s)).toMatchObject({
      sentences: 7,
      visited: 3,
      speech: visible("Alors c'est compliqué. Je ne sais plus quoi lui proposer. On se sent démuni.Les délais sont très longs. Huit mois pour le centre antidouleur !"),
      coded: visible("Alors c'est compliqué. Je ne sais plus quoi lui proposer."),
    });
  });

  it('skips, on Tab, a participant sentence with nothing said: a lone (silence), *rire* or timestamp line', () => {
    const body = 'E : Alors ?\n\nP1 : Oui.\n00:12:30\n\nE : Et ?\n\nP1 : (silence)\n\nP1 : *rire* Non, rien.\n';
    // The transcript as codage reads it (the timestamp line a mark, as the speaker labels).
    const t = parseTranscript({ file: 'transcripts/P1.txt', bytes: new TextEncoder().encode(body), defaultId: 'P1' }).transcript;
    const words = (from: number, to: number) => coreWordSpans(t.text, from, to);
    let s = start({ transcript: t, sentences: segmentSentences(t.text, t.turns), wordSpans: words });
    const at = (state: SessionState): string => t.text.slice(state.sentences[state.cursor]!.start, state.sentences[state.cursor]!.end);
    s = run(s, { type: 'nextUncoded', dir: 1 });
    expect(at(s)).toContain('Oui.');
    s = run(s, { type: 'nextUncoded', dir: 1 });
    expect(at(s)).toContain('Non, rien.');
    s = run(s, { type: 'nextUncoded', dir: -1 });
    expect(at(s)).toContain('Oui.');
    // Once what is said is coded, nothing is left: the marks alone are not waiting to be coded.
    const said = ['Oui.', 'Non, rien.'].map((q) => ({ start: t.text.indexOf(q), end: t.text.indexOf(q) + q.length }));
    s = start({ transcript: t, sentences: segmentSentences(t.text, t.turns), wordSpans: words, segments: said.map((x, i) => ({ id: `s${i}`, ...x, codes: ['humour'] })) });
    expect(run(s, { type: 'nextUncoded', dir: 1 }).message?.text.en).toBe('Every participant sentence is coded.');
  });

  it('never takes a speaker label or the blank line before a turn into a selection made with the mouse', () => {
    const body = 'E : Alors ?\n\n[00:00:05] P1 : Oui, je suis vidée.\n\nE : Et ?\n';
    const t = parseTranscript({ file: 'transcripts/P1.txt', bytes: new TextEncoder().encode(body), defaultId: 'P1' }).transcript;
    const words = (from: number, to: number) => coreWordSpans(t.text, from, to);
    const s0 = start({ transcript: t, sentences: segmentSentences(t.text, t.turns), wordSpans: words });
    const mouse = (kind: 'press' | 'drag' | 'release', offset: number): Action => ({ type: 'mouse', kind, offset });
    const blank = t.text.indexOf('\n\n') + 1;
    const label = t.text.indexOf('P1 :');
    const vidée = t.text.indexOf('vidée');
    const selected = (state: SessionState): string => t.text.slice(state.selection!.start, state.selection!.end);
    // Down from the blank line, or from the label, into the answer.
    expect(selected(run(s0, mouse('press', blank), mouse('drag', vidée), mouse('release', vidée)))).toBe('Oui, je suis vidée');
    expect(selected(run(s0, mouse('press', label), mouse('drag', vidée), mouse('release', vidée)))).toBe('Oui, je suis vidée');
    // Up from the answer onto its label or the blank line above it.
    expect(selected(run(s0, mouse('press', vidée), mouse('drag', label), mouse('release', label)))).toBe('Oui, je suis vidée');
    expect(selected(run(s0, mouse('press', vidée), mouse('drag', blank), mouse('release', blank)))).toBe('Oui, je suis vidée');
  });

  it('says when everything is coded', () => {
    const segments: ScreenSegment[] = [{ id: 'a', start: 0, end: TEXT.length, codes: ['humour'] }];
    const s = run(start({ segments }), { type: 'nextUncoded', dir: 1 });
    expect(s.cursor).toBe(0);
    expect(s.message?.text.en).toBe('Every participant sentence is coded.');
  });

  it('searches without accents and steps through matches', () => {
    let s = run(start(), { type: 'openSearch' }, { type: 'promptType', text: 'DELAIS' }, { type: 'promptConfirm' });
    expect(s.cursor).toBe(5);
    expect(s.search?.matches.map(spanText)).toEqual(['délais']);
    s = run(start(), { type: 'openSearch' }, { type: 'promptType', text: 'on' }, { type: 'promptConfirm' });
    const hits = s.search?.matches.length ?? 0;
    expect(hits).toBeGreaterThan(2);
    const first = s.cursor;
    s = run(s, { type: 'searchNext', dir: 1 });
    expect(s.search?.index).toBe(1);
    s = run(s, { type: 'searchNext', dir: -1 }, { type: 'searchNext', dir: -1 });
    expect(s.search?.index).toBe(hits - 1);
    expect(first).toBeLessThanOrEqual(s.cursor);
  });

  it('starts each search empty, with earlier queries on ↑ and ↓', () => {
    let s = run(start(), { type: 'openSearch' }, { type: 'promptType', text: 'délais' }, { type: 'promptConfirm' });
    s = run(s, { type: 'openSearch' }, { type: 'promptType', text: 'mois' }, { type: 'promptConfirm' });
    s = run(s, { type: 'openSearch' });
    expect(s.prompt?.value).toBe('');
    s = run(s, { type: 'promptType', text: 'cent' });
    expect(s.prompt?.value).toBe('cent');
    s = run(s, { type: 'promptHistory', dir: -1 });
    expect(s.prompt?.value).toBe('mois');
    s = run(s, { type: 'promptHistory', dir: -1 }, { type: 'promptHistory', dir: -1 });
    expect(s.prompt?.value).toBe('délais');
    s = run(s, { type: 'promptHistory', dir: 1 }, { type: 'promptHistory', dir: 1 });
    expect(s.prompt).toMatchObject({ value: '', caret: 0 });
    // Searching a query again moves it to the end of the history, once.
    s = run(s, { type: 'promptType', text: 'délais' }, { type: 'promptConfirm' });
    expect(s.searchHistory).toEqual(['mois', 'délais']);
  });

  it('reports a search without result', () => {
    const s = run(start(), { type: 'openSearch' }, { type: 'promptType', text: 'zèbre' }, { type: 'promptConfirm' });
    expect(s.message?.tone).toBe('error');
    expect(s.cursor).toBe(0);
  });

  it('goes to a line of the file or a percentage of the text', () => {
    const goto = (value: string): SessionState =>
      run(start(), { type: 'openGoto' }, { type: 'promptType', text: value }, { type: 'promptConfirm' });
    expect(goto('3').cursor).toBe(4);
    expect(goto('4').cursor).toBe(5);
    expect(goto('999').cursor).toBe(6);
    expect(goto('100%').cursor).toBe(6);
    expect(goto('0 %').cursor).toBe(0);
    expect(goto('50%').cursor).toBe(sentences.findIndex((x) => x.end > Math.round(TEXT.length / 2)));
    expect(goto('50,5 %').cursor).toBe(goto('50.5%').cursor);
    expect(goto('abc').message?.tone).toBe('error');
    // Lines count from the start of the file: a front matter shifts them.
    const shifted = initSession({
      transcript: { ...transcript, bodyLine: 5 },
      sentences,
      codebook,
      segments: [],
      language: 'fr',
      newSegmentId: idCounter(),
      wordSpans,
    });
    expect(run(shifted, { type: 'openGoto' }, { type: 'promptType', text: '7' }, { type: 'promptConfirm' }).cursor).toBe(4);
  });
});

describe('new codes', () => {
  it("takes what was typed as the new code's name, then a theme: two Enters", () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('Colère du patient'), { type: 'pickerConfirm' });
    expect(s.picker?.purpose).toBe('theme');
    expect(s.picker?.newCodeName).toBe('Colère du patient');
    expect(s.picker?.items.map((i) => i.label)).toEqual([
      'Pas encore regroupé',
      'Vécu du médecin',
      'Émotions négatives',
      'Coordination des soins',
    ]);
    s = run(s, { type: 'pickerType', text: 'emo' }, { type: 'pickerConfirm' });
    expect(s.effects.at(-1)).toEqual({ type: 'create-code', name: 'Colère du patient', themeId: 'emotions' });
    const created = addCode(s.codebook, { id: 'colere', name: 'Colère du patient' }, 'emotions');
    s = reduce({ ...s, effects: [] }, { type: 'codeCreated', codebook: created, id: 'colere' });
    expect(s.mode).toBe('read');
    expect(s.segments.map((g) => [spanText(g), g.codes])).toEqual([["Alors *rire* c'est compliqué.", ['colere']]]);
    expect(s.codes.some((c) => c.id === 'colere')).toBe(true);
    expect(s.message?.text.fr).toBe('Code créé\u00a0: Colère du patient');
  });

  it('creates a theme, or a sub-theme, typed in the theme picker', () => {
    const toThemes = run(start(), down, { type: 'openPicker' }, typed('Solitude'), { type: 'pickerConfirm' });
    // A name no theme matches: Enter creates that theme with the code in it.
    let s = run(toThemes, typed('Isolement'));
    expect(s.picker?.items).toEqual([]);
    s = run(s, { type: 'pickerConfirm' });
    expect(s.effects.at(-1)).toEqual({ type: 'create-code', name: 'Solitude', themeId: null, newThemes: ['Isolement'] });
    // "Theme > Sub-theme": the existing theme is found by its name (accents and case ignored).
    s = run(toThemes, typed('vecu du medecin > Isolement > Rural'), { type: 'pickerConfirm' });
    expect(s.effects.at(-1)).toEqual({ type: 'create-code', name: 'Solitude', themeId: 'vecu', newThemes: ['Isolement', 'Rural'] });
    // An existing theme by the start of its name, when no other starts so; the last part is new.
    s = run(toThemes, typed('vécu > émo > Colère'), { type: 'pickerConfirm' });
    expect(s.effects.at(-1)).toEqual({ type: 'create-code', name: 'Solitude', themeId: 'emotions', newThemes: ['Colère'] });
    // Ctrl-N creates the typed theme even when some theme matches it.
    s = run(toThemes, typed('Vécu'), { type: 'pickerNewCode' });
    expect(s.effects.at(-1)).toEqual({ type: 'create-code', name: 'Solitude', themeId: null, newThemes: ['Vécu'] });
    // A path that exists whole: the code goes there.
    s = run(toThemes, typed('Vécu du médecin > Émotions négatives'), { type: 'pickerNewCode' });
    expect(s.effects.at(-1)).toEqual({ type: 'create-code', name: 'Solitude', themeId: 'emotions' });
    s = run(toThemes, { type: 'pickerNewCode' });
    expect(s.effects).toEqual([]);
    expect(s.message?.tone).toBe('error');
    const done = reduce(
      { ...run(toThemes, typed('Isolement'), { type: 'pickerConfirm' }), effects: [] },
      { type: 'codeCreated', codebook: addCode(codebook, { id: 'solitude', name: 'Solitude' }, null), id: 'solitude', themes: ['Isolement'] },
    );
    expect(done.message?.text.fr).toBe('Thème créé\u00a0: Isolement\u00a0; code créé\u00a0: Solitude');
  });

  it('opens the name prompt with Ctrl-N and keeps the checked codes', () => {
    let s = run(start(), { type: 'moveTo', sentence: 2 }, { type: 'openPicker' }, { type: 'pickerToggle' }, { type: 'pickerNewCode' });
    s = run(s, { type: 'promptType', text: 'Résignation' }, { type: 'promptConfirm' }, { type: 'pickerConfirm' });
    expect(s.effects.at(-1)).toEqual({ type: 'create-code', name: 'Résignation', themeId: null });
    s = reduce(s, { type: 'codeCreated', codebook: addCode(s.codebook, { id: 'resignation', name: 'Résignation' }, null), id: 'resignation' });
    expect(s.segments[0]?.codes).toEqual(['impuissance', 'resignation']);
  });

  it('refuses an existing name and comes back after a failure', () => {
    let s = run(start(), { type: 'openPicker' }, { type: 'pickerNewCode' }, { type: 'promptType', text: 'humour' }, { type: 'promptConfirm' });
    expect(s.mode).toBe('prompt');
    expect(s.message?.tone).toBe('error');
    // Ctrl-N on a typed name the codebook has: said at once.
    const typedExisting = run(start(), { type: 'openPicker' }, typed('Humour'), { type: 'pickerNewCode' });
    expect(typedExisting.mode).toBe('picker');
    expect(typedExisting.message?.text.en).toBe('The code "Humour" already exists: pick it from the list.');
    s = run(s, { type: 'promptClear' }, { type: 'promptType', text: 'Ironie' }, { type: 'promptConfirm' }, { type: 'pickerConfirm' });
    s = reduce(s, { type: 'codeCreateFailed', error: 'codebook.yaml est verrouillé' });
    expect(s.prompt).toMatchObject({ purpose: 'code-name', value: 'Ironie' });
    expect(s.message?.text.fr).toContain('verrouillé');
    // Esc twice: back to the code picker, then to the transcript.
    s = run(s, { type: 'promptCancel' });
    expect(s.picker?.purpose).toBe('apply');
    s = run(s, { type: 'pickerClose' });
    expect(s.mode).toBe('read');
    expect(s.segments).toEqual([]);
  });
});

describe('undoing the coding that created a code', () => {
  const created = (s: SessionState): SessionState =>
    reduce(
      { ...run(s, down, { type: 'openPicker' }, typed('Ironie'), { type: 'pickerConfirm' }, { type: 'pickerConfirm' }), effects: [] },
      { type: 'codeCreated', codebook: addCode(codebook, { id: 'ironie', name: 'Ironie' }, null), id: 'ironie' },
    );

  it('offers to remove the code, and removes it on yes', () => {
    let s = run(created(start()), { type: 'undo' });
    expect(s.segments).toEqual([]);
    expect(s.mode).toBe('confirm');
    expect(s.confirm?.question.en).toBe('The code "Ironie", created during this session, is no longer used. Remove it from the codebook (then the coding you undid cannot be redone)?');
    s = run({ ...s, effects: [] }, { type: 'answer', yes: true });
    expect(s.mode).toBe('read');
    expect(s.effects).toEqual([{ type: 'remove-code', id: 'ironie' }]);
    s = reduce({ ...s, effects: [] }, { type: 'codeRemoved', codebook, id: 'ironie' });
    expect(s.codes.some((c) => c.id === 'ironie')).toBe(false);
    expect(s.recentCodes).not.toContain('ironie');
    expect(s.redo).toEqual([]);
    expect(s.message?.text.fr).toBe('Code retiré du livre de codes\u00a0: Ironie');
  });

  it('keeps the code on no, and does not ask again', () => {
    let s = run(created(start()), { type: 'undo' }, { type: 'answer', yes: false });
    expect(s.mode).toBe('read');
    expect(s.effects.filter((e) => e.type === 'remove-code')).toEqual([]);
    s = run(s, { type: 'redo' }, { type: 'undo' });
    expect(s.mode).toBe('read');
  });

  it('does not ask while another segment still uses the code', () => {
    let s = created(start());
    s = run(s, down, { type: 'openPicker' }, typed('ironie'), { type: 'pickerConfirm' }, { type: 'undo' });
    expect(s.mode).toBe('read');
    expect(s.segments.map((g) => g.codes)).toEqual([['ironie']]);
    expect(run(start(), down, { type: 'openPicker' }, typed('impu'), { type: 'pickerConfirm' }, { type: 'undo' }).mode).toBe('read');
  });
});

describe('saving and quitting', () => {
  it('quits with the cursor offset', () => {
    const s = run(start(), down, { type: 'quit' });
    expect(s.effects.at(-1)).toEqual({ type: 'quit', cursor: sentences[1]!.start, furthest: sentences[1]!.end, read: [{ start: sentences[0]!.start, end: sentences[1]!.end }] });
  });

  it('says how far reading got, even after going back up', () => {
    const s = run(start(), down, down, down, down, up, up, up, { type: 'quit' });
    expect(s.effects.at(-1)).toEqual({ type: 'quit', cursor: sentences[1]!.start, furthest: sentences[4]!.end, read: [{ start: sentences[0]!.start, end: sentences[4]!.end }] });
  });

  it('counts nothing as read on opening: the sentence the screen opens on is read once the coder moves or acts on it', () => {
    // An answers-only transcript opens on a long first answer: « lu 3 % » before a key was pressed.
    const shown: Action = { type: 'shown', window: { start: 0, end: TEXT.length } };
    const opened = run(start({ initialCursor: sentences[2]!.start, window: { start: 0, end: TEXT.length } }), shown);
    expect(readSpans(opened)).toEqual([]);
    expect(progress(opened).read).toBe(0);
    // Opened and closed again: nothing read is remembered (the transcript list says 0 %).
    expect(run(opened, { type: 'quit' }).effects.at(-1)).toMatchObject({ read: [] });
    // A resize shows more of the text: still nothing read.
    expect(readSpans(run(opened, { type: 'shown', window: { start: 0, end: 10 } }, shown))).toEqual([]);
    // Moving on: the sentence left and the one come to.
    expect(readSpans(run(opened, down))).toEqual([{ start: sentences[2]!.start, end: sentences[3]!.end }]);
    expect(readSpans(run(opened, up))).toEqual([{ start: sentences[1]!.start, end: sentences[2]!.end }]);
    // Selecting or coding it: it has been read.
    expect(readSpans(run(opened, { type: 'select' }))).toEqual([{ start: sentences[2]!.start, end: sentences[2]!.end }]);
    expect(readSpans(run(opened, { type: 'openPicker' }))).toEqual([{ start: sentences[2]!.start, end: sentences[2]!.end }]);
    expect(progress(run(opened, down)).read).toBeCloseTo(readShare(transcript, readSpans(run(opened, down))), 12);
  });

  it('counts a passage coded as read, also the part of it the screen never showed', () => {
    // A selection run to the end of a long answer with $ shows its start and its end; the coder
    // codes it all: « lu 1 % · codé 7 % » said that less was read than coded.
    const s2 = sentences[2]!;
    const s3 = sentences[3]!;
    let s = run(start({ window: { start: 0, end: 0 } }), { type: 'moveTo', sentence: 2 }, { type: 'select' }, { type: 'extend', unit: 'sentence', dir: 1 });
    expect(readSpans(s)).toEqual([]);
    s = run(s, { type: 'openPicker' }, typed('impu'), { type: 'pickerConfirm' });
    expect(s.segments.map((g) => [g.start, g.end])).toEqual([[s2.start, s3.end]]);
    expect(readSpans(s)).toEqual([{ start: s2.start, end: s3.end }]);
    expect(progress(s).read).toBeCloseTo(readShare(transcript, readSpans(s)), 12);
  });

  it('counts what earlier sessions read as read', () => {
    const s = start({ read: [{ start: sentences[3]!.start, end: sentences[5]!.end }], initialCursor: sentences[4]!.start });
    expect(progress(s).visited).toBe(3);
    expect(run(s, { type: 'quit' }).effects.at(-1)).toMatchObject({ read: [{ start: sentences[3]!.start, end: sentences[5]!.end }] });
  });

  it('counts as read only what the screen showed of the current sentence, when the screen says what it shows', () => {
    let s = start({ window: { start: 0, end: 0 } });
    expect(readSpans(s)).toEqual([]);
    s = run(s, { type: 'moveTo', sentence: 2 });
    expect(readSpans(s)).toEqual([]);
    const s2 = sentences[2]!;
    const middle = TEXT.indexOf('quoi');
    // The window shows the first half of the sentence (and text around it that the cursor is not on).
    s = run(s, { type: 'shown', window: { start: 0, end: middle } });
    expect(readSpans(s)).toEqual([{ start: s2.start, end: middle }]);
    expect(progress(s).read).toBeCloseTo(readShare(transcript, readSpans(s)), 12);
    const half = progress(s).read;
    expect(half).toBeGreaterThan(0);
    // The same window again changes nothing; the rest of the sentence comes into sight.
    expect(run(s, { type: 'shown', window: { start: 0, end: middle } })).toBe(s);
    s = run(s, { type: 'shown', window: { start: middle - 3, end: TEXT.length } });
    expect(readSpans(s)).toEqual([{ start: s2.start, end: s2.end }]);
    expect(progress(s).read).toBeGreaterThan(half);
    expect(progress(s).read).toBeCloseTo(readShare(transcript, readSpans(s)), 12);
    // Down to a sentence inside the window: read at once.
    s = run(s, down);
    expect(readSpans(s)).toEqual([{ start: s2.start, end: sentences[3]!.end }]);
  });

  it('counts as read the sentences a page move passes over, as much as the pages left and come to showed', () => {
    // The first page shows up to the middle of the fourth sentence; the next one, from there on.
    const middle = TEXT.indexOf('quoi');
    let s = start({ window: { start: 0, end: middle } });
    s = run(s, { type: 'shown', window: { start: 0, end: middle } });
    expect(readSpans(s)).toEqual([]);
    // (The screen then says what it shows, as after every key.)
    const next: Action = { type: 'shown', window: { start: middle, end: TEXT.length } };
    s = run(s, { type: 'moveTo', sentence: 5, top: 3, shows: { start: middle, end: TEXT.length } }, next);
    expect(s.cursor).toBe(5);
    expect(readSpans(s)).toEqual([{ start: sentences[0]!.start, end: sentences[5]!.end }]);
    expect(progress(s).read).toBeCloseTo(readShare(transcript, readSpans(s)), 12);
    expect(progress(s).visited).toBe(6);
    // Only what a window showed: a sentence out of both stays unread, and so does the part of one.
    let gap = start({ window: { start: 0, end: sentences[1]!.end } });
    gap = run(gap, { type: 'moveTo', sentence: 5, top: 3, shows: { start: middle, end: TEXT.length } }, next);
    expect(readSpans(gap)).toEqual([
      { start: sentences[0]!.start, end: sentences[1]!.end },
      { start: middle, end: sentences[5]!.end },
    ]);
    // A move that is no page move (a line, a search) reads only where the cursor lands.
    const jump = run(start({ window: { start: 0, end: TEXT.length } }), { type: 'moveTo', sentence: 5 });
    expect(readSpans(jump)).toEqual([sentences[0], sentences[5]].map((x) => ({ start: x!.start, end: x!.end })));
  });

  it('counts the part of a sentence that an earlier session read, not the whole sentence', () => {
    const s2 = sentences[2]!;
    const middle = TEXT.indexOf('quoi');
    const s = start({ read: [{ start: s2.start, end: middle }], initialCursor: sentences[0]!.start, window: { start: 0, end: 0 } });
    expect(progress(s).read).toBeCloseTo(readShare(transcript, [{ start: s2.start, end: middle }]), 12);
    expect(progress(s).read).toBeLessThan(readShare(transcript, [s2]));
  });

  it('keeps the state after a failed save, retries, then lets the coder quit anyway', () => {
    let s = run(start(), down, { type: 'openPicker' }, typed('humour'), { type: 'pickerConfirm' });
    s = reduce({ ...s, effects: [] }, { type: 'saveFailed', error: 'disque plein' });
    expect(s.saveError).toBe('disque plein');
    expect(s.segments).toHaveLength(1);
    s = reduce(s, { type: 'quit' });
    expect(s.effects.map((e) => e.type)).toEqual(['save']);
    expect(s.quitArmed).toBe(true);
    s = reduce({ ...s, effects: [] }, { type: 'saveFailed', error: 'disque plein' });
    s = reduce(s, { type: 'quit' });
    expect(s.effects.map((e) => e.type)).toEqual(['quit']);
  });

  it('clears the save error once a save succeeds', () => {
    let s = reduce(start(), { type: 'saveFailed', error: 'x' });
    s = reduce(s, { type: 'saved' });
    expect(s.saveError).toBeNull();
  });

  it('does not drop a memo being typed at the first Ctrl-C: says so, and quits at the second', () => {
    let s = run(start(), { type: 'memoTranscript' }, { type: 'promptType', text: 'Relance sur la fatigue' }, { type: 'quit' });
    expect(s.mode).toBe('prompt');
    expect(s.prompt?.value).toBe('Relance sur la fatigue');
    expect(s.effects.map((e) => e.type)).not.toContain('quit');
    expect(s.message?.text.fr).toBe('Mémo pas encore enregistré\u00a0: ⏎ l’enregistre, Échap l’abandonne, Ctrl-C à nouveau quitte sans lui.');
    s = reduce(s, { type: 'quit' });
    expect(s.mode).toBe('read');
    expect(s.effects.at(-1)?.type).toBe('quit');
    // Nothing typed, or the memo as saved: the first Ctrl-C quits, as from anywhere.
    expect(run(start(), { type: 'memoTranscript' }, { type: 'quit' }).effects.at(-1)?.type).toBe('quit');
  });

  it('closes what is open when quitting from the picker', () => {
    const s = run(start(), { type: 'openPicker' }, { type: 'quit' });
    expect(s.mode).toBe('read');
    expect(s.effects.at(-1)?.type).toBe('quit');
  });
});

describe('overlays', () => {
  it('shows notices first, dismissed by any key', () => {
    let s = start({ notices: ['2 segments ré-ancrés'] });
    expect(s.mode).toBe('notices');
    s = run(s, down);
    expect(s.mode).toBe('read');
    expect(s.cursor).toBe(0);
  });

  it('opens and closes the help', () => {
    const s = run(start(), { type: 'help' }, { type: 'scrollHelp', delta: 3 });
    expect(s).toMatchObject({ mode: 'help', helpTop: 3 });
    expect(run(s, { type: 'dismiss' }).mode).toBe('read');
  });

  it('copes with an empty transcript', () => {
    const s = initSession({
      transcript: { ...transcript, text: '', turns: [], annotations: [] },
      sentences: [],
      codebook,
      segments: [],
      language: 'en',
      newSegmentId: idCounter(),
      wordSpans: () => [],
    });
    const after = run(s, down, { type: 'extend', unit: 'sentence', dir: 1 }, { type: 'openPicker' }, { type: 'nextUncoded', dir: 1 });
    expect(after.mode).toBe('read');
    expect(cursorOffset(after)).toBe(0);
  });
});

describe('code suggestions', () => {
  const because = (participant: string, text: string) => ({ segment: 'old1', participant, text, score: 2 });
  const asked: { text: string; exclude: string | undefined }[] = [];
  const suggest = (text: string, exclude?: string) => {
    asked.push({ text, exclude });
    return [
      { code: 'frustration', score: 3, because: because('MG3', 'Ça m’agace, ces patients qui ne suivent rien.') },
      { code: 'inconnu', score: 2, because: because('MG4', 'un code absent du livre de codes') },
      { code: 'impuissance', score: 1, because: because('MG5', 'Je ne sais plus quoi faire.') },
    ];
  };

  it('lists the suggested codes first in the picker, marked, with the passage that explains them', () => {
    const s = run(start({ suggest }), down, down, { type: 'openPicker' });
    expect(asked.at(-1)).toEqual({ text: 'Je ne sais plus quoi lui proposer.', exclude: undefined });
    const items = s.picker?.items ?? [];
    expect(items.slice(0, 2).map((i) => i.id)).toEqual(['frustration', 'impuissance']);
    expect(items[0]?.note).toBe('≈ suggéré · Vécu du médecin › Émotions négatives');
    expect(items[0]?.detail).toEqual(['≈ comme MG3\u00a0: Ça m’agace, ces patients qui ne suivent rien.']);
    // The definition comes first, the suggestion's reason under it.
    expect(items[1]?.detail?.[0]).toContain('Le médecin dit ne plus savoir quoi proposer.');
    expect(items[1]?.detail?.[1]).toBe('≈ comme MG5\u00a0: Je ne sais plus quoi faire.');
    expect(items.some((i) => i.id === 'inconnu')).toBe(false);
    expect(items[2]?.note).toBeUndefined();
    // Typing filters as before; the suggestion only orders the list.
    expect(run(s, typed('desemp')).picker?.items[0]?.id).toBe('desemparement');
  });

  it('leaves the segment being recoded out of its own suggestions, and shows nothing without suggestions', () => {
    let s = run(start({ suggest }), down, down, { type: 'openPicker' }, typed('impu'), { type: 'pickerConfirm' });
    const id = s.segments[0]?.id as string;
    s = run(s, { type: 'editSegment' });
    expect(asked.at(-1)?.exclude).toBe(id);
    expect(s.picker?.items[0]?.id).toBe('impuissance');
    const plain = run(start(), down, down, { type: 'openPicker' });
    expect(plain.picker?.items.every((i) => i.note === undefined)).toBe(true);
  });

  it('leaves out of the suggestions, when ⏎ codes again a passage that is a segment already, that segment and the codes it has', () => {
    // ⏎ on a sentence just coded: the suggestions must not come from the sentence itself
    // (« ≈ comme MG2 : » the same words), nor offer the code it already has.
    let s = run(start({ suggest }), down, down, { type: 'openPicker' }, typed('frustr'), { type: 'pickerConfirm' });
    const id = s.segments[0]?.id as string;
    s = run(s, { type: 'openPicker' });
    expect(s.picker?.purpose).toBe('apply');
    expect(asked.at(-1)?.exclude).toBe(id);
    expect(s.picker?.items.find((i) => i.id === 'frustration')?.note).toBeUndefined();
    expect(s.picker?.items[0]?.id).toBe('impuissance');
  });
});

describe('code all hits of a search', () => {
  it('lists the participant’s sentences holding a hit, ticked; the unticked ones are left; one undo takes all back', () => {
    let s = runSearch(start(), 'e');
    s = run(s, { type: 'codeAllHits' });
    expect(s.picker?.purpose).toBe('hits');
    const labels = s.picker?.items.map((i) => i.label) ?? [];
    // Every participant sentence has an "e"; the interviewer's question and "D'accord." are not listed.
    expect(labels).toEqual(["Alors *rire* c'est compliqué.", 'Je ne sais plus quoi lui proposer.', 'On se sent démuni.', 'Les délais sont très longs.', 'Huit mois pour le centre antidouleur !']);
    expect(s.picker?.checked).toHaveLength(5);
    // Each hit leads with its line, padded so the sentences line up.
    const leads = s.picker?.items.map((i) => i.lead) ?? [];
    expect(leads.every((l) => /^l\. \d+ *$/.test(l ?? ''))).toBe(true);
    expect(new Set(leads.map((l) => l?.length)).size).toBe(1);
    s = run(s, { type: 'pickerToggle' }); // untick the first: a false hit
    s = run(s, { type: 'pickerConfirm' });
    expect(s.picker?.purpose).toBe('apply');
    expect(s.picker?.targets).toHaveLength(4);
    s = run(s, typed('impu'), { type: 'pickerConfirm' });
    expect(s.segments.map((x) => spanText(x))).toEqual(['Je ne sais plus quoi lui proposer.', 'On se sent démuni.', 'Les délais sont très longs.', 'Huit mois pour le centre antidouleur !']);
    expect(s.segments.every((x) => x.codes.join() === 'impuissance')).toBe(true);
    expect(s.effects.filter((e) => e.type === 'save')).toHaveLength(1);
    const again = run(runSearch(s, 'e'), { type: 'codeAllHits' }, { type: 'pickerConfirm' }, typed('impu'), { type: 'pickerConfirm' });
    expect(again.segments).toHaveLength(5);
    expect(again.message?.text.en).toContain('1 passage(s) coded: Impuissance — 4 already coded');
    expect(run(s, { type: 'undo' }).segments).toEqual([]);
  });
  it('codes each hit’s sentence as Enter would: without the annotation that opens it', () => {
    const t = makeTranscript('Enquêteur : Et les opioïdes ?\nMG1 : (silence) Je prescris peu. Très peu, je prescris.\n', 'MG1');
    const words = (from: number, to: number) => coreWordSpans(t.text, from, to);
    let s = runSearch(start({ transcript: t, sentences: segmentSentences(t.text, t.turns), wordSpans: words }), 'prescris');
    s = run(s, { type: 'codeAllHits' }, { type: 'pickerConfirm' }, typed('impu'), { type: 'pickerConfirm' });
    expect(s.segments.map((x) => t.text.slice(x.start, x.end))).toEqual(['Je prescris peu.', 'Très peu, je prescris.']);
  });

  it('shows each hit in its row: a long sentence is shown from a few words before the hit', () => {
    const long = `${Array.from({ length: 20 }, (_, i) => `on voit le patient numéro ${i} qui revient`).join(', ')}, et les kinés sont débordés, voilà.`;
    const t = makeTranscript(`Enquêteur : Et les kinés ?\nMG1 : ${long}\nEnquêteur : Et après ?\nMG1 : Débordés, oui.\n`, 'MG1');
    const words = (from: number, to: number) => coreWordSpans(t.text, from, to);
    let s = runSearch(start({ transcript: t, sentences: segmentSentences(t.text, t.turns), wordSpans: words }), 'debordes');
    s = run(s, { type: 'codeAllHits' });
    const labels = s.picker?.items.map((i) => i.label) ?? [];
    // The hit is within the first words of what a row at 80 columns shows (about 60 columns of it).
    expect(labels[0]).toMatch(/^… .{0,30}débordés, voilà\.$/);
    expect(labels[1]).toBe('Débordés, oui.');
    // What is coded is still the whole sentence.
    s = run(s, { type: 'pickerConfirm' }, typed('impu'), { type: 'pickerConfirm' });
    expect(s.segments.map((x) => t.text.slice(x.start, x.end))).toEqual([`${long}`, 'Débordés, oui.']);
  });

  it('says what to do without a search', () => {
    expect(run(start(), { type: 'codeAllHits' }).message?.text.en).toBe('No search yet: / to search, then A.');
  });
});
