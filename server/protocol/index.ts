/**
 * Issue 14: the sync wire contract between a counter PC (main/, the counter side) and the central server
 * (server/). Import from here: `import { pushRequest, ROUTES } from '../server/protocol/index.js'`.
 */
export * from './common.js';
export * from './tables.js';
export * from './enrolment.js';
export * from './push.js';
export * from './anomalies.js';
export * from './feed.js';
export * from './day.js';
export * from './finance.js';
export * from './routes.js';
