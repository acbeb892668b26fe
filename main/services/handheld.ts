/**
 * 抄表机数据处理 (R-HH-01..05): clock sync, route export per meter reader (单月/双月) with the count
 * agreed first, readings import with anomaly checks, rows sent back for re-reading, and 入库 into bills
 * in one transaction. The handheld deletes its readings only after 入库 (COMMIT). Importing the same
 * batch again changes nothing. Device IO never runs inside a transaction.
 */
import { and, asc, desc, eq, inArray, like, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { ReadTx, Tx } from '../../db/open.js';
import { accounts, bills, handheldBatches, handheldReadings, handheldRouteItems, meters } from '../../db/schema.js';
import type { Handheld, ReadingRecord, RouteRecord } from '../../hardware/handheld/handheld.js';
import { DeviceDisconnectedError, DeviceTimeoutError, HandheldStatusError } from '../../hardware/handheld/handheld.js';
import { DeviceUnavailableError } from '../../hardware/serial/errors.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { ANOMALY_TEXT, BLOCKING, batchId, downloadProblems, readingAnomalies, type Anomaly } from '../domain/handheld.js';
import { centiM3, formatVolume } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { withBulkCache } from './bulk.js';
import { billingStart, billingStarts, insertBillsInBulk, type BulkBillInput } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';


export interface JobProgress {
  job: 'upload' | 'download' | null;
  done: number;
  total: number;
}

function deviceError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof HandheldStatusError) {
    const text: Record<string, string> = {
      BAD_STATE: '抄表机上还有未入库的抄表记录，请先导入并入库',
      CRC_MISMATCH: '数据校验失败（CRC），请重新传输',
      OUT_OF_ORDER: '数据传输顺序错误，请重新传输',
      BATCH_MISMATCH: '抄表机上的批次与入库批次不符',
    };
    return new DomainError('VALIDATION', text[error.status] ?? `抄表机返回错误 ${error.status}`, 'handheld');
  }
  // issue 12 #2: no handheld chosen or found, or its port refused: what to do, nothing changed
  if (error instanceof DeviceUnavailableError) return new DomainError('VALIDATION', error.message, 'handheld');
  if (error instanceof DeviceTimeoutError) return new DomainError('VALIDATION', '抄表机无响应，请检查连线并确认抄表机在“数据管理”页面', 'handheld');
  if (error instanceof DeviceDisconnectedError) return new DomainError('VALIDATION', '抄表机未连接，请插好数据线', 'handheld');
  return new DomainError('VALIDATION', `抄表机故障：${error instanceof Error ? error.message : String(error)}`, 'handheld');
}

interface RouteAccount extends RouteRecord {
  accountId: string;
  meterId: string;
  months: number;
}

/** R-HH-03 单月/双月: the export of an odd (1) or even (2) month carries that cycle's accounts and the monthly ones. */
export type ExportCycle = 1 | 2;
const CYCLE_NAME = { 1: '单月', 2: '双月' } as const;

/** The reader's accounts to read this cycle: ordinary-meter customers with gas on, in 抄表序号 order. */
function routeAccounts(tx: ReadTx, meterReader: string, cycle: ExportCycle): RouteAccount[] {
  const rows = tx
    .select({ account: accounts, meter: meters })
    .from(accounts)
    .innerJoin(meters, and(eq(meters.accountId, accounts.id), eq(meters.active, true)))
    .where(
      and(
        eq(accounts.meterReader, meterReader),
        eq(accounts.customerType, '抄表'),
        eq(meters.status, '通气'),
        inArray(accounts.readingCycle, ['每月', CYCLE_NAME[cycle]]),
      ),
    )
    .orderBy(asc(accounts.seqNo), asc(accounts.accountNo))
    .all();
  const averages = new Map(
    tx
      .select({ accountId: bills.accountId, avg: sql<number>`cast(round(avg(${bills.consumptionCenti})) as integer)` })
      .from(bills)
      .innerJoin(accounts, eq(accounts.id, bills.accountId))
      .where(and(eq(accounts.meterReader, meterReader), sql`${bills.splitFrom} IS NULL`, sql`${bills.status} <> '已更正'`))
      .groupBy(bills.accountId)
      .all()
      .map((r) => [r.accountId, Number(r.avg)]),
  );
  return rows.map(({ account, meter }) => ({
    accountId: account.id,
    meterId: meter.id,
    accountNo: account.accountNo,
    seqNo: account.seqNo,
    name: account.name,
    address: account.address,
    meterNo: meter.meterNo,
    lastReading: billingStart(tx as Tx, meter),
    monthlyAverage: averages.get(account.id) ?? 0,
    months: account.readingCycle === '每月' ? 1 : 2,
  }));
}

