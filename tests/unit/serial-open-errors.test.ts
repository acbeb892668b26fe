/**
 * Issue 12 #2: why a serial port did not open, in words that say how to fix it; on Linux a port refused with
 * EACCES or EPERM points to the dialout group (pure mapping, the platform a parameter).
 */
import { describe, expect, it } from 'vitest';
import { portPermissionDenied, serialOpenFailure } from '../../hardware/serial/open-errors.js';

const DIALOUT = '无权访问串口 /dev/ttyUSB0：请把当前用户加入 dialout 组（sudo usermod -aG dialout 用户名）后重新登录';
const errno = (code: string, message = `${code}: failed`) => Object.assign(new Error(message), { code });

describe('serialOpenFailure', () => {
  it('EACCES and EPERM on Linux: join the dialout group and log in again', () => {
    // serialport's binding reports the errno in its message only
    expect(serialOpenFailure('/dev/ttyUSB0', new Error('Error: Permission denied, cannot open /dev/ttyUSB0'), 'linux')).toBe(DIALOUT);
    expect(serialOpenFailure('/dev/ttyUSB0', errno('EACCES'), 'linux')).toBe(DIALOUT);
    expect(serialOpenFailure('/dev/ttyUSB0', errno('EPERM'), 'linux')).toBe(DIALOUT);
    expect(serialOpenFailure('/dev/ttyUSB0', new Error('Error: Operation not permitted, cannot open /dev/ttyUSB0'), 'linux')).toBe(DIALOUT);
    expect(portPermissionDenied(new Error('Error: Permission denied, cannot open /dev/ttyUSB0'))).toBe(true);
  });

  it('elsewhere: no dialout advice; a missing or busy port and any other failure say so', () => {
    expect(serialOpenFailure('COM3', new Error('Opening COM3: Access denied'), 'win32')).toBe('无权访问串口 COM3：端口可能正被其他程序使用，请关闭它后重试');
    expect(serialOpenFailure('/dev/ttyUSB0', new Error('Error: No such file or directory, cannot open /dev/ttyUSB0'), 'linux')).toBe('串口 /dev/ttyUSB0 不存在：请检查设备是否插好，或重新选择端口');
    expect(serialOpenFailure('/dev/ttyUSB0', new Error('Error Resource temporarily unavailable Cannot lock port'), 'linux')).toBe('串口 /dev/ttyUSB0 正被其他程序使用：请关闭它后重试');
    expect(serialOpenFailure('/dev/ttyUSB0', new Error('Error: Inappropriate ioctl for device, cannot open /dev/ttyUSB0'), 'linux')).toBe(
      '无法打开串口 /dev/ttyUSB0：Error: Inappropriate ioctl for device, cannot open /dev/ttyUSB0',
    );
    expect(portPermissionDenied(errno('ENOENT'))).toBe(false);
  });
});
