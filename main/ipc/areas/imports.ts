/** Handlers of the contract's imports area (preload/contract/imports.ts): legacy data import (issue 12 #3). */
import { TEMPLATE_TITLES, TEMPLATE_COLUMNS } from '../../domain/legacy-import.js';
import { IMPORT_KINDS } from '../../../preload/kernel/enums.js';
import { LegacyImport, templateCsv, templateXlsx } from '../../services/legacy-import.js';
import type { CallContext } from '../router.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const importsHandlers = ({ deps, uploads }: HandlerKit) => {
  const imports = new LegacyImport(deps);
  /** The file: a finished upload of this session, or inline base64. */
  const fileOf = (ctx: CallContext, input: { file?: string | undefined; upload?: string | undefined }): Buffer =>
    input.upload ? uploads.file(ctx.connection, signedIn(ctx), input.upload).bytes : Buffer.from(input.file ?? '', 'base64');
  return area({
    'imports.templates': () => IMPORT_KINDS.map((kind) => ({ kind, title: TEMPLATE_TITLES[kind], columns: TEMPLATE_COLUMNS[kind].map((c) => ({ ...c })) })),
    'imports.template': async (_ctx, input) => {
      const name = `${TEMPLATE_TITLES[input.kind]}${input.sample ? '-示例' : '-模板'}.${input.format}`;
      const bytes = input.format === 'csv' ? Buffer.from(templateCsv(input.kind, input.sample), 'utf8') : await templateXlsx(input.kind, input.sample);
      return { fileName: name, base64: bytes.toString('base64') };
    },
    'imports.check': (ctx, input) => imports.check(input.kind, fileOf(ctx, input)),
    'imports.run': async (ctx, input) => {
      const done = await imports.run(signedIn(ctx), input.kind, fileOf(ctx, input));
      if (input.upload && done.imported) uploads.drop(input.upload);
      return done;
    },
    'imports.progress': () => imports.currentProgress(),
  });
};
