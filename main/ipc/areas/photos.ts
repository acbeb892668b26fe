/**
 * Handlers of the contract's photos part (preload/contract/photos.ts), issue 15 #7 (R-PHOTO-01/02). The archive
 * (company photo server) and the second local copy (the hall PC's D: drive) are configured at start:
 * GAS_PHOTO_ARCHIVE and GAS_PHOTO_LOCAL, read at each call.
 */
import { checkPhotoFolder, importPhotos } from '../../services/photos.js';
import { area, signedIn, type HandlerKit } from './kit.js';

const handoverMap = (rows: readonly { accountNo: string; count: number }[]) => new Map(rows.map((r) => [r.accountNo, r.count]));
const targets = () => [process.env.GAS_PHOTO_ARCHIVE, process.env.GAS_PHOTO_LOCAL].map((t) => t?.trim() ?? '').filter((t) => t !== '');

export const photosHandlers = (_kit: HandlerKit) =>
  area({
    'photos.check': (ctx, input) => {
      signedIn(ctx);
      return checkPhotoFolder({ ...input, handover: handoverMap(input.handover) });
    },
    'photos.import': (ctx, input) => {
      signedIn(ctx);
      const r = importPhotos({ ...input, handover: handoverMap(input.handover), targets: targets() });
      return { copied: r.copied, manifests: r.manifests };
    },
  });
