/**
 * Issue 14: the counter PC's side of the central server, as the contract's sync.* methods use it: the enrolment
 * (administrator), the status shown in 中心服务器 / 同步设置 and in the status bar, 立即上传, 本机日终 (the counter's
 * end-of-day marker) and the signed USB day file. The pusher runs in the back end (main/host.ts starts it).
 */
import { join, dirname } from 'node:path';
import type { Db } from '../../db/open.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { appendAudit } from '../services/audit.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { CREDENTIALS_FILE_NAME, CredentialsError, loadCredentials, type StoredCredentials } from './credentials.js';
import { recordDayMarker, type DayMarker } from './day-marker.js';
import { exportDayFile } from './day-file.js';
import { enrolDevice } from './enrolment.js';
import { Pusher, type PusherOptions, type PusherStatus } from './pusher.js';

export interface SyncStatus {
  enrolled: boolean;
  serverUrl: string | null;
  deviceId: string | null;
  hallId: string | null;
  counterId: string | null;
  enrolledAt: string | null;
  /** A damaged credential file: what to do (Chinese). */
  credentialsProblem: string | null;
  push: PusherStatus;
}

export function credentialsFileFor(dbFile: string): string {
  return join(dirname(dbFile), CREDENTIALS_FILE_NAME);
}

export type SyncPusherOptions = Omit<PusherOptions, 'sqlite' | 'credentialsFile' | 'now'>;

export class SyncService {
  readonly pusher: Pusher;

  constructor(
    private readonly deps: ServiceDeps,
    readonly credentialsFile: string,
    pusherOptions: SyncPusherOptions = {},
  ) {
    this.pusher = new Pusher({ ...pusherOptions, sqlite: deps.db.$client, credentialsFile, now: () => deps.clock.now() });
  }

  private get db(): Db {
    return this.deps.db;
  }

  private credentials(): { credentials: StoredCredentials | null; problem: string | null } {
    try {
      return { credentials: loadCredentials(this.credentialsFile), problem: null };
    } catch (error) {
      if (error instanceof CredentialsError) return { credentials: null, problem: error.message };
      throw error;
    }
  }

  status(): SyncStatus {
    const { credentials: c, problem } = this.credentials();
    return {
      enrolled: c !== null,
      serverUrl: c?.serverUrl ?? null,
      deviceId: c?.deviceId ?? null,
      hallId: c?.hallId ?? null,
      counterId: c?.counterId ?? null,
      enrolledAt: c?.enrolledAt ?? null,
      credentialsProblem: problem,
      push: this.pusher.status(),
    };
  }

  /** Administrator only (the contract's access rule): trades the one-time code for this PC's credential. */
  async enrol(actor: Actor, input: { serverUrl: string; code: string }): Promise<SyncStatus> {
    const now = this.deps.clock.now();
    const previous = this.credentials().credentials;
    const credentials = await enrolDevice(this.db.$client, this.credentialsFile, input, now);
    this.db.transaction((tx) =>
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'sync.enrol',
          entity: 'device',
          entityId: credentials.deviceId,
          detail: { serverUrl: credentials.serverUrl, hallId: credentials.hallId, counterId: credentials.counterId, seqBase: credentials.seqBase, replaced: previous?.deviceId ?? null },
        },
        now,
      ),
    );
    await this.pusher.restart();
    return this.status();
  }

  /** 立即上传: try now, also during a back-off or after a halt (401, restored store). */
  pushNow(): SyncStatus {
    const state = this.pusher.status().state;
    if (state === 'revoked' || state === 'error' || state === 'stopped') void this.pusher.restart();
    else this.pusher.kick(true);
    return this.status();
  }

  /** 本机日终: the counter's end-of-day marker for today, after an audit row of its own. */
  endCounterDay(actor: Actor): DayMarker {
    const now = this.deps.clock.now();
    const businessDate = businessDateOf(now);
    const credentials = this.credentials().credentials;
    const marker = this.db.transaction(
      (tx) => {
        appendAudit(tx, { actorId: actor.staffId, action: 'sync.counter_end', entity: 'counter', entityId: actor.counterId, detail: { businessDate } }, now);
        return recordDayMarker(tx, { hallId: actor.hallId, counterId: actor.counterId, businessDate, reason: 'counter_end', ref: actor.staffId, deviceId: credentials?.deviceId ?? null }, now);
      },
      { behavior: 'immediate' },
    );
    this.pusher.kick();
    return marker;
  }

  /** The signed USB day file of a business date (default today). */
  exportDayFile(actor: Actor, date: string | null): { fileName: string; base64: string; events: number; marker: boolean } {
    const credentials = this.credentials().credentials;
    if (!credentials) throw new DomainError('VALIDATION', '本机尚未登记到中心服务器：日终文件须用登记时生成的密钥签名，请先登记', 'date');
    const now = this.deps.clock.now();
    const businessDate = date ?? businessDateOf(now);
    const file = exportDayFile(this.db.$client, credentials, businessDate, now);
    this.db.transaction((tx) =>
      appendAudit(tx, { actorId: actor.staffId, action: 'sync.day_file', entity: 'device', entityId: credentials.deviceId, detail: { businessDate, events: file.events, fileName: file.fileName } }, now),
    );
    return { fileName: file.fileName, base64: file.bytes.toString('base64'), events: file.events, marker: file.marker !== null };
  }

  start(): void {
    this.pusher.start();
  }

  close(): Promise<void> {
    return this.pusher.stop();
  }
}
