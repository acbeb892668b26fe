/**
 * 业务受理: pick the customer, choose the business, record the customer's requirement, phone and priority,
 * submit (F9). Refusals (status, arrears, duplicates) appear at the field with their rule ID.
 */
import { useEffect, useRef } from 'react';
import { formatYuan } from '../../../../main/domain/money';
import { formatVolume } from '../../../../main/domain/volume';
import { BUSINESS_TYPES, PRIORITIES, type Priority } from '../../../../main/domain/work-order';
import { AccountCard } from '../../components/AccountCard';
import { FieldError } from '../../components/FieldError';
import { SearchPanel } from '../../components/SearchPanel';
import { t } from '../../i18n/zh-CN';
import { useBusinessAcceptance, type AcceptType, type Relative } from '../../stores/business-acceptance';
import { useCustomerSearch, type Hit } from '../../stores/customer-search';
import { PipeSealLog } from './PipeSealLog';

const COOKER_NOTICE: readonly AcceptType[] = ['点火', '二次点火', '启封'];
const TYPES: readonly AcceptType[] = [...BUSINESS_TYPES, '过户', '缴费方式变更', '统一装表'];
const COUNTER_BANK_NAMES = ['建行', '工行', '鹿城农村合作银行', '农行', '华夏', '广发'];
const RELATIVES: readonly Relative[] = ['', '配偶', '父母', '子女', '祖父母', '孙子女'];

