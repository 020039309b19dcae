import { Box } from 'ink';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { CodePicker } from './CodePicker.js';
import type { Picker, PickerItem } from './session-state.js';
import { screenStrings } from './strings.js';

const definition = 'Durée des consultations, retard, charge de travail et arbitrages de temps.';
const because = '≈ comme MG4\u00a0: J’ai pris quarante minutes, j’avais trois patients qui attendaient.';

function picker(items: PickerItem[], purpose: Picker['purpose'] = 'apply'): Picker {
  return { purpose, query: '', highlighted: 0, checked: [], items, target: { start: 0, end: 1 } };
}

function frameOf(p: Picker, height: number, hint?: string, checkedLabel?: (n: number) => string): string[] {
  const { lastFrame, unmount } = render(
    <Box width={80}>
      <CodePicker picker={p} title="Coder" empty="Aucun code" {...(hint !== undefined ? { hint } : {})} {...(checkedLabel !== undefined ? { checkedLabel } : {})} height={height} width={80} />
    </Box>,
  );
  const lines = (lastFrame() ?? '').split('\n');
  unmount();
  return lines;
}

describe('the code picker', () => {
  it('shows a name’s control and direction characters escaped, never acting on the terminal', () => {
    const items: PickerItem[] = [{ id: 'evil', label: 'Evil\u202eedoc', path: ['Th\u001b[2Jème'], detail: ['Définition\u0007'] }];
    const frame = frameOf(picker(items), 6).join('\n');
    expect(frame).toContain('Evil\\u202eedoc');
    expect(frame).toContain('Th\\x1b[2Jème');
    expect(frame).toContain('Définition\\x07');
    expect(frame).not.toMatch(/[\u202e\u001b\u0007]/);
  });

  it('shows a suggested code’s definition whole on its own line at 80 columns, the reason under it', () => {
    const items: PickerItem[] = [
      { id: 'temps', label: 'Contraintes de temps', path: ['Organisation'], detail: [definition, because] },
      { id: 'autre', label: 'Autre', path: [] },
    ];
    const lines = frameOf(picker(items), 10);
    expect(lines).toHaveLength(10);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(lines[8]).toBe(definition);
    expect(lines[9]?.startsWith('≈ comme MG4\u00a0: J’ai pris quarante minutes')).toBe(true);
  });

  it('wraps a long definition over two rows between whole words, instead of cutting it at the end of the first', () => {
    const long = 'Le participant évoque l’écoute active et la reformulation des plaintes douloureuses du patient, y compris par téléphone.';
    const items: PickerItem[] = [
      { id: 'ecoute', label: 'Écoute active', path: ['Relation'], detail: [long] },
      { id: 'autre', label: 'Autre', path: [], detail: ['Court.'] },
    ];
    const lines = frameOf(picker(items), 10);
    expect(lines).toHaveLength(10);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(`${lines[8]} ${lines[9]}`).toBe(long);
    // With a suggestion's reason under it, the definition keeps one row, the reason the other.
    const suggested = frameOf(picker([{ id: 'ecoute', label: 'Écoute active', path: [], detail: [long, because] }]), 10);
    expect(suggested[8]?.endsWith('…')).toBe(true);
    expect(suggested[9]?.startsWith('≈ comme MG4')).toBe(true);
  });

  it('keeps three rows for the list in a short bottom, putting the lines it has no room for on the last', () => {
    const items: PickerItem[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id, path: [], detail: ['déf.', 'raison'] }));
    const lines = frameOf(picker(items), 6);
    expect(lines).toHaveLength(6);
    expect(lines.slice(2, 5).map((l) => l.trim().split(/\s+/).at(-1))).toEqual(['a', 'b', 'c']);
    expect(lines[5]).toBe('déf.  raison');
  });

  it('keeps a hit’s line number on the row however long its sentence', () => {
    const long = `*rire* ${'Et alors on se demande ce qu’on peut encore proposer. '.repeat(3)}`;
    const p = picker([{ id: '0-9', label: long, path: [], lead: 'l. 142' }], 'hits');
    const lines = frameOf({ ...p, checked: ['0-9'] }, 6);
    expect(lines[2]).toMatch(/^› 1 \[x\] l\. 142 \*rire\* Et alors/);
    expect(stringWidth(lines[2] ?? '')).toBeLessThanOrEqual(80);
  });

  it('shows the hint under the list when the highlighted item says nothing', () => {
    const lines = frameOf(picker([{ id: null, label: 'Pas encore regroupé', path: [] }], 'theme'), 8, 'Choisissez un thème.');
    expect(lines.at(-1)).toBe('Choisissez un thème.');
  });

  it('says beside the filter how many hits of a search are kept, agreeing with « occurrences »', () => {
    expect(screenStrings('fr').picker.checked(151, true)).toBe('151 gardées');
    expect(screenStrings('fr').picker.checked(1, true)).toBe('1 gardée');
    expect(screenStrings('en').picker.checked(151, true)).toBe('151 kept');
  });

  it('says beside the filter how many codes of the segment are checked, in words', () => {
    const items: PickerItem[] = [
      { id: 'a', label: 'Culpabilité', path: [] },
      { id: 'b', label: 'Frustration', path: [] },
    ];
    const fr = frameOf({ ...picker(items, 'edit'), checked: ['a', 'b'] }, 6, undefined, (n) => screenStrings('fr').picker.checked(n, false));
    expect(fr[1]).toMatch(/^› +✓ 2 codes cochés$/);
    const en = frameOf({ ...picker(items, 'edit'), checked: ['a'] }, 6, undefined, (n) => screenStrings('en').picker.checked(n, false));
    expect(en[1]).toMatch(/^› +✓ 1 code checked$/);
  });
});
