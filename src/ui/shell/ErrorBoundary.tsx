// Keeps the shell (navigation, sync status) alive when one screen fails to render, and tells
// the user what to do instead of showing a blank page.

import { Component, type ReactNode } from 'react';
import { Banner } from '../components/Banner';
import { strings } from '../strings';

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; resetKey: string }> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; resetKey: string }) {
    // Navigating to another screen gives it a fresh chance.
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown) {
    console.error('screen failed to render', error);
  }

  override render() {
    if (this.state.failed) {
      return (
        <Banner tone="error" title={strings.errors.titel}>
          {strings.errors.schermFout}
        </Banner>
      );
    }
    return this.props.children;
  }
}
