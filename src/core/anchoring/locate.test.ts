import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { decodeUtf8 } from '../text/decode.js';
import { parseTranscript } from '../transcript/parse.js';
import { locateQuote, type QuoteMatch } from './locate.js';
import { TranscriptSearch } from './transcript-search.js';

const text = `Enquêteur : Pouvez-vous me parler de votre dernier patient douloureux chronique ?
P07 : Alors… *rire* c'est compliqué. Je ne sais plus quoi lui proposer, honnêtement. On a tout essayé : les antalgiques, la kiné, l'hypnose même.
Enquêteur : Et comment vous le vivez ?
P07 : Franchement, on se sent très démunis. Huit mois pour le centre antidouleur, vous imaginez ? On bricole en attendant. Et puis il revient, il revient, et on tourne en rond avec lui, et lui aussi il tourne en rond.
Enquêteur : D'accord.
P07 : Je ne suis pas formé à ça, on n'a jamais appris la douleur chronique à la fac. La mésothérapie, il y a des gens que ça soulage pendant plus de trois mois, que ce soit pour le dos ou les genoux.
Enquêteur : Et avec les autres professionnels ?
P07 : Il faudrait une prise en charge multidisciplinaire, une prise en charge vraiment coordonnée. Les kinés du quartier, je les vois régulièrement, c'est des gens formidables.`;

const pieces = (m: QuoteMatch): string[] => m.pieces.map((p) => text.slice(p.start, p.end));

describe('locateQuote: as written', () => {
  it('finds a quote as written', () => {
    const m = locateQuote(text, 'on se sent très démunis');
    expect(m).toMatchObject({ method: 'exact', score: 1, left: [] });
    expect(pieces(m)).toEqual(['on se sent très démunis']);
  });

  it('gives every place of a quote said twice, for the caller to choose', () => {
    const m = locateQuote(text, 'il revient');
    const first = text.indexOf('il revient');
    expect(m.pieces).toHaveLength(1);
    expect(m.pieces[0]!.candidates).toEqual([
      { start: first, end: first + 10 },
      { start: text.indexOf('il revient', first + 1), end: text.indexOf('il revient', first + 1) + 10 },
    ]);
    const second = m.pieces[0]!.candidates![1]!.start;
    expect(locateQuote(text, 'il revient', { near: second + 3 }).pieces[0]!.start).toBe(second);
  });

  it('does not cut words: « ça » is not found inside another word', () => {
    const m = locateQuote('P1 : Il a dit : formaçage, puis ça.', 'ça');
    expect(m.pieces.map((p) => p.start)).toEqual(['P1 : Il a dit : formaçage, puis '.length]);
    expect(m.pieces[0]!.candidates).toBeUndefined();
  });

  it('keeps a guillemet that closes a quotation opened inside the quote', () => {
    const said = 'P3 : ils ont l’impression qu’on les croit pas. « Vous pensez que c’est dans ma tête. » Voilà.';
    const inner = 'ils ont l’impression qu’on les croit pas. « Vous pensez que c’est dans ma tête. »';
    const m = locateQuote(said, inner);
    expect(m.method).toBe('exact');
    expect(m.pieces.map((p) => said.slice(p.start, p.end))).toEqual([inner]);
    const after = locateQuote(said, '« Vous pensez que c’est dans ma tête. » Voilà.');
    expect(said.slice(after.pieces[0]!.start)).toBe('« Vous pensez que c’est dans ma tête. » Voilà.');
    // An author's guillemets around it, with or without the closing one, still go.
    expect(pieces(locateQuote(text, '« on se sent très démunis'))).toEqual(['on se sent très démunis']);
    expect(pieces(locateQuote(text, 'on se sent très démunis »'))).toEqual(['on se sent très démunis']);
    expect(pieces(locateQuote(text, '"on se sent très démunis"'))).toEqual(['on se sent très démunis']);
  });
});