/** The readings' outcomes of a 入库 (skipped with the note, or committed with the bill) in one UPDATE…FROM. */
function settleReadings(client: Database.Database, outcomes: readonly { readingId: string; state: 'skipped' | 'committed'; note: string | null; billId: string | null }[]): void {
  if (outcomes.length === 0) return;
  client.exec('CREATE TEMP TABLE IF NOT EXISTS bulk_readings (reading_id TEXT PRIMARY KEY, state TEXT NOT NULL, note TEXT, bill_id TEXT); DELETE FROM temp.bulk_readings;');
  const add = client.prepare('INSERT INTO temp.bulk_readings (reading_id, state, note, bill_id) VALUES (?, ?, ?, ?)');
  for (const o of outcomes) add.run(o.readingId, o.state, o.note, o.billId);
  client
    .prepare('UPDATE handheld_readings SET state = t.state, note = coalesce(t.note, handheld_readings.note), bill_id = coalesce(t.bill_id, handheld_readings.bill_id) FROM temp.bulk_readings t WHERE handheld_readings.id = t.reading_id')
    .run();
  client.exec('DELETE FROM temp.bulk_readings;');
}

export class HandheldService {
  private progress: JobProgress = { job: null, done: 0, total: 0 };

  constructor(
    private readonly deps: ServiceDeps,
    private readonly device: Handheld,
    /** Issue 12 #2: connects the handheld (no command sent) so an export with none connected changes nothing. */
    private readonly ready: () => Promise<void> = async () => undefined,
  ) {}

  currentProgress(): JobProgress {
    return { ...this.progress };
  }

  private async track<T>(job: 'upload' | 'download', run: (p: (done: number, total: number) => void) => Promise<T>): Promise<T> {
    this.progress = { job, done: 0, total: 0 };
    try {
      return await run((done, total) => {
        this.progress = { job, done, total };
      });
    } finally {
      this.progress = { ...this.progress, job: null };
    }
  }

  /** R-HH-02: the PC clock is taken as right; the handheld is set to it and read back. */
  async syncClock(actor: Actor): Promise<{ pc: string; handheld: string; driftSeconds: number }> {
    const now = this.deps.clock.now();
    try {
      await this.device.setClock(now);
      const back = await this.device.getClock();
      const driftSeconds = Math.round((back.getTime() - now.getTime()) / 1000);
      this.deps.db.transaction((tx) => appendAudit(tx, { actorId: actor.staffId, action: 'handheld.clock', entity: 'handheld', entityId: 'clock', detail: { set: now.toISOString(), driftSeconds } }, now));
      return { pc: now.toISOString(), handheld: back.toISOString(), driftSeconds };
    } catch (error) {
      throw deviceError(error);
    }
  }

  /** R-HH-03 "显示抄表用户清单": how many accounts the reader will carry, for agreement before upload. */
  exportList(input: { meterReader: string; months: ExportCycle }) {
    const route = routeAccounts(this.deps.db, input.meterReader, input.months);
    return {
      meterReader: input.meterReader,
      months: input.months,
      count: route.length,
      preview: route.slice(0, 200).map((r) => ({ accountNo: r.accountNo, seqNo: r.seqNo, name: r.name, address: r.address, lastReading: r.lastReading })),
    };
  }

