import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { Header } from './Header.js';

const RIGHT = ['lu 19 %', 'codé 3 %', '1 segment cette séance', 'enregistré à 07:52'];
// A Zoom recording's name, kept as the participant id by an import, and a long coder name.
const LONG_ID = 'GMT20240312-101500_Recording-entretien-MG12';
const LONG_CODER = 'marie-claire.dupont';

function header(participant: string, coder: string, alert: string | null, width: number): string {
  const { lastFrame, unmount } = render(<Header participant={participant} coder={coder} right={RIGHT} alert={alert} width={width} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('the header', () => {
  it('shows the participant, the coder and as many whole parts of the progress as fit', () => {
    const line = header('MG3', 'thesard', null, 80);
    expect(line).toMatch(/^MG3 · thesard +lu 19 % · codé 3 % · 1 segment cette séance · enregistré à 07:52$/);
    expect(header('MG3', 'thesard', null, 60)).toMatch(/^MG3 · thesard +lu 19 % · codé 3 % · 1 segment cette séance$/);
  });

  it('always shows that the last change is not saved, whole, however long the participant’s id and the coder’s name', () => {
    for (const width of [80, 60]) {
      const line = header(LONG_ID, LONG_CODER, '⚠ NON ENREGISTRÉ', width);
      expect(stringWidth(line)).toBeLessThanOrEqual(width);
      expect(line).toContain('⚠ NON ENREGISTRÉ  lu 19 %');
      // The participant's id stays recognisable: its start is kept.
      expect(line.startsWith('GMT20240312-')).toBe(true);
    }
  });

  it('keeps what was read and coded in sight beside a long id, the id shortened rather than the progress', () => {
    const line = header(LONG_ID, LONG_CODER, null, 80);
    expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(line).toContain('lu 19 % · codé 3 %');
  });
});
