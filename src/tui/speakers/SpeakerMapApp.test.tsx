import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, renderInTerminal, stripEscapes } from '../../../test/support/fake-terminal.js';
import { SpeakerMapApp } from './SpeakerMapApp.js';

const pause = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
afterEach(() => cleanup());

const ROWS = [
  { label: 'Claire Petit (Interne)', files: ['sources/a.vtt'], example: 'Bonjour, on commence\u202e ?', proposed: 'E' },
  { label: 'Dr Martin', files: ['sources/a.vtt', 'sources/b.vtt'], example: 'Oui.', proposed: 'P3' },
];

describe('SpeakerMapApp', () => {
  it('lists each label with a line it says, escaped, and sends the map on Enter', async () => {
    const done: (Map<string, string> | null)[] = [];
    const app = render(<SpeakerMapApp rows={ROWS} language="fr" onDone={(m) => done.push(m)} />);
    await pause();
    const frame = () => stripEscapes(app.lastFrame() ?? '');
    expect(frame()).toContain('2 locuteurs à nommer');
    expect(frame()).toContain('› Claire Petit (Interne) → E');
    expect(frame()).toContain('«\u00a0Bonjour, on commence\\u202e ?\u00a0»');
    expect(frame()).toContain('Dr Martin              → P3');
    expect(frame()).toContain('a.vtt +1');
    for (const k of [KEYS.down, KEYS.ctrlU, 'MG3', KEYS.enter]) {
      app.stdin.write(k);
      await pause();
    }
    expect(done).toEqual([new Map([['Claire Petit (Interne)', 'E'], ['Dr Martin', 'MG3']])]);
  });

  it('Esc sends nothing to import', async () => {
    const done: (Map<string, string> | null)[] = [];
    const app = render(<SpeakerMapApp rows={ROWS} language="en" onDone={(m) => done.push(m)} />);
    await pause();
    app.stdin.write(KEYS.escape);
    await pause(80);
    expect(done).toEqual([null]);
  });

  it('fits 80×24', async () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ label: `Personne ${i} avec un nom très long qui déborde`, files: ['x.vtt'], example: 'Une phrase assez longue pour dépasser la largeur du terminal de quatre-vingts colonnes, vraiment.', proposed: `P${i}` }));
    const screen = renderInTerminal(<SpeakerMapApp rows={many} language="en" onDone={() => {}} />, 80, 24);
    await pause();
    for (const keys of [[], Array(12).fill(KEYS.down)]) {
      for (const k of keys) {
        screen.stdin.write(k);
        await pause(10);
      }
      await pause();
      const lines = screen.lines();
      expect(lines.length).toBe(23);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    }
    expect(screen.lines().join('\n')).toContain('› Personne 12');
    screen.unmount();
  });
});