describe('locateQuote: normalised', () => {
  it('takes off the guillemets, and ignores case, accents, apostrophes and punctuation', () => {
    expect(pieces(locateQuote(text, '«\u00a0on bricole en attendant\u00a0»'))).toEqual(['On bricole en attendant']);
    const m = locateQuote(text, '« je ne sais plus quoi lui proposer honnetement »');
    expect(m.method).toBe('normalised');
    expect(pieces(m)).toEqual(['Je ne sais plus quoi lui proposer, honnêtement']);
    expect(pieces(locateQuote(text, 'ON N’A JAMAIS APPRIS LA DOULEUR CHRONIQUE...'))).toEqual(["on n'a jamais appris la douleur chronique"]);
  });

  it('treats a short quote differing from its occurrences only by a capital as found at each of them', () => {
    const twice = 'P1 : Ça fait partie du soin, hein. Ça fait partie du soin.\n';
    const m = locateQuote(twice, 'ça fait partie du soin');
    expect(m.pieces[0]!.candidates).toHaveLength(2);
  });

  it('places such a quote, when nothing else tells, where it is written exactly as copied', () => {
    // Copied from the second answer; the first says the same words across a paragraph and a dash.
    const text = 'P1 : Le médecin\n\n- traitant, non. Le médecin traitant, oui.\n';
    const m = locateQuote(text, 'médecin traitant');
    expect(m.pieces[0]!.candidates).toHaveLength(2);
    expect(text.slice(m.pieces[0]!.start, m.pieces[0]!.end)).toBe('médecin traitant');
    const capital = locateQuote('P1 : Ça fait partie du soin, hein. ça fait partie du soin.\n', 'ça fait partie du soin');
    expect(capital.pieces[0]!.start).toBe(35);
  });

  it('counts among the places of a short quote every place written as copied, even one the folded search does not see', () => {
    // A soft hyphen glued before it: folding drops it and keeps « xoui » one word, the text as
    // written has no letter before « oui ». (A letter there, even one of two UTF-16 units such as
    // `𐀀`, makes « oui » part of a word: no place, see exactSpans.)
    const glued = 'P1 : Oui vraiment. OUI, bien sûr. x\u00adoui.\n';
    const m = locateQuote(glued, 'oui');
    expect(m.pieces[0]!.candidates).toHaveLength(3);
    expect(m.pieces[0]!.start).toBe(glued.indexOf('x\u00adoui') + 2);
    expect(locateQuote('P1 : Oui vraiment. OUI, bien sûr. 𐀀oui.\n', 'oui').pieces[0]!.candidates).toHaveLength(2);
  });
});

describe('locateQuote: edited quotes', () => {
  it.each([
    ['Huit mois pour le centre anti-douleur, vous imaginez', 'Huit mois pour le centre antidouleur, vous imaginez'],
    ['je ne sais plus quoi lui proposer, honètement', 'Je ne sais plus quoi lui proposer, honnêtement'],
    ['On a tout essayé : les antalgiques, la kiné et l’hypnose même', "On a tout essayé : les antalgiques, la kiné, l'hypnose même"],
    ['on n’a jamais appris la douleur chronique à la fac, jamais', "on n'a jamais appris la douleur chronique à la fac"],
    ['Franchement, on se sent vraiment très démunies', 'Franchement, on se sent très démunis'],
    ['je ne suis pas formé à ça', 'Je ne suis pas formé à ça'],
    ['plus de 3 mois', 'plus de trois mois'],
  ])('%s', (quote, expected) => {
    const m = locateQuote(text, quote);
    expect(m.pieces).toHaveLength(1);
    expect(m.left).toEqual([]);
    expect(pieces(m)).toEqual([expected]);
  });

  it('places a reworded quote, or what is left of it saying which part was left — unless most of it was not found', () => {
    // A restored `ne` and an added `nous`: the passage said, from its first word (`n'` is the `ne`).
    const m = locateQuote(text, 'on ne nous a jamais appris la douleur chronique à la fac');
    expect(m.method).toBe('approximate');
    expect(pieces(m)).toEqual(["on n'a jamais appris la douleur chronique à la fac"]);
    // More of it not found than found: the few words found are a common phrase, not the passage.
    const reworded = locateQuote(text, 'les kinés du coin, je les appelle souvent, des gens très bien');
    expect(reworded.method).toBe('unresolved');
    expect(reworded.pieces).toEqual([]);
    expect(reworded.left.map((l) => l.text)).toEqual(['appelle souvent, des gens très bien']);
    expect(reworded.left[0]!.reason.en).toMatch(/not found .* enough confidence/);
    const mostly = locateQuote(text, 'Il faudrait une prise en charge multidisciplinaire, une prise en charge vraiment coordonnée, avec des réunions');
    expect(mostly.method).toBe('partial');
    expect(pieces(mostly)).toEqual(['Il faudrait une prise en charge multidisciplinaire, une prise en charge vraiment coordonnée']);
  });

  it('leaves out a quote reworded beyond a light edit, saying how close it came', () => {
    const m = locateQuote(text, 'je crois que certains patients sont soulagés plusieurs mois par la mésothérapie');
    expect(m.method).toBe('unresolved');
    expect(m.reason?.en).toMatch(/^Not (found|placed)/);
  });
});

