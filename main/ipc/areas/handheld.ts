/** Handlers of the contract's handheld area (preload/contract/handheld.ts): 抄表机 and the price table. */
import { listTariffs, setTariff } from '../../services/tariffs.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const handheldHandlers = ({ deps, devices: { handheld } }: HandlerKit) =>
  area({
    'handheld.readers': () => handheld.readers(),
    'handheld.syncClock': (ctx) => handheld.syncClock(signedIn(ctx)),
    'handheld.exportList': (_ctx, input) => handheld.exportList(input),
    'handheld.export': (ctx, input) => handheld.exportRoute(signedIn(ctx), input),
    'handheld.import': (ctx) => handheld.importReadings(signedIn(ctx)),
    'handheld.batch': (_ctx, input) => handheld.batch(input.batchId),
    'handheld.sendBack': (ctx, input) => handheld.sendBack(signedIn(ctx), input),
    'handheld.commit': (ctx, input) => handheld.commit(signedIn(ctx), input.batchId, { confirmLarge: input.confirmLarge }),
    'handheld.progress': () => handheld.currentProgress(),
    'tariffs.list': () => listTariffs(deps),
    'tariffs.set': (ctx, input) =>
      setTariff(deps, signedIn(ctx), {
        category: input.category,
        effectiveFrom: input.effectiveFrom,
        priceFenPerM3: input.price,
        tiers: input.tiers.map((t) => ({ fromCenti: t.fromM3, priceFenPerM3: t.price })),
      }),
  });
