/**
 * 报装 (installation application), P-REG: 普通用户登记 with the validation of DOMAIN §5, the sequence
 * number (R-SEQ) and its connection fee (R-VAL-11), the fee path (R-REG-01..06; path C collects the fee on
 * the ledger as 报装费 / 地税, R-INV-04) and the 安装 business (R-REG-11). One transaction.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { accountPhones, accounts, meters } from '../../db/schema.js';
import type { Fen } from '../../preload/kernel/money.js';
import { checkConnectionFee, checkFeePath, type FeePath } from '../domain/connection-fee.js';
import type { BuildingType } from '../../preload/kernel/connection-fee.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { LOST_INVOICE_DATE, registrationWarnings, validateRegistration, type RegistrationForm } from '../domain/registration.js';
import { formatSeqNo, type AreaType, type SeqParts } from '../../preload/kernel/sequence-number.js';
import type { Priority } from '../../preload/kernel/enums.js';
import { uuidv7 } from '../ids.js';
import { asAccountId } from '../domain/ids.js';
import { appendAudit } from './audit.js';
import { acceptBusinessIn, type Business } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';
import { postFee, type PostedPayment } from './payments.js';

export interface RegistrationInput extends RegistrationForm {
  address: string;
  community: string;
  area: string;
  meterReader: string;
  /** R-HH-03: read every month, or every other month in odd (单月) or even (双月) months. */
  readingCycle?: '每月' | '单月' | '双月';
  installRequirements: string;
  seq: SeqParts;
  areaType: AreaType;
  buildingType: BuildingType;
  connectionFeeFen: Fen;
  contactPhone: string;
  priority: Priority;
  feePath: FeePath;
  /** Cash handed over for the connection fee (path C only). */
  tenderedFen: Fen | null;
  /** issue 10 #5: the clerk confirmed a tender far above the fee (Settings.largeTender). */
  confirmLargeTender?: boolean;
  /** R-TRF-03: a new owner's transfer done together with the 报装. */
  transferWithRegistration: boolean;
}

export interface Registered {
  accountId: string;
  accountNo: string;
  seqNo: string;
  business: Business;
  payment: PostedPayment | null;
  warnings: string[];
}

export function registerAccount(deps: ServiceDeps, actor: Actor, input: RegistrationInput): Registered {
  const { db, clock } = deps;
  const now = clock.now();
  const today = businessDateOf(now);
  // R-REG-08: the record is saved only after the validation of §5 passes.
  const failures = validateRegistration(input, today);
  const first = failures[0];
  if (first) throw new DomainError('VALIDATION', `信息输入错误：${first.message} (${first.rule})`, first.field);
  // R-VAL-03: the address with its unit, confirmed with the customer (the form says so at the field).
  if (input.address.trim() === '') throw new DomainError('VALIDATION', '请填写用户地址（含单元）', 'address');
  checkConnectionFee(input.buildingType, input.connectionFeeFen);
  // a villa has no sequence-number format of its own and uses the multi-storey one.
  const seqNo = formatSeqNo(input.areaType, input.buildingType === '高层' ? '高层' : '多层', input.seq);
  const { collectFee } = checkFeePath(input.feePath);
  if (input.transferWithRegistration && input.feePath.kind.startsWith('lost') && input.applicationDate !== LOST_INVOICE_DATE) {
    throw new DomainError('VALIDATION', `过户且发票遗失时，报装日期应为 ${LOST_INVOICE_DATE} (R-TRF-03, R-VAL-15)`, 'applicationDate');
  }
  if (collectFee && input.tenderedFen === null) throw new DomainError('VALIDATION', '请输入实收报装费', 'tendered');
  const invoiceNo = input.feePath.kind === 'invoice' ? input.feePath.invoiceNo.trim() : null;
  const warnings = registrationWarnings(input, today);

  return db.transaction(
    (tx) => {
      if (invoiceNo) {
        const reused = tx
          .select({ accountNo: accounts.accountNo })
          .from(accounts)
          .where(and(eq(accounts.connectionInvoiceNo, invoiceNo), ne(accounts.address, input.address)))
          .get();
        if (reused) warnings.push(`报装费发票 ${invoiceNo} 已用于用户 ${reused.accountNo}，请核实 (R-REG-15)`);
      }
      const next = tx
        .select({ n: sql<number>`coalesce(max(cast(${accounts.accountNo} AS INTEGER)), 10000000) + 1` })
        .from(accounts)
        .get();
      const accountNo = String(next?.n ?? 10_000_001);
      const accountId = uuidv7(now.getTime());
      const blankToNull = (v: string) => (v.trim() === '' ? null : v.trim());
      tx.insert(accounts)
        .values({
          id: accountId,
          accountNo,
          name: input.name,
          address: input.address.trim(),
          community: input.community.trim(),
          customerType: input.customerType,
          paymentMethod: input.paymentMethod,
          bankCardNo: blankToNull(input.bankCardNo),
          bankName: blankToNull(input.bankName),
          cardHolder: blankToNull(input.cardHolder),
          smsNumber: blankToNull(input.smsNumber),
          smsCompany: blankToNull(input.smsCompany),
          // R-REG-12/13: 集体 or 散户, with the dates checked by R-VAL-08..10
          applicationNature: input.applicationNature,
          applicationDate: input.applicationDate,
          invoiceDate: input.invoiceDate,
          installRequirements: input.installRequirements, // R-REG-10: 用户对安装要求
          seqBook: input.seq.book.trim(),
          seqBuilding: input.seq.building.trim(),
          seqUnit: input.seq.unit.trim(),
          seqRoom: input.seq.room.trim(),
          seqNo,
          areaType: input.areaType,
          buildingType: input.buildingType,
          connectionFeeFen: input.connectionFeeFen,
          area: input.area.trim(),
          meterReader: input.meterReader.trim(),
          readingCycle: input.readingCycle ?? '每月',
          homeHallId: actor.hallId,
          connectionInvoiceNo: invoiceNo,
        })
        .run();
      tx.insert(accountPhones).values({ id: uuidv7(), accountId, phone: input.contactPhone }).run();
      // the household's meter record is 报装 until the install form is saved.
      tx.insert(meters)
        .values({
          id: uuidv7(now.getTime()),
          accountId,
          kind: input.customerType === 'IC卡' ? 'IC卡表' : '普通表',
          model: '',
          meterNo: '',
          direction: '',
          baseReadingCenti: 0,
          latestReadingCenti: 0,
          installedOn: '',
          status: '报装',
        })
        .run();
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'account.register',
          entity: 'account',
          entityId: accountId,
          detail: { accountNo, seqNo, feePath: input.feePath.kind, transferWithRegistration: input.transferWithRegistration },
        },
        now,
      );
      const business = acceptBusinessIn(tx, actor, now, {
        accountId,
        type: '安装',
        requirement: input.installRequirements,
        contactPhone: input.contactPhone,
        priority: input.priority,
      });
      const payment =
        collectFee && input.tenderedFen !== null
          ? postFee(
              tx,
              actor,
              {
                accountId: asAccountId(accountId),
                chargeType: '报装费',
                invoiceCategory: '地税',
                feeFen: input.connectionFeeFen,
                tenderedFen: input.tenderedFen,
                businessRef: business.id,
              },
              now,
              { rule: deps.settings.largeTender, confirmed: input.confirmLargeTender === true },
            )
          : null;
      return { accountId, accountNo, seqNo, business, payment, warnings };
    },
    { behavior: 'immediate' },
  );
}