  /** R-HH-03 "上传至抄表机": only when the count agreed with the reader is the count in the list. */
  async exportRoute(actor: Actor, input: { meterReader: string; months: ExportCycle; confirmedCount: number }): Promise<{ batchId: string; count: number }> {
    const { db, clock } = this.deps;
    const now = clock.now();
    await this.ready().catch((error: unknown) => {
      throw deviceError(error);
    });
    const batch = db.transaction(
      (tx) => {
        const route = routeAccounts(tx, input.meterReader, input.months);
        if (route.length === 0) throw new DomainError('VALIDATION', `抄表员 ${input.meterReader} 没有需要抄表的用户`, 'meterReader');
        if (route.length !== input.confirmedCount) {
          throw new DomainError('VALIDATION', `清单共 ${route.length} 户，与核对的 ${input.confirmedCount} 户不符，请查明差异后再导出 (R-HH-03)`, 'confirmedCount');
        }
        const date = businessDateOf(now);
        const today = tx
          .select({ n: sql<number>`count(*)` })
          .from(handheldBatches)
          .where(like(handheldBatches.id, `HB${date.replaceAll('-', '')}%`))
          .get();
        const id = batchId(date, Number(today?.n ?? 0) + 1);
        tx.insert(handheldBatches).values({ id, meterReader: input.meterReader, months: input.months, accountCount: route.length, status: 'exporting', clerkId: actor.staffId }).run();
        for (const r of route) {
          tx.insert(handheldRouteItems).values({ batchId: id, accountId: r.accountId, meterId: r.meterId, lastReadingCenti: r.lastReading, monthlyAverageCenti: r.monthlyAverage, months: r.months }).run();
        }
        appendAudit(tx, { actorId: actor.staffId, action: 'handheld.export', entity: 'handheld_batch', entityId: id, detail: { ...input, count: route.length } }, now);
        return { id, route };
      },
      { behavior: 'immediate' },
    );
    try {
      await this.track('upload', (p) => this.device.uploadRoute(batch.id, batch.route, p));
    } catch (error) {
      throw deviceError(error);
    }
    db.update(handheldBatches).set({ status: 'exported' }).where(eq(handheldBatches.id, batch.id)).run();
    return { batchId: batch.id, count: batch.route.length };
  }

