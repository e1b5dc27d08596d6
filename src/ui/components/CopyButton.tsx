// Copies a text to the clipboard and says so in a toast; when the browser refuses (no permission,
// insecure address) the toast tells the user to select and copy it themselves.

import { strings } from '../strings';
import { Button } from './Button';
import { useToast } from './Toast';

export function CopyButton({ text, what }: { text: string; what: string }) {
  const toast = useToast();
  return (
    <Button
      variant="secondary"
      aria-label={strings.kopieren.knopLabel(what)}
      onClick={() => {
        const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
        if (!clipboard) {
          toast(strings.kopieren.mislukt, 'error');
          return;
        }
        clipboard.writeText(text).then(
          () => toast(strings.kopieren.gekopieerd),
          () => toast(strings.kopieren.mislukt, 'error'),
        );
      }}
    >
      {strings.kopieren.knop}
    </Button>
  );
}
