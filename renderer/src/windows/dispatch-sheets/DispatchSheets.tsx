/**
 * 派工单 printing (R-WO-06, R-PRT-03): one A4 sheet per work order for the chosen day, printed from the
 * application — to paper or to PDF through the print dialog (Ctrl+P). The print position can be
 * moved for pre-printed stock (R-DOC-01).
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

type Sheet = Output<'businesses.dispatchSheets'>[number];

const OFFSET_KEY = 'gas-hall.sheetOffset';

export function DispatchSheets() {
  const session = useSession((s) => s.session);
  const [date, setDate] = useState(session?.businessDate ?? '');
  const [sheets, setSheets] = useState<Sheet[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [offset, setOffset] = useState(() => window.localStorage.getItem(OFFSET_KEY) ?? '0,0');
  const [dx, dy] = offset.split(',').map((v) => Number(v) || 0);

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
        <article key={s.workOrderNo} className="sheet" style={{ transform: `translate(${dx ?? 0}mm, ${dy ?? 0}mm)` }}>
          <h1>
            {session?.hallName} 派工单（{s.kind}）
          </h1>
          <table>
            <tbody>
              <tr>
                <th>派工单号</th>
                <td>{s.workOrderNo}</td>
                <th>业务号</th>
                <td>{s.businessNo}</td>
              </tr>
              <tr>
                <th>业务类型</th>
                <td>{s.type}</td>
                <th>业务级别</th>
                <td>{s.priority}</td>
              </tr>
              <tr>
                <th>用户编号</th>
                <td>{s.accountNo}</td>
                <th>抄表序号</th>
                <td>{s.seqNo}</td>
              </tr>
              <tr>
                <th>用户姓名</th>
                <td>{s.name}</td>
                <th>联系电话</th>
                <td>{s.contactPhone}</td>
              </tr>
              <tr>
                <th>用户地址</th>
                <td colSpan={3}>{s.address}</td>
              </tr>
              <tr>
                <th>用户要求</th>
                <td colSpan={3}>{s.requirement || '—'}</td>
              </tr>
              <tr>
                <th>施工人员</th>
                <td>{s.technician}</td>
                <th>承诺完成</th>
                <td>{s.promisedOn}</td>
              </tr>
              <tr>
                <th>派工备注</th>
                <td colSpan={3}>{s.remark || '—'}</td>
              </tr>
              <tr>
                <th>到场时间</th>
                <td />
                <th>离开时间</th>
                <td />
              </tr>
              <tr>
                <th>实施结果</th>
                <td colSpan={3}>□合格 □未完成 □无法实施 □不合格 □取消该业务</td>
              </tr>
              <tr>
                <th>现场备注</th>
                <td colSpan={3} className="tall" />
              </tr>
              <tr>
                <th>用户签字</th>
                <td />
                <th>施工人员签字</th>
                <td />
              </tr>
            </tbody>
          </table>
          <p className="sheet-foot">
            派工日期 {s.dispatchedOn} · 客服电话 88511111 · 抢修 88386119
          </p>
        </article>
      ))}
    </main>
  );
}
