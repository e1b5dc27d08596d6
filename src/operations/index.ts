// Typed operations on a tafel document: each asks the ownership rulebook before it writes, and
// throws a typed error (./errors) having changed nothing when the answer is no.

export * from './errors';
export { LOCAL_ORIGIN, richText } from './core';
export * from './projecten';
export * from './knelpunten';
export * from './vergaderingen';
export * from './tafel';
export * from './herstel';
export * from './escalaties';
export * from './peildata';
export * from './verslag';
export * from './rapportages';
export * from './importKoppeling';