export function BusinessAcceptance() {
  const search = useRef<HTMLInputElement>(null);
  const typeRef = useRef<HTMLSelectElement>(null);
  const state = useBusinessAcceptance();
  const { customer, history, type, requirement, contactPhone, priority, error, accepted, busy, transfer, transferred, extras, methodChanged, unifiedSaved } =
    state;
  const extraInput = (name: 'model' | 'meterNo' | 'baseReading' | 'installedOn', label: string) => (
    <>
      <label>
        {label}
        <input name={name} value={extras[name]} onChange={(e) => state.setExtras({ [name]: e.target.value })} />
      </label>
      <FieldError message={error?.field === name ? error.message : null} id={`${name}-error`} />
    </>
  );

  useEffect(() => {
    search.current?.focus();
    const selected = useCustomerSearch.getState().selectedId;
    if (selected && useBusinessAcceptance.getState().customer?.account.id !== selected) {
      void useBusinessAcceptance.getState().load(selected);
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F9') {
        e.preventDefault();
        void useBusinessAcceptance.getState().submit();
      } else if (e.key === 'F2') {
        e.preventDefault();
        search.current?.select();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pick = async (hit: Hit) => {
    await useBusinessAcceptance.getState().load(hit.id);
    typeRef.current?.focus();
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  const unpaidTotal = customer ? customer.bills.reduce((sum, b) => sum + b.gasFen, 0) : 0;

  return (
    <main className="fee-collection">
      <section className="column left">
        <SearchPanel inputRef={search} onPick={pick} />
        <PipeSealLog />
      </section>
      <section className="column middle">
        <div className="panel">
          <h2>{t.business.title}</h2>
          {!customer ? (
            <p className="muted">{t.business.pickCustomer}</p>
          ) : (
            <form
              className="business-form"
              onSubmit={(e) => {
                e.preventDefault();
                void state.submit();
              }}
            >
              <AccountCard account={customer.account} />
              {customer.bills.length > 0 && <div className="warn">{t.business.arrears(customer.bills.length, formatYuan(unpaidTotal))}</div>}
              <label>
                {t.business.type}
                <select ref={typeRef} name="type" value={type} onChange={(e) => state.set({ type: e.target.value as AcceptType })}>
                  {TYPES.map((bt) => (
                    <option key={bt} value={bt}>
                      {bt}
                    </option>
                  ))}
                </select>
              </label>
              <FieldError message={fieldError('type')} id="type-error" />
              {COOKER_NOTICE.includes(type) && <div className="hint">{t.business.cookerNotice}</div>}
              {COOKER_NOTICE.includes(type) && customer.account.paymentMethod === '现金' && <div className="hint">{t.business.promoteBank}</div>}
              {type === '过户' ? (
                <>
                  <label>
                    新户主姓名
                    <input name="newName" value={transfer.newName} onChange={(e) => state.setTransfer({ newName: e.target.value })} />
                  </label>
                  <FieldError message={fieldError('newName')} id="newName-error" />
                  <label>
                    直系亲属（免收过户费）
                    <select name="relative" value={transfer.relative} onChange={(e) => state.setTransfer({ relative: e.target.value as Relative })}>
                      {RELATIVES.map((r) => (
                        <option key={r} value={r}>
                          {r === '' ? '否（收过户费 5 元，定额发票）' : r}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="inline">
                    <input type="checkbox" name="proofShown" checked={transfer.proofShown} onChange={(e) => state.setTransfer({ proofShown: e.target.checked })} />
                    已出示有效亲属证明
                  </label>
                  <FieldError message={fieldError('proofShown')} id="proofShown-error" />
                  <label className="inline">
                    <input type="checkbox" name="invoiceLost" checked={transfer.invoiceLost} onChange={(e) => state.setTransfer({ invoiceLost: e.target.checked })} />
                    报装费发票遗失
                  </label>
                  <label className="inline">
                    <input type="checkbox" name="lossDeclaration" checked={transfer.lossDeclaration} onChange={(e) => state.setTransfer({ lossDeclaration: e.target.checked })} />
                    已填《报装费发票遗失声明》
                  </label>
                  <FieldError message={fieldError('lossDeclaration')} id="lossDeclaration-error" />
                  {transfer.relative === '' && (
                    <label>
                      实收过户费（元）
                      <input name="transferTendered" value={transfer.tendered} onChange={(e) => state.setTransfer({ tendered: e.target.value })} />
                    </label>
                  )}
                  <FieldError message={fieldError('tendered')} id="tendered-error" />
                </>
              ) : type === '统一装表' ? (
                <>
                  <div className="hint">统一装表数据保存：表状态须为「报装」；保存后受理点火或改装 (R-UNI-02/03)</div>
                  {customer.account.meterStatus === '未用' && (
                    <label className="inline">
                      <input
                        type="checkbox"
                        name="switchUnusedToApplied"
                        checked={extras.switchUnusedToApplied}
                        onChange={(e) => state.setExtras({ switchUnusedToApplied: e.target.checked })}
                      />
                      先将表状态「未用」改为「报装」 (R-MTR-03)
                    </label>
                  )}
                  <FieldError message={fieldError('switchUnusedToApplied')} id="switchUnusedToApplied-error" />
                  {extraInput('model', '燃气表型号')}
                  {extraInput('meterNo', '表号')}
                  <label>
                    表方向
                    <select name="direction" value={extras.direction} onChange={(e) => state.setExtras({ direction: e.target.value === '右进' ? '右进' : '左进' })}>
                      <option value="左进">左进</option>
                      <option value="右进">右进</option>
                    </select>
                  </label>
                  {extraInput('baseReading', '表底数')}
                  {extraInput('installedOn', '实施日期（原安装日期；不知道留空 = 2002-01-01）')}
                </>
              ) : type === '缴费方式变更' ? (
                <>
                  <div className="hint">须先缴清欠费 (R-PMC-03)；温州银行代扣只能在温州银行柜台办理 (R-PMC-01)</div>
                  <label>
                    新缴费方式
                    <select name="toMethod" value={extras.toMethod} onChange={(e) => state.setExtras({ toMethod: e.target.value as '现金' | '银行代缴' | '银行托收' })}>
                      <option value="银行代缴">银行代缴</option>
                      <option value="银行托收">银行托收</option>
                      <option value="现金">现金</option>
                    </select>
                  </label>
                  <FieldError message={fieldError('toMethod')} id="toMethod-error" />
                  {extras.toMethod !== '现金' && (
                    <>
                      <label>
                        银行名称
                        <select name="bankName" value={extras.bankName} onChange={(e) => state.setExtras({ bankName: e.target.value })}>
                          {COUNTER_BANK_NAMES.map((b) => (
                            <option key={b} value={b}>
                              {b}
                            </option>
                          ))}
                        </select>
                      </label>
                      <FieldError message={fieldError('bankName')} id="bankName-error" />
                      <label>
                        银行卡号（请向用户复述确认）
                        <input name="bankCardNo" value={extras.bankCardNo} onChange={(e) => state.setExtras({ bankCardNo: e.target.value })} />
                      </label>
                      <FieldError message={fieldError('bankCardNo')} id="bankCardNo-error" />
                      <label>
                        持卡人
                        <input name="cardHolder" value={extras.cardHolder} onChange={(e) => state.setExtras({ cardHolder: e.target.value })} />
                      </label>
                      <FieldError message={fieldError('cardHolder')} id="cardHolder-error" />
                    </>
                  )}
                </>
              ) : (
                <>
                  {type === '校表' && (
                    <>
                      <div className="hint">检测押金 300 元；表合格收拆装费 20 元及检验费，不合格免费换新表并退补最近2次气费 (R-TEST-02..04)</div>
                      <label>
                        实收检测押金（元）
                        <input name="depositTendered" value={extras.depositTendered} onChange={(e) => state.setExtras({ depositTendered: e.target.value })} />
                      </label>
                      <FieldError message={fieldError('depositTendered')} id="depositTendered-error" />
                    </>
                  )}
                  {type === '点火' && (
                    <>
                      <label className="inline">
                        <input
                          type="checkbox"
                          name="privateIgnition"
                          checked={extras.privateIgnition}
                          onChange={(e) => state.setExtras({ privateIgnition: e.target.checked })}
                        />
                        私自点火（无供气合同）：先虚增点火记录并收取气费 (R-PRIV-03)
                      </label>
                      {extras.privateIgnition && (
                        <label>
                          抄表员发现时的读数
                          <input name="privateReading" value={extras.privateReading} onChange={(e) => state.setExtras({ privateReading: e.target.value })} />
                        </label>
                      )}
                      <FieldError message={fieldError('privateReading')} id="privateReading-error" />
                    </>
                  )}
                  {type === '其它' && (
                    <>
                      <label>
                        换波纹管长度（米，不换可空）
                        <input name="hoseLength" value={extras.hoseLength} onChange={(e) => state.setExtras({ hoseLength: e.target.value })} />
                      </label>
                      <FieldError message={fieldError('hoseLength')} id="hoseLength-error" />
                      <div className="hint">不锈钢波纹管只用于固定灶具；灶具须有熄火保护，热水器须为强排式且未超8年；软管不得与抽屉摩擦 (R-HOSE-03)</div>
                    </>
                  )}
                  {type === '换表' && customer.account.customerType === 'IC卡' && (
                    <>
                      <label className="inline">
                        <input type="checkbox" name="icToOrdinary" checked={extras.icToOrdinary} onChange={(e) => state.setExtras({ icToOrdinary: e.target.checked })} />
                        IC卡表故障换普通表
                      </label>
                      <FieldError message={fieldError('icToOrdinary')} id="icToOrdinary-error" />
                      {extras.icToOrdinary && (
                        <label className="inline">
                          <input
                            type="checkbox"
                            name="icTermsAcknowledged"
                            checked={extras.icTermsAcknowledged}
                            onChange={(e) => state.setExtras({ icTermsAcknowledged: e.target.checked })}
                          />
                          已告知：表价差200元不退，以后不能再换回IC卡表 (R-ICM-01)
                        </label>
                      )}
                      <FieldError message={fieldError('icTermsAcknowledged')} id="icTermsAcknowledged-error" />
                    </>
                  )}
                  <label>
                    {t.business.requirement(type)}
                    <textarea name="requirement" rows={3} value={requirement} onChange={(e) => state.set({ requirement: e.target.value })} />
                  </label>
                  <FieldError message={fieldError('requirement')} id="requirement-error" />
                </>
              )}
              {type !== '缴费方式变更' && type !== '统一装表' && (
                <label>
                  {t.business.phone}
                  <input name="contactPhone" value={contactPhone} onChange={(e) => state.set({ contactPhone: e.target.value })} />
                </label>
              )}
              <FieldError message={fieldError('contactPhone')} id="contactPhone-error" />
              {type !== '过户' && type !== '缴费方式变更' && type !== '统一装表' && <label>
                {t.business.priority}
                <select name="priority" value={priority} onChange={(e) => state.set({ priority: e.target.value as Priority })}>
                  {PRIORITIES.map((p, i) => (
                    <option key={p} value={p}>
                      {'①②③④'[i]} {p}
                    </option>
                  ))}
                </select>
              </label>}
              <button type="submit" className="primary" disabled={busy}>
                {t.business.submit}
              </button>
              {unifiedSaved && (
                <div className="paid big" role="status">
                  统一装表数据已保存：表状态 {unifiedSaved.meterStatus}，实施日期 {unifiedSaved.installedOn}；请受理点火或改装
                </div>
              )}
              {methodChanged && (
                <div className="paid big" role="status">
                  缴费方式已变更为 {methodChanged.paymentMethod}
                  {methodChanged.bankName ? `（${methodChanged.bankName} ${methodChanged.bankCardNo ?? ''}）` : ''}
                </div>
              )}
              {transferred && (
                <div className="paid big" role="status">
                  已过户：原户主 {transferred.previousName}，结算方数 {formatVolume(transferred.settledReading)}
                  {transferred.slipNo ? `，过户费凭证 ${transferred.slipNo}` : '，免收过户费'}
                </div>
              )}
              {accepted && (
                <div className="paid big" role="status">
                  {t.business.accepted(accepted.businessNo, accepted.promisedOn)}
                  {accepted.depositSlipNo ? `；押金收据 ${accepted.depositSlipNo}` : ''}
                </div>
              )}
            </form>
          )}
          <FieldError message={fieldError('account')} id="account-error" />
        </div>
      </section>
      <section className="column right">
        <div className="panel">
          <h2>{t.business.history}</h2>
          {history.length === 0 ? (
            <p className="muted">{t.business.none}</p>
          ) : (
            <table className="history" aria-label={t.business.history}>
              <thead>
                <tr>
                  <th>{t.business.no}</th>
                  <th>{t.business.type}</th>
                  <th>{t.business.state}</th>
                  <th>{t.business.promisedOn}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((b) => (
                  <tr key={b.id}>
                    <td>{b.businessNo}</td>
                    <td>{b.type}</td>
                    <td>{b.state}</td>
                    <td>{b.deferredTo ?? b.promisedOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </section>
    </main>
  );
}
