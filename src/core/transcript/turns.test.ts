import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DASH_LABEL_LINE, dashLabelLines, findTurns, isAnswersOnly, matchLabelLine, type TranscriptTurn } from './turns.js';

/** Speaker, role and spoken text of each turn. */
function summary(body: string, turns: TranscriptTurn[]) {
  return turns.map((t) => [t.speaker, t.role, body.slice(t.textStart, t.end)]);
}

describe('matchLabelLine', () => {
  it('reads simple lines as the label regex does, on random lines', () => {
    const pieces = [
      'P1', 'Enquêteur', 'Dr', 'Martin', 'MG4', 'oui', 'e\u0301', 'É', '3', '’', "'", '.', '-', ' ', ' ', '\u00a0', '\u202f', '\t', ':',
      ':', ' : ', '(F, 52 ans)', '(', '*', '**', '[00:01:23]', '12', '//', '•', '😀', '\n', 'x',
    ];
    let seed = 9;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let labels = 0;
    for (let n = 0; n < 20000; n++) {
      let body = random() < 0.5 ? 'avant\n' : '';
      const lineStart = body.length;
      const length = 1 + Math.floor(random() * 8);
      for (let i = 0; i < length; i++) body += pieces[Math.floor(random() * pieces.length)];
      const nl = body.indexOf('\n', lineStart);
      const lineEnd = nl === -1 ? body.length : nl;
      const fast = matchLabelLine(body, lineStart, lineEnd);
      expect(fast, JSON.stringify(body)).toEqual(matchLabelLine(body, lineStart, lineEnd, true));
      if (fast !== null) labels++;
    }
    expect(labels).toBeGreaterThan(1000);
  });

  it.each([
    ['Un deux trois quatre : oui', 'Un deux trois quatre'],
    ['Un deux trois quatre cinq : oui', null],
    ['Dr. Martin\u00a0: oui', 'Dr. Martin'],
    ['Heure :12', null],
    ['Voir : http://x', 'Voir'],
    ['Lien ://x', null],
    ['P2 :**oui', 'P2'],
    ['P3 (F, 52 ans) : oui', 'P3'],
    ['**Q** : oui', 'Q'],
    ['Marie', null],
  ])('reads %j as the regex does', (line, label) => {
    const fast = matchLabelLine(line, 0, line.length);
    expect(fast?.label ?? null).toBe(label);
    expect(fast).toEqual(matchLabelLine(line, 0, line.length, true));
  });
});

