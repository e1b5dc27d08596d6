// Whether the user is typing right now. Reloading then would cost them what they are typing (and
// with an input method editor the whole composition), so the update flow waits until they stop.

/** Input types that do not take typed text; focus on them is not typing. */
const NON_TEXT_INPUT_TYPES = new Set([
  'button',
  'checkbox',
  'color',
  'file',
  'hidden',
  'image',
  'radio',
  'range',
  'reset',
  'submit',
]);

/** The parts of an element this module looks at (an Element in the browser). */
export interface FocusedElement {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  readonly readOnly?: boolean;
  readonly disabled?: boolean;
  readonly type?: string;
}

/** True when typing into the element changes text: text inputs, textareas, rich-text editors. */
export function takesTypedText(element: FocusedElement | null): boolean {
  if (!element) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return !element.readOnly && !element.disabled;
  if (tag === 'INPUT') {
    return !element.readOnly && !element.disabled && !NON_TEXT_INPUT_TYPES.has((element.type ?? 'text').toLowerCase());
  }
  return false;
}

/** The parts of a document this module uses (a Document in the browser). */
export interface TypingDocument extends EventTarget {
  readonly activeElement: FocusedElement | null;
}

// How often a waiting caller re-checks without an event: a focused element that is removed from
// the page does not always fire focusout.
const RECHECK_MS = 1000;

/**
 * Tracks input-method compositions on a document (a composition can outlive focus changes in
 * some editors) and runs callbacks once the user is not typing.
 */
export class TypingWatch {
  private composing = false;
  private readonly onStart = (): void => {
    this.composing = true;
  };
  private readonly onEnd = (): void => {
    this.composing = false;
  };

  constructor(private readonly doc: TypingDocument) {
    doc.addEventListener('compositionstart', this.onStart, true);
    doc.addEventListener('compositionend', this.onEnd, true);
  }

  isTyping(): boolean {
    return this.composing || takesTypedText(this.doc.activeElement);
  }

  /** Runs `run` now if the user is not typing, else as soon as they stop. Returns a cancel. */
  whenNotTyping(run: () => void): () => void {
    if (!this.isTyping()) {
      run();
      return () => undefined;
    }
    let done = false;
    const check = (): void => {
      // Focus moves in two steps (focusout, then focusin on the next element): decide after both.
      setTimeout(() => {
        if (done || this.isTyping()) return;
        cancel();
        run();
      }, 0);
    };
    const timer = setInterval(check, RECHECK_MS);
    const cancel = (): void => {
      done = true;
      clearInterval(timer);
      this.doc.removeEventListener('focusout', check, true);
      this.doc.removeEventListener('compositionend', check, true);
    };
    this.doc.addEventListener('focusout', check, true);
    this.doc.addEventListener('compositionend', check, true);
    return cancel;
  }

  dispose(): void {
    this.doc.removeEventListener('compositionstart', this.onStart, true);
    this.doc.removeEventListener('compositionend', this.onEnd, true);
  }
}
