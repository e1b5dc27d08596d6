// Import and export of the planmonitor in the monitors' formats (xlsx, csv, GeoJSON). Pure: no
// React, no sync, no DOM; the browser (in a Web Worker) and the CLI (in Node) use the same code.

export * from './limits';
export * from './problems';
export * from './table';
export * from './readFile';
export * from './columns';
export * from './savedMapping';
export * from './mapRows';
export * from './plan';
export * from './bevestigen';
export * from './apply';
export * from './undo';
export * from './rd';
export * from './export';
export * from './slices';
