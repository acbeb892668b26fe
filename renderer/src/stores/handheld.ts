/**
 * State of the 抄表机数据处理 window: clock, export (count agreed before upload), import with the
 * anomaly list, rows sent back, 入库. Long transfers show the handheld's progress.
 */
import { create } from 'zustand';
import type { Output } from '../../../preload/contract';
import { call } from '../api/client';
import { GENERAL, placeError, type ShownError } from '../components/ErrorNotice';

type ExportList = Output<'handheld.exportList'>;
type Batch = Output<'handheld.batch'>;
type Progress = Output<'handheld.progress'>;

interface HandheldState {
  readers: Output<'handheld.readers'>;
  meterReader: string;
  months: 1 | 2;
  list: ExportList | null;
  confirmedCount: string;
  batch: Batch | null;
  selected: string[];
  /** R-HH-04 (issue 10 #8): the clerk has checked every 大额方数 row before 入库. */
  confirmLarge: boolean;
  progress: Progress | null;
  message: string | null;
  busy: boolean;
  error: ShownError | null;
  set(patch: Partial<Pick<HandheldState, 'meterReader' | 'months' | 'confirmedCount' | 'confirmLarge'>>): void;
  toggle(id: string): void;
  loadReaders(): Promise<void>;
  syncClock(): Promise<void>;
  showList(): Promise<void>;
  upload(): Promise<void>;
  importReadings(): Promise<void>;
  sendBack(): Promise<void>;
  commit(): Promise<void>;
}

/** R-HH-04: the rows of a batch not yet committed whose volume the clerk must check before 入库. */
export function largeRows(batch: Batch | null): Batch['rows'] {
  if (!batch || batch.batch.status === 'committed') return [];
  return batch.rows.filter((r) => r.state === 'pending' && r.anomalies.some((a) => a.code === 'large'));
}

/**
 * The fields 抄表机 shows an error at in a state (issue 10 #16): 核对户数 only with the list up, the 大额方数
 * check only with such rows; any other error goes to the window's ErrorNotice.
 */
export function handheldErrorFields(s: Pick<HandheldState, 'list' | 'batch'>): string[] {
  return ['meterReader', 'handheld', ...(s.list ? ['confirmedCount'] : []), ...(largeRows(s.batch).length > 0 ? ['confirmLarge'] : [])];
}
const HANDHELD_ERROR_ALIASES: Record<string, string> = { months: 'meterReader', batchId: 'handheld', readingIds: 'handheld' };

/** Polls the transfer progress while `run` is under way. */
async function withProgress<T>(set: (p: Partial<HandheldState>) => void, run: () => Promise<T>): Promise<T> {
  let live = true;
  const poll = async () => {
    while (live) {
      const res = await call('handheld.progress', {});
      if (res.ok && live) set({ progress: res.value });
      await new Promise((r) => setTimeout(r, 150));
    }
  };
  void poll();
  try {
    return await run();
  } finally {
    live = false;
  }
}

export const useHandheld = create<HandheldState>((set, get) => {
  const place = (e: { code: string; field?: string | undefined; message: string }, fallback: string) =>
    placeError(e, handheldErrorFields(get()), fallback, HANDHELD_ERROR_ALIASES);
  const fail = (e: { code: string; field?: string | undefined; message: string }, fallback: string) => set({ busy: false, error: place(e, fallback) });
  // A failed reload shows its answer unless the action's own error is already up.
  const loadFailed = (e: { code: string; field?: string | undefined; message: string }) => {
    if (!get().error) set({ error: place(e, GENERAL) });
  };
  const reloadBatch = async (batchId: string) => {
    const res = await call('handheld.batch', { batchId });
    if (res.ok) set({ batch: res.value, selected: [], confirmLarge: false });
    else loadFailed(res.error);
  };
  return {
    readers: [],
    meterReader: '',
    months: 1,
    list: null,
    confirmedCount: '',
    batch: null,
    selected: [],
    confirmLarge: false,
    progress: null,
    message: null,
    busy: false,
    error: null,
    set: (patch) => set({ ...patch, error: null }),
    toggle: (id) => {
      const s = get().selected;
      set({ selected: s.includes(id) ? s.filter((x) => x !== id) : [...s, id] });
    },
    async loadReaders() {
      const res = await call('handheld.readers', {});
      if (res.ok) set({ readers: res.value, meterReader: get().meterReader || (res.value[0]?.meterReader ?? '') });
      else loadFailed(res.error);
    },
    async syncClock() {
      set({ busy: true, error: null, message: null });
      const res = await call('handheld.syncClock', {});
      if (!res.ok) return fail(res.error, 'handheld');
      set({ busy: false, message: `抄表机时钟已校正为 ${new Date(res.value.handheld).toLocaleString('zh-CN', { hour12: false })}（误差 ${res.value.driftSeconds} 秒）` });
    },
    async showList() {
      const { meterReader, months } = get();
      set({ busy: true, error: null, list: null, message: null });
      const res = await call('handheld.exportList', { meterReader, months });
      if (!res.ok) return fail(res.error, 'meterReader');
      set({ busy: false, list: res.value, confirmedCount: '' });
    },
    async upload() {
      const { meterReader, months, confirmedCount } = get();
      const count = Number(confirmedCount);
      if (!Number.isInteger(count) || confirmedCount.trim() === '') {
        set({ error: place({ code: 'VALIDATION', field: 'confirmedCount', message: '请输入与抄表员核对的户数' }, 'confirmedCount') });
        return;
      }
      set({ busy: true, error: null, message: null, progress: null });
      const res = await withProgress(set, () => call('handheld.export', { meterReader, months, confirmedCount: count }));
      if (!res.ok) return fail(res.error, 'handheld');
      set({ busy: false, message: `已上传至抄表机：批次 ${res.value.batchId}，共 ${res.value.count} 户。请在抄表机“抄表统计”页核对总数后断开连接。` });
    },
    async importReadings() {
      set({ busy: true, error: null, message: null, progress: null });
      const res = await withProgress(set, () => call('handheld.import', {}));
      if (!res.ok) return fail(res.error, 'handheld');
      const v = res.value;
      set({
        busy: false,
        message: v.alreadyCommitted
          ? `批次 ${v.batchId} 已入库，抄表机上的记录已清除，未重复入库`
          : `已导入批次 ${v.batchId}：新增 ${v.inserted} 户，重抄更新 ${v.updated} 户，未变 ${v.unchanged} 户${v.ignored ? `，不在本批次 ${v.ignored} 户` : ''}`,
      });
      await reloadBatch(v.batchId);
    },
    async sendBack() {
      const { batch, selected } = get();
      if (!batch || selected.length === 0) return;
      set({ busy: true, error: null });
      const res = await call('handheld.sendBack', { batchId: batch.batch.id, readingIds: selected });
      if (!res.ok) return fail(res.error, 'readingIds');
      set({ busy: false, message: `已退回重抄 ${res.value.returned} 户` });
      await reloadBatch(batch.batch.id);
    },
    async commit() {
      const { batch, confirmLarge } = get();
      if (!batch) return;
      set({ busy: true, error: null });
      const res = await call('handheld.commit', { batchId: batch.batch.id, confirmLarge });
      if (!res.ok) return fail(res.error, 'batchId');
      const v = res.value;
      set({ busy: false, message: v.message ?? `入库完成：生成费用 ${v.billed} 户，未入库 ${v.skipped} 户，退回重抄 ${v.returned} 户。抄表机记录已清除。` });
      await reloadBatch(batch.batch.id);
    },
  };
});
