// Shared building blocks of every screen. Field is the one to know: it shows a value with its
// owner, provenance and lock, and edits it inline through a model operation (see Field.tsx).

export { Button, LinkButton, ExternalLinkButton, type ButtonVariant } from './Button';
export { Field, type FieldProps } from './Field';
export { type FieldInput, displayValue, formatValue, parseValue, parseCount } from './fieldFormat';
export { OwnerBadge, PartijBadge } from './OwnerBadge';
export { ProvenanceLine } from './ProvenanceLine';
export { provenanceText, formatDatumTijd } from './provenanceText';
export { ownerText } from './ownerText';
export { Dialog, ConfirmDialog } from './Dialog';
export { EmptyState } from './EmptyState';
export { Banner, type BannerTone } from './Banner';
export { ToastProvider, useToast } from './Toast';
export { SyncStatusBadge, syncStatusText } from './SyncStatusBadge';
export { PresenceList, PresenceAvatars, initialen } from './PresenceList';
export { KwartaalInput } from './KwartaalInput';
export { LockIcon } from './LockIcon';
