/** Issue 12 #3: the import templates shipped in db/templates/ are the ones the app serves, and they read back as written. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../preload/kernel/enums.js';
import { mapHeader, validateRow, SAMPLE_ROWS } from '../../main/domain/legacy-import.js';
import { readTable, templateCsv } from '../../main/services/legacy-import.js';
import { TEMPLATES_DIR, templateFile } from '../../scripts/gen-templates.js';

describe('db/templates (run `npm run gen:templates` after changing the columns)', () => {
  for (const kind of IMPORT_KINDS) {
    it(`${kind}: the CSV files are current and the .xlsx files read the same rows`, async () => {
      for (const sample of [false, true]) {
        const csv = readFileSync(join(TEMPLATES_DIR, templateFile(kind, sample, 'csv')), 'utf8');
        expect(csv).toBe(templateCsv(kind, sample));
        const fromCsv = await readTable(Buffer.from(csv, 'utf8'));
        const fromXlsx = await readTable(readFileSync(join(TEMPLATES_DIR, templateFile(kind, sample, 'xlsx'))));
        expect(fromXlsx.rows).toEqual(fromCsv.rows);
      }
    });

    it(`${kind}: every sample row is valid`, () => {
      const [header = [], ...rows] = [[...(templateCsv(kind, false).replace(/^\uFEFF/, '').trim().split(','))], ...SAMPLE_ROWS[kind]];
      const { index, errors } = mapHeader(kind, header);
      expect(errors).toEqual([]);
      for (const row of rows) expect(validateRow(kind, row, index)).toMatchObject({ ok: true });
    });
  }
});
