/**
 * Layer rules of ../shared/ARCHITECTURE.md, checked in `npm test` (npm run lint:layers; issue 11 #1).
 *
 *   renderer/        → its own files, the contract (preload/contract*), the kernel, react/react-dom/zustand,
 *                      and Apache ECharts for charts (echarts with its zrender and tslib; issue 15 #8)
 *   preload/contract → zod, the kernel and the channel list: what a window may load with it
 *   preload/kernel/  → nothing outside itself: the explicitly shared pure kernel (money, volume, dates,
 *                      errors, formatting, the closed lists the schema/contract/windows share)
 *   main/domain/     → the kernel and itself: no database, devices, files, Electron or use cases
 *   db/              → the kernel and its libraries: no main/, hardware/, renderer/ (demo data is main/seed)
 *   hardware/        → the kernel and its libraries: no db/, renderer/, main/ (no use case, no rule)
 *   electron         → only the shell (main/app.ts), the preload bridge and the launcher; main/host.ts and
 *                      main/backend.ts (the utility process) never reach it, also indirectly
 *   the shell        → main/app.ts and its IPC link never reach the store, devices, services or router (#7)
 *   server/          → the central sync server (issue 14): its own files, the kernel and its libraries; never
 *                      main/, db/, hardware/, renderer/ or the rest of preload/
 *   server/protocol/ → the sync wire contract: zod and the kernel only (main/ may import it)
 *   main/ → server/  → only server/protocol/
 */
/** The back end a pure rule or a window never imports: database, devices, use cases, IPC, the shell. */
const BACK_END = 'db|hardware|main/(services|ipc|harness|workers|security)|main/(app|host|paths)[.]ts';
/** Libraries that do IO. */
const IO_LIBS = 'better-sqlite3|drizzle-orm|serialport|electron';
const ELECTRON = '^electron$|node_modules/electron/';
const KERNEL = '^preload/kernel/';
const CONTRACT = '^preload/(contract[.]ts|contract/|channels([.]generated)?[.]ts)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-contract-and-kernel',
      comment:
        'A window imports its own files, the contract, the shared kernel and its UI libraries; every figure and rule else comes from main through the contract. ' +
        'Issue 15 #8: the charts are Apache ECharts (echarts, drawn by its zrender, with the tslib helpers both import), only in renderer/src/components/charts/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: `^renderer/|${CONTRACT}|${KERNEL}|node_modules/(react|react-dom|zustand|scheduler|use-sync-external-store|echarts|zrender|tslib)/` },
    },
    {
      name: 'echarts-only-in-the-chart-wrapper',
      comment: 'Issue 15 #8: windows draw charts through renderer/src/components/charts/ (only the ECharts parts registered there get bundled; the wrapper disposes and resizes).',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/src/components/charts/' },
      to: { path: 'node_modules/(echarts|zrender)/' },
    },
    {
      name: 'contract-is-shared',
      comment: 'The contract is loaded by the windows too: it imports zod, the kernel and the channel list only.',
      severity: 'error',
      from: { path: CONTRACT },
      to: { pathNot: `${CONTRACT}|${KERNEL}|node_modules/zod/` },
    },
    {
      name: 'kernel-is-pure',
      comment: 'preload/kernel is the explicitly shared pure kernel: it imports nothing outside itself (no node core module, no library).',
      severity: 'error',
      from: { path: KERNEL },
      to: { pathNot: KERNEL },
    },
    {
      name: 'domain-is-pure',
      comment: 'main/domain holds pure rules: no database, devices, files, Electron or use cases (node:crypto for hashing only).',
      severity: 'error',
      from: { path: '^main/domain/' },
      to: {
        path: `^(${BACK_END}|renderer|preload/(?!kernel/))|${IO_LIBS}|node-thermal-printer`,
      },
    },
    {
      name: 'domain-no-io-modules',
      severity: 'error',
      from: { path: '^main/domain/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    {
      name: 'db-not-into-main',
      comment: 'db/ (schema, migrations, opening the store) imports no main/, hardware/ or renderer/: the enums it needs are in the kernel.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(main|hardware|renderer)/|^preload/(?!kernel/)' },
    },
    {
      name: 'hardware-below-services',
      comment: 'Device drivers know no database, renderer, use case or business rule; shared shapes come from the kernel.',
      severity: 'error',
      from: { path: '^hardware/' },
      to: { path: '^(db|renderer|main)/|^preload/(?!kernel/)|better-sqlite3|drizzle-orm|electron' },
    },
    {
      name: 'only-the-shell-imports-electron',
      comment: 'Electron is imported by the shell (main/app.ts), the preload bridge and the launcher that finds its binary only.',
      severity: 'error',
      from: { pathNot: '^(main/app[.]ts|preload/index[.]ts|scripts/start[.]mjs)$' },
      to: { path: ELECTRON },
    },
    {
      name: 'back-end-never-reaches-electron',
      comment:
        'main/host.ts builds the whole back end without Electron, also indirectly; main/backend.ts runs it in the utility process (issue 11 #7), which gets process.parentPort from Electron, never the electron module.',
      severity: 'error',
      from: { path: '^main/(host|backend)[.]ts$' },
      to: { path: ELECTRON, reachable: true },
    },
    {
      name: 'shell-never-reaches-the-back-end',
      comment: 'Issue 11 #7: the Electron main process owns windows only; the store, services, devices and router run in the utility process (main/backend.ts), also indirectly.',
      severity: 'error',
      from: { path: '^main/(app|backend-link|backend-protocol)[.]ts$' },
      to: { path: `^(db|hardware)/|^main/(host|backend|services|ipc|harness|workers)([.]ts$|/)|better-sqlite3|drizzle-orm|serialport`, reachable: true },
    },
    {
      name: 'renderer-not-into-back-end',
      comment: 'Also indirectly (through the contract): a window never loads services, the database, devices or the IPC layer.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: `^(${BACK_END}|main/domain)|${IO_LIBS}`, reachable: true },
    },
    {
      name: 'server-stands-alone',
      comment: 'Issue 14: the central server shares only the kernel with the app; it never loads the counter store, devices, use cases or windows.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(main|db|hardware|renderer|scripts)/|^preload/(?!kernel/)|better-sqlite3|serialport|electron' },
    },
    {
      name: 'sync-protocol-is-shared',
      comment: 'Issue 14: server/protocol is loaded by the counter side too: zod, the kernel and itself only.',
      severity: 'error',
      from: { path: '^server/protocol/' },
      to: { pathNot: `^server/protocol/|${KERNEL}|node_modules/zod/` },
    },
    {
      name: 'app-reaches-server-protocol-only',
      comment: 'Issue 14: the counter side (main/ and the rest of the app) imports the sync contract, never the server itself.',
      severity: 'error',
      from: { path: '^(main|db|hardware|renderer|preload)/' },
      to: { path: '^server/(?!protocol/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
