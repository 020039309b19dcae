import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../transcript/parse.js';
import { codedShare, speechCoverage, speechRanges, wordsBySide } from './speech.js';

function transcript(body: string) {
  return parseTranscript({ file: 'transcripts/P1.txt', bytes: new TextEncoder().encode(body), defaultId: 'P1' }).transcript;
}

const BODY =
  'Enquêtrice : Pouvez-vous me parler de votre dernier patient douloureux ?\n' +
  "P1 : Alors *rire* c'est compliqué. Je ne sais plus quoi lui proposer.\n" +
  "Enquêtrice : D'accord.\n" +
  'P1 : Huit mois (silence) pour le centre antidouleur !\n';

describe('participant speech', () => {
  it('is the participant turns after their label, without annotations', () => {
    const t = transcript(BODY);
    expect(speechRanges(t).map((r) => t.text.slice(r.start, r.end))).toEqual([
      'Alors ',
      " c'est compliqué. Je ne sais plus quoi lui proposer.",
      'Huit mois ',
      ' pour le centre antidouleur !',
    ]);
  });

  it('counts coded characters once where segments overlap, and never spaces or the interviewer', () => {
    const t = transcript(BODY);
    const at = (quote: string) => ({ start: t.text.indexOf(quote), end: t.text.indexOf(quote) + quote.length });
    const ranges = speechRanges(t);
    const visible = (s: string) => s.replace(/\s/g, '').length;
    const speech = visible("Alors c'est compliqué. Je ne sais plus quoi lui proposer.Huit mois pour le centre antidouleur !");
    expect(speechCoverage(t.text, ranges, [])).toEqual({ speech, coded: 0 });
    // Two overlapping segments, and one over the interviewer's question (not speech).
    const segments = [at('Je ne sais plus'), at('sais plus quoi'), at('Pouvez-vous me parler'), at('Huit mois (silence) pour')];
    expect(speechCoverage(t.text, ranges, segments)).toEqual({ speech, coded: visible('Je ne sais plus quoi') + visible('Huit mois pour') });
    expect(codedShare(t, segments)).toBeCloseTo((visible('Je ne sais plus quoi') + visible('Huit mois pour')) / speech, 12);
    expect(codedShare(t, [{ start: 0, end: t.text.length }])).toBe(1);
  });

  it('falls back to every turn when only the interviewer speaks, and is 0 on an empty transcript', () => {
    const t = transcript('Enquêtrice : Une question ?\nEnquêtrice : Une autre ?\n');
    expect(speechCoverage(t.text, speechRanges(t), []).speech).toBeGreaterThan(0);
    expect(codedShare(transcript(''), [])).toBe(0);
  });

  it("counts the participant's words apart from the interviewer's", () => {
    expect(wordsBySide(transcript(BODY))).toEqual({ participant: 10 + 6, interviewer: 8 + 1 });
  });

  it('leaves out what comes before the first speaker label — the title and date lines a Word transcript opens with', () => {
    const t = transcript(`Entretien MG3\n\nDate : 12/03/2024, durée 24 min\n\n${BODY}`);
    expect(wordsBySide(t)).toEqual({ participant: 10 + 6, interviewer: 8 + 1 });
    expect(speechRanges(t).map((r) => t.text.slice(r.start, r.end))[0]).toBe('Alors ');
    // Without any label, every paragraph is the participant's (answers only).
    expect(wordsBySide(transcript('Entretien MG3\n\nAlors oui.\n')).participant).toBe(4);
  });
});

