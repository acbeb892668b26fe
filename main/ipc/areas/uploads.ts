/** Handlers of the contract's uploads area (preload/contract/uploads.ts): a bank return sent in chunks. */
import { area, signedIn, type HandlerKit } from './kit.js';

export const uploadsHandlers = ({ uploads }: HandlerKit) =>
  area({
    'upload.begin': (ctx, input) => uploads.begin(ctx.connection, signedIn(ctx), input.size),
    'upload.chunk': (ctx, input) => uploads.chunk(ctx.connection, signedIn(ctx), input),
    'upload.end': (ctx, input) => uploads.end(ctx.connection, signedIn(ctx), input.uploadId),
  });