describe('locateQuote: a restored `ne` with the word before it written whole', () => {
  // `C'est pas une ordonnance.` said, `Ce n'est pas une ordonnance.` written: the `ce` of the
  // quote is the `c'` said; another sentence's `ce n'est pas` is not where the quote is.
  const said = [
    'MG6 : Le temps, c’est nécessaire, mais ce n’est pas suffisant. Ce n’est pas sa faute non plus.',
    'E : Et pour conclure ?',
    'MG6 : Que la déprescription, c’est une relation. C’est pas une ordonnance. C’est du temps. J’ai pas de recette. C’est pas agréable.',
    '',
  ].join('\n');
  const placed = (m: QuoteMatch) => m.pieces.map((p) => said.slice(p.start, p.end));

  it.each([
    ["Ce n'est pas une ordonnance.", 'C’est pas une ordonnance.'],
    ['Ce n’est pas une ordonnance, c’est du temps.', 'C’est pas une ordonnance. C’est du temps.'],
    ["Ce n'est pas agréable.", 'C’est pas agréable.'],
    ["Je n'ai pas de recette.", 'J’ai pas de recette.'],
  ])('%s → one passage, the one said', (quote, passage) => {
    const m = locateQuote(said, quote);
    expect(m.method).toBe('approximate');
    expect(placed(m)).toEqual([passage]);
    expect(m.pieces[0]!.candidates).toBeUndefined();
    expect(m.score).toBeGreaterThanOrEqual(0.85);
  });

  it('places a quote that adds or drops a negation for review, under the min score, saying which', () => {
    const m = locateQuote('P2 : Je ne leur en veux pas, c’est normal. Ils apprennent.\n', 'Je ne leur en veux pas, ce n’est pas normal.');
    expect(m.pieces.map((p) => p.start)).toEqual([5]);
    expect(m.negations).toEqual(['pas']);
    expect(m.score).toBeLessThan(0.85);
    const dropped = locateQuote('P2 : Je me sens pas du tout inutile avec eux, franchement.\n', 'Je me sens du tout inutile avec eux, franchement.');
    expect(dropped.negations).toEqual(['pas']);
    expect(dropped.score).toBeLessThan(0.85);
    // English: the `n't` of `don't`.
    const english = locateQuote("P3: Well, I don't think the clinic helps them at all.\n", 'Well, I think the clinic helps them at all.');
    expect(english.negations).toEqual(['not']);
    expect(english.score).toBeLessThan(0.85);
    // The same negations on both sides, however the quote is edited otherwise: nothing said.
    const same = locateQuote(said, 'Ce n’est pas une ordonnance.');
    expect(same.negations).toBeUndefined();
  });

  it.each([
    ['a ne whose other half the passage cuts off', 'MG7 : Un patient peut obtenir une ordonnance avec un médecin qu’il ne reverra jamais. Ça, c’est un vrai problème.\n', 'Un patient peut obtenir une ordonnance avec un médecin qu’il reverra.', 'ne'],
    ['plus dropped', 'MG1 : On diminue, il revient au bout de quinze jours, il ne dort plus, il est angoissé.\n', 'On diminue, il revient au bout de quinze jours, il dort, il est angoissé.', 'plus'],
    ['the edge word not found, a negation next to the passage', 'MG4 : Non, pas dans les conditions actuelles. Je suis conscient d’avoir de la chance.\n', 'Oui, dans les conditions actuelles. Je suis conscient d’avoir de la chance.', 'pas'],
    ['English no', 'P1: We have no time for anything, honestly.\n', 'We have time for anything, honestly.', 'no'],
    ['English cannot', 'P3: The residents cannot always say where it hurts.\n', 'The residents can always say where it hurts.', 'not'],
  ])('%s: placed for review, under the min score', (_what, text, quote, word) => {
    const m = locateQuote(text, quote);
    expect(m.pieces.length).toBeGreaterThan(0);
    expect(m.negations).toContain(word);
    expect(m.score).toBeLessThan(0.85);
  });

  it.each([
    ["P1: I feel helpless when the morphine does not work.\n", "I feel helpless when the morphine doesn't work.", 'I feel helpless when the morphine does not work.'],
    ["P1: There aren't enough staff, really.\n", 'There are not enough staff, really.', "There aren't enough staff, really."],
    ['P2: I feel useless when I cannot reduce their pain.\n', "I feel useless when I can't reduce their pain.", 'I feel useless when I cannot reduce their pain.'],
  ])('an English negation written short for long, or long for short, is the same words: %s', (text, quote, passage) => {
    const m = locateQuote(text, quote);
    expect(m.method).toBe('approximate');
    expect(m.pieces.map((p) => text.slice(p.start, p.end))).toEqual([passage]);
    expect(m.negations).toBeUndefined();
    expect(m.score).toBe(1);
  });

  it('a ne restored with its other half, or left out with it, is no change', () => {
    expect(locateQuote('P2 : Alors je sais pas trop quoi lui dire, franchement.\n', 'Alors je ne sais pas trop quoi lui dire, franchement.').negations).toBeUndefined();
    expect(locateQuote('P2 : Alors je ne sais pas trop quoi lui dire, franchement.\n', 'Alors je sais pas trop quoi lui dire, franchement.').negations).toBeUndefined();
    // `can't` for the `cannot` said: not a negation changed.
    expect(locateQuote('P3: The residents cannot always say where it hurts.\n', "The residents can't always say where it hurts.").negations).toBeUndefined();
  });

  it('still finds the whole word where it is said so', () => {
    const m = locateQuote(said, 'ce n’est pas suffisant');
    expect(placed(m)).toEqual(['ce n’est pas suffisant']);
  });
});

