/** Failures every serial device driver reports the same way. */

/** No reply in time: a write may or may not have reached the device. */
export class DeviceTimeoutError extends Error {
  constructor(readonly command: string) {
    super(`device did not answer ${command} in time`);
    this.name = 'DeviceTimeoutError';
  }
}

/** The port is closed or unplugged. */
export class DeviceDisconnectedError extends Error {
  constructor(message = 'device is not connected') {
    super(message);
    this.name = 'DeviceDisconnectedError';
  }
}
