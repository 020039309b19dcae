import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { resolveCoderName } from './coder-name.js';
import { thrown } from '../../../test/support/thrown.js';

const KNOWN = ['lea', 'marie', 'thomas'];

function refusal(name: string, known: string[], mustExist: boolean, given?: string): UsageError {
  return thrown(UsageError, () => resolveCoderName(name, known, given === undefined ? { mustExist } : { mustExist, given }));
}

describe('resolveCoderName', () => {
  it('accepts a coder of the study, and a new one where new coders may start', () => {
    expect(resolveCoderName(' lea ', KNOWN, { mustExist: true })).toEqual({ coder: 'lea', isNew: false });
    expect(resolveCoderName('paul', KNOWN, { mustExist: false })).toEqual({ coder: 'paul', isNew: true });
    expect(resolveCoderName('marei', KNOWN, { mustExist: false })).toEqual({ coder: 'marei', isNew: true, nearest: 'marie' });
  });

  it('refuses a name that cannot be a file in codings/', () => {
    for (const name of ['../x', 'a/b', '', '.hidden', 'x'.repeat(70)]) {
      expect(refusal(name, KNOWN, false).localized.en).toMatch(/cannot be a coder name/);
    }
  });

  it('takes names that differ only by case as the same file', () => {
    for (const mustExist of [true, false]) {
      const error = refusal('Lea', KNOWN, mustExist);
      expect(error.localized.en).toBe('"Lea" and "lea" differ only by case: on macOS and Windows they are the same file, codings/lea.yaml');
      expect(error.hint?.fr).toBe('utiliser --coder lea');
    }
  });

  it("lists the study's coders and suggests the nearest when a coder must exist", () => {
    const error = refusal('thoma', KNOWN, true);
    expect(error.localized.en).toBe('no coder "thoma" in codings/');
    expect(error.hint?.en).toBe("did you mean --coder thomas? the study's coders: lea, marie, thomas");
    expect(refusal('zoe', KNOWN, true).hint?.fr).toBe('codeurs de l’étude : lea, marie, thomas');
    expect(refusal('zoe', [], true).hint?.en).toBe('the study has no coder yet');
    // Not a typo: one letter in three at most.
    expect(refusal('bob', ['zoe'], true).hint?.en).toBe("the study's coders: zoe");
  });

  it('writes the hints as the name was given: an argument of compare, --into', () => {
    expect(refusal('Paul', ['paul', 'marie'], true, '').hint?.en).toBe('use paul');
    expect(refusal('pual', ['paul', 'marie'], true, '').hint?.fr).toBe('vouliez-vous dire paul ? codeurs de l’étude : paul, marie');
    expect(refusal('Consensus', ['consensus'], false, '--into').hint?.en).toBe('use --into consensus');
  });
});
