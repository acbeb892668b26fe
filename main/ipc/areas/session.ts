/** Handlers of the contract's session area (preload/contract/session.ts): sign-in, lock, password. */
import { businessDateOf } from '../../../preload/kernel/dates.js';
import { DomainError } from '../../../preload/kernel/errors.js';
import { changePassword, checkOwnPassword, listCounters, login } from '../../services/auth.js';
import type { Actor } from '../../services/context.js';
import { unlockSignIns } from '../../services/sign-in.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const sessionHandlers = ({ deps, sessions, uploads }: HandlerKit) => {
  const sessionView = (actor: Actor, mustChangePassword = false) => ({
    ...(mustChangePassword ? { mustChangePassword } : {}),
    staffName: actor.staffName,
    role: actor.role,
    hallName: actor.hallName,
    counterName: actor.counterName,
    counterCode: actor.counterCode,
    businessDate: businessDateOf(deps.clock.now()),
  });
  return area({
    'auth.counters': () => listCounters(deps),
    'auth.login': (ctx, input) => {
      const { actor, mustChangePassword } = login(deps, input);
      sessions.set(ctx.connection, actor, mustChangePassword);
      return sessionView(actor, mustChangePassword);
    },
    'auth.session': (ctx) => {
      if (ctx.actor) return sessionView(ctx.actor, sessions.mustChangePassword(ctx.connection));
      // issue 12 #4: locked in another window of the PC: this one opens at the lock screen, not the sign-in
      const locked = sessions.lockedActor(ctx.connection);
      return locked ? { ...sessionView(locked, sessions.mustChangePassword(ctx.connection)), locked: true as const } : null;
    },
    'auth.lock': (ctx) => {
      sessions.lock(ctx.connection);
      return { ok: true as const };
    },
    'auth.unlock': (ctx, input) => {
      const actor = sessions.lockedActor(ctx.connection);
      if (!actor) throw new DomainError('UNAUTHENTICATED', '没有被锁定的登录，请重新登录', 'password');
      checkOwnPassword(deps, actor, input.password);
      sessions.unlock(ctx.connection);
      return sessionView(actor, sessions.mustChangePassword(ctx.connection));
    },
    'auth.changePassword': (ctx, input) => {
      const actor = signedIn(ctx);
      changePassword(deps, actor, input);
      sessions.passwordChanged(ctx.connection);
      return sessionView(actor);
    },
    'auth.unlockSignIns': (ctx, input) => unlockSignIns(deps, signedIn(ctx), input),
    'auth.logout': (ctx) => {
      sessions.end(ctx.connection);
      uploads.endSession(ctx.connection);
      return { ok: true as const };
    },
  });
};
