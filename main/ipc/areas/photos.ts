/**
 * Handlers of the contract's photos part (preload/contract/photos.ts), issue 15 #7 (R-PHOTO-01/02). The archive
 * (company photo server) and the second local copy (the hall PC's D: drive) are stored in the app (photo_settings);
 * until they are, GAS_PHOTO_ARCHIVE and GAS_PHOTO_LOCAL, read at each call, are the start's choice.
 */
import { PhotoService } from '../../services/photos.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const photosHandlers = ({ deps }: HandlerKit) => {
  const photos = new PhotoService(deps);
  return area({
    'photos.settings': () => photos.settings(),
    'photos.setSettings': (ctx, input) => photos.setSettings(signedIn(ctx), input),
    'photos.browse': (_ctx, input) => photos.browse(input.dir),
    'photos.check': (_ctx, input) => photos.check(input),
    'photos.import': (ctx, input) => photos.import(signedIn(ctx), input),
    'photos.progress': () => photos.currentProgress(),
    'photos.verifyArchive': () => photos.verifyArchive(),
    'photos.forAccount': (_ctx, input) => photos.forAccount(input.accountNo),
    'photos.image': (_ctx, input) => photos.image(input.id),
  });
};
