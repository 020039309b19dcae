import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCode, addTheme, CodebookEditError } from '../codebook/edit.js';
import { parseCodebook } from '../codebook/parse.js';
import { nameKey } from '../codebook/slug.js';
import type { Severity } from '../types.js';
import { planRefiCodebook } from './codebook-plan.js';
import { readNodeDescription, splitNodeId } from './description.js';
import type { ReportLine } from './import-plan.js';
import type { RefiCode } from './read.js';

/**
 * The trusted reference: the same decisions taken one node at a time, each theme and code added
 * with `addTheme` and `addCode` and the file parsed again before each decision (how the import
 * worked before the additions were batched).
 */
function oneByOne(source: string, codes: readonly RefiCode[], codedGuids: ReadonlySet<string>, language: 'fr' | 'en') {
  const report: ReportLine[] = [];
  const say = (severity: Severity, kind: string, en: string, fr: string) => report.push({ severity, kind, message: { en, fr } });
  const counts = { codes: 0, themes: 0 };
  const codeIds = new Map<string, string>();
  let codebook = source;
  const current = () => parseCodebook(codebook, 'codebook.yaml').codebook;
  const visit = (list: readonly RefiCode[], parent: { id: string; name: string } | null) => {
    for (const code of list) {
      const name = code.name.trim();
      if (name === '') {
        if (code.children.length > 0) {
          say('warning', 'refi-code-unnamed', `a code without a name was not brought over (nor its own codings); its ${code.children.length} sub-code(s) are placed where it was`, `un code sans nom n’a pas été repris (ni ses propres codages) ; ses ${code.children.length} sous-code(s) sont placés à sa place`);
          visit(code.children, parent);
        } else say('warning', 'refi-code-unnamed', 'a code without a name was not brought over (nor its codings)', "un code sans nom n’a pas été repris (ni ses codages)");
        continue;
      }
      const { text: description, id } = splitNodeId(code.description ?? '');
      const given = id !== undefined ? { id } : {};
      try {
        if (code.children.length > 0 || !code.isCodable) {
          const cb = current();
          const siblings = parent === null ? cb.themes : (cb.byId.get(parent.id)?.children ?? []);
          const same = siblings.find((n) => n.kind === 'theme' && nameKey(n.name) === nameKey(name));
          let themeId: string;
          if (same) themeId = same.id;
          else {
            const added = addTheme(codebook, { name, parentId: parent?.id ?? null, ...readNodeDescription(description, 'theme'), ...(code.color ? { color: code.color } : {}), ...given });
            codebook = added.source;
            themeId = added.id;
            counts.themes++;
          }
          if (code.isCodable && codedGuids.has(code.guid)) {
            const inner = current().byId.get(themeId)?.children.find((n) => n.kind === 'code' && nameKey(n.name) === nameKey(name));
            const existingCode = inner ?? [...current().byId.values()].find((n) => n.kind === 'code' && nameKey(n.name) === nameKey(name));
            if (existingCode) codeIds.set(code.guid, existingCode.id);
            else {
              const added = addCode(codebook, { name, themeId });
              codebook = added.source;
              codeIds.set(code.guid, added.id);
              counts.codes++;
            }
            say('info', 'refi-code-with-children', `"${name}" has sub-codes and was applied itself: it is a theme, and its own codings are in the code "${name}" inside it`, `« ${name} » a des sous-codes et a été appliqué lui-même : c’est un thème, et ses propres codages sont dans le code « ${name} » qu’il contient`);
          }
          visit(code.children, { id: themeId, name });
        } else {
          const same = [...current().byId.values()].find((n) => n.kind === 'code' && nameKey(n.name) === nameKey(name));
          if (same && (same.parent ?? null) === (parent?.id ?? null)) {
            codeIds.set(code.guid, same.id);
            continue;
          }
          const unique = same ? `${name} (${parent?.name ?? (language === 'fr' ? 'sans thème' : 'no theme')})` : name;
          if (same) say('warning', 'refi-code-renamed', `two codes are named "${name}": the one in "${parent?.name ?? '—'}" is now "${unique}"`, `deux codes s’appellent « ${name} » : celui de « ${parent?.name ?? '—'} » s’appelle désormais « ${unique} »`);
          const renamed = same ? [...current().byId.values()].find((n) => n.kind === 'code' && nameKey(n.name) === nameKey(unique) && (n.parent ?? null) === (parent?.id ?? null)) : undefined;
          if (renamed) {
            codeIds.set(code.guid, renamed.id);
            continue;
          }
          const added = addCode(codebook, { name: unique, themeId: parent?.id ?? null, ...readNodeDescription(description, 'code'), ...(code.color ? { color: code.color } : {}), ...given });
          codebook = added.source;
          codeIds.set(code.guid, added.id);
          counts.codes++;
        }
      } catch (error) {
        if (!(error instanceof CodebookEditError)) throw error;
        say('warning', 'refi-code-refused', `the code "${name}" was not brought over: ${error.localized.en}`, `le code « ${name} » n’a pas été repris : ${error.localized.fr}`);
      }
    }
  };
  visit(codes, null);
  return { source: codebook, codeIds, report, counts };
}

const DEMO = readFileSync(new URL('../../../fixtures/demo/codebook.yaml', import.meta.url), 'utf8');
const EMPTY = 'themes: []\n';
/** A hand-edited codebook where two codes share a name (reported by check, still read). */
const TWICE = 'codes:\n  - name: Peur\nthemes:\n  - name: Peur\n    codes:\n      - name: Peur\n  - name: Organisation\n';
const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

