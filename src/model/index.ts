// The tafel document's public face: schema, typed reads and typed operations.

export * from './vocabulary';
export * from './schema';
export * from './errors';
export * from './reads';
export { actorForLid, docRuleState, ensureRoots } from './doc';
export { newId } from './ids';
export { LOCAL_ORIGIN, richText } from './operations/core';
export * from './operations/projecten';
export * from './operations/knelpunten';
export * from './operations/vergaderingen';
export * from './operations/tafel';
export * from './operations/herstel';
export * from './operations/peildata';
export * from './operations/verslag';
export * from './operations/rapportages';
export * from './verslag';
export * from './rapportage';
export { magBuitenDeTafel } from './vertrouwelijkheid';
export type { Actor } from '../ownership/rulebook';
export * from './analytics';
export { readProjectenCached, readKnelpuntenCached } from './cachedReads';
export { readRichText, plainText, type RichNode } from './richtextRead';
