/**
 * Checks coder files against the codebook and the transcripts: unknown codes, themes used as
 * codes, participants without a transcript, the same segment coded twice.
 *
 * An unknown code or participant is reported once per coder file, with how many segments use
 * it and the first line, so a renamed transcript gives one message rather than hundreds.
 */
import type { Codebook, CoderFile, Problem, Segment } from '../types.js';
import { compareNatural } from '../natural-sort.js';
import { nameKey } from '../codebook/slug.js';
import { nearest } from '../codebook/nearest.js';

interface Usage {
  line?: number;
  count: number;
}

function note(map: Map<string, Usage>, key: string, line: number | undefined): void {
  const u = map.get(key);
  if (u) u.count++;
  else map.set(key, { line, count: 1 });
}

function times(n: number): { en: string; fr: string } {
  return n === 1 ? { en: '1 segment', fr: '1 segment' } : { en: `${n} segments`, fr: `${n} segments` };
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (const code of a) if (!b.includes(code)) return false;
  return true;
}

/**
 * Where a segment's problem is shown: its line, and the column where its entry starts (`  - {`
 * puts it at 5), so that an editor jumping to `file:line:col` lands on the segment.
 */
function at(line: number): { line: number; column: number } {
  return { line, column: 5 };
}

/** The passages of one quote are in one interview: a quote id shared with another participant's segment is a mistake. */
function quoteAcrossParticipants(file: string, s: Segment, first: Segment): Problem {
  const p: Problem = {
    severity: 'warning',
    file,
    kind: 'quote-across-participants',
    message: {
      en: `This segment (${s.participant}) shares the quote id \`${s.quote}\` with a segment of ${first.participant} (line ${first.line ?? '?'}): one quote comes from one interview.`,
      fr: `Ce segment (${s.participant}) partage l’identifiant de citation \`${s.quote}\` avec un segment de ${first.participant} (ligne ${first.line ?? '?'}) : une citation vient d’un seul entretien.`,
    },
    hint: { en: 'Remove `"quote"` from the segment that is not part of that quote.', fr: 'Retirez `"quote"` du segment qui ne fait pas partie de cette citation.' },
  };
  if (s.line !== undefined) Object.assign(p, at(s.line));
  return p;
}

