/**
 * The controls every live figure shares: copy a share link, reset to the lesson's defaults, and keep training
 * while scrolled away.
 */
import { useEffect, useRef, useState } from 'react';
import { useFigureSettings } from '../../state/figures';
import { attachToFigure } from '../../state/presenter';
import { useFigureFrame } from '../lesson/LessonContext';
import { SharePanel } from './SharePanel';

interface FigureToolbarProps {
  shareLink(): string;
  onResetDefaults(): void;
  /** Figures that train offer "keep training when scrolled away"; the others do not. */
  canPin?: boolean;
  /** Offer the generic classroom link (the training lab has its own, by groups of controls). */
  classroom?: boolean;
}

export function FigureToolbar({ shareLink, onResetDefaults, canPin = true, classroom = true }: FigureToolbarProps) {
  const { lesson, id, pinned, setPinned } = useFigureFrame();
  const [copied, setCopied] = useState<string | null>(null);
  const latest = useRef({ shareLink, onResetDefaults });
  useEffect(() => {
    latest.current = { shareLink, onResetDefaults };
  });
  useEffect(
    () =>
      attachToFigure(lesson, id, 'toolbar', {
        shareLink: () => latest.current.shareLink(),
        resetDefaults: () => latest.current.onResetDefaults(),
      }),
    [lesson, id],
  );

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
      <SharePanel shareLink={shareLink} classroom={classroom} />
      {copied ? (
        <p className="share-result" role="status" data-testid="share-result">
          {copied === 'Link copied.' ? copied : <>Copy this link: <input readOnly value={copied} aria-label="Share link" onFocus={(e) => e.target.select()} /></>}
        </p>
      ) : null}
    </div>
  );
}

const NO_SETTINGS = {};

/** The toolbar of a figure with no settings of its own: its link, embed code and classroom link still work. */
export function PlainFigureToolbar() {
  const { lesson, id } = useFigureFrame();
  const settings = useFigureSettings(lesson, id, NO_SETTINGS);
  return <FigureToolbar shareLink={settings.shareLink} onResetDefaults={settings.resetToDefaults} canPin={false} />;
}
