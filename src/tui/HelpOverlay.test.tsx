import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { HelpOverlay } from './HelpOverlay.js';
import { screenStrings } from './strings.js';

describe('the help', () => {
  it('wraps long descriptions at 80 columns instead of cutting them, every word kept', () => {
    for (const language of ['fr', 'en'] as const) {
      const strings = screenStrings(language);
      const { lastFrame, unmount } = render(<HelpOverlay title={strings.helpTitle} groups={strings.help} top={0} height={200} width={80} />);
      const lines = (lastFrame() ?? '').split('\n');
      for (const line of lines) {
        expect(stringWidth(line)).toBeLessThanOrEqual(80);
        expect(line.trimEnd().endsWith('…')).toBe(false);
      }
      const shown = lines.join(' ').replace(/\s+/g, ' ');
      for (const group of strings.help) for (const [, what] of group.keys) expect(shown).toContain(what.replace(/\s+/g, ' '));
      unmount();
    }
  });
});
