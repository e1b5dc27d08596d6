export * from './rows';
export * from './formats';
export * from './safe';
