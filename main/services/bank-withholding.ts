/**
 * 气费银行代扣 (R-BANK-01..09, R-BANK-11, R-PAY-06, A-36, A-48, A-50): per bank, the file of each withholding
 * account's earliest unpaid bill; the bank's return checked line by line and written off in one
 * transaction; failed lines for the meter-reading team; counter cash locked while a bill awaits its
 * return, with the manual-slip path; the daily post-check, the monthly report and the quarterly
 * reconciliation.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { ReadTx } from '../../db/open.js';
import { accounts, bankRunItems, bankRuns, bills, manualSlips } from '../../db/schema.js';
import { assertNotInBankRun } from './bank-lock.js';
import { isWithholdingBank, renderBankFile, type BankLine } from '../domain/bank-file.js';
import type { WithholdingBank } from '../../preload/kernel/enums.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { fen, formatYuan, sumFen, type Fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { reserveUuidv7Block, uuidv7 } from '../ids.js';
import { asAccountId, asBillId, asPaymentId } from '../domain/ids.js';
import { appendAudit } from './audit.js';
import { priceBill } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';
import { insertLedgerRow, settleBills } from './payments.js';
import { postDebits } from './bank-debits.js';
import { runReturnJob, type ReturnJobResult } from './bank-return-job.js';
import { bulkFunctions, uuidv7Sql, withBulkCache } from './bulk.js';
import { withBulkCapture } from './bulk-capture.js';

/** How many checked returns the service remembers (issue 13 #4). */
const CHECKS_KEPT = 4;

export type Checked = { runId: string; bank: string; sentCount: number; sentFen: number } & ReturnJobResult['check'] & { failures: ReturnJobResult['failures'] };


function bankOf(name: string): WithholdingBank {
  if (!isWithholdingBank(name)) throw new DomainError('VALIDATION', `${name} 不是代扣银行`, 'bank');
  return name;
}

interface Candidate extends BankLine {
  accountId: string;
  billId: string;
}

/** one line per withholding account of the bank (?): its earliest unpaid bill not already in a file, by account number. */
const CANDIDATES = `
    SELECT a.id AS accountId, a.account_no AS accountNo, coalesce(a.bank_card_no, '') AS cardNo, coalesce(a.card_holder, a.name) AS holder,
           b.id AS billId, b.amount_fen AS amountFen, b.reading_date AS readingDate
    FROM accounts a
    JOIN bills b ON b.id = (
      SELECT b2.id FROM bills b2 WHERE b2.account_id = a.id AND b2.status = '未缴'
      ORDER BY b2.reading_date, b2.previous_reading_centi, b2.created_at LIMIT 1)
    WHERE a.bank_name = ? AND a.payment_method IN ('银行代缴', '银行托收')
      AND NOT EXISTS (SELECT 1 FROM bank_run_items i WHERE i.bill_id = b.id AND i.result IS NULL)
    ORDER BY a.account_no`;

function candidates(client: Database.Database, bank: WithholdingBank): Candidate[] {
  const rows = client.prepare(CANDIDATES).all(bank) as Omit<Candidate, 'lineNo'>[];
  return rows.map((r, i) => ({ ...r, amountFen: fen(r.amountFen), lineNo: i + 1 }));
}

export interface RunFile {
  runId: string;
  fileName: string;
  count: number;
  totalFen: Fen;
  /** The file in GBK, base64 for the window to save. */
  base64: string;
}

function fileOf(bank: WithholdingBank, runId: string, date: string, lines: readonly BankLine[]): Buffer {
  return iconv.encode(renderBankFile(bank, { id: runId, date }, lines), 'gbk');
}

export class BankWithholding {
  constructor(private readonly deps: ServiceDeps) {}

  /** "显示最早未缴记录" (R-BANK-01): what the file would hold now. */
  preview(bankName: string) {
    const bank = bankOf(bankName);
    const lines = candidates(this.deps.db.$client, bank);
    return {
      bank,
      count: lines.length,
      totalFen: lines.reduce((a, l) => a + l.amountFen, 0),
      lines: lines.slice(0, 200).map((l) => ({ accountNo: l.accountNo, cardNo: l.cardNo, holder: l.holder, amountFen: l.amountFen, readingDate: l.readingDate })),
    };
  }

