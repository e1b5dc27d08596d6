// Short confirmations ("Gekopieerd", "Toegang ingetrokken") that disappear by themselves.
// <ToastProvider> sits in the app shell; any screen calls useToast()(message).

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

interface ToastItem {
  readonly id: number;
  readonly message: string;
  readonly tone: 'success' | 'error';
}

type Show = (message: string, tone?: 'success' | 'error') => void;

const ToastContext = createContext<Show>(() => undefined);
const SHOW_MS = 5000;
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const show = useCallback<Show>((message, tone = 'success') => {
    setItems((list) => [...list, { id: nextId++, message, tone }]);
  }, []);
  useEffect(() => {
    if (!items.length) return;
    const t = setTimeout(() => setItems((list) => list.slice(1)), SHOW_MS);
    return () => clearTimeout(t);
  }, [items]);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {items.map((t) => (
          <div key={t.id} className={`toast toast-${t.tone}`}>
            {t.message}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Show {
  return useContext(ToastContext);
}
