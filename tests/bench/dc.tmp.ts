import { benchDayClose } from './day-close.js';
await benchDayClose(5_000_000);
