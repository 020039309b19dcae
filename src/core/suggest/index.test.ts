import { describe, expect, it } from 'vitest';
import { SuggestionIndex } from './index.js';

const seg = (participant: string, text: string, ...codes: string[]) => ({ participant, text, codes });

describe('SuggestionIndex', () => {
  const index = () => {
    const i = new SuggestionIndex();
    i.put('a', seg('MG1', "Les délais pour le centre antidouleur, c'est huit mois d'attente.", 'delais'));
    i.put('b', seg('MG2', 'Huit mois de délai avant la consultation douleur, on bricole en attendant.', 'delais', 'bricolage'));
    i.put('c', seg('MG1', "J'ai peur de rendre les patients dépendants aux opioïdes.", 'opioides'));
    i.put('d', seg('MG3', 'Les opioïdes forts, je les prescris rarement, la dépendance me fait peur.', 'opioides', 'peur'));
    i.put('e', seg('MG3', 'Je me sens impuissant, je ne sais plus quoi proposer.', 'impuissance'));
    return i;
  };

  it('suggests the codes of the most similar passages first, with the passage that explains it', () => {
    const s = index().suggest('Le délai du centre de la douleur est de six mois');
    expect(s[0]?.code).toBe('delais');
    expect(s[0]?.because.participant).toMatch(/MG[12]/);
    const o = index().suggest('La dépendance aux opioïdes, voilà ce qui me fait peur');
    expect(o.map((x) => x.code).slice(0, 2)).toEqual(['opioides', 'peur']);
    expect(o[0]?.because.text).toContain('opioïdes');
  });
  it('matches words across accents, case and plurals', () => {
    expect(index().suggest('OPIOIDE')[0]?.code).toBe('opioides');
    expect(index().suggest('impuissante')[0]?.code).toBe('impuissance');
  });
  it('suggests nothing from nothing, and forgets what is removed or recoded', () => {
    expect(new SuggestionIndex().suggest('délais')).toEqual([]);
    expect(index().suggest('euh, bon, alors')).toEqual([]);
    const i = index();
    i.remove('a');
    i.remove('b');
    expect(i.suggest('délais du centre').map((x) => x.code)).not.toContain('delais');
    i.put('c', seg('MG1', "J'ai peur de rendre les patients dépendants aux opioïdes.", 'crainte'));
    expect(i.suggest('opioïdes dépendants').map((x) => x.code)).toEqual(['crainte', 'opioides', 'peur']);
    expect(i.size).toBe(3);
    // A slot freed by a removal is reused without mixing the passages up.
    i.put('f', seg('MG4', 'Le kiné est débordé, trois semaines pour un rendez-vous.', 'kine'));
    expect(i.suggest('kiné débordé')[0]?.because.segment).toBe('f');
  });
  it('leaves out the segment being recoded', () => {
    const i = index();
    expect(i.similar('impuissant proposer', 10, 'e').map((x) => x.id)).not.toContain('e');
  });
  it('gives the same answer whatever the order passages were added in', () => {
    const a = index();
    const b = new SuggestionIndex();
    for (const [id, s] of [['e', seg('MG3', 'Je me sens impuissant, je ne sais plus quoi proposer.', 'impuissance')], ['d', seg('MG3', 'Les opioïdes forts, je les prescris rarement, la dépendance me fait peur.', 'opioides', 'peur')], ['c', seg('MG1', "J'ai peur de rendre les patients dépendants aux opioïdes.", 'opioides')], ['b', seg('MG2', 'Huit mois de délai avant la consultation douleur, on bricole en attendant.', 'delais', 'bricolage')], ['a', seg('MG1', "Les délais pour le centre antidouleur, c'est huit mois d'attente.", 'delais')]] as const) b.put(id, s);
    expect(b.suggest('peur des opioïdes et délais')).toEqual(a.suggest('peur des opioïdes et délais'));
  });
});
