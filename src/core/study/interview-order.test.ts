import { describe, expect, it } from 'vitest';
import type { Attributes, StudyConfig, Transcript } from '../types.js';
import { parseStudyConfig } from './config.js';
import { interviewOrder } from './interview-order.js';

function transcript(id: string): Transcript {
  return { id, file: `transcripts/${id}.txt`, text: '', bodyLine: 1, encoding: 'utf-8', attributes: {}, turns: [], annotations: [] };
}

function order(ids: string[], dates: Record<string, string | number | null>, configYaml = '') {
  const { config } = parseStudyConfig(configYaml, 'codage.yaml');
  const result = interviewOrder({
    transcripts: ids.map(transcript),
    config,
    attributesOf: (id): Attributes => (id in dates ? { date: dates[id]! } : {}),
  });
  return { ...result, ids: result.ordered.map((t) => t.id) };
}

describe('interviewOrder', () => {
  it('puts interviews in date order, whatever the way the date is written, then ids in natural order', () => {
    const r = order(['P10', 'P2', 'P1', 'P3'], { P1: '12/03/2024', P2: '2024-02-01', P3: '2024-03-12' });
    expect(r.ids).toEqual(['P2', 'P1', 'P3', 'P10']);
    expect(r.places.map((p) => [p.id, p.date, p.basis])).toEqual([
      ['P2', '2024-02-01', 'date'],
      ['P1', '2024-03-12', 'date'],
      ['P3', '2024-03-12', 'date'],
      ['P10', null, 'id'],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('uses order to break ties between interviews of the same day', () => {
    const r = order(['A', 'B', 'C'], { A: '2024-03-12', B: '2024-03-12', C: '2024-03-11' }, 'order: [B, A]\n');
    expect(r.ids).toEqual(['C', 'B', 'A']);
  });

  it('places an undated interview where order puts it among the dated ones (the demo study: MG5, MG6)', () => {
    const r = order(
      ['MG1', 'MG2', 'MG3', 'MG4', 'MG5', 'MG6', 'A2', 'X'],
      { MG1: '2024-02-06', MG2: '2024-02-13', MG3: '2024-03-05', MG4: '2024-03-12', A2: '2024-04-02' },
      'order: [MG1, MG2, MG3, MG4, MG5, MG6, A2]\n',
    );
    expect(r.ids).toEqual(['MG1', 'MG2', 'MG3', 'MG4', 'MG5', 'MG6', 'A2', 'X']);
    expect(r.places.find((p) => p.id === 'MG5')).toEqual({ id: 'MG5', date: null, basis: 'order' });
    expect(r.places.find((p) => p.id === 'X')?.basis).toBe('id');
  });

  it('places undated interviews at the top of order before the first dated one', () => {
    const r = order(['A', 'B', 'C', 'D'], { C: '2024-01-10', D: '2024-01-05' }, 'order: [A, B, C]\n');
    expect(r.ids).toEqual(['D', 'A', 'B', 'C']);
  });

  it('follows order alone when no interview has a date', () => {
    const r = order(['P1', 'P2', 'P3', 'P4'], {}, 'order:\n  - P3\n  - P1\n');
    expect(r.ids).toEqual(['P3', 'P1', 'P2', 'P4']);
    expect(r.places.map((p) => p.basis)).toEqual(['order', 'order', 'id', 'id']);
  });

  it('lets the dates decide when order contradicts them, and says where', () => {
    const r = order(['P1', 'P2', 'P3'], { P1: '2024-01-01', P2: '2024-02-01', P3: '2024-03-01' }, 'title: x\norder: [P1, P3, P2]\n');
    expect(r.ids).toEqual(['P1', 'P2', 'P3']);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'codage.yaml', line: 2, column: 17, kind: 'order-contradicts-date', severity: 'warning' });
    expect(r.problems[0]!.message.en).toContain('P2 was interviewed first (2024-02-01, P3 on 2024-03-01)');
  });

  it('reports a date that is not one, and an id of order with no transcript, at their place', () => {
    const { config } = parseStudyConfig('order:\n  - P1\n  - P9\n', 'codage.yaml');
    const r = interviewOrder({
      transcripts: [transcript('P1'), transcript('P2')],
      config,
      attributesOf: (id) => (id === 'P2' ? { date: 'mardi' } : {}),
      dateSourceOf: (id) => ({ file: 'participants.csv', line: 3, column: 4, id }),
    });
    expect(r.problems.map((p) => [p.kind, p.file, p.line, p.column])).toEqual([
      ['date-invalid', 'participants.csv', 3, 4],
      ['order-unknown', 'codage.yaml', 3, 5],
    ]);
    expect(r.problems[0]!.message.fr).toBe('la date de P2 ("mardi") n’est pas une date : elle ne sert pas à ordonner les entretiens');
  });

  it('does not order by a date that reads two ways, and says where it is and what it may be', () => {
    const r = interviewOrder({
      transcripts: [transcript('P1'), transcript('P2'), transcript('P3')],
      config: {},
      attributesOf: (id) => ({ P1: { date: '2024-03-01' }, P2: { date: '12.03.99' }, P3: { date: '2024-02-01' } })[id] ?? {},
      dateSourceOf: () => ({ file: 'participants.csv', line: 3, column: 4 }),
    });
    expect(r.places.map((p) => [p.id, p.date, p.basis])).toEqual([['P3', '2024-02-01', 'date'], ['P1', '2024-03-01', 'date'], ['P2', null, 'id']]);
    expect(r.problems.map((p) => [p.kind, p.file, p.line, p.column])).toEqual([['date-ambiguous', 'participants.csv', 3, 4]]);
    expect(r.problems[0]!.message.en).toBe('the date of P2 ("12.03.99") has a two-digit year, which may be 1999 or 2099: it is not used to order the interviews');
    expect(r.problems[0]!.message.fr).toBe('la date de P2 (\u00ab\u00a012.03.99\u00a0\u00bb) a une année en deux chiffres, qui peut être 1999 ou 2099\u00a0: elle ne sert pas à ordonner les entretiens');
    expect(r.problems[0]!.hint?.fr).toBe('écrire la bonne\u00a0: 1999-03-12 ou 2099-03-12');
    // In an English study, 03/04/2024 may be 3 April or 4 March.
    const en = interviewOrder({ transcripts: [transcript('P1')], config: { language: 'en' }, attributesOf: () => ({ date: '03/04/2024' }) });
    expect(en.problems[0]!.message.en).toContain('reads day first or month first');
    expect(en.problems[0]!.hint?.en).toBe('write the right one: 2024-04-03 or 2024-03-04');
  });

  it('gives the same order whatever order the files were read in', () => {
    const ids = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'];
    const dates = { P1: '2024-01-03', P2: '2024-01-01', P4: '2024-01-01' };
    const config: StudyConfig = { order: ['P5', 'P4', 'P2'] };
    const reference = interviewOrder({ transcripts: ids.map(transcript), config, attributesOf: (id) => (id in dates ? { date: dates[id as keyof typeof dates] } : {}) });
    for (let shift = 1; shift < ids.length; shift++) {
      const shuffled = [...ids.slice(shift), ...ids.slice(0, shift)].reverse();
      const r = interviewOrder({ transcripts: shuffled.map(transcript), config, attributesOf: (id) => (id in dates ? { date: dates[id as keyof typeof dates] } : {}) });
      expect(r.places).toEqual(reference.places);
    }
    expect(reference.ordered.map((t) => t.id)).toEqual(['P5', 'P4', 'P2', 'P1', 'P3', 'P6']);
  });
});
