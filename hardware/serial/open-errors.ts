/**
 * Issue 12 #2: why a serial port did not open, in the words of the one who can fix it. On Linux a port
 * refused with EACCES/EPERM means the user is not in the dialout group; the message says how to fix it.
 */

/** The errno name of a failed open: Node's `code`, or the text serialport's binding puts in the message. */
function errnoOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  const message = error instanceof Error ? error.message : String(error);
  if (/EACCES|Permission denied|Access denied/i.test(message)) return 'EACCES';
  if (/EPERM|Operation not permitted/i.test(message)) return 'EPERM';
  if (/ENOENT|No such file|cannot find the file/i.test(message)) return 'ENOENT';
  if (/EBUSY|Cannot lock port|Resource (temporarily unavailable|busy)/i.test(message)) return 'EBUSY';
  return null;
}

/** Whether the port was refused for lack of permission (EACCES or EPERM). */
export function portPermissionDenied(error: unknown): boolean {
  const errno = errnoOf(error);
  return errno === 'EACCES' || errno === 'EPERM';
}

/** The Chinese reason a port did not open, with what to do. Pure: the platform is a parameter. */
export function serialOpenFailure(path: string, error: unknown, platform: NodeJS.Platform = process.platform): string {
  const errno = errnoOf(error);
  if (errno === 'EACCES' || errno === 'EPERM') {
    if (platform === 'win32') return `无权访问串口 ${path}：端口可能正被其他程序使用，请关闭它后重试`;
    if (platform === 'darwin') return `无权访问串口 ${path}：请检查该设备文件的权限`;
    return `无权访问串口 ${path}：请把当前用户加入 dialout 组（sudo usermod -aG dialout 用户名）后重新登录`;
  }
  if (errno === 'ENOENT') return `串口 ${path} 不存在：请检查设备是否插好，或重新选择端口`;
  if (errno === 'EBUSY') return `串口 ${path} 正被其他程序使用：请关闭它后重试`;
  return `无法打开串口 ${path}：${error instanceof Error ? error.message : String(error)}`;
}
