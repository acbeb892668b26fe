/**
 * Issue 15 #7 (R-PHOTO-01/02, DOMAIN §7.6): installation photos. The archive (company photo server) and the second
 * local copy (the hall PC's D: drive) are chosen in the app (photo_settings, local to this PC); each import of a
 * technician's folder is recorded with its manifest (photo_imports) and each photo with its household, the install
 * business it belongs to and its SHA-256 (install_photos). Both records are append-only (custom migration).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { halls, staff } from './reference.js';
import { accounts } from './accounts.js';
import { businesses } from './businesses.js';

/** The archive and the local copy of this PC; `dir` null: cleared. No row: the start's GAS_PHOTO_ARCHIVE / GAS_PHOTO_LOCAL. */
export const photoSettings = sqliteTable('photo_settings', {
  key: text('key', { enum: ['archive', 'local'] }).primaryKey(),
  dir: text('dir'),
  updatedBy: text('updated_by').notNull().references(() => staff.id),
  updatedAt: text('updated_at').notNull(),
});

/** One imported technician folder (R-PHOTO-01/02): where it went, its manifest and the checked counts. */
export const photoImports = sqliteTable(
  'photo_imports',
  {
    id: text('id').primaryKey(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    batch: text('batch').notNull().unique(),
    yearMonth: text('year_month').notNull(),
    sourceDir: text('source_dir').notNull(),
    technician: text('technician').notNull().default(''),
    photoCount: integer('photo_count').notNull(),
    householdCount: integer('household_count').notNull(),
    archiveDir: text('archive_dir').notNull(),
    localDir: text('local_dir'),
    /** Relative to each copy's root: `YYYY-MM/SHA256SUMS-<batch>.txt`. */
    manifestPath: text('manifest_path').notNull(),
    manifestSha256: text('manifest_sha256').notNull(),
    /** The photo handover book as checked: JSON [{accountNo, count}]. */
    handover: text('handover').notNull(),
    importedBy: text('imported_by').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('photo_imports_month').on(t.yearMonth)],
);

/** One archived photo of a household, linked to its latest install business (安装 / 统一装表) when there is one. */
export const installPhotos = sqliteTable(
  'install_photos',
  {
    id: text('id').primaryKey(),
    importId: text('import_id').notNull().references(() => photoImports.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    installBusinessId: text('install_business_id').references(() => businesses.id),
    /** The file's name on the camera card. */
    originalName: text('original_name').notNull(),
    /** Relative to the archive root, `YYYY-MM/<address>-<n>.<ext>`. */
    path: text('path').notNull(),
    /** The address the technician wrote (the file is named by it). */
    address: text('address').notNull(),
    sha256: text('sha256').notNull(),
    bytes: integer('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('install_photos_account').on(t.accountId)],
);