describe('locateQuote: several passages', () => {
  it.each(['on tourne en rond […] et lui aussi il tourne en rond', 'on tourne en rond ... et lui aussi il tourne en rond', 'on tourne en rond (...) et lui aussi il tourne en rond'])(
    'a cut the author marked: %s',
    (q) => {
      const m = locateQuote(text, q);
      expect(m.method).toBe('passages');
      expect(pieces(m)).toEqual(['on tourne en rond', 'et lui aussi il tourne en rond']);
    },
  );

  it('finds passages of different answers, in any order, glued without a space', () => {
    const m = locateQuote(text, 'La mésothérapie, il y a des gens que ça soulageFranchement, on se sent très démunis');
    expect(m.method).toBe('passages');
    expect(pieces(m)).toEqual(['La mésothérapie, il y a des gens que ça soulage', 'Franchement, on se sent très démunis']);
    expect(m.pieces.map((p) => m.quote.slice(p.quoteStart, p.quoteEnd))).toEqual(['La mésothérapie, il y a des gens que ça soulage', 'Franchement, on se sent très démunis']);
  });

  it('splits glued words: `moisque`, `multidisciplinaireune`, `régulièrementc’est`', () => {
    expect(pieces(locateQuote(text, 'pendant plus de trois moisque ce soit pour le dos'))).toEqual(['pendant plus de trois mois, que ce soit pour le dos']);
    expect(pieces(locateQuote(text, 'il y a des gens que ça soulage pendant plus de trois moisque on tourne en rond avec lui'))).toEqual([
      'il y a des gens que ça soulage pendant plus de trois mois',
      'on tourne en rond avec lui',
    ]);
    // Glued passages said one after the other are one segment.
    expect(pieces(locateQuote(text, 'Il faudrait une prise en charge multidisciplinaireune prise en charge vraiment coordonnée'))).toEqual([
      'Il faudrait une prise en charge multidisciplinaire, une prise en charge vraiment coordonnée',
    ]);
    expect(pieces(locateQuote(text, 'je les vois régulièrementc’est des gens formidables'))).toEqual(["je les vois régulièrement, c'est des gens formidables"]);
    expect(pieces(locateQuote(text, 'on se sent très démunisLa mésothérapie, il y a des gens que ça soulage'))).toEqual([
      'on se sent très démunis',
      'La mésothérapie, il y a des gens que ça soulage',
    ]);
  });

  it('never spans another speaker: « A … B » with the interviewer between becomes two passages', () => {
    const m = locateQuote(text, 'et lui aussi il tourne en rond ... Je ne suis pas formé à ça');
    expect(pieces(m)).toEqual(['et lui aussi il tourne en rond', 'Je ne suis pas formé à ça']);
    const search = new TranscriptSearch(text);
    for (const p of m.pieces) expect(search.withinOneTurn(p, true)).toBe(true);
  });

  it('leaves the interviewer’s words pasted into a quote, and says why', () => {
    const m = locateQuote(text, 'Et comment vous le vivez ? Franchement, on se sent très démunis.');
    expect(pieces(m)).toEqual(['Franchement, on se sent très démunis.']);
    expect(m.method).toBe('partial');
    expect(m.left[0]!.text).toBe('Et comment vous le vivez');
    expect(m.left[0]!.reason.en).toMatch(/interviewer’s .*line 3/);
  });

  it('leaves the question’s words the participant said earlier too: the question’s, next to the answer quoted with it', () => {
    const echo = `Enquêtrice : Vous suivez beaucoup de patients douloureux chroniques ?

MG11 : Oui, c'est ça. Une trentaine, à peu près. Le plus âgé est à quatre-vingt-dix ans et il a encore mal partout.

Enquêtrice : Et ça vous pèse ?

MG11 : Oui, c'est ça. Ça me pèse beaucoup. Le troisième patient de la matinée, souvent, c'est lui. Au premier rendez-vous il m'a dit qu'il avait dépensé quatre-vingt-dix mille euros en soins.

Enquêtrice : Quatre-vingt-dix mille ?

MG11 : Oui, c'est ça. Quatre-vingt-dix mille, sur vingt ans. Et le 2e spécialiste lui a dit que c'était dans la tête.

Enquêtrice : Racontez-moi une journée type.

MG11 : ${Array.from({ length: 44 }, (_, i) => `et puis il y a le patient numéro ${i + 1} qui revient avec sa douleur au dos et sa fatigue`).join(' ')}, voilà.`;
    const m = locateQuote(echo, "Enquêtrice : Quatre-vingt-dix mille ?\n\nMG11 : Oui, c'est ça. Quatre-vingt-dix mille, sur vingt ans.", { speakers: 'own' });
    expect(m.pieces.map((p) => echo.slice(p.start, p.end))).toEqual(["Oui, c'est ça. Quatre-vingt-dix mille, sur vingt ans."]);
    expect(m.left.map((l) => l.text).join(' ')).toContain('Quatre-vingt-dix mille');
  });

  it('takes the transcript’s words the author left out inside a sentence, not a sentence left out', () => {
    expect(pieces(locateQuote(text, 'Franchement on se sent démunis'))).toEqual(['Franchement, on se sent très démunis']);
    const m = locateQuote(text, 'on se sent très démunis. On bricole en attendant.');
    expect(pieces(m)).toEqual(['on se sent très démunis.', 'On bricole en attendant.']);
  });
});

