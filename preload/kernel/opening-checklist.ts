/** R-GEN-01: what the clerk checks before opening the counter (seed 000 §1.1.1–§1.1.4). */
export const OPENING_CHECKLIST = [
  '着工作服、佩戴工号牌，整理柜台',
  '开启满意度评价器',
  '用气申请表、银行代扣委托书、缴费变更登记单、发票遗失声明、启封申请表、安全宣传袋数量充足',
  '地税发票、定额发票（过户费）、销售发票（国税）、核对单已核对',
] as const;
