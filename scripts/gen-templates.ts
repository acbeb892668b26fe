/**
 * Writes the legacy import templates shipped with the app (issue 12 #3) into db/templates/: for each kind
 * (accounts = 用户及表, bills = 欠费账单, tariffs = 价格) an empty template and a sample with a few valid rows, as
 * CSV (UTF-8 with BOM) and .xlsx. The columns and the sample rows are main/domain/legacy-import.ts; the app
 * serves the same files generated (imports.template), and tests/unit/import-templates.test.ts checks these
 * are current. Run `npm run gen:templates` after changing the columns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IMPORT_KINDS, type ImportKind } from '../preload/kernel/enums.js';
import { templateCsv, templateXlsx } from '../main/services/legacy-import.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../db/templates/', import.meta.url));

/** The shipped file's name: accounts.csv, accounts-sample.xlsx … */
export const templateFile = (kind: ImportKind, sample: boolean, format: 'csv' | 'xlsx') => `${kind}${sample ? '-sample' : ''}.${format}`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(TEMPLATES_DIR, { recursive: true });
  for (const kind of IMPORT_KINDS)
    for (const sample of [false, true]) {
      writeFileSync(join(TEMPLATES_DIR, templateFile(kind, sample, 'csv')), templateCsv(kind, sample));
      writeFileSync(join(TEMPLATES_DIR, templateFile(kind, sample, 'xlsx')), await templateXlsx(kind, sample));
    }
  console.log(`wrote ${IMPORT_KINDS.length * 4} templates to ${TEMPLATES_DIR}`);
}