describe('locateQuote: what is never placed', () => {
  it('a quote of another interview, even when three common words of it are here', () => {
    const m = locateQuote(text, 'Je me sens coincée. Je peux pas lui dire d’arrêter le cannabis');
    expect(m.pieces).toEqual([]);
  });

  it('a few words of it, when more of it is missing at its two ends than found between them', () => {
    // In the demo's MG1: `bref voilà` and `inutile` are each too few words to leave the quote for
    // review, but together they outweigh `Je me sens`, which is all that was placed (0.33).
    const mg1 = parseTranscript({ file: 'MG1.txt', bytes: readFileSync('fixtures/demo/transcripts/MG1.txt'), defaultId: 'MG1', decodeUtf8 }).transcript;
    const search = new TranscriptSearch({ text: mg1.text, turns: mg1.turns, firstLine: mg1.bodyLine });
    const m = locateQuote(search, 'bref voilà, je me sens inutile');
    expect(m.method).toBe('unresolved');
    expect(m.reason?.en).toBe('Not found: best candidate scores 0.33 at line 16, below the threshold of 0.85.');
    // Fewer words missing than found: placed, the passage starting after them.
    const placed = locateQuote(search, 'vous voyez, rien ne marche vraiment');
    expect(placed.method).toBe('approximate');
    expect(placed.trimmed?.map((t) => t.text)).toEqual(['vous voyez']);
  });

  it('words before the first speaker label of a labelled transcript (a title, the date), nobody’s speech', () => {
    const labelled = 'Entretien MG3, médecin généraliste en zone rurale\nDate : 12 mars, durée 24 minutes\n\nE : Bonjour, merci.\n\nMG3 : Je suis médecin généraliste en zone rurale depuis dix ans.\n';
    const search = new TranscriptSearch({ text: labelled, participant: 'MG3' });
    const title = locateQuote(search, 'durée 24 minutes');
    expect(title.method).toBe('unresolved');
    expect(title.reason?.en).toBe('These words come before the first speaker label (a title, a date…), at line 2: a verbatim is placed in the participant’s own words only.');
    // Said in the participant's turn too: found there only.
    const said = locateQuote(search, 'médecin généraliste en zone rurale');
    expect(said.pieces.map((p) => labelled.slice(p.start, p.end))).toEqual(['médecin généraliste en zone rurale']);
    expect(said.pieces[0]!.start).toBeGreaterThan(labelled.indexOf('MG3 :'));
    expect(said.pieces[0]!.candidates).toBeUndefined();
    // A transcript without labels is all the participant's.
    expect(locateQuote('Entretien MG3\nJe suis médecin depuis dix ans.\n', 'médecin depuis dix ans').method).toBe('exact');
  });

  it('reports empty quotes and quotes without words', () => {
    expect(locateQuote(text, '  « » ').reason?.en).toBe('The quote is empty.');
    expect(locateQuote(text, '[…]').reason?.en).toBe('The quote has no words to search for.');
  });

  it('never says a quote scores 1.00 below the threshold: it says what is wrong', () => {
    const m = locateQuote('P1 : Louis est là. Bon, voilà.', 'oui');
    expect(m.method).toBe('unresolved');
    expect(m.reason?.en).not.toMatch(/1\.00/);
    const few = locateQuote(text, 'je crois que certains patients sont soulagés plusieurs mois par la mésothérapie');
    expect(few.method).toBe('unresolved');
    expect(few.reason?.en).toMatch(/^Not (found|placed)/);
    expect(few.reason?.en).not.toMatch(/1\.00/);
    expect(few.score).toBeLessThan(0.5);
  });

  it('counts lines from the top of the file, front matter included', () => {
    const search = new TranscriptSearch({ text, firstLine: 9 });
    const m = locateQuote(search, 'Les kinés de la ville, je les vois parfois, des gens bien');
    expect(m.method).toBe('unresolved');
    expect(m.reason?.en).toMatch(/at line 16\b/);
    expect(m.score).toBeLessThan(0.5);
    expect(locateQuote(search, 'Et comment vous le vivez ?').reason?.en).toMatch(/line 11\b/);
  });
});

