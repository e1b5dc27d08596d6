// The tafel document's public face: schema, vocabulary and typed reads. Writes go through
// src/operations/, which sits above the ownership rulebook.

export * from './vocabulary';
export * from './schema';
export * from './reads';
export { ensureRoots, envelopeAt } from './doc';
export { actorForLid, type Actor } from './actor';
export { newId } from './ids';
export * from './analytics';
export * from './planning';
export * from './monitorValues';
export { readProjectenCached, readKnelpuntenCached } from './cachedReads';
export { observeOwnerChanges, type OwnerChange } from './ownerChanges';
export { plausibilityWarnings, type PlausibilityWarning } from './plausibility';
export { searchTafel, normalize as normalizeSearch, type SearchHit, type SearchKind } from './search';
export { byOtherSince, changedByOtherSince, newSince, type NewSince } from './newSince';
export { readProjectenOp, readKnelpuntenOp, veldenOp, type Stand, type VeldWijziging } from './standOp';
export * from './netwerk';
export * from './netwerkReads';
export { EXTERN_PREFIX } from './netwerkSchema';
export * from './verslag';
export * from './rapportage';
export * from './ontvangenRapportages';
export { magBuitenDeTafel } from './vertrouwelijkheid';
export { readRichText, plainText, type RichNode } from './richtextRead';
export { buildRijen, openKnelpuntenPerProject, perSegment, type ProjectRij } from './planmonitorRijen';
export { readHomeOverzicht, openKnelpunten, HOME_KNELPUNTEN, type HomeOverzicht, type HomeVergadering, type HomeKnelpunt, type HomeAfspraak } from './homeOverzicht';
export {
  buildReadModel,
  warmFirstScreens,
  isUsableReadModel,
  sameStateVector,
  mergeStateVectors,
  covers as stateVectorCovers,
  deletedRanges,
  unionOfRanges,
  rangesCover,
  reachOf,
  READ_MODEL_VERSIE,
  type DeletedRanges,
  type TafelReadModel,
  type ReadModelLid,
} from './readModel';
export { importKoppelingSleutel, readImportKoppelingen, type ImportKoppelingWaarde, type OpgeslagenKoppeling } from './importKoppelingen';
