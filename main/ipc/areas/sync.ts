/** Handlers of the contract's sync part (preload/contract/sync.ts): 中心服务器 / 同步设置 and the counter's day end (issue 14). */
import { area, signedIn, type HandlerKit } from './kit.js';

export const syncHandlers = ({ devices: { sync } }: HandlerKit) =>
  area({
    'sync.status': () => sync.status(),
    'sync.enrol': (ctx, input) => sync.enrol(signedIn(ctx), input),
    'sync.pushNow': () => sync.pushNow(),
    'sync.endCounterDay': (ctx) => {
      const m = sync.endCounterDay(signedIn(ctx));
      return { businessDate: m.businessDate, paymentCount: m.paymentCount, totalFen: m.totalFen, headSeq: m.headSeq, throughSeq: m.throughSeq };
    },
    'sync.exportDayFile': (ctx, input) => sync.exportDayFile(signedIn(ctx), input.date),
  });
