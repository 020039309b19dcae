import { describe, expect, it } from 'vitest';
import { parseStudyConfig } from './config.js';

describe('parseStudyConfig: order', () => {
  it('reads the ids of order in a flow or a block list, keeping digits as written', () => {
    expect(parseStudyConfig('order: [P01, MG2, 007]\n', 'codage.yaml').config.order).toEqual(['P01', 'MG2', '007']);
    const block = parseStudyConfig('language: fr\norder:\n  - P3\n  - P1\n', 'codage.yaml');
    expect(block.config.order).toEqual(['P3', 'P1']);
    expect(block.config.orderPositions).toEqual([
      { line: 3, column: 5 },
      { line: 4, column: 5 },
    ]);
    expect(block.problems).toEqual([]);
  });

  it('points at a wrong item and at a repeated id, and keeps the rest', () => {
    const r = parseStudyConfig('order: [P1, [P2], P1, "", P3]\n', 'codage.yaml');
    expect(r.config.order).toEqual(['P1', 'P3']);
    expect(r.problems.map((p) => [p.severity, p.kind, p.line, p.column])).toEqual([
      ['error', 'config-value', 1, 13],
      ['warning', 'order-duplicate', 1, 19],
      ['error', 'config-value', 1, 23],
    ]);
    expect(r.problems[1]!.message.fr).toBe('order cite P1 deux fois (d’abord ligne 1) : sa première place compte');
  });

  it('refuses an order that is not a list', () => {
    const r = parseStudyConfig('order: P1, P2\n', 'codage.yaml');
    expect(r.config.order).toBeUndefined();
    expect(r.problems).toMatchObject([{ severity: 'error', line: 1, column: 8, kind: 'config-value' }]);
    expect(r.problems[0]!.hint?.en).toBe('write order: [P01, P02, P03]');
  });
});
