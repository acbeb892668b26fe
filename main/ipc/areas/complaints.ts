/** Handlers of the contract's complaints area (preload/contract/complaints.ts), issue 15 #4. */
import { answerComplaint, complaintPhone, listComplaints, logComplaint, saveComplaintSettings } from '../../services/complaints.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const complaintsHandlers = ({ deps }: HandlerKit) =>
  area({
    'complaints.log': (ctx, input) => logComplaint(deps, signedIn(ctx), input),
    'complaints.answer': (ctx, input) => answerComplaint(deps, signedIn(ctx), input),
    'complaints.list': (ctx) => listComplaints(deps, signedIn(ctx), { overdueOnly: false }),
    'complaints.overdue': (ctx) => listComplaints(deps, signedIn(ctx), { overdueOnly: true }),
    'complaints.phone': () => complaintPhone(deps),
    'complaints.saveSettings': (ctx, input) => saveComplaintSettings(deps, signedIn(ctx), input),
  });
