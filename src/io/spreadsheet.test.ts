import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { detectDelimiter, readSpreadsheet, SpreadsheetError } from './spreadsheet.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'codage-spreadsheet-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What Excel (French Windows) writes: Windows-1252. */
function cp1252(s: string): Buffer {
  const high: Record<string, number> = { '’': 0x92, 'œ': 0x9c, '…': 0x85, '€': 0x80, '«': 0xab, '»': 0xbb };
  return Buffer.from([...s].map((c) => high[c] ?? c.charCodeAt(0)));
}

describe('readSpreadsheet: CSV', () => {
  it('reads a Windows-1252 CSV with ;, CRLF, accents and a multi-line quoted cell', async () => {
    const path = join(dir, 'codage.csv');
    const csv =
      'Participant;Thème;Code;Verbatim\r\n' +
      'P01;Vécu du médecin;Impuissance;« je ne sais plus quoi lui proposer »\r\n' +
      'P02;Coordination;Délais d’accès;"Huit mois…\r\npour le centre ; vous imaginez ? Il a dit ""non""."\r\n' +
      ';;;\r\n' +
      'P03;Vécu;Cœur;ça m’a touché\r\n';
    await writeFile(path, cp1252(csv));
    const s = await readSpreadsheet(path);
    expect(s).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(s.header).toEqual(['Participant', 'Thème', 'Code', 'Verbatim']);
    expect(s.rows).toEqual([
      { row: 2, cells: ['P01', 'Vécu du médecin', 'Impuissance', '« je ne sais plus quoi lui proposer »'] },
      { row: 3, cells: ['P02', 'Coordination', 'Délais d’accès', 'Huit mois…\npour le centre ; vous imaginez ? Il a dit "non".'] },
      { row: 4, cells: ['', '', '', ''] },
      { row: 5, cells: ['P03', 'Vécu', 'Cœur', 'ça m’a touché'] },
    ]);
  });

  it('reads a UTF-8 CSV with BOM and commas', async () => {
    const path = join(dir, 'utf8.csv');
    await writeFile(path, '\ufeffid,code,quote\nP1,Écoute,"L’écoute, surtout"\n\n');
    const s = await readSpreadsheet(path);
    expect(s).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(s.header).toEqual(['id', 'code', 'quote']);
    expect(s.rows).toEqual([{ row: 2, cells: ['P1', 'Écoute', 'L’écoute, surtout'] }]);
  });

  it('detects the separator from the first line outside quotes', () => {
    expect(detectDelimiter('"a;b;c",x,y\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('a;b,c;d')).toBe(';');
  });

  it('reports an unclosed quoted cell with file and line', async () => {
    const path = join(dir, 'broken.csv');
    await writeFile(path, 'Participant;Code;Verbatim\nP01;Impuissance;"je ne sais plus\nP02;Écoute;bien\n');
    const error = await readSpreadsheet(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpreadsheetError);
    const e = error as SpreadsheetError;
    expect(e.file).toBe(path);
    expect(e.kind).toBe('csv-syntax');
    expect(e.line).toBe(2);
    expect(e.column).toBe(3);
    expect(e.localized.fr).toContain('jamais refermée');
    expect(e.toProblem()).toMatchObject({ severity: 'error', file: path, line: 2, kind: 'csv-syntax' });
  });

  it('reports a missing file', async () => {
    const error = (await readSpreadsheet(join(dir, 'absent.csv')).catch((e: unknown) => e)) as SpreadsheetError;
    expect(error).toBeInstanceOf(SpreadsheetError);
    expect(error.kind).toBe('spreadsheet-unreadable');
  });
});

describe('readSpreadsheet: xlsx', () => {
  it('reads the first sheet with every cell as a string', async () => {
    const path = join(dir, 'codage.xlsx');
    await writeExcelFile([
      ['Participant', 'Code', 'Verbatim', 'Durée', 'Date'],
      ['P01', 'Impuissance', 'je ne sais plus\nquoi lui proposer', 34, { value: new Date(Date.UTC(2024, 2, 12)), format: 'dd/mm/yyyy' }],
      [null, null, null, null, null],
      ['P02', 'Écoute', 'L’écoute, surtout', 27.5, null],
    ]).toFile(path);
    const s = await readSpreadsheet(path);
    expect(s.format).toBe('xlsx');
    expect(s.header).toEqual(['Participant', 'Code', 'Verbatim', 'Durée', 'Date']);
    expect(s.rows[0]).toEqual({ row: 2, cells: ['P01', 'Impuissance', 'je ne sais plus\nquoi lui proposer', '34', '2024-03-12'] });
    expect(s.rows.at(-1)).toEqual({ row: 4, cells: ['P02', 'Écoute', 'L’écoute, surtout', '27.5', ''] });
  });

  it('refuses a file that is not a workbook', async () => {
    const path = join(dir, 'fake.xlsx');
    await writeFile(path, 'not a zip');
    const error = (await readSpreadsheet(path).catch((e: unknown) => e)) as SpreadsheetError;
    expect(error).toBeInstanceOf(SpreadsheetError);
    expect(error.kind).toBe('spreadsheet-format');
    expect(error.hint?.fr).toContain('.xlsx');
  });
});

describe('readSpreadsheet: emoji written as character references', () => {
  it('reads 😊 written &#128522; or &#x1F44D; (as some tools save a workbook) as the emoji, not another character', async () => {
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const path = join(dir, 'emoji.xlsx');
    await writeExcelFile([
      ['Participant', 'Code', 'Verbatim'],
      ['P01', 'Humour', 'Merci 😊 docteur 👍'],
    ]).toFile(path);
    const { readFile } = await import('node:fs/promises');
    const files = unzipSync(new Uint8Array(await readFile(path)));
    let edited = 0;
    for (const [name, content] of Object.entries(files)) {
      if (!name.endsWith('.xml')) continue;
      const xml = strFromU8(content);
      const referenced = xml.replace('😊', '&#128522;').replace('👍', '&#x1F44D;');
      if (referenced !== xml) edited++;
      files[name] = strToU8(referenced);
    }
    expect(edited).toBe(1);
    await writeFile(path, zipSync(files));
    const sheet = await readSpreadsheet(path);
    expect(sheet.rows[0]!.cells[2]).toBe('Merci 😊 docteur 👍');
  });
});