  /**
   * R-HH-04 "导入已抄表记录": saves the readings with their anomalies. The same data again changes
   * nothing; a row sent back for re-reading takes the new reading; a batch already in bills only lets
   * the handheld delete its copy.
   */
  async importReadings(actor: Actor): Promise<{ batchId: string; inserted: number; updated: number; unchanged: number; ignored: number; alreadyCommitted: boolean }> {
    let downloaded;
    try {
      downloaded = await this.track('download', (p) => this.device.downloadReadings(p));
    } catch (error) {
      throw deviceError(error);
    }
    if (!downloaded) throw new DomainError('NOT_FOUND', '抄表机上没有已抄表记录', 'handheld');
    const { db, clock } = this.deps;
    const now = clock.now();
    const batch = db.select().from(handheldBatches).where(eq(handheldBatches.id, downloaded.batchId)).get();
    if (!batch) throw new DomainError('NOT_FOUND', `批次 ${downloaded.batchId} 不是本系统导出的，不能导入`, 'handheld');
    if (batch.status === 'committed') {
      await this.releaseDevice(batch.id, downloaded.crc);
      return { batchId: batch.id, inserted: 0, updated: 0, unchanged: downloaded.records.length, ignored: 0, alreadyCommitted: true };
    }
    // R-HH-04 (issue 10 #8): impossible or future dates and an account read twice refuse the whole download
    const problems = downloadProblems(downloaded.records, businessDateOf(now));
    if (problems.length > 0) {
      const more = problems.length > 5 ? `等 ${problems.length} 处` : '';
      throw new DomainError('VALIDATION', `抄表机数据有误，未导入：${problems.slice(0, 5).join('；')}${more}。请在抄表机上更正后重新导入 (R-HH-04)`, 'handheld');
    }
    const result = db.transaction(
      (tx) => {
        const counts = { inserted: 0, updated: 0, unchanged: 0, ignored: 0 };
        const baseline = new Map(
          tx
            .select({ item: handheldRouteItems, accountNo: accounts.accountNo, meterNo: meters.meterNo })
            .from(handheldRouteItems)
            .innerJoin(accounts, eq(accounts.id, handheldRouteItems.accountId))
            .innerJoin(meters, eq(meters.id, handheldRouteItems.meterId))
            .where(eq(handheldRouteItems.batchId, batch.id))
            .all()
            .map((r) => [r.accountNo, r]),
        );
        const existing = new Map(
          tx
            .select()
            .from(handheldReadings)
            .where(eq(handheldReadings.batchId, batch.id))
            .all()
            .map((r) => [r.accountId, r]),
        );
        for (const rec of downloaded.records) {
          const base = baseline.get(rec.accountNo);
          if (!base) {
            counts.ignored++;
            continue;
          }
          const values = this.readingValues(rec, base.item, base.meterNo);
          const row = existing.get(base.item.accountId);
          if (!row) {
            tx.insert(handheldReadings).values({ id: uuidv7(now.getTime()), batchId: batch.id, accountId: base.item.accountId, ...values, state: 'pending' }).run();
            counts.inserted++;
          } else if (row.state === 'returned' && (row.readingCenti !== rec.reading || row.status !== rec.status || row.meterNo !== rec.meterNo)) {
            tx.update(handheldReadings).set({ ...values, state: 'pending', note: '重抄' }).where(eq(handheldReadings.id, row.id)).run();
            counts.updated++;
          } else {
            counts.unchanged++;
          }
        }
        if (counts.inserted + counts.updated > 0 || batch.status !== 'imported') {
          tx.update(handheldBatches).set({ status: 'imported', readingsCrc: downloaded.crc }).where(eq(handheldBatches.id, batch.id)).run();
        }
        if (counts.inserted + counts.updated > 0) {
          appendAudit(tx, { actorId: actor.staffId, action: 'handheld.import', entity: 'handheld_batch', entityId: batch.id, detail: { ...counts, crc: downloaded.crc } }, now);
        }
        return counts;
      },
      { behavior: 'immediate' },
    );
    return { batchId: batch.id, ...result, alreadyCommitted: false };
  }

  private readingValues(rec: ReadingRecord, base: typeof handheldRouteItems.$inferSelect, meterNo: string) {
    const anomalies = readingAnomalies(
      { readingCenti: centiM3(rec.reading), status: rec.status, meterNo: rec.meterNo },
      { lastCenti: centiM3(base.lastReadingCenti), monthlyAverageCenti: centiM3(base.monthlyAverageCenti), meterNo, months: base.months },
      this.deps.settings.largeVolume,
    );
    return {
      readingCenti: rec.reading,
      readAt: rec.readAt,
      status: rec.status,
      meterNo: rec.meterNo,
      consumptionCenti: rec.reading - base.lastReadingCenti,
      anomalies: anomalies.join(','),
    };
  }

  /** The batch's rows for the clerk: anomalies first, then in 抄表序号 order. */
  batch(batchIdValue: string) {
    const { db } = this.deps;
    const batch = db.select().from(handheldBatches).where(eq(handheldBatches.id, batchIdValue)).get();
    if (!batch) throw new DomainError('NOT_FOUND', `批次 ${batchIdValue} 不存在`, 'batchId');
    const rows = db
      .select({ r: handheldReadings, accountNo: accounts.accountNo, name: accounts.name, address: accounts.address, seqNo: accounts.seqNo })
      .from(handheldReadings)
      .innerJoin(accounts, eq(accounts.id, handheldReadings.accountId))
      .where(eq(handheldReadings.batchId, batch.id))
      .orderBy(desc(sql`${handheldReadings.anomalies} <> ''`), asc(accounts.seqNo))
      .all()
      .map(({ r, ...a }) => ({
        id: r.id,
        ...a,
        reading: r.readingCenti,
        consumption: r.consumptionCenti,
        readAt: r.readAt,
        status: r.status,
        anomalies: r.anomalies === '' ? [] : (r.anomalies.split(',') as Anomaly[]).map((code) => ({ code, text: ANOMALY_TEXT[code] })),
        state: r.state,
        note: r.note,
      }));
    const read = rows.length;
    return {
      batch: { id: batch.id, meterReader: batch.meterReader, months: batch.months, accountCount: batch.accountCount, status: batch.status, deviceCommitted: batch.deviceCommitted },
      read,
      notRead: batch.accountCount - rows.filter((r) => r.status !== 2).length,
      anomalies: rows.filter((r) => r.anomalies.length > 0).length,
      rows,
    };
  }

