import { describe, it, expect } from 'vitest';
import { contextOf } from './context.js';
import { reanchorAll, reanchorSegment } from './reanchor.js';

const before = `P03 : Alors c'est compliqué. Je ne sais plus quoi lui proposer, honnêtement.
Enquêteur : Et vous ?
P03 : On se sent très démunis, on bricole en attendant le centre antidouleur.`;

function segmentOf(text: string, quote: string): { start: number; end: number; text: string } {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  return { start, end: start + quote.length, text: quote };
}

describe('reanchorSegment', () => {
  it('leaves a segment whose text is still there unchanged', () => {
    const seg = segmentOf(before, 'on bricole en attendant');
    expect(reanchorSegment(before, seg)).toEqual({ ...seg, status: 'unchanged', score: 1 });
  });

  it('moves a segment when text is inserted before it', () => {
    const seg = segmentOf(before, 'on bricole en attendant');
    const after = before.replace('Enquêteur : Et vous ?', 'Enquêteur : Et vous, comment le vivez-vous au quotidien ?');
    const r = reanchorSegment(after, seg);
    expect(r.status).toBe('moved');
    expect(r.start).toBe(seg.start + 36);
    expect(after.slice(r.start, r.end)).toBe(seg.text);
  });

  it('chooses the occurrence nearest the old place', () => {
    const text = 'oui. Et puis oui. Enfin oui.';
    const r = reanchorSegment(`Bon, ${text}`, { start: 13, end: 16, text: 'oui' });
    expect(r).toMatchObject({ status: 'moved', start: 18 });
  });

  it('never finds a word inside another word: `oui` is not in `Louis`', () => {
    const r = reanchorSegment('P1 : Louis est là. Bon, oui.', { start: 2, end: 5, text: 'oui' });
    expect(r).toMatchObject({ status: 'moved', start: 'P1 : Louis est là. Bon, '.length });
    expect(reanchorSegment('P1 : Louis est là.', { start: 0, end: 3, text: 'oui' }).status).toBe('unplaced');
  });

  it('chooses among repeated occurrences by the text around the segment, before the old place', () => {
    const text = 'P1 : La lombalgie, c’est mécanique. Bon.\nE : Et le dos ?\nP1 : Une lombalgie chronique, souvent.\nE : Et ?\nP1 : Encore une lombalgie, voilà.';
    const third = text.lastIndexOf('lombalgie');
    // The transcript was edited above: every offset moved by 20, and the old offset now points near the first.
    const edited = `Entretien relu. Bon. ${text}`;
    const seg = { start: 3, end: 12, text: 'lombalgie', prefix: 'Encore une ', suffix: ', voilà.' };
    expect(reanchorSegment(edited, seg).start).toBe(third + 21);
    // Without its context, the nearest occurrence is taken.
    expect(reanchorSegment(edited, { start: 3, end: 12, text: 'lombalgie' }).start).toBe(edited.indexOf('lombalgie'));
  });

  it('follows a typo fixed in the transcript, and returns the new exact text', () => {
    const typo = before.replace('démunis', 'démunnis');
    const seg = segmentOf(typo, 'On se sent très démunnis, on bricole');
    const r = reanchorSegment(before, seg);
    expect(r.status).toBe('approximate');
    expect(r.text).toBe('On se sent très démunis, on bricole');
    expect(before.slice(r.start, r.end)).toBe(r.text);
    expect(r.score).toBeGreaterThan(0.9);
  });

  it('follows case and punctuation changes as normalised', () => {
    const edited = before.replace('Je ne sais plus quoi lui proposer, honnêtement', 'je ne sais plus quoi lui proposer… Honnêtement');
    const seg = segmentOf(before, 'Je ne sais plus quoi lui proposer, honnêtement');
    const r = reanchorSegment(edited, seg);
    expect(r.status).toBe('normalised');
    expect(r.text).toBe('je ne sais plus quoi lui proposer… Honnêtement');
  });

  it('keeps the guillemets and the final punctuation of a segment when only the spaces around them changed', () => {
    // What Word's autocorrect or a transcriber does: a space becomes a no-break one before `?`
    // and after `«`, or the other way round. The segment keeps every character it had.
    const text = 'E : Et alors ?\nP2 : Oui. « Est-ce que je vais trop loin ? » je me pose la question. Sa fille m’a appelée un dimanche\u00a0!\n';
    const edited = text.replace('« Est', '«\u00a0Est').replace('loin ?', 'loin\u00a0?').replace('dimanche\u00a0!', 'dimanche !');
    const guillemets = reanchorSegment(edited, segmentOf(text, '« Est-ce que je vais trop loin ? » je me pose la question.'));
    expect(guillemets).toMatchObject({ status: 'normalised', text: '«\u00a0Est-ce que je vais trop loin\u00a0? » je me pose la question.' });
    expect(edited.slice(guillemets.start, guillemets.end)).toBe(guillemets.text);
    const exclamation = reanchorSegment(edited, segmentOf(text, 'Sa fille m’a appelée un dimanche\u00a0!'));
    expect(exclamation).toMatchObject({ status: 'normalised', text: 'Sa fille m’a appelée un dimanche !' });
  });

  it('does not widen a segment over characters that are not its own', () => {
    const text = 'P1 : Il a dit « non » tout de suite.';
    const edited = 'P1 : Il a dit ( non ) tout de suite.';
    const r = reanchorSegment(edited, segmentOf(text, '« non »'));
    expect(r.text.includes('(')).toBe(false);
  });

  it('finds a short quote a word was added to between its unchanged neighbours, as approximate', () => {
    const text = 'MG2 : Le matin ça va, mais le soir je suis vidée, voilà. Et puis le lendemain ça recommence.';
    const seg = { ...segmentOf(text, 'je suis vidée'), ...contextOf(text, text.indexOf('je suis vidée'), text.indexOf('je suis vidée') + 13) };
    const edited = text.replace('je suis vidée', 'je suis complètement vidée');
    expect(reanchorSegment(edited, seg)).toMatchObject({ status: 'approximate', text: 'je suis complètement vidée', score: 1 });
    // Not when a neighbour changed too, nor when the words between say something else.
    expect(reanchorSegment(edited.replace('mais le soir', 'mais la nuit'), seg).status).toBe('unplaced');
    expect(reanchorSegment(text.replace('je suis vidée', 'tout va bien'), seg).status).toBe('unplaced');
    // Nor when the neighbours are found side by side twice.
    expect(reanchorSegment(`${edited} ${edited.replace('complètement', 'bien')}`, seg).status).toBe('unplaced');
  });

  it('keeps the old offsets of a segment whose quote was deleted, as unplaced', () => {
    const seg = segmentOf(before, 'Je ne sais plus quoi lui proposer, honnêtement.');
    const edited = before.replace(' Je ne sais plus quoi lui proposer, honnêtement.', '');
    const r = reanchorSegment(edited, seg);
    expect(r).toMatchObject({ status: 'unplaced', start: seg.start, end: seg.end, text: seg.text });
    expect(r.score).toBeLessThan(0.85);
  });
});

describe('reanchorAll', () => {
  it('re-anchors a batch: unchanged, moved, unplaced', () => {
    const segs = [
      segmentOf(before, 'Alors'),
      segmentOf(before, 'on bricole en attendant'),
      segmentOf(before, 'Enquêteur : Et vous ?'),
    ];
    const edited = `Transcription relue.\n${before.replace('Enquêteur : Et vous ?\n', '')}`;
    const shifted = { ...segs[0]!, start: segs[0]!.start, end: segs[0]!.end };
    const results = reanchorAll(edited, [shifted, segs[1]!, segs[2]!]);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'unplaced']);
    expect(edited.slice(results[1]!.start, results[1]!.end)).toBe('on bricole en attendant');
  });

  it('keeps 5,000 unchanged segments where they are', () => {
    const text = before.repeat(200);
    const segs = Array.from({ length: 5000 }, (_, i) => ({ start: i % 100, end: (i % 100) + 5, text: text.slice(i % 100, (i % 100) + 5) }));
    const results = reanchorAll(text, segs);
    expect(results.every((r) => r.status === 'unchanged')).toBe(true);
  });
});
