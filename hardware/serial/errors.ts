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

/**
 * Issue 12 #2: the device cannot be used as set up — none chosen outside demo mode, none found, or its port
 * refused (no permission). `message` is the clerk's Chinese text with what to do; it is shown as it is.
 */
export class DeviceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceUnavailableError';
  }
}
