import type { SlipLine } from '../../preload/kernel/slip-line.js';

/** The receipt printer as the app sees it: a sink for ESC/POS bytes that can fail or be offline. */
export interface ReceiptPrinter {
  readonly name: string;
  /**
   * Sends one job; rejects when the printer is offline or the job did not go through (a PrinterError on
   * the raw transports). Resolves with a warning the counter shows while the slip still printed (paper near end).
   */
  write(job: Buffer): Promise<PrintResult | void>;
  /**
   * Issue 12 #1: a printer that lays the slip out itself instead of taking ESC/POS bytes (the Windows spooler:
   * an HTML page printed by the driver). Callers go through `printSlip` (slip-job.ts), which uses this when
   * it is there and sends the encoded bytes (with the drawer kick) otherwise.
   */
  printSlip?(job: SlipJob): Promise<SlipPrinted>;
}

/** One slip or report as laid out: its lines at `columns`, and whether the cash drawer should open with it. */
export interface SlipJob {
  lines: readonly SlipLine[];
  columns: number;
  drawerKick?: boolean;
}

export interface SlipPrinted extends PrintResult {
  /** Whether the drawer kick went with the job (never on the spooler path: the drawer hangs on a raw printer). */
  drawerKicked: boolean;
}

export interface PrintResult {
  /** Printed, but the clerk should act soon (纸将用完). */
  warning?: string;
}

/** Why a raw transport refused or lost a job (hardware/printer/PROTOCOL.md). */
export type PrinterFault =
  | 'offline'
  | 'cover-open'
  | 'paper-out'
  | 'error'
  | 'timeout'
  | 'refused'
  | 'disconnected'
  | 'not-found'
  | 'no-access'
  | 'not-configured'
  | 'no-shell'
  | 'spooler';

const FAULT_TEXT: Record<PrinterFault, string> = {
  offline: '脱机',
  'cover-open': '纸仓盖未关好',
  'paper-out': '缺纸',
  error: '出现故障（切刀或机械错误）',
  timeout: '无应答（超时）',
  refused: '拒绝连接，请检查打印机电源、网线和地址端口',
  disconnected: '连接中断',
  'not-found': '设备不存在，请检查连线和设备名',
  'no-access': '无权访问设备（Linux：将用户加入 lp 或 dialout 组后重新登录）',
  'not-configured': '未设置，请设置打印机地址（环境变量 GAS_PRINTER，如 tcp://192.168.1.50:9100）',
  'no-shell': '是 Windows 驱动打印机，只能在桌面程序中打印（浏览器或命令行方式运行时没有 Windows 打印队列）',
  spooler: 'Windows 打印失败',
};

/** A typed printer failure whose message is the Chinese text the counter and the reprint queue show. */
export class PrinterError extends Error {
  constructor(
    readonly printer: string,
    readonly fault: PrinterFault,
    /** true when the failure came after the job's bytes were sent (the slip may be partly printed). */
    readonly midJob = false,
    /** What the spooler said (fault 'spooler'). */
    readonly detail?: string,
  ) {
    super(
      fault === 'not-configured'
        ? `打印机${FAULT_TEXT[fault]}`
        : `打印机 ${printer} ${FAULT_TEXT[fault]}${detail ? `：${detail}` : ''}${midJob ? '，本张未打完' : ''}`,
    );
    this.name = 'PrinterError';
  }
}

export class PrinterOfflineError extends Error {
  constructor(name: string) {
    super(`打印机 ${name} 未连接或缺纸`);
    this.name = 'PrinterOfflineError';
  }
}

export function paperNearEndWarning(printer: string): string {
  return `打印机 ${printer} 纸将用完，请及时换纸`;
}