describe('findTurns', () => {
  it('splits unlabelled text into paragraphs as the blank-line regex does, on random text', () => {
    const reference = (body: string) => {
      const out: [number, number, number][] = [];
      const blank = /\n[ \t\u00a0\u202f\r]*\n/g;
      let start = 0;
      for (;;) {
        const m = blank.exec(body);
        const stop = m === null ? body.length : m.index;
        let textStart = start;
        while (textStart < stop && /[ \t\n\u00a0\u202f\r]/.test(body[textStart]!)) textStart++;
        if (textStart < stop) {
          let end = stop;
          while (end > textStart && /[ \t\n\u00a0\u202f\r]/.test(body[end - 1]!)) end--;
          out.push([Math.max(body.lastIndexOf('\n', textStart - 1) + 1, start), textStart, end]);
        }
        if (m === null) return out;
        start = m.index + m[0].length;
        blank.lastIndex = start;
      }
    };
    const pieces = ['oui', 'non merci', '\n', '\n', ' ', '\t', '\r', '\u00a0', '\u202f', '4. ', 'x'];
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 1000; n++) {
      let body = '';
      const length = Math.floor(random() * 20);
      for (let i = 0; i < length; i++) body += pieces[Math.floor(random() * pieces.length)];
      const turns = findTurns(body).map((t) => [t.start, t.textStart, t.end]);
      expect(turns, JSON.stringify(body)).toEqual(reference(body));
    }
  });

  it('reads `P3 :` and `Enquêteur :` turns with exact spans', () => {
    const body = 'Enquêteur : Pouvez-vous me parler de votre dernier patient ?\nP07 : Alors… *rire* c’est compliqué.\n\nIl avait mal partout.  \n';
    const turns = findTurns(body);
    expect(summary(body, turns)).toEqual([
      ['Enquêteur', 'interviewer', 'Pouvez-vous me parler de votre dernier patient ?'],
      ['P07', 'participant', 'Alors… *rire* c’est compliqué.\n\nIl avait mal partout.'],
    ]);
    expect(turns[0]).toMatchObject({ start: 0, textStart: 12 });
    expect(turns[1]!.start).toBe(body.indexOf('P07'));
    expect(turns[1]!.end).toBe(body.indexOf('partout.') + 8);
  });

  it.each([
    ['P3: oui', 'P3', 'participant'],
    ['Interviewer: oui', 'Interviewer', 'interviewer'],
    ['Intervieweur : oui', 'Intervieweur', 'interviewer'],
    ['Enquêtrice : oui', 'Enquêtrice', 'interviewer'],
    ['Investigatrice : oui', 'Investigatrice', 'interviewer'],
    ['Chercheur : oui', 'Chercheur', 'interviewer'],
    ['Moi : oui', 'Moi', 'interviewer'],
    ['Int. : oui', 'Int.', 'interviewer'],
    ['Animatrice : oui', 'Animatrice', 'interviewer'],
    ['Q : oui', 'Q', 'interviewer'],
    ['MG3 : oui', 'MG3', 'participant'],
    ['Participant 4 : oui', 'Participant 4', 'participant'],
    ['Médecin 2 : oui', 'Médecin 2', 'participant'],
    ['Patient : oui', 'Patient', 'participant'],
    ['Dr Martin : oui', 'Dr Martin', 'participant'],
    ['E05 : oui', 'E05', 'participant'],
    ['A2\u00a0: oui', 'A2', 'participant'],
  ])('recognises %j', (line, speaker, role) => {
    const turns = findTurns(`${line}\n`);
    expect(turns).toHaveLength(1);
    expect(turns[0]).toMatchObject({ speaker, role });
    expect(`${line}\n`.slice(turns[0]!.textStart, turns[0]!.end)).toBe('oui');
  });

  it('reads bold labels and drops the stars from the speaker', () => {
    const body = '**Q** : Depuis quand ?\n**P3 :** Depuis toujours.\n**Dr Martin** : Voilà.';
    expect(summary(body, findTurns(body))).toEqual([
      ['Q', 'interviewer', 'Depuis quand ?'],
      ['P3', 'participant', 'Depuis toujours.'],
      ['Dr Martin', 'participant', 'Voilà.'],
    ]);
  });

  it('reads timestamps before the label', () => {
    const body = '[00:01:23] Marie Durand: Bonjour.\n00:01:30 Paul: Bonjour.\n(00:02:01) Marie Durand : Alors.\n- MG4 : Oui.';
    const turns = findTurns(body);
    expect(turns.map((t) => [t.time, t.speaker])).toEqual([
      ['00:01:23', 'Marie Durand'],
      ['00:01:30', 'Paul'],
      ['00:02:01', 'Marie Durand'],
      [undefined, 'MG4'],
    ]);
    expect(body.slice(turns[3]!.textStart, turns[3]!.end)).toBe('Oui.');
  });

  it('makes E the interviewer when paired with R', () => {
    const body = 'E: Vous avez mal ?\nR: Oui.\nE: Depuis quand ?\nR: Longtemps.';
    expect(findTurns(body).map((t) => [t.speaker, t.role])).toEqual([
      ['E', 'interviewer'],
      ['R', 'participant'],
      ['E', 'interviewer'],
      ['R', 'participant'],
    ]);
  });

  it('makes E the interviewer beside any other speaker, and a participant alone', () => {
    expect(findTurns('E : Bonjour.\nP1 : Bonjour.').map((t) => t.role)).toEqual(['interviewer', 'participant']);
    expect(findTurns('E : Bonjour.').map((t) => t.role)).toEqual(['participant']);
  });

  it('leaves details in parentheses out of the speaker', () => {
    const body = 'MG4 (F, 52 ans) : Oui.\nEnquêtrice : Et ?';
    expect(summary(body, findTurns(body))).toEqual([
      ['MG4', 'participant', 'Oui.'],
      ['Enquêtrice', 'interviewer', 'Et ?'],
    ]);
  });

  it('keeps `Alors : voilà` in the paragraph', () => {
    const body = 'P2 : Je vais vous dire.\nAlors : voilà, il avait mal.\nEnquêtrice : D’accord.';
    expect(summary(body, findTurns(body))).toEqual([
      ['P2', 'participant', 'Je vais vous dire.\nAlors : voilà, il avait mal.'],
      ['Enquêtrice', 'interviewer', 'D’accord.'],
    ]);
  });

  it('accepts an unknown label that opens two lines, never a discourse word', () => {
    const body = 'Sophie : Bonjour.\nJean-Pierre : Bonjour.\nSophie : Ça va ?\nJean-Pierre : Oui.\nDonc : rien.\nDonc : toujours rien.';
    const turns = findTurns(body);
    expect(turns.map((t) => t.speaker)).toEqual(['Sophie', 'Jean-Pierre', 'Sophie', 'Jean-Pierre']);
    expect(body.slice(turns[3]!.textStart, turns[3]!.end)).toBe('Oui.\nDonc : rien.\nDonc : toujours rien.');
  });

  it('ignores a unique unknown label, times, URLs and lowercase words', () => {
    const body = 'P1 : On se voit\nà 10:30 demain.\nJ’ai lu : rien.\nvoir : https://example.org\nRendez-vous 10:30';
    expect(findTurns(body).map((t) => t.speaker)).toEqual(['P1']);
  });

  it('turns the text before the first label into unlabelled paragraphs', () => {
    const body = 'Entretien n° 3\nle 12 mars\n\nDurée : 34 min\n\nP3 : Bonjour.';
    const turns = findTurns(body);
    expect(summary(body, turns)).toEqual([
      [null, 'unknown', 'Entretien n° 3\nle 12 mars'],
      [null, 'unknown', 'Durée : 34 min'],
      ['P3', 'participant', 'Bonjour.'],
    ]);
    expect(turns[1]!.start).toBe(body.indexOf('Durée'));
  });

  it('reads a file without labels as the participant speaking in paragraphs', () => {
    const body = '\n  Je suis médecin depuis vingt ans.\nEt j’aime ça.\n\n\n\nMais la douleur chronique…  \n';
    const turns = findTurns(body);
    expect(summary(body, turns)).toEqual([
      [null, 'participant', 'Je suis médecin depuis vingt ans.\nEt j’aime ça.'],
      [null, 'participant', 'Mais la douleur chronique…'],
    ]);
    expect(turns[0]).toMatchObject({ start: 1, textStart: 3 });
    expect(isAnswersOnly(turns)).toBe(false);
  });

  it('recognises answers-only transcripts numbered by question', () => {
    const body = '1. Médecin généraliste depuis 12 ans.\n\n4. relativement fréquent, surtout les lombalgies.\n\n5) Non.\n\nSans réponse.';
    const turns = findTurns(body);
    expect(turns.map((t) => [t.questionNumber, t.role, t.speaker])).toEqual([
      [1, 'participant', null],
      [4, 'participant', null],
      [5, 'participant', null],
      [undefined, 'participant', null],
    ]);
    expect(body.slice(turns[1]!.textStart, turns[1]!.end)).toBe('4. relativement fréquent, surtout les lombalgies.');
    expect(isAnswersOnly(turns)).toBe(true);
  });

  it('handles a label with no text, and text on the next line', () => {
    const body = 'P1 :\nOui, bien sûr.\nP2 :   \nEnquêteur : Et vous ?';
    const turns = findTurns(body);
    expect(summary(body, turns)).toEqual([
      ['P1', 'participant', 'Oui, bien sûr.'],
      ['P2', 'participant', ''],
      ['Enquêteur', 'interviewer', 'Et vous ?'],
    ]);
    expect(turns[1]).toMatchObject({ start: body.indexOf('P2'), end: body.indexOf('P2') + 4, textStart: body.indexOf('P2') + 4 });
  });

  it('returns nothing for an empty or blank body', () => {
    expect(findTurns('')).toEqual([]);
    expect(findTurns(' \n\n \n')).toEqual([]);
  });

  it('finds all 2,000 turns of a long transcript', () => {
    const body = 'Enquêteur : Et alors ?\nP1 : Alors : je ne sais pas, euh, c’est compliqué.\n'.repeat(1000);
    const turns = findTurns(body);
    expect(turns).toHaveLength(2000);
  });
});

describe('dashLabelLines', () => {
  const matches = (ms: RegExpExecArray[] | RegExpMatchArray[]) => ms.map((m) => [m.index, m[0], m[1], m[2]]);
  it('finds what searching the whole text for DASH_LABEL_LINE finds', () => {
    const text = 'MG3 - Oui\nEnquêtrice – Et alors ?\n  [00:12] E\tBonjour\nBon - enfin\n\nDr Martin — voilà\nP1 -\n';
    expect(matches(dashLabelLines(text))).toEqual(matches([...text.matchAll(DASH_LABEL_LINE)]));
    expect(dashLabelLines(text).map((m) => m[2])).toEqual(['MG3', 'Enquêtrice', 'E', 'Bon', 'Dr Martin']);
    const piece = fc.constantFrom('MG3', 'E', 'Enquêtrice', 'Dr Martin', ' ', '\t', ' - ', ' – ', '—', '-', '\n', '\r\n', '\u2028', '[00:12] ', 'oui', 'é', '\u00a0', ':', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const body = pieces.join('');
        expect(matches(dashLabelLines(body))).toEqual(matches([...body.matchAll(DASH_LABEL_LINE)]));
      }),
      { numRuns: 500 },
    );
  });
});