  /** R-HH-04: abnormal rows go back to the reader; they are not taken into bills with this batch. */
  sendBack(actor: Actor, input: { batchId: string; readingIds: readonly string[] }): { returned: number } {
    const now = this.deps.clock.now();
    return this.deps.db.transaction(
      (tx) => {
        const res = tx
          .update(handheldReadings)
          .set({ state: 'returned', note: '退回重抄' })
          .where(and(eq(handheldReadings.batchId, input.batchId), inArray(handheldReadings.id, [...input.readingIds]), eq(handheldReadings.state, 'pending')))
          .run();
        if (res.changes !== input.readingIds.length) throw new DomainError('VALIDATION', '只能退回本批次中待入库的记录', 'readingIds');
        appendAudit(tx, { actorId: actor.staffId, action: 'handheld.send_back', entity: 'handheld_batch', entityId: input.batchId, detail: { readingIds: input.readingIds } }, now);
        return { returned: res.changes };
      },
      { behavior: 'immediate' },
    );
  }

  /**
   * 入库 (R-HH-04/05): every pending reading becomes an unpaid bill in one transaction; 未抄 and 换表 rows
   * are left out with a note; rows read below the last reading must be sent back first. Afterwards the
   * handheld is told it may delete its readings.
   */
  async commit(actor: Actor, batchIdValue: string, options: { confirmLarge?: boolean } = {}): Promise<{ billed: number; skipped: number; returned: number; deviceReleased: boolean; message: string | null }> {
    const { db, clock } = this.deps;
    const now = clock.now();
    const summary = withBulkCache(db.$client, () => db.transaction(
      (tx) => {
        const batch = tx.select().from(handheldBatches).where(eq(handheldBatches.id, batchIdValue)).get();
        if (!batch) throw new DomainError('NOT_FOUND', `批次 ${batchIdValue} 不存在`, 'batchId');
        if (batch.status === 'committed') throw new DomainError('VALIDATION', `批次 ${batch.id} 已入库`, 'batchId');
        if (batch.status !== 'imported') throw new DomainError('VALIDATION', '请先导入已抄表记录', 'batchId');
        const rows = tx
          .select({ r: handheldReadings, account: accounts, meter: meters })
          .from(handheldReadings)
          .innerJoin(accounts, eq(accounts.id, handheldReadings.accountId))
          .innerJoin(handheldRouteItems, and(eq(handheldRouteItems.batchId, handheldReadings.batchId), eq(handheldRouteItems.accountId, handheldReadings.accountId)))
          .innerJoin(meters, eq(meters.id, handheldRouteItems.meterId))
          .where(eq(handheldReadings.batchId, batch.id))
          .all();
        const blocked = rows.filter(({ r }) => r.state === 'pending' && BLOCKING.some((b) => r.anomalies.split(',').includes(b)));
        if (blocked.length > 0) {
          throw new DomainError('VALIDATION', `${blocked.length} 户读数小于上次读数（${blocked.slice(0, 3).map((b) => b.account.accountNo).join('、')}…），请退回重抄后再入库`, 'batchId');
        }
        // R-HH-04 (issue 10 #8): 大额方数 are confirmed explicitly before 入库
        const large = rows.filter(({ r }) => r.state === 'pending' && r.anomalies.split(',').includes('large'));
        if (large.length > 0 && options.confirmLarge !== true) {
          const list = large.slice(0, 5).map(({ r, account }) => `${account.accountNo} ${formatVolume(r.consumptionCenti)} 方`).join('、');
          throw new DomainError('VALIDATION', `${large.length} 户大额方数未确认（${list}${large.length > 5 ? '…' : ''}），请逐户核对后确认大额方数再入库 (R-HH-04)`, 'confirmLarge');
        }
        if (large.length > 0) {
          tx.update(handheldReadings).set({ note: '大额方数已确认' }).where(inArray(handheldReadings.id, large.map(({ r }) => r.id))).run();
        }
        const confirmedLarge = large.map(({ account }) => account.accountNo);
        // Issue 13 #4: decided here reading by reading, written set-based (insertBillsInBulk, then one UPDATE…FROM)
        const client = db.$client;
        const starts = billingStarts(client, rows.filter(({ r, account, meter }) => r.state === 'pending' && r.status !== 2 && r.status !== 3 && r.meterNo === meter.meterNo && meter.active && meter.accountId === account.id).map(({ meter }) => meter));
        const toBill: { readingId: string; input: BulkBillInput }[] = [];
        const outcomes: { readingId: string; state: 'skipped' | 'committed'; note: string | null; billId: string | null }[] = [];
        let returned = 0;
        for (const { r, account, meter } of rows) {
          if (r.state === 'returned') {
            returned++;
            continue;
          }
          if (r.state !== 'pending') continue;
          const skip = (note: string) => outcomes.push({ readingId: r.id, state: 'skipped', note, billId: null });
          if (r.status === 2) skip('未抄');
          else if (r.status === 3 || r.meterNo !== meter.meterNo) skip('表已更换：请录入换表单');
          else if (!meter.active || meter.accountId !== account.id) skip('表已不在用');
          else if (r.readingCenti <= (starts.get(meter.id) ?? billingStart(tx, meter))) skip(`读数 ${formatVolume(r.readingCenti)} 未超过已结算读数，不生成费用`);
          else {
            toBill.push({
              readingId: r.id,
              input: { accountId: account.id, category: account.category, meter, previous: centiM3(starts.get(meter.id) ?? billingStart(tx, meter)), reading: centiM3(r.readingCenti), readingDate: r.readAt.slice(0, 10), estimated: r.status === 1 },
            });
          }
        }
        const billIds = insertBillsInBulk(tx, client, this.deps, actor, now, toBill.map((b) => b.input), batch.meterReader, 'handheld');
        toBill.forEach((b, i) => outcomes.push({ readingId: b.readingId, state: 'committed', note: null, billId: billIds[i] ?? null }));
        settleReadings(client, outcomes);
        const billed = toBill.length;
        const skipped = outcomes.length - billed;
        tx.update(handheldBatches).set({ status: 'committed', committedAt: now.toISOString() }).where(eq(handheldBatches.id, batch.id)).run();
        appendAudit(tx, { actorId: actor.staffId, action: 'handheld.commit', entity: 'handheld_batch', entityId: batch.id, detail: { billed, skipped, returned, confirmedLarge } }, now);
        return { billed, skipped, returned, crc: batch.readingsCrc ?? 0 };
      },
      { behavior: 'immediate' },
    ));
    let message: string | null = null;
    try {
      await this.releaseDevice(batchIdValue, summary.crc);
    } catch (error) {
      message = `已入库；抄表机未确认删除记录（${deviceError(error).message}），请重新连接后再次“导入”，系统不会重复入库`;
    }
    return { billed: summary.billed, skipped: summary.skipped, returned: summary.returned, deviceReleased: message === null, message };
  }

  private async releaseDevice(id: string, crc: number): Promise<void> {
    await this.device.commit(id, crc);
    this.deps.db.update(handheldBatches).set({ deviceCommitted: true }).where(eq(handheldBatches.id, id)).run();
  }

  /** Meter readers with their account counts, for the export window. */
  readers(): { meterReader: string; accounts: number }[] {
    return this.deps.db
      .select({ meterReader: accounts.meterReader, accounts: sql<number>`count(*)` })
      .from(accounts)
      .where(eq(accounts.customerType, '抄表'))
      .groupBy(accounts.meterReader)
      .orderBy(asc(accounts.meterReader))
      .all()
      .map((r) => ({ meterReader: r.meterReader, accounts: Number(r.accounts) }));
  }
}
