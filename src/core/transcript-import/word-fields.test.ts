import { describe, expect, it } from 'vitest';
import { unwrapSimpleFields } from './word-fields.js';

describe('unwrapSimpleFields', () => {
  it('keeps the runs of a simple field in place and takes its tags away', () => {
    const xml =
      '<w:p><w:r><w:t xml:space="preserve">Date : </w:t></w:r><w:fldSimple w:instr=" DATE \\@ &quot;dd/MM/yyyy&quot; "><w:r><w:t>12/03/2025</w:t></w:r></w:fldSimple><w:r><w:t> — durée 42 min</w:t></w:r></w:p>';
    expect(unwrapSimpleFields(xml)).toBe('<w:p><w:r><w:t xml:space="preserve">Date : </w:t></w:r><w:r><w:t>12/03/2025</w:t></w:r><w:r><w:t> — durée 42 min</w:t></w:r></w:p>');
  });

  it('reads an instruction holding > or / in its value, nested fields, and an empty field (nothing shown)', () => {
    expect(unwrapSimpleFields('<w:fldSimple w:instr="IF 2 > 1 &quot;a/b&quot;" w:dirty=\'true\'><w:r><w:t>a/b</w:t></w:r></w:fldSimple>')).toBe('<w:r><w:t>a/b</w:t></w:r>');
    expect(unwrapSimpleFields('<w:fldSimple w:instr="A"><w:fldSimple w:instr="B"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:fldSimple>')).toBe('<w:r><w:t>x</w:t></w:r>');
    expect(unwrapSimpleFields('<w:r><w:t>p. </w:t></w:r><w:fldSimple w:instr="PAGE"/>')).toBe('<w:r><w:t>p. </w:t></w:r>');
  });

  it('leaves a part without simple fields as it is, and text that only names them', () => {
    const xml = '<w:p><w:r><w:t>fldSimple</w:t></w:r></w:p>';
    expect(unwrapSimpleFields(xml)).toBe(xml);
  });
});