  /**
   * "导出文本文件" (R-BANK-02): the run is recorded and its bills locked in the same transaction. Issue 13 #4:
   * the lines are gathered once into a temporary table in line order and become the run's items with one
   * INSERT…SELECT (time-ordered ids), with the bulk page cache.
   */
  generate(actor: Actor, bankName: string): RunFile {
    const bank = bankOf(bankName);
    const now = this.deps.clock.now();
    const date = businessDateOf(now);
    const client = this.deps.db.$client;
    return withBulkCache(client, () =>
      this.deps.db.transaction(
        (tx) => {
          bulkFunctions(client);
          client.exec(`CREATE TEMP TABLE IF NOT EXISTS bulk_lines (line_no INTEGER PRIMARY KEY, accountId TEXT NOT NULL, accountNo TEXT NOT NULL, cardNo TEXT NOT NULL,
            holder TEXT NOT NULL, billId TEXT NOT NULL, amountFen INTEGER NOT NULL, readingDate TEXT NOT NULL); DELETE FROM temp.bulk_lines;`);
          client.prepare(`INSERT INTO temp.bulk_lines (accountId, accountNo, cardNo, holder, billId, amountFen, readingDate) ${CANDIDATES}`).run(bank);
          const lines = client.prepare('SELECT line_no AS lineNo, accountNo, cardNo, holder, amountFen, readingDate FROM temp.bulk_lines ORDER BY line_no').all() as BankLine[];
          if (lines.length === 0) throw new DomainError('VALIDATION', `${bank}没有需要代扣的未缴记录`, 'bank');
          const seq = Number(tx.select({ n: sql<number>`count(*)` }).from(bankRuns).where(like(bankRuns.id, `BK${date.replaceAll('-', '')}%`)).get()?.n ?? 0) + 1;
          const runId = `BK${date.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
          const totalFen = sumFen(lines.map((l) => fen(l.amountFen)));
          const fileName = `${bank}银行-${runId}.txt`;
          tx.insert(bankRuns).values({ id: runId, bankName: bank, businessDate: date, status: 'sent', itemCount: lines.length, totalFen, fileName, clerkId: actor.staffId }).run();
          const ids = reserveUuidv7Block(now.getTime(), lines.length);
          withBulkCapture(client, (capture) => {
            client
              .prepare(`INSERT INTO bank_run_items (id, run_id, line_no, account_id, bill_id, card_no, amount_fen)
                SELECT ${uuidv7Sql('@first + line_no - 1', '@msHex')}, @runId, line_no, accountId, billId, cardNo, amountFen FROM temp.bulk_lines ORDER BY line_no`)
              .run({ ...ids, runId });
            capture.rows('bank_run_items', 'insert', 'WHERE "NEW".run_id = @runId ORDER BY "NEW".line_no', { runId });
          });
          client.exec('DELETE FROM temp.bulk_lines;');
          appendAudit(tx, { actorId: actor.staffId, action: 'bank.generate', entity: 'bank_run', entityId: runId, detail: { bank, count: lines.length, totalFen } }, now);
          return { runId, fileName, count: lines.length, totalFen, base64: fileOf(bank, runId, date, lines).toString('base64') };
        },
        { behavior: 'immediate' },
      ),
    );
  }

  private runLines(tx: ReadTx, runId: string) {
    const run = tx.select().from(bankRuns).where(eq(bankRuns.id, runId)).get();
    if (!run) throw new DomainError('NOT_FOUND', `代扣批次 ${runId} 不存在`, 'runId');
    const items = tx
      .select({
        item: bankRunItems,
        accountNo: accounts.accountNo,
        method: accounts.paymentMethod,
        holder: sql<string>`coalesce(${accounts.cardHolder}, ${accounts.name})`,
        readingDate: bills.readingDate,
        thisReading: bills.thisReadingCenti,
      })
      .from(bankRunItems)
      .innerJoin(accounts, eq(accounts.id, bankRunItems.accountId))
      .innerJoin(bills, eq(bills.id, bankRunItems.billId))
      .where(eq(bankRunItems.runId, runId))
      .orderBy(asc(bankRunItems.lineNo))
      .all();
    return { run, items };
  }

  /** The file of a run again, byte for byte (for a resend). */
  file(runId: string): RunFile {
    const { run, items } = this.runLines(this.deps.db, runId);
    const lines = items.map(({ item, accountNo, holder, readingDate }) => ({ lineNo: item.lineNo, accountNo, cardNo: item.cardNo, holder, amountFen: fen(item.amountFen), readingDate }));
    return { runId, fileName: run.fileName, count: run.itemCount, totalFen: fen(run.totalFen), base64: fileOf(bankOf(run.bankName), runId, run.businessDate, lines).toString('base64') };
  }

  /** The run's lines as sent, in line order (one raw query: a run holds up to 200,000 lines). */
  private sentLines(runId: string): { accountNo: string; amountFen: Fen }[] {
    return this.deps.db.$client
      .prepare('SELECT a.account_no AS accountNo, i.amount_fen AS amountFen FROM bank_run_items i JOIN accounts a ON a.id = i.account_id WHERE i.run_id = ? ORDER BY i.line_no')
      .all(runId) as { accountNo: string; amountFen: Fen }[];
  }

  /**
   * Issue 13 #4: the checks of this process by run and file hash (newest few). A run's sent lines never
   * change (bank_run_items_answer_once), so the same file checks out the same way: the write-off after a
   * 校对 of the same file does not check it again, and a write-off checks a file at most once.
   */
  private readonly checks = new Map<string, Checked>();

  /**
   * "校对" (R-BANK-05): the return against the run, nothing written. The file's decode, parse and check
   * run in a worker thread (issue 10 #10): a big return does not hold up other counters' calls.
   */
  async check(runId: string, file: Uint8Array, sha256?: string): Promise<Checked> {
    const sha = sha256 ?? createHash('sha256').update(file).digest('hex');
    const key = `${runId} ${sha}`;
    const known = this.checks.get(key);
    if (known) return known;
    const run = this.deps.db.select().from(bankRuns).where(eq(bankRuns.id, runId)).get();
    if (!run) throw new DomainError('NOT_FOUND', `代扣批次 ${runId} 不存在`, 'runId');
    const { check: result, failures } = await runReturnJob({ bank: bankOf(run.bankName), runId, file, sent: this.sentLines(runId) });
    const checked = { runId, bank: run.bankName, sentCount: run.itemCount, sentFen: run.totalFen, ...result, failures };
    this.checks.set(key, checked);
    for (const old of this.checks.keys()) if (this.checks.size > CHECKS_KEPT) this.checks.delete(old);
    return checked;
  }

  /**
   * "回执核销" (R-BANK-05): only a return that checks out is written off, all lines in one transaction.
   * The same file again changes nothing; a different file for a returned run is refused. The check runs
   * in the worker (once per file, issue 13 #4); the write-off's transaction runs here, on the store's own
   * connection, set-based (bank-debits.ts) with a larger page cache.
   */
  async writeOff(actor: Actor, runId: string, file: Uint8Array, sha256?: string) {
    const sha = sha256 ?? createHash('sha256').update(file).digest('hex');
    const checked = await this.check(runId, file, sha);
    if (checked.problems.length > 0) throw new DomainError('VALIDATION', `回执与发送文件不符，未核销：${checked.problems.join('；')}`, 'file');
    const now = this.deps.clock.now();
    const date = businessDateOf(now);
    const client = this.deps.db.$client;
    return withBulkCache(client, () =>
      this.deps.db.transaction(
        (tx) => {
          const run = tx.select().from(bankRuns).where(eq(bankRuns.id, runId)).get();
          if (!run) throw new DomainError('NOT_FOUND', `代扣批次 ${runId} 不存在`, 'runId');
          if (run.status === 'returned') {
            if (run.returnSha256 === sha) return { runId, okCount: run.okCount ?? 0, okFen: run.okFen ?? 0, failedCount: run.itemCount - (run.okCount ?? 0), failedFen: run.totalFen - (run.okFen ?? 0), already: true };
            throw new DomainError('VALIDATION', `批次 ${runId} 已用另一份回执核销`, 'file');
          }
          const itemIds = client.prepare('SELECT id FROM bank_run_items WHERE run_id = ? ORDER BY line_no').pluck().all(runId) as string[];
          const failed = (checked.failures ?? []).map((f) => {
            const itemId = itemIds[f.line];
            if (itemId === undefined) throw new DomainError('VALIDATION', `回执第 ${f.line + 1} 笔不在批次 ${runId} 中`, 'file');
            return { itemId, reason: f.reason || '扣款失败' };
          });
          postDebits(tx, client, actor, runId, failed, date, now);
          tx.update(bankRuns)
            .set({ status: 'returned', returnSha256: sha, okCount: checked.okCount, okFen: checked.okFen, returnedAt: now.toISOString() })
            .where(eq(bankRuns.id, runId))
            .run();
          appendAudit(
            tx,
            { actorId: actor.staffId, action: 'bank.write_off', entity: 'bank_run', entityId: runId, detail: { okCount: checked.okCount, okFen: checked.okFen, failedCount: checked.failedCount, sha256: sha } },
            now,
          );
          return { runId, okCount: checked.okCount, okFen: checked.okFen, failedCount: checked.failedCount, failedFen: checked.failedFen, already: false };
        },
        { behavior: 'immediate' },
      ),
    );
  }

  /** R-BANK-07: the failed debits, for the meter-reading team. */
  failed(runId: string) {
    return this.deps.db
      .select({ accountNo: accounts.accountNo, name: accounts.name, address: accounts.address, meterReader: accounts.meterReader, cardNo: bankRunItems.cardNo, amountFen: bankRunItems.amountFen, reason: bankRunItems.reason })
      .from(bankRunItems)
      .innerJoin(accounts, eq(accounts.id, bankRunItems.accountId))
      .where(and(eq(bankRunItems.runId, runId), eq(bankRunItems.result, 'failed')))
      .orderBy(asc(accounts.meterReader), asc(accounts.seqNo))
      .all();
  }

  runs() {
    return this.deps.db.select().from(bankRuns).orderBy(sql`${bankRuns.createdAt} DESC`).limit(50).all();
  }

  /** R-PAY-06: cash taken on a handwritten slip for a bill locked in a bank file. */
  manualSlip(actor: Actor, input: { billId: string; manualSlipNo: string }) {
    const now = this.deps.clock.now();
    return this.deps.db.transaction(
      (tx) => {
        const bill = tx.select().from(bills).where(eq(bills.id, input.billId)).get();
        if (!bill || bill.status !== '未缴') throw new DomainError('BILL_NOT_PAYABLE', '该费用不是未缴状态', 'billId');
        const open = tx.select({ id: bankRunItems.id }).from(bankRunItems).where(and(eq(bankRunItems.billId, bill.id), isNull(bankRunItems.result))).get();
        if (!open) throw new DomainError('VALIDATION', '该费用不在待回执的代扣文件中，请直接在前台收费', 'billId');
        const no = input.manualSlipNo.trim();
        if (!/^[A-Za-z0-9-]{3,20}$/.test(no)) throw new DomainError('VALIDATION', '请输入手工核对单编号', 'manualSlipNo');
        const priced = priceBill(bill, businessDateOf(now));
        const id = uuidv7(now.getTime());
        tx.insert(manualSlips).values({ id, manualSlipNo: no, accountId: bill.accountId, billId: bill.id, amountFen: priced.totalFen, clerkId: actor.staffId }).run();
        appendAudit(tx, { actorId: actor.staffId, action: 'bank.manual_slip', entity: 'manual_slip', entityId: id, detail: { ...input, amountFen: priced.totalFen } }, now);
        return { id, amountFen: priced.totalFen, lateFeeFen: priced.lateFeeFen };
      },
      { behavior: 'immediate' },
    );
  }

  /** After the return: the manual slip's cash written off in the system, printed on its back (R-PAY-06). */
  writeOffManual(actor: Actor, manualSlipNo: string) {
    const now = this.deps.clock.now();
    return this.deps.db.transaction(
      (tx) => {
        const slip = tx.select().from(manualSlips).where(eq(manualSlips.manualSlipNo, manualSlipNo.trim())).get();
        if (!slip) throw new DomainError('NOT_FOUND', `手工核对单 ${manualSlipNo} 不存在`, 'manualSlipNo');
        if (slip.paymentId) throw new DomainError('VALIDATION', `手工核对单 ${slip.manualSlipNo} 已核销`, 'manualSlipNo');
        const bill = tx.select().from(bills).where(eq(bills.id, slip.billId)).get();
        if (!bill) throw new DomainError('NOT_FOUND', '费用不存在', 'manualSlipNo');
        if (bill.status !== '未缴') throw new DomainError('VALIDATION', `银行已扣款成功，手工核对单 ${slip.manualSlipNo} 收取的 ${formatYuan(slip.amountFen)} 元须退还用户`, 'manualSlipNo');
        assertNotInBankRun(tx, [asBillId(bill.id)]);
        const paymentId = asPaymentId(uuidv7(now.getTime()));
        const lateFeeFen = slip.amountFen - bill.amountFen;
        const slipNo = insertLedgerRow(tx, actor, businessDateOf(now), {
          id: paymentId,
          accountId: slip.accountId,
          method: '现金',
          chargeType: '燃气费',
          invoiceCategory: '核对单',
          businessRef: `手工核对单 ${slip.manualSlipNo}`,
          feeFen: 0,
          gasFen: bill.amountFen,
          lateFeeFen,
          totalFen: slip.amountFen,
          tenderedFen: slip.amountFen,
          changeFen: 0,
        });
        settleBills(tx, actor, asAccountId(slip.accountId), paymentId, [{ id: asBillId(bill.id), gasFen: fen(bill.amountFen), lateFeeFen: fen(lateFeeFen), overdueDays: 0, thisReading: centiM3(bill.thisReadingCenti) }], now);
        tx.update(manualSlips).set({ paymentId }).where(eq(manualSlips.id, slip.id)).run();
        appendAudit(tx, { actorId: actor.staffId, action: 'bank.manual_write_off', entity: 'manual_slip', entityId: slip.id, detail: { slipNo, manualSlipNo: slip.manualSlipNo } }, now);
        return { slipNo, amountFen: slip.amountFen };
      },
      { behavior: 'immediate' },
    );
  }

  /** Written-off bank debits per bank over dates, counting bills above a consumption (R-BANK-06/09, A-48). */
  private writtenOff(from: string, to: string, minConsumptionCenti: number) {
    return this.deps.db.all<{ bank: string; count: number; amountFen: number }>(sql`
      SELECT r.bank_name AS bank, count(*) AS count, coalesce(sum(i.amount_fen), 0) AS amountFen
      FROM bank_run_items i
      JOIN bank_runs r ON r.id = i.run_id
      JOIN payments p ON p.id = i.payment_id
      JOIN bills b ON b.id = i.bill_id
      WHERE i.result = 'ok' AND p.business_date BETWEEN ${from} AND ${to} AND b.consumption_centi > ${minConsumptionCenti}
      GROUP BY r.bank_name ORDER BY r.bank_name`);
  }

  /** R-BANK-06: the day's write-offs with consumption > 1 m³, to agree with each bank's figures. */
  postCheck(date: string) {
    return this.writtenOff(date, date, 100);
  }

  /** R-BANK-08: the month's runs per bank, for finance before the 27th. */
  monthly(month: string) {
    return this.deps.db.all<{ bank: string; runs: number; sentCount: number; sentFen: number; okCount: number; okFen: number }>(sql`
      SELECT bank_name AS bank, count(*) AS runs, sum(item_count) AS sentCount, sum(total_fen) AS sentFen,
             coalesce(sum(ok_count), 0) AS okCount, coalesce(sum(ok_fen), 0) AS okFen
      FROM bank_runs WHERE substr(business_date, 1, 7) = ${month}
      GROUP BY bank_name ORDER BY bank_name`).map((r) => ({ ...r, failedCount: r.sentCount - r.okCount, failedFen: r.sentFen - r.okFen }));
  }

  /** R-BANK-09: the quarter's write-offs with consumption > 0.5 m³ per bank, and the fee payable. */
  quarterly(year: number, quarter: number) {
    const from = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
    const to = `${year}-${String(quarter * 3).padStart(2, '0')}-31`;
    return this.writtenOff(from, to, 50).map((r) => ({ ...r, feeFen: r.count * (this.deps.settings.bankFeePerItemFen[r.bank] ?? 0) }));
  }
}
