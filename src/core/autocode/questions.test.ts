import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../text/decode.js';
import { parseTranscript } from '../transcript/parse.js';
import type { Transcript } from '../types.js';
import { answersByQuestion, matchQuestion, parseGuide, questionCodeName } from './questions.js';

function transcript(id: string, text: string): Transcript {
  return parseTranscript({ file: `transcripts/${id}.txt`, bytes: new TextEncoder().encode(text), defaultId: id, decodeUtf8 }).transcript;
}
const demo = (id: string) => {
  const file = `fixtures/demo/transcripts/${id}.txt`;
  return parseTranscript({ file, bytes: readFileSync(file), defaultId: id, decodeUtf8 }).transcript;
};
const GUIDE = parseGuide(readFileSync('fixtures/guide/guide-entretien.txt', 'utf8'));

describe('interview guide', () => {
  it('reads the numbered questions, their prompts helping to recognise them, and nothing else', () => {
    expect(GUIDE.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(GUIDE[3]!.text).toBe('Comment vivez-vous la prescription des antalgiques ?');
    expect(GUIDE[3]!.words.has('opioid')).toBe(true);
  });
  it('takes the lines ending with "?" in order when nothing is numbered', () => {
    const guide = parseGuide('Thème A\n- Comment allez-vous ?\nRelance : et encore\n• Que pensez-vous des délais ?\n');
    expect(guide.map((q) => [q.number, q.text])).toEqual([
      [1, 'Comment allez-vous ?'],
      [2, 'Que pensez-vous des délais ?'],
    ]);
  });
  it('names the question code with its first words', () => {
    expect(questionCodeName(4)).toBe('Q4');
    expect(questionCodeName(4, GUIDE[3]!.text)).toBe('Q4 — Comment vivez-vous la prescription des antalgiques');
    expect(questionCodeName(1, GUIDE[0]!.text)).toBe('Q1 — Pouvez-vous me parler du dernier patient…');
  });
  it('matches a rephrased question, and not a prompt', () => {
    expect(matchQuestion('Vous avez parlé de Lyrica. Comment vous vivez la prescription des antalgiques chez ces patients ?', GUIDE)).toBe(4);
    expect(matchQuestion('Est-ce que vous avez eu une formation sur la douleur ?', GUIDE)).toBe(7);
    // A prompt on the question's own topic finds it; a prompt with no topic word finds none.
    expect(matchQuestion('Vous la redoutez ?', GUIDE)).toBe(2);
    expect(matchQuestion("C'est-à-dire ? Et alors ?", GUIDE)).toBeNull();
    expect(matchQuestion("D'accord.", GUIDE)).toBeNull();
  });
});

describe('answers by question', () => {
  it('cuts an answers-only transcript at its question numbers, exactly on the text', () => {
    const mg5 = demo('MG5');
    const plan = answersByQuestion(mg5, null);
    expect(plan.method).toBe('numbered');
    expect(plan.passages.map((p) => p.question)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const p of plan.passages) expect(mg5.text.slice(p.start, p.end)).toBe(p.text);
    expect(plan.passages[3]!.text.startsWith('Prescription : paracétamol')).toBe(true);
    expect(plan.passages[1]!.line).toBe(3);
  });
  it('does not take a number inside an answer for a question', () => {
    const t = transcript('R1', '1. Beaucoup.\n10 - 15 patients par jour, dont 3 douloureux.\n2. Non.\n');
    expect(answersByQuestion(t, null).passages.map((p) => [p.question, p.text])).toEqual([
      [1, 'Beaucoup.\n10 - 15 patients par jour, dont 3 douloureux.'],
      [2, 'Non.'],
    ]);
  });
  it('gives each participant turn the guide question asked before it; a prompt keeps that question', () => {
    const mg1 = demo('MG1');
    const plan = answersByQuestion(mg1, GUIDE);
    expect(plan.method).toBe('interviewer');
    const firstWords = plan.passages.map((p) => [p.question, p.text.split(/\s+/).slice(0, 3).join(' ')]);
    expect(firstWords.slice(0, 7)).toEqual([
      [1, 'Alors euh… le'],
      [2, "(silence) C'est… c'est"],
      [2, 'Oui, enfin, redouter'],
      [3, 'Alors elle, elle'],
      [3, 'Ben je fais'],
      [4, "Euh… alors, c'est"],
      [4, 'Le paracétamol, bon,'],
    ]);
    for (const p of plan.passages) expect(mg1.text.slice(p.start, p.end)).toBe(p.text);
    expect(plan.prompts).toBeGreaterThan(0);
  });
  it('numbers the interviewer’s questions in order without a guide', () => {
    const t = transcript('X', 'E : Bonjour. Votre âge ?\n\nP : 40 ans.\n\nE : Bien.\n\nP : Oui.\n\nE : Et la douleur ?\n\nP : Difficile.\n');
    expect(answersByQuestion(t, null).passages.map((p) => [p.question, p.text])).toEqual([
      [1, '40 ans.'],
      [1, 'Oui.'],
      [2, 'Difficile.'],
    ]);
  });
});
