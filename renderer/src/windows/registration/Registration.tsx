/**
 * 用户报装 → 普通用户登记 (P-REG). On a failed rule the message appears at the field and the field is left
 * with all its text selected (全选状态, DOMAIN §5). F9 submits.
 */
import { useEffect, type ReactNode } from 'react';
import { CONNECTION_FEE_FEN } from '../../../../preload/kernel/connection-fee';
import { formatYuan } from '../../../../preload/kernel/money';
import { formatSeqNo } from '../../../../preload/kernel/sequence-number';
import { PRIORITIES } from '../../../../preload/kernel/enums';
import { ErrorNotice, placeError } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { useRegistration, type RegistrationValues } from '../../stores/registration';
import { useSession } from '../../stores/session';
import { ApplicationSlip } from './ApplicationSlip';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';
import { t } from '../../i18n/zh-CN';

const BANKS = ['', '建行', '工行', '温州银行', '华夏', '农行', '广发', '鹿城农村合作银行'];

/** R-REG-01..06: how the connection fee stands. */
const FEE_PATHS = [
  ['unpaid', '未缴：现场缴纳报装费（地税发票）'],
  ['invoice', '已缴，持发票原件及有效收据'],
  ['lost_before_2006', '发票遗失，2006年7月前缴费（查台帐）'],
  ['lost_after_2006', '发票遗失，2006年7月后缴费（A类/B类）'],
] as const;

/** Server field names → the input that shows them. */
const FIELD_ALIASES: Record<string, keyof RegistrationValues> = {
  seqBook: 'book',
  seqBuilding: 'building',
  seqUnit: 'unit',
  seqRoom: 'room',
  'seq.book': 'book',
  'seq.building': 'building',
  'seq.unit': 'unit',
  'seq.room': 'room',
  'feePath.invoiceNo': 'invoiceNo',
};

function fieldOf(field: string): string {
  return FIELD_ALIASES[field] ?? field;
}

function seqPreview(v: RegistrationValues): string {
  try {
    return formatSeqNo(v.areaType, v.buildingType === '高层' ? '高层' : '多层', { book: v.book, building: v.building, unit: v.unit, room: v.room });
  } catch {
    return '—';
  }
}

