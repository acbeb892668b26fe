/**
 * 派工单 printing (R-WO-06, R-PRT-03): one A4 sheet per work order for the chosen day, printed from the
 * application — to paper or to PDF through the print dialog (Ctrl+P). The print position can be
 * moved for pre-printed stock (R-DOC-01).
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { SheetTable } from '../../components/SheetTable';
import { useSession } from '../../stores/session';

type Sheet = Output<'businesses.dispatchSheets'>[number];

const OFFSET_KEY = 'gas-hall.sheetOffset';

/** R-DOC-01: the print position typed as "x,y" millimetres (anything else counts as 0) as the sheet's transform. */
export function sheetOffsetTransform(offset: string): string {
  const [dx, dy] = offset.split(',').map((v) => Number(v) || 0);
  return `translate(${dx ?? 0}mm, ${dy ?? 0}mm)`;
}

/** R-TEST-07: the test agreement goes with a 校表 sheet, with the customer's payment information and deposit receipt. */
export function testAgreementRow(s: Pick<Sheet, 'paymentMethod' | 'bankName' | 'depositSlipNo'>): [string, string, string, string] {
  return ['检测表协议（随派工单）', `押金收据 ${s.depositSlipNo ?? '—'}`, '用户缴费信息', s.bankName ? `${s.paymentMethod} ${s.bankName}` : s.paymentMethod];
}

export function DispatchSheets() {
  const session = useSession((s) => s.session);
  const [date, setDate] = useState(session?.businessDate ?? '');
  const [sheets, setSheets] = useState<Sheet[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offset, setOffset] = useState(() => window.localStorage.getItem(OFFSET_KEY) ?? '0,0');

  const load = async () => {
    setError(null);
    const res = await call('businesses.dispatchSheets', { date });
    if (res.ok) setSheets(res.value);
    else setError(res.error.message);
  };
  useEffect(() => {
    void load();
  }, []);

  return (
    <main className="dispatch-sheets">
      <form
        className="panel no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <h2>派工单打印</h2>
        <div className="stat-filters">
          <label>
            派工日期
            <input name="sheetDate" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            打印位置偏移 (毫米 x,y)
            <input
              name="offset"
              value={offset}
              onChange={(e) => {
                setOffset(e.target.value);
                window.localStorage.setItem(OFFSET_KEY, e.target.value);
              }}
            />
          </label>
          <button type="submit">筛选 (Enter)</button>
          <button type="button" className="primary" onClick={() => window.print()} disabled={!sheets || sheets.length === 0}>
            打印 / 存为PDF (Ctrl+P)
          </button>
        </div>
        <FieldError message={error} id="sheets-error" />
        {sheets && <p className="muted">共 {sheets.length} 张派工单</p>}
      </form>
      {sheets?.map((s) => (
        <article key={s.workOrderNo} className="sheet" style={{ transform: sheetOffsetTransform(offset) }}>
          <h1>
            {session?.hallName} 派工单（{s.kind}）
          </h1>
          <SheetTable
            tall={['现场备注']}
            rows={[
              ['派工单号', s.workOrderNo, '业务号', s.businessNo],
              ['业务类型', s.type, '业务级别', s.priority],
              ['用户编号', s.accountNo, '抄表序号', s.seqNo],
              ['用户姓名', s.name, '联系电话', s.contactPhone],
              ['用户地址', s.address],
              ['用户要求', s.requirement || '—'],
              ['施工人员', s.technician, '承诺完成', s.promisedOn],
              ['派工备注', s.remark || '—'],
              ...(s.type === '校表' ? [testAgreementRow(s)] : []),
              ['到场时间', '', '离开时间', ''],
              ['实施结果', '□合格 □未完成 □无法实施 □不合格 □取消该业务'],
              ['现场备注', ''],
              ['用户签字', '', '施工人员签字', ''],
            ]}
          />
          <p className="sheet-foot">
            派工日期 {s.dispatchedOn} · 客服电话 88511111 · 抢修 88386119
          </p>
        </article>
      ))}
    </main>
  );
}
