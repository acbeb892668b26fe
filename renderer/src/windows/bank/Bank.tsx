/**
 * 银行代扣 (R-BANK-01..09): 显示最早未缴记录, 生成银行文件 (saved as **银行), 回执 校对 then 回执核销, the
 * failed debits for the meter-reading team, manual slips written off, and the bank reports.
 */
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { formatYuan } from '../../../../preload/kernel/money';
import { WITHHOLDING_BANKS, type WithholdingBank } from '../../../../preload/kernel/enums';
import { useBank } from '../../stores/bank';
import { BankReports } from './BankReports';

export function Bank() {
  const s = useBank();
  const [manualNo, setManualNo] = useState('');
  useEffect(() => {
    void useBank.getState().loadRuns();
  }, []);
  const fieldError = (...f: string[]) => (s.error && f.includes(s.error.field) ? s.error.message : null);
  return (
    <main className="bank">
      <ErrorNotice error={s.error} id="bank-general-error" />
      <section className="panel">
        <h2>生成银行文件</h2>
        <div className="row">
          <label>
            银行
            <select name="bank" value={s.bank} onChange={(e) => s.set({ bank: e.target.value as WithholdingBank })}>
              {WITHHOLDING_BANKS.map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          </label>
          <button type="button" name="preview" disabled={s.busy} onClick={() => void s.showPreview()}>
            显示最早未缴记录
          </button>
          <button type="button" name="generate" className="primary" disabled={s.busy || !s.preview || s.preview.count === 0} onClick={() => void s.generate()}>
            导出文本文件
          </button>
        </div>
        <FieldError message={fieldError('bank')} id="bank-error" />
        {s.preview && (
          <div data-testid="bank-preview">
            共 {s.preview.count} 户，金额 ￥{formatYuan(s.preview.totalFen)}
          </div>
        )}
        {s.download && (
          <a href={s.download.url} download={s.download.name} className="download">
            保存 {s.download.name}
          </a>
        )}
      </section>
      <section className="panel">
        <h2>银行回执核销</h2>
        <div className="row">
          <label>
            代扣批次
            <select name="runId" value={s.runId} onChange={(e) => s.set({ runId: e.target.value })}>
              <option value="">（请选择）</option>
              {s.runs.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id} {r.bankName} {r.itemCount}户 ￥{formatYuan(r.totalFen)} {r.status === 'returned' ? '已核销' : '待回执'}
                </option>
              ))}
            </select>
          </label>
          <label>
            回执文件
            <input
              type="file"
              name="returnFile"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) s.setReturn(f.name, f);
              }}
            />
          </label>
          <button type="button" name="check" disabled={s.busy || !s.runId || !s.returnFile} onClick={() => void s.checkReturn()}>
            校对
          </button>
          <button type="button" name="writeOff" className="primary" disabled={s.busy || !s.check || s.check.problems.length > 0} onClick={() => void s.writeOff()}>
            回执核销
          </button>
        </div>
        <FieldError message={fieldError('file')} id="file-error" />
        {s.check && (
          <div data-testid="bank-check">
            发送 {s.check.sentCount} 笔 ￥{formatYuan(s.check.sentFen)}；成功 {s.check.okCount} 笔 ￥{formatYuan(s.check.okFen)}；失败 {s.check.failedCount} 笔 ￥{formatYuan(s.check.failedFen)}
            {s.check.problems.length === 0 ? '。回执正确，请与银行提供的笔数金额核对后核销。' : ''}
            {s.check.problems.map((p) => (
              <div key={p} className="error">
                {p}
              </div>
            ))}
          </div>
        )}
        {s.failed.length > 0 && (
          <table className="failed">
            <caption>扣款失败清单（交抄表组，R-BANK-07）</caption>
            <thead>
              <tr>
                <th>用户编号</th>
                <th>姓名</th>
                <th>地址</th>
                <th>抄表员</th>
                <th>金额</th>
                <th>原因</th>
              </tr>
            </thead>
            <tbody>
              {s.failed.map((f) => (
                <tr key={f.accountNo}>
                  <td>{f.accountNo}</td>
                  <td>{f.name}</td>
                  <td>{f.address}</td>
                  <td>{f.meterReader}</td>
                  <td className="num">{formatYuan(f.amountFen)}</td>
                  <td>{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="row">
          <label>
            手工核对单号
            <input name="manualSlipNo" value={manualNo} onChange={(e) => setManualNo(e.target.value)} />
          </label>
          <button type="button" name="writeOffManual" disabled={s.busy || manualNo.trim() === ''} onClick={() => void s.writeOffManual(manualNo)}>
            核销手工核对单
          </button>
        </div>
        <FieldError message={fieldError('manualSlipNo')} id="manual-error" />
        {s.message && <div role="status">{s.message}</div>}
      </section>
      <BankReports />
    </main>
  );
}
