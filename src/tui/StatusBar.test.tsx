import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { splitAtWidth, StatusBar } from './StatusBar.js';

const HINTS = ['⏎ coder', 'q quitter'];

describe('the status bar', () => {
  it('shows a short message beside the position, and the hints under it', () => {
    const { lastFrame, unmount } = render(<StatusBar message={{ text: 'Enregistré.', tone: 'info' }} position="l. 3/40" hints={HINTS} width={40} />);
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines[0]).toMatch(/^Enregistré\. +l\. 3\/40$/);
    expect(lines[1]).toContain('q quitter');
    unmount();
  });

  it('gives a message longer than the line both lines, every word kept when it fits in two', () => {
    const text = 'Un code se supprime en ligne de commande, qui dit quoi faire de ses segments : codage codebook delete NOM.';
    const { lastFrame, unmount } = render(<StatusBar message={{ text, tone: 'error' }} position="l. 3/40" hints={HINTS} width={60} />);
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(2);
    expect(`${lines[0]} ${lines[1]}`).toBe(text);
    expect(lines.every((l) => [...l].length <= 60)).toBe(true);
    unmount();
  });

  it('splits at the last space that fits', () => {
    expect(splitAtWidth('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(splitAtWidth('aaa bbb', 10)).toEqual(['aaa bbb', '']);
  });
});
