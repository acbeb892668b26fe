/**
 * Layer rules of ../shared/ARCHITECTURE.md, checked in `npm test` (npm run lint:layers).
 * Issue 11 first step: the rules that hold today. Still to come with the shared kernel (issue 11 #1):
 * the renderer importing only the contract's types and the kernel, and db/ importing no main/.
 */
/** The back end a pure rule or a window never imports: database, devices, use cases, IPC, the shell. */
const BACK_END = 'db|hardware|main/(services|ipc|harness|workers|security)|main/(app|host|paths)[.]ts';
/** Libraries that do IO. */
const IO_LIBS = 'better-sqlite3|drizzle-orm|serialport|electron';
const ELECTRON = '^electron$|node_modules/electron/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
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
      name: 'hardware-below-services',
      comment: 'Device drivers know no database, renderer or use case.',
      severity: 'error',
      from: { path: '^hardware/' },
      to: { path: '^((db|renderer|main/(services|ipc|harness|workers))/|preload/(?!kernel/))|better-sqlite3|drizzle-orm|electron' },
    },
    {
      name: 'only-the-shell-imports-electron',
      comment: 'Electron is imported by the shell (main/app.ts), the preload bridge and the launcher that finds its binary only.',
      severity: 'error',
      from: { pathNot: '^(main/app[.]ts|preload/index[.]ts|scripts/start[.]mjs)$' },
      to: { path: ELECTRON },
    },
    {
      name: 'host-never-reaches-electron',
      comment: 'main/host.ts builds the whole back end without Electron, also indirectly.',
      severity: 'error',
      from: { path: '^main/host[.]ts$' },
      to: { path: ELECTRON, reachable: true },
    },
    {
      name: 'renderer-not-into-back-end',
      comment: 'The renderer never imports services, the database, devices or the IPC layer.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: `^(${BACK_END})|${IO_LIBS}` },
    },
    {
      name: 'db-not-into-services',
      comment: 'db/ never imports use cases, IPC or devices.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(hardware|renderer|main/(services|ipc|harness|workers|app|host))' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
