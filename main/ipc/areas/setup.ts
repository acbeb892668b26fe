/** Handlers of the contract's setup area (preload/contract/setup.ts): the first-run setup and 员工管理 (issue 12 #3). */
import { completeSetup, setupStatus } from '../../services/setup.js';
import { addStaff, disableStaff, listStaff, resetStaffPassword, setStaffRole } from '../../services/staff.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const setupHandlers = ({ deps, sessions }: HandlerKit) => {
  /** A disabled member, a changed role or a reset password takes effect at once: their sessions end (sign in again). */
  const thenSignOut = <T extends { id: string }>(changed: T): T => {
    sessions.endStaff(changed.id);
    return changed;
  };
  return area({
    'setup.status': () => setupStatus(deps),
    'setup.complete': (_ctx, input) => completeSetup(deps, input),
    'staff.list': () => listStaff(deps),
    'staff.add': (ctx, input) => addStaff(deps, signedIn(ctx), input),
    'staff.disable': (ctx, input) => thenSignOut(disableStaff(deps, signedIn(ctx), input.staffId)),
    'staff.resetPassword': (ctx, input) => thenSignOut(resetStaffPassword(deps, signedIn(ctx), input)),
    'staff.setRole': (ctx, input) => thenSignOut(setStaffRole(deps, signedIn(ctx), input)),
  });
};
