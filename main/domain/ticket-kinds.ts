/** Kinds of ticket taken as a tender (§3.7): volume tickets and money coupons (R-TKT-03, R-TKT-12). */
export const TICKET_KINDS = ['燃气票', '免费供应券', '优惠券', '提货券'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
