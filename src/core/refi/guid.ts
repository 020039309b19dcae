/**
 * GUIDs of a REFI-QDA export. The same study must give the same GUIDs at every export, or the
 * other tool sees new codes, sources and users each time (a supervisor's merged project would
 * fill with duplicates). Each GUID is therefore a name-based UUID (version 5, SHA-1, RFC 9562)
 * of what the thing is in the study — `code` + its id, `segment` + coder + segment id — never a
 * random one.
 */
import { hash } from 'node:crypto';

/** codage's own namespace for name-based UUIDs (itself a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1d5a3e0c8b4f7a9d2e51c4b7a8e903', 'hex');

/** Each byte's two hex digits. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The stable GUID of a thing named by `parts` (joined with U+001F, which no id contains). */
export function stableGuid(...parts: string[]): string {
  // One call to the one-shot hash (a hash object per GUID cost twice as much: a project export
  // makes five GUIDs a segment).
  const digest = hash('sha1', Buffer.concat([NAMESPACE, Buffer.from(parts.join('\u001f'), 'utf8')]), 'buffer');
  digest[6] = (digest[6]! & 0x0f) | 0x50;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  let guid = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) guid += '-';
    guid += HEX[digest[i]!];
  }
  return guid;
}

/** GUIDs as tools write them (`{…}`, upper case) in one form, to compare them. */
export function guidKey(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}