/** Problems with the coder files as a whole set; texts against transcripts are checked elsewhere. */
export function validateCodings(
  files: { file: string; coderFile: CoderFile }[],
  codebook: Codebook,
  participants: Set<string>,
  /** `codebookRead: false`: codebook.yaml could not be read whole (its own error says why), so codes missing from it are not reported. */
  options: { codebookRead: boolean } = { codebookRead: true },
): Problem[] {
  const problems: Problem[] = [];
  const codeIds: string[] = [];
  const byNameKey = new Map<string, string>();
  for (const node of codebook.byId.values()) {
    if (node.kind !== 'code') continue;
    codeIds.push(node.id);
    byNameKey.set(nameKey(node.name), node.id);
  }

  for (const { file, coderFile } of files) {
    const unknownCodes = new Map<string, Usage>();
    const themes = new Map<string, Usage>();
    const unknownParticipants = new Map<string, Usage>();
    // Same participant, start and end first (numbers, no string building), then same codes.
    const byStart = new Map<string, Map<number, Segment | Segment[]>>();
    const quotes = new Map<string, Segment>();
    const segments = coderFile.segments;
    for (let n = 0; n < segments.length; n++) {
      const s = segments[n]!;
      if (s.quote !== undefined) {
        const first = quotes.get(s.quote);
        if (first === undefined) quotes.set(s.quote, s);
        else if (first.participant !== s.participant) problems.push(quoteAcrossParticipants(file, s, first));
      }
      for (let c = 0; c < s.codes.length; c++) {
        const code = s.codes[c]!;
        const node = codebook.byId.get(code);
        if (!node) note(unknownCodes, code, s.line);
        else if (node.kind !== 'code') note(themes, code, s.line);
      }
      if (!participants.has(s.participant)) note(unknownParticipants, s.participant, s.line);
      let starts = byStart.get(s.participant);
      if (!starts) byStart.set(s.participant, (starts = new Map()));
      // One segment per start, the usual case, is kept without an array.
      const found = starts.get(s.start);
      if (found === undefined) {
        starts.set(s.start, s);
        continue;
      }
      const same = Array.isArray(found) ? found : [found];
      if (same !== found) starts.set(s.start, same);
      const first = same.find((o) => o.end === s.end && sameCodes(o.codes, s.codes));
      if (first) {
        const p: Problem = {
          severity: 'warning',
          file,
          kind: 'duplicate-segment',
          message: {
            en: `This segment repeats the one on line ${first.line ?? '?'} (same participant, position and codes).`,
            fr: `Ce segment répète celui de la ligne ${first.line ?? '?'} (même participant, même position, mêmes codes).`,
          },
          hint: { en: 'Delete one of the two lines.', fr: 'Supprimez l’une des deux lignes.' },
        };
        if (s.line !== undefined) Object.assign(p, at(s.line));
        problems.push(p);
      } else {
        same.push(s);
      }
    }

    for (const [code, use] of options.codebookRead ? [...unknownCodes].sort((a, b) => compareNatural(a[0], b[0])) : []) {
      const byName = byNameKey.get(nameKey(code));
      const guess = byName ?? nearest(code, codeIds);
      const p: Problem = {
        severity: 'error',
        file,
        kind: 'unknown-code',
        message: {
          en: `Unknown code \`${code}\` (${times(use.count).en}): it is not in codebook.yaml.`,
          fr: `Code inconnu \`${code}\` (${times(use.count).fr}) : il n’est pas dans codebook.yaml.`,
        },
        hint: guess
          ? { en: `Did you mean \`${guess}\`? Otherwise add the code to codebook.yaml.`, fr: `Vouliez-vous écrire \`${guess}\` ? Sinon, ajoutez le code à codebook.yaml.` }
          : { en: `Add it to codebook.yaml (\`- name: …\` with \`id: ${code}\`).`, fr: `Ajoutez-le à codebook.yaml (\`- name: …\` avec \`id: ${code}\`).` },
      };
      if (use.line !== undefined) Object.assign(p, at(use.line));
      problems.push(p);
    }

    for (const [id, use] of [...themes].sort((a, b) => compareNatural(a[0], b[0]))) {
      const name = codebook.byId.get(id)?.name ?? id;
      const p: Problem = {
        severity: 'error',
        file,
        kind: 'code-is-theme',
        message: {
          en: `\`${id}\` is the theme “${name}” (${times(use.count).en}): segments are coded with codes only.`,
          fr: `\`${id}\` est le thème « ${name} » (${times(use.count).fr}) : les segments se codent uniquement avec des codes.`,
        },
        hint: {
          en: 'Use one of the theme’s codes, or create a code for this idea inside the theme.',
          fr: 'Utilisez l’un des codes du thème, ou créez un code pour cette idée dans le thème.',
        },
      };
      if (use.line !== undefined) Object.assign(p, at(use.line));
      problems.push(p);
    }

    for (const [participant, use] of [...unknownParticipants].sort((a, b) => compareNatural(a[0], b[0]))) {
      const guess = nearest(participant, participants);
      const p: Problem = {
        severity: 'error',
        file,
        kind: 'unknown-participant',
        message: {
          en: `No transcript for participant \`${participant}\` (${times(use.count).en}).`,
          fr: `Aucun entretien pour le participant \`${participant}\` (${times(use.count).fr}).`,
        },
        hint: guess
          ? { en: `Did you mean \`${guess}\`? Or was the transcript renamed? Its id is its file name or the \`id:\` of its front matter.`, fr: `Vouliez-vous écrire \`${guess}\` ? Ou l’entretien a-t-il été renommé ? Son identifiant est le nom du fichier ou le \`id:\` de son en-tête.` }
          : { en: `Put the transcript in transcripts/ as ${participant}.txt (or give it \`id: ${participant}\` in its front matter).`, fr: `Placez l’entretien dans transcripts/ sous le nom ${participant}.txt (ou donnez-lui \`id: ${participant}\` dans son en-tête).` },
      };
      if (use.line !== undefined) Object.assign(p, at(use.line));
      problems.push(p);
    }
  }
  return problems;
}
