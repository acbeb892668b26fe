/** State of the 银行代扣 window: preview, file, runs, return check and write-off, failures, reports. */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { WITHHOLDING_BANKS, type WithholdingBank } from '../../../preload/kernel/enums';
import { GENERAL, placeError, type ShownError } from '../components/ErrorNotice';
import { call } from '../api/client';
import { uploadFile } from '../api/upload';

type Preview = Output<'bank.preview'>;
type Check = Output<'bank.check'>;

interface BankState {
  bank: WithholdingBank;
  preview: Preview | null;
  runs: Output<'bank.runs'>;
  runId: string;
  /** The bank's return as picked; it goes to main in chunks (upload.*), however big (issue 10 #10). */
  returnFile: Blob | null;
  returnName: string;
  check: Check | null;
  failed: Output<'bank.failed'>;
  message: string | null;
  download: { name: string; url: string } | null;
  busy: boolean;
  error: ShownError | null;
  set(patch: Partial<Pick<BankState, 'bank' | 'runId'>>): void;
  loadRuns(): Promise<void>;
  showPreview(): Promise<void>;
  generate(): Promise<void>;
  setReturn(name: string, file: Blob): void;
  checkReturn(): Promise<void>;
  writeOff(): Promise<void>;
  writeOffManual(manualSlipNo: string): Promise<void>;
}

function saveAs(name: string, base64: string): { name: string; url: string } {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return { name, url: URL.createObjectURL(new Blob([bytes], { type: 'text/plain' })) };
}

/** The fields 银行代扣 shows an error at (issue 10 #16); any other error goes to the window's ErrorNotice. */
export const BANK_ERROR_FIELDS = ['bank', 'file', 'manualSlipNo'] as const;
const BANK_ERROR_ALIASES: Record<string, string> = { runId: 'file', upload: 'file', returnFile: 'file' };

export const useBank = create<BankState>((set, get) => {
  const fail = (e: { code?: string; field?: string | undefined; message: string }, fallback: string) =>
    set({ busy: false, error: placeError({ code: e.code ?? 'VALIDATION', ...e }, BANK_ERROR_FIELDS, fallback, BANK_ERROR_ALIASES) });
  return {
    bank: WITHHOLDING_BANKS[0],
    preview: null,
    runs: [],
    runId: '',
    returnFile: null,
    returnName: '',
    check: null,
    failed: [],
    message: null,
    download: null,
    busy: false,
    error: null,
    set: (patch) => set({ ...patch, error: null, check: null }),
    async loadRuns() {
      const res = await call('bank.runs', {});
      if (res.ok) set({ runs: res.value, runId: get().runId || (res.value.find((r) => r.status === 'sent')?.id ?? '') });
      // A failed reload shows its answer unless the action's own error is already up.
      else if (!get().error) set({ error: placeError(res.error, BANK_ERROR_FIELDS, GENERAL, BANK_ERROR_ALIASES) });
    },
    async showPreview() {
      set({ busy: true, error: null, preview: null, message: null });
      const res = await call('bank.preview', { bank: get().bank });
      if (!res.ok) return fail(res.error, 'bank');
      set({ busy: false, preview: res.value });
    },
    async generate() {
      set({ busy: true, error: null, message: null });
      const res = await call('bank.generate', { bank: get().bank });
      if (!res.ok) return fail(res.error, 'bank');
      const v = res.value;
      set({ busy: false, preview: null, runId: v.runId, download: saveAs(v.fileName, v.base64), message: `已生成 ${v.fileName}：共 ${v.count} 户，金额 ${(v.totalFen / 100).toFixed(2)} 元（发邮件时注明户数和金额，R-BANK-04）` });
      await get().loadRuns();
    },
    setReturn: (returnName, returnFile) => set({ returnName, returnFile, check: null, error: null }),
    async checkReturn() {
      const { runId, returnFile } = get();
      if (!returnFile) return set({ error: { field: 'file', message: '请选择银行回执文件' } });
      set({ busy: true, error: null, check: null, message: null });
      const upload = await uploadFile(returnFile, (sent, total) => set({ message: `正在上传回执文件 ${Math.floor((sent * 100) / total)}%` }));
      if (!upload.ok) return fail({ ...upload.error, field: 'file' }, 'file');
      set({ message: null });
      const res = await call('bank.check', { runId, upload: upload.value });
      if (!res.ok) return fail(res.error, 'file');
      set({ busy: false, check: res.value });
    },
    async writeOff() {
      const { runId, returnFile } = get();
      if (!returnFile) return;
      set({ busy: true, error: null });
      const upload = await uploadFile(returnFile);
      if (!upload.ok) return fail({ ...upload.error, field: 'file' }, 'file');
      const res = await call('bank.writeOff', { runId, upload: upload.value });
      if (!res.ok) return fail(res.error, 'file');
      const v = res.value;
      const failed = await call('bank.failed', { runId });
      set({
        busy: false,
        failed: failed.ok ? failed.value : [],
        message: v.already ? `批次 ${runId} 已核销，未重复入账` : `回执核销完成：成功 ${v.okCount} 笔 ${(v.okFen / 100).toFixed(2)} 元，失败 ${v.failedCount} 笔 ${(v.failedFen / 100).toFixed(2)} 元`,
      });
      await get().loadRuns();
    },
    async writeOffManual(manualSlipNo) {
      set({ busy: true, error: null });
      const res = await call('bank.writeOffManual', { manualSlipNo });
      if (!res.ok) return fail(res.error, 'manualSlipNo');
      set({ busy: false, message: `手工核对单 ${manualSlipNo} 已核销：核对单 ${res.value.slipNo}，请打印在手工核对单背面` });
    },
  };
});
