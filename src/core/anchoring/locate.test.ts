import { describe, it, expect } from 'vitest';
import { FoldedText } from '../text/fold.js';
import { locateQuote, type QuoteMatch } from './locate.js';

const text = `Enquêteur : Pouvez-vous me parler de votre dernier patient douloureux chronique ?
P07 : Alors… *rire* c'est compliqué. Je ne sais plus quoi lui proposer, honnêtement. On a tout essayé : les antalgiques, la kiné, l'hypnose même.
Enquêteur : Et comment vous le vivez ?
P07 : Franchement, on se sent très démunis. Huit mois pour le centre antidouleur, vous imaginez ? On bricole en attendant. Et puis il revient, il revient, et on tourne en rond avec lui, et lui aussi il tourne en rond.
Enquêteur : D'accord.
P07 : Je ne suis pas formé à ça, on n'a jamais appris la douleur chronique à la fac.`;

const found = (m: QuoteMatch): string => text.slice(m.start, m.end);

describe('locateQuote: exact', () => {
  it('finds a quote as written', () => {
    const m = locateQuote(text, 'on se sent très démunis');
    expect(m).toMatchObject({ method: 'exact', score: 1, occurrences: 1 });
    expect(found(m)).toBe('on se sent très démunis');
  });

  it('counts several occurrences and chooses by `after`, then `near`, else the first', () => {
    const first = text.indexOf('il revient');
    const second = text.indexOf('il revient', first + 1);
    const m = locateQuote(text, 'il revient');
    expect(m.occurrences).toBe(2);
    expect(m.start).toBe(first);
    expect(m.candidates).toEqual([
      { start: first, end: first + 10 },
      { start: second, end: second + 10 },
    ]);
    expect(locateQuote(text, 'il revient', { after: first + 1 }).start).toBe(second);
    expect(locateQuote(text, 'il revient', { near: second + 3 }).start).toBe(second);
  });

  it('does not cut words: « ça » is not found inside another word', () => {
    const m = locateQuote('Il a dit : formaçage, puis ça.', 'ça');
    expect(m.start).toBe('Il a dit : formaçage, puis '.length);
    expect(m.occurrences).toBe(1);
  });

  it('takes off the guillemets around the quote', () => {
    const m = locateQuote(text, '«\u00a0on bricole en attendant\u00a0»');
    expect(m.method).toBe('normalised'); // « On » in the transcript
    expect(found(m)).toBe('On bricole en attendant');
    expect(locateQuote(text, '« Franchement »').method).toBe('exact');
  });

  it('keeps a guillemet that closes a quotation opened inside the quote', () => {
    const said = 'P3 : ils ont l’impression qu’on les croit pas. « Vous pensez que c’est dans ma tête. » Voilà.';
    const inner = 'ils ont l’impression qu’on les croit pas. « Vous pensez que c’est dans ma tête. »';
    const m = locateQuote(said, inner);
    expect(m.method).toBe('exact');
    expect(said.slice(m.start, m.end)).toBe(inner);
    expect(said.slice(locateQuote(said, '« Vous pensez que c’est dans ma tête. » Voilà.').start)).toBe('« Vous pensez que c’est dans ma tête. » Voilà.');
    // An author's guillemets around it, with or without the closing one, still go.
    expect(found(locateQuote(text, '« on se sent très démunis'))).toBe('on se sent très démunis');
    expect(found(locateQuote(text, 'on se sent très démunis »'))).toBe('on se sent très démunis');
    expect(found(locateQuote(text, '"on se sent très démunis"'))).toBe('on se sent très démunis');
  });
});

describe('locateQuote: normalised', () => {
  it('ignores case, accents, apostrophes and punctuation, and trims to the words', () => {
    const m = locateQuote(text, '« je ne sais plus quoi lui proposer honnetement »');
    expect(m.method).toBe('normalised');
    expect(found(m)).toBe('Je ne sais plus quoi lui proposer, honnêtement');
    expect(found(locateQuote(text, 'c’est compliqué'))).toBe("c'est compliqué");
    expect(found(locateQuote(text, 'ON N’A JAMAIS APPRIS LA DOULEUR CHRONIQUE...'))).toBe(
      "on n'a jamais appris la douleur chronique",
    );
  });

  it('reuses a folded transcript', () => {
    const folded = new FoldedText(text);
    expect(found(locateQuote(text, 'Huit mois, pour le centre antidouleur !', { folded }))).toBe(
      'Huit mois pour le centre antidouleur',
    );
  });
});

