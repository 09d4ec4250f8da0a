import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children?: ReactNode;
  /** Told once when a child throws while rendering; the owner drops what could not be shown. */
  onError(error: Error, info: ErrorInfo): void;
  /** Shown instead of the children after a failure (nothing by default: the owner shows the notice). */
  fallback?: ReactNode;
}

/**
 * A result, input or panel that throws while rendering (a model's output the view cannot show, a saved
 * value from an older build) takes down only itself: the rest of the app stays usable. Give it a new
 * `key` to try its children again.
 */
export class PanelBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError(error, info);
  }

  override render(): ReactNode {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}
