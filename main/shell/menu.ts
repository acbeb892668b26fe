/**
 * Issue 12 #5: the zh-CN application menu, as a plain template (no electron import, tested headless;
 * main/app.ts hands it to Menu.buildFromTemplate). Reload and the developer tools are there only in
 * development: an unpackaged app started with GAS_DEVTOOLS=1 (`isDevelopment`). The counter areas are the
 * renderer's windows by hash (renderer/src/App.tsx WINDOWS; tests/integration/electron-shell.test.ts keeps
 * the two lists equal); Alt+<key> switches them in the page itself, so the menu shows the key but binds none.
 */

/** The subset of Electron's MenuItemConstructorOptions the template uses (assignable to it). */
export interface MenuItem {
  label?: string;
  role?: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'minimize' | 'quit';
  type?: 'separator' | 'submenu';
  accelerator?: string;
  sublabel?: string;
  id?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

/** A counter area the renderer offers (its hash route), with the Alt key the page binds. */
export interface CounterArea {
  hash: string;
  title: string;
  key: string;
}

/** renderer/src/App.tsx WINDOWS, in its order (the customer display is point 4's own window, not an area). */
export const COUNTER_AREAS: readonly CounterArea[] = [
  { hash: '#/fee', title: '前台收费', key: '1' },
  { hash: '#/business', title: '业务受理', key: '2' },
  { hash: '#/queue', title: '派工/回执', key: '3' },
  { hash: '#/register', title: '用户报装', key: '4' },
  { hash: '#/stats', title: '查询及报表', key: '5' },
  { hash: '#/sheets', title: '派工单打印', key: '6' },
  { hash: '#/display', title: '顾客显示屏', key: '7' },
  { hash: '#/cards', title: '卡务', key: '8' },
  { hash: '#/handheld', title: '抄表机', key: '9' },
  { hash: '#/bank', title: '银行代扣', key: 'b' },
  { hash: '#/print', title: '批量打印', key: '0' },
  { hash: '#/day', title: '日结', key: 'd' },
  { hash: '#/settings', title: '气价设置', key: 's' },
  { hash: '#/anomalies', title: '异常', key: 'y' },
  { hash: '#/arrears', title: '欠费催缴', key: 'q' },
  { hash: '#/approvals', title: '更正审批', key: 'a' },
  { hash: '#/complaints', title: '投诉与意见', key: 'c' },
  { hash: '#/timing', title: '服务计时', key: 'j' },
  { hash: '#/photos', title: '安装照片', key: 'p' },
  { hash: '#/closure', title: '销户', key: 'x' },
  { hash: '#/day-file', title: '日终文件导入', key: 'u' },
];

/** The customer display's hash (its own window, issue 12 #4). */
export const DISPLAY_HASH = '#/display';

/** Development only: an unpackaged app AND the explicit switch GAS_DEVTOOLS=1. */
export function isDevelopment(isPackaged: boolean, env: Record<string, string | undefined>): boolean {
  return !isPackaged && env.GAS_DEVTOOLS === '1';
}

export interface MenuActions {
  /** Ctrl+P: the A4 form of the focused window through webContents.print. */
  print(): void;
  /** 保存为PDF: printToPDF of the focused window, to a file chosen in a save dialog. */
  saveAsPdf(): void;
  /** Shows the area in the focused window. */
  openArea(area: CounterArea): void;
  /** 关于: version, data folder and log file. */
  about(): void;
  /** Issue 12 #4 (窗口 menu): the area in its own window (an open one comes forward). */
  openAreaWindow?(area: CounterArea): void;
  /** Ctrl+Shift+N: the area the focused window shows, in a new window. */
  openCurrentInNewWindow?(): void;
  /** The customer display's own window (the second monitor when there is one). */
  openDisplay?(): void;
}

/** Issue 12 #4: the 窗口 menu: a new window of the current area, the customer display, each area in its own window. */
function windowItems(areas: readonly CounterArea[], actions: MenuActions): MenuItem[] {
  const items: MenuItem[] = [];
  const { openAreaWindow, openCurrentInNewWindow, openDisplay } = actions;
  if (openCurrentInNewWindow) items.push({ id: 'newWindow', label: '在新窗口中打开当前业务', accelerator: 'CmdOrCtrl+Shift+N', click: openCurrentInNewWindow });
  if (openDisplay) items.push({ id: 'display', label: '顾客显示屏', click: openDisplay });
  if (openAreaWindow) {
    items.push({ type: 'separator' });
    for (const area of areas) if (area.hash !== DISPLAY_HASH) items.push({ id: `window:${area.hash}`, label: area.title, click: () => openAreaWindow(area) });
  }
  if (items.length > 0) items.push({ type: 'separator' });
  items.push({ label: '最小化', role: 'minimize' });
  return items;
}

export function applicationMenu(options: { development: boolean; areas?: readonly CounterArea[]; actions: MenuActions }): MenuItem[] {
  const { actions, development } = options;
  const areas = options.areas ?? COUNTER_AREAS;
  const view: MenuItem[] = [
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (development) {
    view.push({ type: 'separator' }, { label: '重新加载', role: 'reload' }, { label: '强制重新加载', role: 'forceReload' }, { label: '开发者工具', role: 'toggleDevTools' });
  }
  return [
    {
      label: '文件(&F)',
      submenu: [
        { id: 'print', label: '打印…', accelerator: 'CmdOrCtrl+P', click: actions.print },
        { id: 'pdf', label: '保存为PDF…', accelerator: 'CmdOrCtrl+Shift+S', click: actions.saveAsPdf },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '业务(&B)',
      submenu: areas.map((area) => ({ id: `area:${area.hash}`, label: area.title, sublabel: `Alt+${area.key.toUpperCase()}`, click: () => actions.openArea(area) })),
    },
    { label: '视图(&V)', submenu: view },
    { label: '窗口(&W)', submenu: windowItems(areas, actions) },
    { label: '帮助(&H)', submenu: [{ id: 'about', label: '关于燃气营业厅柜台系统', click: actions.about }] },
  ];
}