function expectSame(source: string, codes: RefiCode[], coded: Set<string>, language: 'fr' | 'en' = 'fr'): void {
  const batch = planRefiCodebook(source, codes, coded, language);
  const reference = oneByOne(source, codes, coded, language);
  expect(batch.source).toBe(reference.source);
  expect(sorted(batch.codeIds)).toEqual(sorted(reference.codeIds));
  expect(batch.report).toEqual(reference.report);
  expect(batch.counts).toEqual(reference.counts);
}

let guid = 0;
function code(name: string, children: RefiCode[] = [], extra: Partial<RefiCode> = {}): RefiCode {
  return { guid: `g${++guid}`, name, isCodable: true, children, ...extra };
}

describe('planRefiCodebook', () => {
  it('brings a project’s codes in one pass, exactly as one by one would', () => {
    const applied = code('Vécu du médecin', [code('Impuissance'), code('Solitude', [], { color: '#ff0000', description: 'Se sentir seul.' })]);
    const codes = [
      applied,
      code('Organisation', [code('Délais'), code('impuissance')]), // a code of that name elsewhere: renamed
      code('Organisation', [code('Coût')]), // the theme just added, reused
      code('  '), // no name
      code('Impuissance (Organisation)'), // the name a renamed code would take…
      code('Autre', [code('Réseau'), code('Impuissance (Organisation)')], { isCodable: false }),
      code('Impuissance'), // top level: another place
    ];
    const coded = new Set([applied.guid, ...codes.flatMap((c) => [c.guid, ...c.children.map((x) => x.guid)])]);
    expectSame(DEMO, codes, coded);
    expectSame(EMPTY, codes, coded, 'en');
    expectSame(TWICE, [code('Peur', [code('Coût')])], new Set(['g-none']));
    const applied2 = code('Peur', [code('Peur')]);
    expectSame(TWICE, [applied2], new Set([applied2.guid]));
    expectSame('\uFEFFthemes:\r\n  - name: Organisation\r\n    codes:\r\n      - name: Coût\r\n', codes, new Set());
  });

  it('gives the same codebook, ids and report as one by one on generated projects', () => {
    const names = fc.constantFrom('Impuissance', 'impuissance', 'Ruralité', 'RURALITE', 'Coût', 'Organisation', 'Vécu du médecin', 'Délais', 'Peur', 'Œuvre', ' ', 'Peur (Organisation)', 'Coût (sans thème)');
    const tree = fc.letrec<{ node: RefiCode }>((tie) => ({
      node: fc.record({
        guid: fc.constant(''),
        name: names,
        isCodable: fc.boolean({ noBias: true }),
        children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([]), fc.array(tie('node'), { maxLength: 4 })),
      }),
    })).node;
    const withGuids = (list: RefiCode[], next: { n: number }): RefiCode[] =>
      list.map((c) => ({ ...c, guid: `g${next.n++}`, children: withGuids(c.children, next) }));
    fc.assert(
      fc.property(fc.constantFrom(DEMO, EMPTY, TWICE, 'codes:\n  - name: Peur\n'), fc.array(tree, { maxLength: 6 }), fc.integer({ min: 0, max: 2 }), (source, raw, every) => {
        const codes = withGuids(raw, { n: 0 });
        const all = (list: RefiCode[]): string[] => list.flatMap((c) => [c.guid, ...all(c.children)]);
        const coded = new Set(all(codes).filter((_, i) => every > 0 && i % every === 0));
        expectSame(source, codes, coded);
      }),
      { numRuns: 150, seed: 20261202 },
    );
    // 150 generated projects: ~7 s alone, several times that on a loaded 2-core machine.
  }, 120_000);

  it('brings case variants of one name into one code, and the sub-codes of an unnamed code where it was', () => {
    const variants = code('Relation bis', [code('Impuissance'), code('impuissance'), code('IMPUISSANCE ')]);
    const unnamed = code('', [code('Enfant A'), code('Enfant B')]);
    const plan = planRefiCodebook(DEMO, [variants, code('Vécu du médecin', [unnamed])], new Set(), 'en');
    const ids = [variants.children[0]!, variants.children[1]!, variants.children[2]!].map((c) => plan.codeIds.get(c.guid));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeDefined();
    expect(plan.report.filter((l) => l.kind === 'refi-code-refused')).toEqual([]);
    const book = parseCodebook(plan.source, 'codebook.yaml').codebook;
    const vecu = book.themes.find((t) => t.name === 'Vécu du médecin')!;
    expect(vecu.children.map((c) => c.name)).toEqual(expect.arrayContaining(['Enfant A', 'Enfant B']));
    expect(plan.codeIds.get(unnamed.children[0]!.guid)).toBe(book.byId.get(plan.codeIds.get(unnamed.children[0]!.guid)!)?.id);
    expect(plan.report.find((l) => l.kind === 'refi-code-unnamed')?.message.en).toContain('its 2 sub-code(s) are placed where it was');
  });

  it('brings 500 codes in 20 themes without parsing the codebook for each', () => {
    const codes = Array.from({ length: 20 }, (_, t) => code(`Thème ${t}`, Array.from({ length: 25 }, (_, c) => code(`Code ${t}.${c}`))));
    const plan = planRefiCodebook(EMPTY, codes, new Set(), 'fr');
    expect(plan.counts).toEqual({ codes: 500, themes: 20 });
    const read = parseCodebook(plan.source, 'codebook.yaml');
    expect(read.problems).toEqual([]);
    expect(read.codebook.themes.map((t) => t.children.length)).toEqual(Array.from({ length: 20 }, () => 25));
    expect(new Set(plan.codeIds.values()).size).toBe(500);
  });
});
