import { Component, type ErrorInfo, type ReactNode } from 'react';
import { classifyStorageError, reportStorageFailure } from '../../db/repo/errors';

/** The reason shown: plain words for the storage's failures, else the error's own message. */
function shownReason(error: Error): string {
  const failure = classifyStorageError(error);
  if (!failure) return error.message;
  return failure === 'closed'
    ? 'the connection to the database was lost (Warroom is reopening it)'
    : 'the database could not be read (see the notice at the top)';
}

interface Props {
  /** What failed, in words a person understands ("The timeline", "This page"). */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps one broken part from blanking the whole war room: it shows what failed and a way to
 * retry, while the rest of the console (and anything being typed there) stays usable.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Warroom: ${this.props.what} failed to display`, error, info.componentStack);
    // A read that failed because the storage did (a lost connection) starts the reopening.
    reportStorageFailure(error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel error-panel" role="alert">
        <p>
          {this.props.what} could not be displayed: {shownReason(error)}. Nothing was lost: the
          record is in the database.
        </p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
