// The tafel document's public face: schema, vocabulary and typed reads. Writes go through
// src/operations/, which sits above the ownership rulebook.

export * from './vocabulary';
export * from './schema';
export * from './reads';
export { ensureRoots } from './doc';
export { actorForLid, type Actor } from './actor';
export { newId } from './ids';
export * from './analytics';
export { readProjectenCached, readKnelpuntenCached } from './cachedReads';
