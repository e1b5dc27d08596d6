// Short confirmations ("Gekopieerd", "Toegang ingetrokken") that disappear by themselves.
// <ToastProvider> sits in the app shell; any screen calls useToast()(message).

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

/** A button in the toast, e.g. "Ongedaan maken" after an edit; pressing it closes the toast. */
export interface ToastAction {
  readonly label: string;
  readonly run: () => void;
}

interface ToastItem {
  readonly id: number;
  readonly message: string;
  readonly tone: 'success' | 'error';
  readonly action?: ToastAction;
}

type Show = (message: string, tone?: 'success' | 'error', action?: ToastAction) => void;

const ToastContext = createContext<Show>(() => undefined);
const SHOW_MS = 5000;
/** Long enough to read the message and reach the button on a tablet. */
const ACTION_SHOW_MS = 10_000;
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const show = useCallback<Show>((message, tone = 'success', action) => {
    // An action toast replaces an older one: only the latest edit can be undone from a toast.
    setItems((list) => [...(action ? list.filter((i) => !i.action) : list), { id: nextId++, message, tone, ...(action ? { action } : {}) }]);
  }, []);
  useEffect(() => {
    if (!items.length) return;
    const t = setTimeout(() => setItems((list) => list.slice(1)), items[0]!.action ? ACTION_SHOW_MS : SHOW_MS);
    return () => clearTimeout(t);
  }, [items]);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {items.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}${t.action ? ' toast-with-action' : ''}`}>
            <span>{t.message}</span>
            {t.action && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  setItems((list) => list.filter((i) => i.id !== t.id));
                  t.action!.run();
                }}
              >
                {t.action.label}
              </button>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Show {
  return useContext(ToastContext);
}
