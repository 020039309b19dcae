/**
 * Segments coded over an exchange: a segment whose text runs over the turns of several speakers
 * (the interviewer's question and the answer, two participants of a focus group). Nothing is
 * wrong with the coding — an exchange can be the point — but a quote is signed with one
 * participant's label, so `codage check` says which segments hold other speakers' words, as the
 * coding screen does before one is coded; the exports write such a quote turn by turn.
 */
import { joinList } from '../report/typography.js';
import { positionOf } from '../text/lines.js';
import { severalSpeakers } from '../transcript/span-turns.js';
import type { Problem } from '../types.js';
import type { AnchoredSegment } from './anchor-codings.js';

/** A warning for each placed segment that runs over the words of several speakers, in the segment's coder file. */
export function severalSpeakerWarnings(segments: readonly AnchoredSegment[]): Problem[] {
  const problems: Problem[] = [];
  for (const a of segments) {
    if (a.status === 'unplaced') continue;
    const several = severalSpeakers(a.transcript, a.start, a.end);
    if (several === null) continue;
    const { id, participant } = a.segment;
    const line = positionOf(a.transcript.text, a.start, a.transcript.bodyLine).line;
    const n = several.speakers.length;
    problems.push({
      severity: 'warning',
      file: a.file,
      ...(a.segment.line !== undefined ? { line: a.segment.line, column: 5 } : {}),
      kind: 'segment-several-speakers',
      message: {
        en: `segment ${id} (${participant}, ${a.transcript.file}, line ${line}) runs over the words of ${n} speakers, ${joinList(several.speakers, 'en')}: the exports quote it turn by turn, each turn after its speaker’s label`,
        fr: `le segment ${id} (${participant}, ${a.transcript.file}, ligne ${line}) couvre les paroles de ${n} locuteurs, ${joinList(several.speakers, 'fr')} : les exports le citent tour par tour, chaque tour précédé de son locuteur`,
      },
      hint: {
        en: `nothing to do if the exchange is what is coded; to quote ${participant}’s words alone, code them again without the other turns (codage code ${participant} --coder ${a.coder}) and delete this line`,
        fr: `rien à faire si c’est l’échange qui est codé ; pour citer les seules paroles de ${participant}, les recoder sans les autres tours (codage code ${participant} --coder ${a.coder}) et supprimer cette ligne`,
      },
    });
  }
  return problems;
}
