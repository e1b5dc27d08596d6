import { afterEach, describe, expect, it, vi } from 'vitest';
import { TypingWatch, takesTypedText, type FocusedElement, type TypingDocument } from '../../../src/pwa/typing';

class FakeDocument extends EventTarget implements TypingDocument {
  activeElement: FocusedElement | null = null;
  focus(element: FocusedElement | null): void {
    if (this.activeElement) this.dispatchEvent(new Event('focusout'));
    this.activeElement = element;
  }
}

const input = (type = 'text', extra: Partial<FocusedElement> = {}): FocusedElement => ({ tagName: 'INPUT', type, ...extra });
const textarea: FocusedElement = { tagName: 'TEXTAREA' };
const editor: FocusedElement = { tagName: 'DIV', isContentEditable: true };
const button: FocusedElement = { tagName: 'BUTTON' };

describe('takesTypedText', () => {
  it('is true for text inputs, textareas and rich-text editors', () => {
    expect(takesTypedText(input())).toBe(true);
    expect(takesTypedText(input('number'))).toBe(true);
    expect(takesTypedText({ tagName: 'input' })).toBe(true);
    expect(takesTypedText(textarea)).toBe(true);
    expect(takesTypedText(editor)).toBe(true);
  });

  it('is false for buttons, checkboxes, read-only and disabled fields and no focus', () => {
    expect(takesTypedText(button)).toBe(false);
    expect(takesTypedText(input('checkbox'))).toBe(false);
    expect(takesTypedText(input('submit'))).toBe(false);
    expect(takesTypedText(input('text', { readOnly: true }))).toBe(false);
    expect(takesTypedText({ tagName: 'TEXTAREA', disabled: true })).toBe(false);
    expect(takesTypedText(null)).toBe(false);
  });
});

describe('TypingWatch', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once when nobody is typing', () => {
    const doc = new FakeDocument();
    doc.focus(button);
    const run = vi.fn();
    new TypingWatch(doc).whenNotTyping(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits while a field has focus and runs once focus leaves it', () => {
    vi.useFakeTimers();
    const doc = new FakeDocument();
    doc.focus(textarea);
    const run = vi.fn();
    new TypingWatch(doc).whenNotTyping(run);
    vi.advanceTimersByTime(5000);
    expect(run).not.toHaveBeenCalled();
    doc.focus(button);
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('keeps waiting when focus moves from one field to the next', () => {
    vi.useFakeTimers();
    const doc = new FakeDocument();
    doc.focus(input());
    const run = vi.fn();
    new TypingWatch(doc).whenNotTyping(run);
    doc.focus(editor);
    vi.advanceTimersByTime(3000);
    expect(run).not.toHaveBeenCalled();
  });

  it('waits for an input-method composition to end, even without a focused field', () => {
    vi.useFakeTimers();
    const doc = new FakeDocument();
    const watch = new TypingWatch(doc);
    doc.dispatchEvent(new Event('compositionstart'));
    expect(watch.isTyping()).toBe(true);
    const run = vi.fn();
    watch.whenNotTyping(run);
    vi.advanceTimersByTime(3000);
    expect(run).not.toHaveBeenCalled();
    doc.dispatchEvent(new Event('compositionend'));
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('notices a focused field that disappeared without a focusout', () => {
    vi.useFakeTimers();
    const doc = new FakeDocument();
    doc.focus(textarea);
    const run = vi.fn();
    new TypingWatch(doc).whenNotTyping(run);
    doc.activeElement = null;
    vi.advanceTimersByTime(1001);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not run after being cancelled', () => {
    vi.useFakeTimers();
    const doc = new FakeDocument();
    doc.focus(textarea);
    const run = vi.fn();
    const cancel = new TypingWatch(doc).whenNotTyping(run);
    cancel();
    doc.focus(button);
    vi.advanceTimersByTime(5000);
    expect(run).not.toHaveBeenCalled();
  });
});
