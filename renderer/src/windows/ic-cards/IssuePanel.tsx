/** 制作新卡 (R-IC-05) and 补卡 (R-IC-02/03: 10 yuan on a quota invoice unless the company is at fault). */
import { FieldError } from '../../components/FieldError';
import { formatYuan } from '../../../../preload/kernel/money';
import { useIcCards } from '../../stores/ic-cards';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';
import { t } from '../../i18n/zh-CN';

export function IssuePanel() {
  const s = useIcCards();
  const fieldError = (...f: string[]) => (s.error && f.includes(s.error.field) ? s.error.message : null);
  const replacing = s.issue.issueType === '补卡';
  return (
    <details className="panel issue" open={s.view === null || undefined}>
      <summary>制卡 / 补卡（插入空白卡）</summary>
      <div>用户：{s.accountLabel || '（请在左侧检索选择）'}</div>
      <FieldError message={fieldError('issueAccount')} id="issue-account-error" />
      <label>
        制卡类型
        <select name="issueType" value={s.issue.issueType} onChange={(e) => s.setIssue({ issueType: e.target.value as '制作新卡' | '补卡' })}>
          <option>制作新卡</option>
          <option>补卡</option>
        </select>
      </label>
      <label>
        备注{replacing ? '（补卡原因）' : ''}
        <input name="issueReason" value={s.issue.reason} onChange={(e) => s.setIssue({ reason: e.target.value })} />
      </label>
      <FieldError message={fieldError('issueReason')} id="issue-reason-error" />
      {replacing && (
        <>
          <label>
            <input type="checkbox" name="companyFault" checked={s.issue.companyFault} onChange={(e) => s.setIssue({ companyFault: e.target.checked })} />
            公司原因或卡/表质量问题（免收工本费）
          </label>
          {!s.issue.companyFault && (
            <label>
              工本费 10.00 元，实收
              <input name="issueTendered" inputMode="decimal" value={s.issue.tendered} onChange={(e) => s.setIssue({ tendered: e.target.value })} />
            </label>
          )}
        </>
      )}
      <FieldError message={fieldError('issueTendered') ?? fieldError('issue')} id="issue-error" />
      <ConfirmCheck
        shown={s.error?.field === 'issueTendered' && s.error.code === 'NEEDS_CONFIRMATION'}
        checked={s.issue.confirmTender}
        onChange={(confirmTender) => s.setIssue({ confirmTender })}
        label={t.pay.confirmTender}
        name="confirmIssueTender"
      />
      <button type="button" name="issueCard" disabled={s.busy} onClick={() => void s.issueCard()}>
        制卡
      </button>
      {s.issued && (
        <div role="status">
          已制卡 {s.issued.cardNo}
          {s.issued.feeSlipNo ? `，工本费 ￥${formatYuan(s.issued.feeFen)}（定额发票），找零 ￥${formatYuan(s.issued.changeFen)}` : ''}
        </div>
      )}
    </details>
  );
}
