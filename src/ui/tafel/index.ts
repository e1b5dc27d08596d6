// The React side of an open tafel. Start at TafelContext.tsx for how screens use these.

export { TafelProvider, useTafelContext } from './TafelContext';
export { useRead } from './useRead';
export { useTafel, useSyncStatus, type TafelView } from './useTafel';
export { useMayEdit, useMayCreate, useMayRemove, useFieldOwner, useWrite } from './useMayEdit';
export { usePresence, usePlek, aanwezigen, type Aanwezige, type AwarenessUser } from './usePresence';
export { useConflicts } from './useConflicts';
export { lidNaam, useNamen, type Namen } from './useNamen';
export { fieldOwner, type FieldOwner } from '../../ownership/rulebook';
export { errorText } from '../codeText';
export { useJoinedTafels } from './useJoinedTafels';
