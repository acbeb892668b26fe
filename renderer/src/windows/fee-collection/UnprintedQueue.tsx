/** 待打印核对单: slips whose print failed (printer offline); the payment is safe, the slip waits here. */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { useFeeCollection } from '../../stores/fee-collection';

type Pending = Output<'receipts.unprinted'>;

export function UnprintedQueue() {
  const paid = useFeeCollection((s) => s.paid);
  const receipt = useFeeCollection((s) => s.receipt);
  const [pending, setPending] = useState<Pending>([]);
  const refresh = async () => {
    const res = await call('receipts.unprinted', {});
    if (res.ok) setPending(res.value);
  };
  useEffect(() => {
    void refresh();
  }, [paid, receipt]);
  if (pending.length === 0) return null;
  const reprint = async (slipNo: string) => {
    const res = await call('receipts.reprint', { slipNo });
    if (res.ok) useFeeCollection.setState({ receipt: res.value });
    await refresh();
  };
  return (
    <div className="panel warn" aria-label="待打印核对单">
      <h2>待打印核对单（{pending.length}）</h2>
      <p>打印机未连接或缺纸时收费照常入账，请检查打印机后补打：</p>
      {pending.map((p) => (
        <div key={p.slipNo} className="search-row">
          <span>
            {p.slipNo} {p.name} ￥{formatYuan(p.totalFen)}
          </span>
          <button type="button" onClick={() => void reprint(p.slipNo)}>
            打印
          </button>
        </div>
      ))}
    </div>
  );
}
