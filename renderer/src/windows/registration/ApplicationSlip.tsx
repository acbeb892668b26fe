/**
 * 报装单 printed on the 用气申请表 stock (R-REG-09): 用户联 for the customer, 存根联 for the archive, with
 * the lines the customer signs (R-GEN-09: "已赠送资料 已收", "我已阅读以上条款"). Printed with Ctrl+P.
 */
import type { Output } from '../../../../preload/contract';
import type { RegistrationValues } from '../../stores/registration';

export function ApplicationSlip({ done, values, hallName }: { done: Output<'accounts.register'>; values: RegistrationValues; hallName: string }) {
  const copy = (title: string) => (
    <article className="sheet application-slip" key={title}>
      <h1>管道燃气用气申请表（{title}）</h1>
      <table>
        <tbody>
          <tr>
            <th>用户编号</th>
            <td>{done.accountNo}</td>
            <th>抄表序号</th>
            <td>{done.seqNo}</td>
          </tr>
          <tr>
            <th>用户姓名</th>
            <td>{values.name}</td>
            <th>联系电话</th>
            <td>{values.contactPhone}</td>
          </tr>
          <tr>
            <th>用户地址</th>
            <td colSpan={3}>{values.address}</td>
          </tr>
          <tr>
            <th>报装性质</th>
            <td>{values.applicationNature}</td>
            <th>报装日期</th>
            <td>{values.applicationDate}</td>
          </tr>
          <tr>
            <th>缴费方式</th>
            <td>{values.paymentMethod}</td>
            <th>银行/卡号</th>
            <td>{values.bankName ? `${values.bankName} ${values.bankCardNo}` : '—'}</td>
          </tr>
          <tr>
            <th>安装业务</th>
            <td>{done.business.businessNo}</td>
            <th>承诺安装</th>
            <td>{done.business.promisedOn} 前</td>
          </tr>
          <tr>
            <th>安装要求</th>
            <td colSpan={3}>{values.installRequirements || '—'}</td>
          </tr>
          <tr>
            <th>已赠送资料</th>
            <td>已收（签名）：</td>
            <th>用户须知</th>
            <td>我已阅读以上条款（签名）：</td>
          </tr>
        </tbody>
      </table>
      <p className="sheet-foot">
        {hallName} · 客服电话 88511111（用气前3天预约）· 24小时抢修 88386119
      </p>
    </article>
  );
  return <div className="print-only">{['用户联', '存根联'].map(copy)}</div>;
}