describe('locateQuote: a long edited quote', () => {
  it('finds 2,500 characters with a word respelled and one left out', () => {
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
    expect(m.pieces.map((p) => [p.start, p.end])).toEqual([[from, to]]);
  });
});

describe('locateQuote: ranks and thousands in figures', () => {
  const said = `Enquêteur : Et ce patient ?
P3 : C'était mon troisième arrêt de travail pour lui cette année, et le centre demande quatre-vingt-dix mille euros pour le programme complet sur trois ans.
Enquêteur : D'accord.
P3 : Au 2e rendez-vous il allait déjà mieux, franchement je ne m'y attendais pas du tout.`;
  const at = (m: QuoteMatch) => m.pieces.map((p) => said.slice(p.start, p.end));

  it('finds « 3e » where the participant said « troisième », and « troisième » where the transcript writes « 2e »', () => {
    expect(at(locateQuote(said, "C'était mon 3e arrêt de travail pour lui cette année"))).toEqual(["C'était mon troisième arrêt de travail pour lui cette année"]);
    expect(at(locateQuote(said, 'Au deuxième rendez-vous il allait déjà mieux'))).toEqual(['Au 2e rendez-vous il allait déjà mieux']);
  });

  it('finds « 90 000 » (with a space or a no-break space) where the participant said « quatre-vingt-dix mille »', () => {
    for (const space of [' ', '\u00a0', '\u202f']) {
      const m = locateQuote(said, `le centre demande 90${space}000 euros`);
      expect(at(m)).toEqual(['le centre demande quatre-vingt-dix mille euros']);
      expect(m.left).toEqual([]);
    }
  });
});

