/** The display-column arithmetic lives in the shared kernel (preload/kernel/text-width.ts): the receipt printer's HTML slip (hardware/) counts columns with it too. */
export * from '../../preload/kernel/text-width.js';
