/**
 * 报装单 printed on the 用气申请表 stock (R-REG-09): 用户联 for the customer, 存根联 for the archive, with
 * the lines the customer signs (R-GEN-09: "已赠送资料 已收", "我已阅读以上条款"). Printed with Ctrl+P.
 */
import type { Output } from '../../../../preload/contract';
import type { RegistrationValues } from '../../stores/registration';
import { SheetTable } from '../../components/SheetTable';

export function ApplicationSlip({ done, values, hallName }: { done: Output<'accounts.register'>; values: RegistrationValues; hallName: string }) {
  const copy = (title: string) => (
    <article className="sheet application-slip" key={title}>
      <h1>管道燃气用气申请表（{title}）</h1>
      <SheetTable
        rows={[
          ['用户编号', done.accountNo, '抄表序号', done.seqNo],
          ['用户姓名', values.name, '联系电话', values.contactPhone],
          ['用户地址', values.address],
          ['报装性质', values.applicationNature, '报装日期', values.applicationDate],
          ['缴费方式', values.paymentMethod, '银行/卡号', values.bankName ? `${values.bankName} ${values.bankCardNo}` : '—'],
          ['安装业务', done.business.businessNo, '承诺安装', `${done.business.promisedOn} 前`],
          ['安装要求', values.installRequirements || '—'],
          ['已赠送资料', '已收（签名）：', '用户须知', '我已阅读以上条款（签名）：'],
        ]}
      />
      <p className="sheet-foot">
        {hallName} · 客服电话 88511111（用气前3天预约）· 24小时抢修 88386119
      </p>
    </article>
  );
  return <div className="print-only">{['用户联', '存根联'].map(copy)}</div>;
}