describe('locateQuote: short quotes with a number, both ways', () => {
  const words = `Enquêteur : Et le temps ?
P4 : Des créneaux de quinze minutes, pas plus. Le troisième patient arrive toujours en retard.
Enquêteur : Et le coût ?
P4 : 90 000 euros sur vingt ans. C'était la 3e fois qu'il venait. Le 21e siècle, quoi.`;
  const at = (m: QuoteMatch) => m.pieces.map((p) => words.slice(p.start, p.end));

  it('finds a short quote whose figure the participant said in words', () => {
    expect(at(locateQuote(words, 'des créneaux de 15 minutes'))).toEqual(['Des créneaux de quinze minutes']);
    expect(at(locateQuote(words, 'le 3e patient'))).toEqual(['Le troisième patient']);
  });

  it('finds a short quote whose words the transcript writes in figures', () => {
    expect(at(locateQuote(words, 'la troisième fois'))).toEqual(['la 3e fois']);
    expect(at(locateQuote(words, 'quatre-vingt-dix mille euros'))).toEqual(['90 000 euros']);
    expect(at(locateQuote(words, 'le vingt et unième siècle'))).toEqual(['Le 21e siècle']);
  });
});

describe('locateQuote: words left out without […]', () => {
  const said = `E : Comment vivez-vous les refus ?
P1 : Franchement, parfois je me sens un peu inutile quand ils refusent tout.
E : Et l'accès aux spécialistes ?
P1 : Oui, et puis les délais pour avoir un avis spécialisé sont énormes, six mois parfois.
E : Et les délais sont longs pour vous aussi ?
P1 : Non. Mais ils sont énormes, les délais, oui.`;
  const at = (m: QuoteMatch) => m.pieces.map((p) => said.slice(p.start, p.end));

  it('places a short quote from its first word to its last, the left-out words inside, to check', () => {
    const m = locateQuote(said, 'Je me sens inutile');
    expect(at(m)).toEqual(['je me sens un peu inutile']);
    expect(m).toMatchObject({ method: 'approximate', omitted: 2, left: [] });
    expect(m.trimmed).toBeUndefined();
    expect(m.score).toBeLessThan(0.85);
  });

  it('places a quote with more words left out than it has, within bounds', () => {
    const m = locateQuote(said, 'les délais sont énormes');
    expect(at(m)).toEqual(['les délais pour avoir un avis spécialisé sont énormes']);
    expect(m).toMatchObject({ method: 'approximate', omitted: 5 });
    expect(m.score).toBeLessThan(0.85);
  });

  it('never takes in the interviewer’s words, nor words too far apart', () => {
    // (`les délais sont longs pour` is the interviewer's; `Oui … les délais … parfois`, eleven words apart.)
    expect(locateQuote(said, 'les délais sont longs pour moi').method).toBe('unresolved');
    expect(locateQuote(said, 'Oui les délais parfois').method).toBe('unresolved');
  });

  it('gives every place where the words are said in order, for the caller to choose', () => {
    const twice = `${said}\nE : Et vous ?\nP1 : Je me sens parfois inutile, oui.`;
    const m = locateQuote(twice, 'Je me sens inutile');
    expect(m.pieces).toHaveLength(1);
    expect(m.pieces[0]!.candidates?.map((c) => twice.slice(c.start, c.end))).toEqual(['je me sens un peu inutile', 'Je me sens parfois inutile']);
  });

  it('never cuts a word at its apostrophe to make two passages: each passage of whole words', () => {
    // `j'ai` of the quote is `j` + `ai`: the alignment took the `j` of `j'évite` for the first
    // passage (« Les opioïdes forts, j ») and `ai peur` for the second.
    const elided = `E : Et les opioïdes ?
MG1 : Le tramadol, c'est un peu la roue de secours. On sait que c'est pas idéal, on sait qu'il y a la dépendance, mais on n'a pas grand-chose d'autre. Les opioïdes forts, j'évite, honnêtement j'ai peur. J'ai peur de la dépendance, j'ai peur de pas savoir arrêter.`;
    const m = locateQuote(elided, 'Les opioïdes forts j\'ai peur');
    const placed = m.pieces.map((p) => elided.slice(p.start, p.end));
    for (const p of m.pieces) {
      expect(elided[p.end]).not.toBe("'");
      expect(elided[p.start - 1]).not.toBe("'");
    }
    expect(placed).toEqual(['Les opioïdes forts', "j'ai peur"]);
    expect(m.method).toBe('passages');
    // Further apart, with the end of the sentence: the same.
    const far = `E : Et les opioïdes ?
MG1 : Les opioïdes forts, j'évite, parce que franchement j'ai vu des choses terribles, des patients accros, des sevrages qui duraient des mois, et honnêtement j'ai peur. Voilà.`;
    for (const [quote, passages] of [
      ["Les opioïdes forts, j'ai peur. Voilà.", ['Les opioïdes forts', "j'ai peur. Voilà."]],
      ["Les opioïdes forts, j'ai vu des choses terribles", ['Les opioïdes forts', "j'ai vu des choses terribles"]],
    ] as const) {
      const found = locateQuote(far, quote);
      expect(found.pieces.map((p) => far.slice(p.start, p.end))).toEqual(passages);
    }
  });

  it('places each part of a quote the author cut, one with words left out without […] too', () => {
    const cut = locateQuote(said, 'les délais sont énormes... six mois parfois');
    expect(at(cut)).toEqual(['les délais pour avoir un avis spécialisé sont énormes', 'six mois parfois']);
    expect(cut).toMatchObject({ method: 'passages', omitted: 5, left: [] });
    expect(cut.score).toBeLessThan(0.85);
    // A part of fewer than three words is not looked for on its own: left for review as before.
    expect(locateQuote(said, 'les délais sont énormes... six mois').method).not.toBe('passages');
  });

  it('keeps a word before an English ’s or ’t: it is no elided word', () => {
    const english = `I: And then?
P2: Yesterday I went again to see the doctor's assistant, who was nice. She listens.`;
    const m = locateQuote(english, 'I went again to see the doctor. She listens.');
    expect(m.pieces.map((p) => english.slice(p.start, p.end))).toEqual(['I went again to see the doctor', 'She listens.']);
  });
});
