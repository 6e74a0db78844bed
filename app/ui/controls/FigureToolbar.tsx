/**
 * The controls every live figure shares: copy a share link, reset to the lesson's defaults, and keep training
 * while scrolled away.
 */
import { useState } from 'react';
import { useFigureFrame } from '../lesson/LessonContext';

interface FigureToolbarProps {
  shareLink(): string;
  onResetDefaults(): void;
  /** Figures that train offer "keep training when scrolled away"; the others do not. */
  canPin?: boolean;
}

export function FigureToolbar({ shareLink, onResetDefaults, canPin = true }: FigureToolbarProps) {
  const { pinned, setPinned } = useFigureFrame();
  const [copied, setCopied] = useState<string | null>(null);

  async function share() {
    const link = shareLink();
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied.');
    } catch {
      // Clipboard access can be refused (no permission, no secure context): show the link to copy by hand.
      setCopied(link);
    }
  }

  return (
    <div className="figure-toolbar">
      <button type="button" className="secondary" onClick={share} data-testid="share">
        Share this figure
      </button>
      <button type="button" className="secondary" onClick={onResetDefaults} data-testid="reset-defaults">
        Reset to lesson default
      </button>
      {canPin ? (
        <label className="pin">
          <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.target.checked)} />
          Keep training when scrolled away
        </label>
      ) : null}
      {copied ? (
        <p className="share-result" role="status" data-testid="share-result">
          {copied === 'Link copied.' ? copied : <>Copy this link: <input readOnly value={copied} aria-label="Share link" onFocus={(e) => e.target.select()} /></>}
        </p>
      ) : null}
    </div>
  );
}
