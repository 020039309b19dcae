import { readSheet } from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { zipArchive as zip } from '../../test/zip-archive.js';
import { ArchiveError, boundedXlsx } from './zip-guard.js';

function refusal(bytes: Buffer, limit?: number): ArchiveError {
  try {
    boundedXlsx(bytes, limit);
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('boundedXlsx', () => {
  it('gives the reader the same workbook, its parts verified and stored', async () => {
    const rows = [['Participant', 'Code', 'Verbatim'], ['MG1', 'Impuissance', '« je ne sais plus quoi lui proposer »'], ['MG2', 'Épuisement', 'vidée, vraiment']];
    const original = (await writeExcelFile(rows).toBuffer()) as Buffer;
    const checked = boundedXlsx(original);
    expect(await readSheet(checked)).toEqual(await readSheet(original));
    expect(await readSheet(checked)).toEqual(rows);
  });

  it('refuses an archive that declares more than the limit, before expanding anything', () => {
    const bytes = zip([{ name: 'xl/sharedStrings.xml', content: Buffer.alloc(1000, 0x41), declaredSize: 3 * 1024 ** 3 }]);
    const error = refusal(bytes);
    expect(error.reason).toBe('declared-too-large');
    expect(error.detail).toBe('3221225472 bytes once expanded');
    expect(refusal(zip([{ name: 'xl/a.xml', content: Buffer.alloc(2000) }]), 1000).reason).toBe('declared-too-large');
  });

  it('refuses an entry that expands to more than it declares (a bomb lying about its size)', () => {
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(20 * 1024 * 1024), declaredSize: 1024 }]);
    const error = refusal(bytes);
    expect(error.reason).toBe('expands-too-large');
    expect(error.detail).toBe('xl/worksheets/sheet1.xml expands to more than the 1024 bytes it declares');
  });

  it('refuses damaged archives: cut short, not a zip, a wrong checksum', () => {
    const good = zip([{ name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') }]);
    expect(refusal(good.subarray(0, good.length - 30)).reason).toBe('damaged');
    expect(refusal(Buffer.from('PK\u0003\u0004 not really a zip')).reason).toBe('damaged');
    const wrong = Buffer.from(good);
    const at = 30 + 'xl/workbook.xml'.length;
    wrong[at] = (wrong[at] as number) ^ 0xff;
    expect(refusal(wrong).reason).toBe('damaged');
  });

  it('ignores the parts a reader does not need (images, printer settings) and their sizes', () => {
    const bytes = zip([
      { name: 'xl/media/image1.png', content: Buffer.alloc(10), declaredSize: 3 * 1024 ** 3 },
      { name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') },
    ]);
    expect(() => boundedXlsx(bytes)).not.toThrow();
  });
});