export function Registration() {
  const today = useSession((s) => s.session?.businessDate ?? '');
  const hallName = useSession((s) => s.session?.hallName ?? '');
  const { values, error, done, busy, start, set, submit, confirmTender, setConfirmTender } = useRegistration();

  useEffect(() => {
    if (!useRegistration.getState().values) start(today);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F9') {
        e.preventDefault();
        void useRegistration.getState().submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [start, today]);

  useEffect(() => {
    if (!error) return;
    const el = document.querySelector<HTMLInputElement>(`.registration [name="${fieldOf(error.field)}"]`);
    el?.focus();
    if (el && typeof el.select === 'function') el.select();
  }, [error]);

  if (!values) return null;
  // issue 10 #16: the inputs this render shows, collected as the helpers below build them (before the form's
  // notice); an error whose field is not among them goes to the ErrorNotice (#form-error).
  const shown: string[] = [];
  const place = (fields: string[]) => (error ? placeError({ code: '', ...error }, fields, 'name', FIELD_ALIASES) : null);
  const err = (name: keyof RegistrationValues) => (shown.push(name), place([name])?.field === name ? (error?.message ?? null) : null);
  const input = (name: keyof RegistrationValues, label: string, extra: { placeholder?: string; width?: string } = {}): ReactNode => (
    <div className="cell" style={extra.width ? { gridColumn: `span ${extra.width}` } : undefined}>
      <label>
        {label}
        <input
          name={name}
          value={String(values[name])}
          placeholder={extra.placeholder}
          onChange={(e) => set({ [name]: e.target.value })}
          aria-invalid={err(name) !== null}
        />
      </label>
      <FieldError message={err(name)} id={`${name}-error`} />
    </div>
  );
  const select = (
    name: keyof RegistrationValues,
    label: string,
    options: readonly (string | readonly [string, string])[],
    onPick?: (v: string) => Partial<RegistrationValues>,
  ) => (
    <div className="cell">
      <label>
        {label}
        <select name={name} value={String(values[name])} onChange={(e) => set(onPick ? { [name]: e.target.value, ...onPick(e.target.value) } : { [name]: e.target.value })}>
          {options.map((o) => {
            const [value, text] = typeof o === 'string' ? [o, o === '' ? '（无）' : o] : o;
            return (
              <option key={value} value={value}>
                {text}
              </option>
            );
          })}
        </select>
      </label>
      <FieldError message={err(name)} id={`${name}-error`} />
    </div>
  );
  const check = (name: keyof RegistrationValues, label: string) => (
    <div className="cell">
      <label className="inline">
        <input type="checkbox" name={name} checked={Boolean(values[name])} onChange={(e) => set({ [name]: e.target.checked })} />
        {label}
      </label>
      <FieldError message={err(name)} id={`${name}-error`} />
    </div>
  );

  return (
    <main className="registration">
      <form
        className="panel no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2>普通用户登记（用户报装）</h2>
        <fieldset>
          <legend>用户信息</legend>
          {input('name', '用户姓名', { placeholder: '不知道姓名时填“用户”' })}
          {select('customerType', '用户类型', ['抄表', 'IC卡'], (v) => ({ paymentMethod: v === 'IC卡' ? '充值' : '现金' }))}
          {select('paymentMethod', '缴费方式', ['现金', '银行代缴', '银行托收', '充值'])}
          {input('contactPhone', '联系电话')}
          {input('address', '用户地址（含单元，请与用户核对）', { width: '2' })}
          {input('community', '小区')}
          {input('area', '区域')}
          {input('meterReader', '抄表员')}
          {select('readingCycle', '抄表周期', ['每月', '单月', '双月'])}
        </fieldset>
        <fieldset>
          <legend>银行代扣 / 短信</legend>
          {input('bankCardNo', '银行卡号（须向用户复述确认）')}
          {select('bankName', '银行名称', BANKS)}
          {input('cardHolder', '持卡人')}
          {input('smsNumber', '短信号码')}
          {input('smsCompany', '短信公司')}
        </fieldset>
        <fieldset>
          <legend>报装与抄表序号</legend>
          {select('applicationNature', '报装性质', ['散户', '集体'])}
          {input('applicationDate', '报装日期')}
          {input('invoiceDate', '开票日期（遗失填 2002-01-01）')}
          {select('areaType', '区域类型', ['老', '新'])}
          {select('buildingType', '楼型', ['多层', '高层', '别墅'], (v) => ({
            connectionFee: formatYuan(CONNECTION_FEE_FEN[v as '多层' | '高层' | '别墅']),
          }))}
          {input('book', '抄表册号')}
          {input('building', '幢')}
          {input('unit', '单元')}
          {input('room', '房号')}
          <div className="cell seq-preview">
            抄表序号 <b data-testid="seq-preview">{seqPreview(values)}</b>
          </div>
          {input('connectionFee', '报装费（元，请核对楼型）')}
        </fieldset>
        <fieldset>
          <legend>报装费情况</legend>
          {select('feePathKind', '情况', FEE_PATHS)}
          {values.feePathKind === 'unpaid' && input('tendered', '实收报装费（元）')}
          {values.feePathKind === 'unpaid' && (
            <ConfirmCheck
              shown={error?.field === 'tendered' && error.code === 'NEEDS_CONFIRMATION'}
              checked={confirmTender}
              onChange={setConfirmTender}
              label={t.pay.confirmTender}
              name="confirmRegistrationTender"
            />
          )}
          {values.feePathKind === 'invoice' && input('invoiceNo', '发票号码')}
          {values.feePathKind === 'lost_before_2006' && check('ledgerRecordFound', '台帐有缴费记录且户名相符')}
          {values.feePathKind === 'lost_after_2006' && select('feeClass', '类别', ['A', 'B'])}
          {values.feePathKind === 'lost_after_2006' && check('developerCertificate', '房开报装费已缴证明')}
          {values.feePathKind === 'lost_after_2006' && check('propertyCertificate', '房产证')}
          {values.feePathKind.startsWith('lost') && check('lossDeclaration', '已填《报装费发票遗失声明》')}
          {check('transferWithRegistration', '新户过户，与报装同时办理（发票遗失时报装日期为 2002-01-01）')}
        </fieldset>
        <fieldset>
          <legend>安装业务</legend>
          {input('installRequirements', '用户对安装要求', { width: '2' })}
          {select('priority', '业务级别', PRIORITIES)}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          保存并提交安装业务 (F9)
        </button>
        <ErrorNotice error={place(shown)} id="form-error" />
      </form>
      {done && (
        <section className="panel no-print" role="status" aria-label="报装结果">
          <div className="paid big">
            已登记用户 {done.accountNo}，抄表序号 {done.seqNo}
          </div>
          <div>
            安装业务 {done.business.businessNo}，承诺 {done.business.promisedOn} 前安装（明天起5个工作日）
          </div>
          {done.slipNo && done.changeFen !== null && (
            <div className="call-out">
              报装费凭证 {done.slipNo}，找零 {formatYuan(done.changeFen)} 元
            </div>
          )}
          {done.warnings.map((w) => (
            <div key={w} className="warn">
              {w}
            </div>
          ))}
          {done.print && <pre className="receipt">{done.print.lines.join('\n')}</pre>}
          <button type="button" className="primary" onClick={() => window.print()}>
            打印报装单 (Ctrl+P)
          </button>
          <button type="button" onClick={() => start(today)}>
            登记下一户
          </button>
        </section>
      )}
      {done && <ApplicationSlip done={done} values={values} hallName={hallName} />}
    </main>
  );
}
