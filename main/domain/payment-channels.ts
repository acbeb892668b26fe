/** Electronic channels a customer can pay through (信息亭, ATM, 自助终端缴费机, 网站), R-INV-02. */
export const ELECTRONIC_CHANNELS = ['信息亭', 'ATM', '自助终端', '网站'] as const;
export type ElectronicChannel = (typeof ELECTRONIC_CHANNELS)[number];
