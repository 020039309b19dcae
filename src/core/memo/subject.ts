/**
 * The subject a researcher names in `codage memo SUBJECT`: `study` (`étude`), a participant id
 * (`MG1`), a code or a theme by name, id or path — with `transcript:`/`entretien:`, `code:` or
 * `theme:`/`thème:` in front when a name could be either.
 */
import { lookupNode, pathOf } from '../codebook/find-node.js';
import { nearest } from '../codebook/nearest.js';
import { allCodes, allThemes } from '../codebook/query.js';
import { UsageError } from '../errors.js';
import type { Codebook, Localized } from '../types.js';
import type { MemoSubject } from './memo.js';

export interface NamedSubject {
  subject: MemoSubject;
  /** `the code “Frustration”` / `le code « Frustration »`. */
  label: Localized;
}

const STUDY = /^\s*(study|étude|etude)\s*$/iu;
const TRANSCRIPT_PREFIX = /^\s*(transcript|transcription|entretien|participant)\s*:\s*/iu;

export function describeSubject(subject: MemoSubject, codebook: Codebook): Localized {
  switch (subject.kind) {
    case 'study':
      return { en: 'the study', fr: 'l’étude' };
    case 'transcript':
      return { en: `the transcript ${subject.id}`, fr: `l’entretien ${subject.id}` };
    case 'code':
    case 'theme': {
      const node = codebook.byId.get(subject.id);
      const name = node ? pathOf(codebook, node) : subject.id;
      return subject.kind === 'code' ? { en: `the code “${name}”`, fr: `le code «\u00a0${name}\u00a0»` } : { en: `the theme “${name}”`, fr: `le thème «\u00a0${name}\u00a0»` };
    }
  }
}

function named(subject: MemoSubject, codebook: Codebook): NamedSubject {
  return { subject, label: describeSubject(subject, codebook) };
}

/** The subject `ref` names among the study's participants and codebook; a usage error otherwise. */
export function resolveSubject(ref: string, study: { codebook: Codebook; participants: readonly string[] }): NamedSubject {
  if (STUDY.test(ref)) return named({ kind: 'study' }, study.codebook);
  const prefixed = TRANSCRIPT_PREFIX.exec(ref);
  const wanted = prefixed ? ref.slice(prefixed[0].length).trim() : ref.trim();
  const participant =
    study.participants.find((p) => p === wanted) ?? study.participants.find((p) => p.localeCompare(wanted, 'fr', { sensitivity: 'accent' }) === 0);
  if (prefixed || participant !== undefined) {
    if (participant !== undefined) {
      // A participant id that is also a code's or theme's name is asked, not guessed.
      const node = prefixed ? null : lookupNode(study.codebook, wanted);
      if (node) {
        throw new UsageError(
          { en: `"${wanted}" is both a participant and a ${node.kind}`, fr: `« ${wanted} » est à la fois un participant et un ${node.kind === 'code' ? 'code' : 'thème'}` },
          {
            en: `write "transcript:${participant}" or "${node.kind}:${node.name}"`,
            fr: `écrire « entretien:${participant} » ou « ${node.kind === 'code' ? 'code' : 'thème'}:${node.name} »`,
          },
        );
      }
      return named({ kind: 'transcript', id: participant }, study.codebook);
    }
  }
  const node = prefixed ? null : lookupNode(study.codebook, ref);
  if (node) return named({ kind: node.kind, id: node.id }, study.codebook);
  const names = [...study.participants, ...allThemes(study.codebook).map((t) => t.name), ...allCodes(study.codebook).map((c) => c.name)];
  const close = nearest(wanted, names);
  throw new UsageError(
    prefixed
      ? { en: `no transcript for participant "${wanted}"`, fr: `pas d’entretien pour le participant « ${wanted} »` }
      : { en: `no participant, code or theme "${ref}"`, fr: `ni participant, ni code, ni thème « ${ref} »` },
    close !== undefined
      ? { en: `did you mean "${close}"? (or "study" for a memo on the whole study)`, fr: `vouliez-vous dire « ${close} » ? (ou « étude » pour un mémo sur toute l’étude)` }
      : {
          en: 'give a participant id, a code or theme name, or "study"; codage memo lists the memos',
          fr: 'indiquer un identifiant de participant, un nom de code ou de thème, ou « étude » ; codage memo liste les mémos',
        },
  );
}
