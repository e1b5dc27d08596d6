// A button for a step that cannot be undone (remove a knelpunt, close a meeting, adopt a
// rapportage): it asks first, then runs the write, and shows the write's error beneath the button.
// One component, so every such step asks, fails and reports the same way.

import { useState } from 'react';
import { Button, type ButtonVariant } from './Button';
import { ConfirmDialog } from './Dialog';
import { FormError } from './FormProblem';

export function ConfirmedAction({
  label,
  question,
  confirmLabel = label,
  variant = 'primary',
  action,
  done,
}: {
  label: string;
  question: string;
  confirmLabel?: string;
  variant?: ButtonVariant;
  /** The write, as useWrite runs it: its error text, or null when it went through. */
  action: () => string | null;
  /** After the write went through (a toast, a navigation). */
  done?: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  return (
    <>
      <Button variant={variant} onClick={() => setAsking(true)}>
        {label}
      </Button>
      <FormError message={fout} />
      <ConfirmDialog
        open={asking}
        title={label}
        message={question}
        confirmLabel={confirmLabel}
        onClose={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          const f = action();
          setFout(f);
          if (!f) done?.();
        }}
      />
    </>
  );
}