describe('locateQuote: fragments', () => {
  it.each(['on tourne en rond […] et lui aussi', 'on tourne en rond ... et lui aussi', 'on tourne en rond (...) et lui aussi'])(
    'spans from the first part to the last: %s',
    (q) => {
      const m = locateQuote(text, q);
      expect(m.method).toBe('fragments');
      expect(found(m)).toBe('on tourne en rond avec lui, et lui aussi');
    },
  );

  it('places parts edited by the author approximately', () => {
    const m = locateQuote(text, 'On a tout essayé, les antalgiques […] la kinée, l’hypnose même');
    expect(m.method).toBe('fragments');
    expect(m.score).toBeLessThan(1);
    expect(found(m)).toBe("On a tout essayé : les antalgiques, la kiné, l'hypnose même");
  });

  it('refuses parts too far apart or out of order', () => {
    expect(locateQuote(text, 'Pouvez-vous me parler […] on tourne en rond', { maxGap: 100 }).method).toBe('unresolved');
    expect(locateQuote(text, 'on tourne en rond […] Pouvez-vous me parler').method).toBe('unresolved');
  });
});

describe('locateQuote: approximate', () => {
  it('finds quotes lightly edited by the author', () => {
    const cases: [string, string][] = [
      ['Huit mois pour le centre anti-douleur, vous imaginez', 'Huit mois pour le centre antidouleur, vous imaginez'],
      ['je ne sais plus quoi lui proposer, honètement', 'Je ne sais plus quoi lui proposer, honnêtement'],
      ['On a tout essayé : les antalgiques, la kiné et l’hypnose', "On a tout essayé : les antalgiques, la kiné, l'hypnose"],
      ['on ne nous a jamais appris la douleur chronique à la fac', "on n'a jamais appris la douleur chronique à la fac"],
    ];
    for (const [quote, expected] of cases) {
      const m = locateQuote(text, quote);
      expect(m.method, quote).toBe('approximate');
      expect(m.score).toBeGreaterThanOrEqual(0.85);
      expect(m.score).toBeLessThan(1);
      expect(found(m)).toBe(expected);
    }
  });

  it('leaves unresolved a quote whose words are scattered over the transcript', () => {
    const m = locateQuote(text, 'patient douloureux compliqué, les antalgiques en attendant la fac');
    expect(m.method).toBe('unresolved');
    expect(m.reason?.fr).toMatch(/^Introuvable/);
  });

  it('leaves unresolved an invented quote, with the best candidate when one comes close', () => {
    const invented = locateQuote(text, 'le patient refuse toujours la morphine');
    expect(invented).toMatchObject({ method: 'unresolved', occurrences: 0 });
    const far = locateQuote(text, 'on se sent vraiment très démunis');
    expect(far.method).toBe('unresolved');
    expect(far.score).toBeGreaterThan(0.6);
    expect(far.score).toBeLessThan(0.85);
    expect(far.reason?.en).toMatch(/best candidate scores 0\.\d\d at line 4/);
    expect(far.reason?.fr).toMatch(/score de 0,\d\d à la ligne 4/);
  });

  it('is unresolved when two places match about as well', () => {
    const twice = 'P2 : Je le vois tous les mois pour ses douleurs de dos.\nP2 : Oui, je le vois tous les mois pour ses douleurs de dos.\n';
    const m = locateQuote(twice, 'je les vois tous les mois pour ces douleurs de dos');
    expect(m.method).toBe('unresolved');
    expect(m.reason?.en).toMatch(/Several places/);
    // with a place to prefer, the nearest of equally good places is taken
    const near = locateQuote(twice, 'je les vois tous les mois pour ces douleurs de dos', { near: 60 });
    expect(near.method).toBe('approximate');
    expect(near.start).toBeGreaterThan(50);
  });

  it('finds a very long quote by its head and tail', () => {
    const words = ['douleur', 'patient', 'consultation', 'traitement', 'famille', 'travail', 'sommeil', 'morphine', 'kiné', 'écoute'];
    const tokens: string[] = [];
    for (let i = 0; i < 900; i++) tokens.push(`${words[(i * 7 + (i >> 3)) % words.length]}${i}`);
    const long = `P1 : ${tokens.join(' ')}\nEnquêteur : merci.\n`;
    const from = long.indexOf(` ${tokens[120]!} `) + 1;
    const to = long.indexOf(` ${tokens[400]!} `) + 1 + tokens[400]!.length;
    const quote = long
      .slice(from, to)
      .replace(` ${tokens[200]!} `, ` ${tokens[200]!}s `)
      .replace(` ${tokens[250]!} `, ' ');
    expect(quote.length).toBeGreaterThan(2500);
    const m = locateQuote(long, quote);
    expect(m.method).toBe('approximate');
    expect(m.start).toBe(from);
    expect(m.end).toBe(to);
  });
});

describe('locateQuote: nothing to search', () => {
  it('reports empty quotes and quotes without words', () => {
    expect(locateQuote(text, '  « » ').reason?.en).toBe('The quote is empty.');
    expect(locateQuote(text, '[…]').reason?.en).toBe('The quote has no words to search for.');
  });
});
