// Types of scripts/native-abi.mjs (issue 12 #7), for tests/unit/native-abi.test.ts.
export interface FsLike {
  existsSync(path: string): boolean;
  readFileSync(path: string): Buffer;
}
export interface BuildState {
  file: string;
  abi: number | null;
  marker: boolean;
}
export interface SpawnSpec {
  command: string;
  args: string[];
  options: { stdio: 'inherit'; shell: boolean; env?: Record<string, string | undefined> };
}
export interface RebuildPlan {
  removeBefore: string[];
  spawn: SpawnSpec;
  removeAfter: string[];
}
export declare const ABI_MODULES: { name: string; binary: string }[];
export declare function markerPath(moduleDir: string): string;
export declare function abiOfBinary(bytes: Buffer | string): number | null;
export declare function buildState(fs: FsLike, moduleDir: string, binary: string): BuildState;
export declare function needsRebuild(state: BuildState, targetAbi: number | string): boolean;
export declare function npmSpawn(platform: string, command: string, args: string[], options?: { env?: Record<string, string | undefined> }): SpawnSpec;
export declare function nodeRebuildEnv(platform: string, env: Record<string, string | undefined>, hasNodeHeaders: boolean): Record<string, string | undefined>;
export declare function electronRebuildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function nodeRebuildPlan(options: { platform: string; env: Record<string, string | undefined>; hasNodeHeaders: boolean; moduleDir: string; name: string }): RebuildPlan;
export declare function electronRebuildPlan(options: { platform: string; env: Record<string, string | undefined>; moduleDirs: string[] }): RebuildPlan;
export declare function staleMarker(state: BuildState, runtimeAbi: number | string): boolean;
export declare function verifyBuild(state: BuildState, targetAbi: number | string, runtime: string): string | null;
