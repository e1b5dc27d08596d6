// The padlock line under something this lid may not change: why it is locked, in words.
// Inside a field's locked box it is a span, so the box keeps its own spacing; elsewhere a paragraph.

import type { ReactNode } from 'react';
import { LockIcon } from './LockIcon';

export function LockNote({ children, inline = false }: { children: ReactNode; inline?: boolean }) {
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className="lock-note">
      <LockIcon />
      {children}
    </Tag>
  );
}
