/**
 * A Word document protected by a password, as Word and LibreOffice save it: not a zip archive but
 * an OLE compound file (CFB, [MS-CFB]) holding an `EncryptionInfo` and an `EncryptedPackage`
 * stream ([MS-OFFCRYPTO]). The streams' content here is random: codage must recognise the
 * container and refuse it, never decrypt it. LibreOffice's command line cannot set a password,
 * so the container is written by hand, byte for byte as the specification lays it out.
 */
import { randomBytes } from 'node:crypto';

const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

function directoryEntry(name: string, type: number, child: number, right: number, start: number, size: number): Buffer {
  const entry = Buffer.alloc(128);
  if (name !== '') {
    const encoded = Buffer.from(`${name}\u0000`, 'utf16le');
    encoded.copy(entry, 0);
    entry.writeUInt16LE(encoded.length, 64);
  }
  entry.writeUInt8(type, 66);
  entry.writeUInt8(1, 67); // black
  entry.writeUInt32LE(FREE, 68); // left sibling
  entry.writeUInt32LE(right, 72);
  entry.writeUInt32LE(child, 76);
  entry.writeUInt32LE(start, 116);
  entry.writeUInt32LE(size, 120);
  return entry;
}

/** An encrypted Office document (see the module comment), streams of 4 KB (no mini stream). */
export function encryptedWordFile(): Buffer {
  const streamSectors = 8; // 4096 bytes each: at the mini stream cutoff, so in regular sectors
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // first mini FAT sector
  header.writeUInt32LE(END, 68); // first DIFAT sector
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END, 4);
  for (const first of [2, 2 + streamSectors]) {
    for (let s = first; s < first + streamSectors; s++) fat.writeUInt32LE(s === first + streamSectors - 1 ? END : s + 1, s * 4);
  }
  const directory = Buffer.concat([
    directoryEntry('Root Entry', 5, 1, FREE, END, 0),
    directoryEntry('EncryptionInfo', 2, FREE, 2, 2, 4096),
    directoryEntry('EncryptedPackage', 2, FREE, FREE, 2 + streamSectors, 4096),
    directoryEntry('', 0, FREE, FREE, 0, 0),
  ]);
  const info = Buffer.alloc(4096);
  info.writeUInt16LE(4, 0); // version 4.4: agile encryption, what Word 2010 and later write
  info.writeUInt16LE(4, 2);
  info.writeUInt32LE(0x40, 4);
  Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>').copy(info, 8);
  return Buffer.concat([header, fat, directory, info, randomBytes(4096)]);
}
