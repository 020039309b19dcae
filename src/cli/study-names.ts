/** Names given on the command line that must exist in the study: a coder, a participant attribute. */
import { UsageError } from '../core/errors.js';
import type { Study } from '../core/study/study.js';

/** A coder file `codings/<coder>.yaml` must exist for `--coder`. */
export function assertCoder(study: Study, coder: string): void {
  const coders = study.coders.map((c) => c.coder);
  if (coders.includes(coder)) return;
  throw new UsageError(
    { en: `no coder file for "${coder}" in codings/`, fr: `pas de fichier de codeur « ${coder} » dans codings/` },
    { en: `known coders: ${coders.join(', ') || 'none yet'}`, fr: `codeurs connus : ${coders.join(', ') || 'aucun pour le moment'}` },
  );
}

/** `--by ATTRIBUTE` must name an attribute of at least one participant. */
export function assertAttribute(study: Study, attribute: string): void {
  const known = new Set<string>();
  for (const p of study.participants.values()) for (const key of Object.keys(p.attributes)) known.add(key);
  if (known.has(attribute)) return;
  throw new UsageError(
    { en: `no participant attribute "${attribute}"`, fr: `pas d'attribut de participant « ${attribute} »` },
    { en: `attributes: ${[...known].sort().join(', ') || 'none'}`, fr: `attributs : ${[...known].sort().join(', ') || 'aucun'}` },
  );
}
