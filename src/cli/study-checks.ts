import { UsageError } from '../core/errors.js';
import type { Study } from '../core/study/study.js';

/** `--coder NAME` must name a coder file of the study. */
export function requireCoder(study: Study, coder: string | undefined): void {
  if (coder === undefined || study.coders.some((c) => c.coder === coder)) return;
  const known = study.coders.map((c) => c.coder).join(', ');
  throw new UsageError(
    { en: `no coder file for "${coder}" in codings/`, fr: `pas de fichier de codeur « ${coder} » dans codings/` },
    { en: `known coders: ${known || 'none yet'}`, fr: `codeurs connus : ${known || 'aucun pour le moment'}` },
  );
}

/** `--by ATTRIBUTE` must name an attribute some participant has. */
export function requireAttribute(study: Study, attribute: string | undefined): void {
  if (attribute === undefined) return;
  const known = new Set<string>();
  for (const p of study.participants.values()) for (const key of Object.keys(p.attributes)) known.add(key);
  if (known.has(attribute)) return;
  throw new UsageError(
    { en: `no participant attribute "${attribute}"`, fr: `pas d'attribut de participant « ${attribute} »` },
    { en: `attributes: ${[...known].sort().join(', ') || 'none'}`, fr: `attributs : ${[...known].sort().join(', ') || 'aucun'}` },
  );
}
