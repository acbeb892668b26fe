/** The imported readings, anomalies first; abnormal rows are ticked for 退回重抄 (R-HH-04). */
import { formatVolume } from '../../../../preload/kernel/volume';
import { useHandheld } from '../../stores/handheld';

const STATE_TEXT: Record<string, string> = { pending: '待入库', returned: '退回重抄', committed: '已入库', skipped: '未入库' };
const STATUS_TEXT = ['正常', '估抄', '未抄', '换表'];

export function ReadingsTable() {
  const s = useHandheld();
  const rows = s.batch?.rows ?? [];
  return (
    <div className="table-scroll">
      <table className="readings">
        <thead>
          <tr>
            <th />
            <th>用户编号</th>
            <th>姓名</th>
            <th>地址</th>
            <th>本次读数</th>
            <th>用气量</th>
            <th>抄表状态</th>
            <th>异常</th>
            <th>处理</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 500).map((r) => (
            <tr key={r.id} className={r.anomalies.length > 0 ? 'anomaly' : undefined}>
              <td>
                {r.state === 'pending' && <input type="checkbox" aria-label={`退回 ${r.accountNo}`} checked={s.selected.includes(r.id)} onChange={() => s.toggle(r.id)} />}
              </td>
              <td>{r.accountNo}</td>
              <td>{r.name}</td>
              <td>{r.address}</td>
              <td className="num">{formatVolume(r.reading)}</td>
              <td className="num">{formatVolume(r.consumption)}</td>
              <td>{STATUS_TEXT[r.status] ?? r.status}</td>
              <td className="error">{r.anomalies.map((a) => a.text).join('、')}</td>
              <td>
                {STATE_TEXT[r.state] ?? r.state}
                {r.note && r.note !== STATE_TEXT[r.state] ? `（${r.note}）` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > 500 && <div className="muted">另有 {rows.length - 500} 户正常记录未显示</div>}
    </div>
  );
}
