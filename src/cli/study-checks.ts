import { UsageError } from '../core/errors.js';
import type { Study } from '../core/study/study.js';

// A coder name is checked before the study is read: see coder.ts (resolveCoder).

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
