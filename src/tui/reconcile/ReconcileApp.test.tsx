import { render, cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../core/consensus/decisions.js';
import { KEYS, renderInTerminal, stripEscapes } from '../../../test/support/fake-terminal.js';
import { ReconcileApp, type ReconcileAppProps } from './ReconcileApp.js';
import { sampleInput } from '../../../test/support/reconcile-sample.js';

const pause = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => cleanup());

function open(overrides: Partial<ReconcileAppProps> = {}) {
  const saved: Decision[] = [];
  let quit = 0;
  const props: ReconcileAppProps = {
    ...sampleInput(),
    onDecide: (d) => saved.push(d),
    onQuit: () => quit++,
    ...overrides,
  };
  const app = render(<ReconcileApp {...props} />);
  const frame = () => stripEscapes(app.lastFrame() ?? '');
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await pause();
    }
  };
  return { app, frame, press, saved, quits: () => quit };
}

describe('ReconcileApp', () => {
  it('shows a disagreement in its context, with both codings, and saves each decision at once', async () => {
    const { frame, press, saved } = open();
    await pause();
    expect(frame()).toContain('Mise en commun · marie / paul → consensus');
    expect(frame()).toContain('0/3 tranché · désaccord 1/3');
    expect(frame()).toContain('P1 l. 2 · code appliqué par un seul codeur');
    expect(frame()).toContain('A marie\u00a0: Impuissance — «\u00a0Je ne sais plus quoi lui proposer.\u00a0»');
    expect(frame()).toContain('B paul\u00a0: — rien codé ici');
    expect(frame()).toMatch(/A {2}P1 : Je ne sais plus quoi lui proposer\./);
    expect(frame()).toContain('Décision\u00a0: à trancher');
    await press('a');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ choice: 'keep-a', who: 'marie, paul' });
    expect(frame()).toContain('désaccord 2/3');
    expect(frame()).toContain('codes différents sur le même texte');
    expect(frame()).toContain('Décision enregistrée : codage de marie gardé.');
    await press('n', 'm', 'ê', 'm', 'e', ' ', 's', 'e', 'n', 's', KEYS.enter);
    expect(saved[1]).toMatchObject({ choice: null, note: 'même sens' });
    expect(frame()).toContain('Note\u00a0: même sens');
    await press('2');
    expect(saved[2]).toMatchObject({ choice: 'both', note: 'même sens' });
  });

  it('counts every key of a burst, each read in the mode the previous one left', async () => {
    const { app, frame, saved } = open();
    await pause();
    // One chunk, as a fast typist or a paste over SSH sends it: keep A, then a note typed and
    // closed with Enter, then keep both: the note text stays whole, the keys around it act.
    app.stdin.write('anvu ensemble\r2');
    await pause();
    expect(saved.map((d) => d.choice)).toEqual(['keep-a', null, 'both']);
    expect(saved[1]).toMatchObject({ note: 'vu ensemble' });
    expect(saved[2]).toMatchObject({ note: 'vu ensemble' });
    expect(frame()).toContain('désaccord 3/3');
  });

  it('edits a coding: boundaries, codes, then Enter saves it', async () => {
    const { frame, press, saved } = open();
    await pause();
    await press(KEYS.right, KEYS.right); // the boundaries disagreement
    expect(frame()).toContain('même code, limites différentes');
    await press('e');
    expect(frame()).toContain('Modification\u00a0: «\u00a0Huit mois pour le centre antidouleur ! Et le kiné, il faut attendre aussi.\u00a0»');
    await press(KEYS.up);
    expect(frame()).toContain('Modification\u00a0: «\u00a0Huit mois pour le centre antidouleur !\u00a0»');
    await press('c');
    expect(frame()).toContain('Codes du codage modifié');
    await press('h', 'u', 'm', KEYS.enter);
    expect(frame()).toContain('codes\u00a0: Délais d’accès, Humour');
    await press(KEYS.enter);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ choice: 'edit', edited: [{ codes: ['delais', 'humour'] }] });
  });

  it('works in 80×24: every row fits, the frame is one row shorter than the terminal', async () => {
    const screen = renderInTerminal(<ReconcileApp {...sampleInput({ language: 'en' })} onDecide={() => {}} onQuit={() => {}} />, 80, 24);
    await pause();
    for (const keys of [[], ['?'], ['x', 'e'], ['c']]) {
      for (const k of keys) {
        screen.stdin.write(k);
        await pause();
      }
      const lines = screen.lines();
      expect(lines.length).toBe(23);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    }
    expect(screen.lines().join('\n')).toContain('Codes of the edited coding');
    screen.unmount();
  });

  it('shows each side’s memo and exemplary mark on its line, within 80 columns', async () => {
    const memo = 'Formule très proche de l’exemple du livre de codes, à citer dans la discussion';
    for (const columns of [80, 160]) {
      const screen = renderInTerminal(<ReconcileApp {...sampleInput({}, { memo })} onDecide={() => {}} onQuit={() => {}} />, columns, 24);
      await pause();
      screen.stdin.write(KEYS.right); // the different codes: marie's memo, paul's exemplary quote
      await pause();
      const lines = screen.lines();
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      const a = lines.find((l) => l.startsWith('A marie'))!;
      const b = lines.find((l) => l.startsWith('B paul'))!;
      expect(a).toMatch(/^A marie\u00a0: Épuisement — «\u00a0Le soir .*\u00a0» ✎ Formule très/);
      expect(b).toMatch(/^B paul\u00a0: Fatigue ★ — «\u00a0Le soir je suis épuisé/);
      if (columns === 160) expect(a).toContain(`✎ ${memo}`);
      screen.unmount();
    }
  });

  it('shows a long memo whole with v, and the note, where the row cuts them; any key goes back', async () => {
    const memo =
      'Formule très proche de l’exemple du livre de codes, à citer dans la discussion ; mais relire la réponse suivante, ' +
      'où elle dit le contraire à propos du kiné, avant de trancher entre épuisement et fatigue (voir mémo d’entretien).';
    const screen = renderInTerminal(<ReconcileApp {...sampleInput({}, { memo })} onDecide={() => {}} onQuit={() => {}} />, 80, 24);
    const lines = () => screen.lines();
    const send = async (...keys: string[]) => {
      for (const k of keys) {
        screen.stdin.write(k);
        await pause();
      }
    };
    await pause();
    await send('v'); // marie's side of the first disagreement has no memo
    expect(lines().join('\n')).toContain('Ni mémo ni note sur ce désaccord.');
    await send(KEYS.right, 'n', ...'relu ensemble', KEYS.enter);
    const row = lines().find((l) => l.startsWith('A marie'))!;
    expect(row).toContain('✎ Formule');
    expect(row).not.toContain('avant de trancher');
    expect(lines().at(-1)).toContain('v mémo');
    await send('v');
    const shown = lines();
    expect(shown.find((l) => l.includes('Mémos et note en entier'))).toContain('Mémos et note en entier · P1 l. 2');
    for (const line of shown) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const memoRows = shown.slice(shown.findIndex((l) => l.startsWith('A marie\u00a0: Épuisement')) + 1);
    const read = memoRows.slice(0, memoRows.findIndex((l) => l.trim() === '')).map((l) => l.replace(/^ +(✎ +)?/, '')).join(' ');
    expect(read).toBe(memo);
    expect(shown.find((l) => l.startsWith('Note'))).toBeDefined();
    expect(shown.some((l) => l.trim() === 'relu ensemble')).toBe(true);
    await send('x');
    expect(lines().find((l) => l.startsWith('A marie'))).toBe(row);
    // The key is in the help (at its end, scrolled to).
    await send('?', ...'jjjjjjjjjjjjjjjjjjjj');
    expect(lines().some((l) => /^ +v +lire en entier les mémos et la note de ce désaccord/.test(l))).toBe(true);
    screen.unmount();
  });

  it('says so when there is nothing to reconcile, and quits with q', async () => {
    const { frame, press, quits } = open({ items: [] });
    await pause();
    expect(frame()).toContain('Aucun désaccord : les deux codages concordent.');
    await press('q');
    expect(quits()).toBe(1);
  });
});
