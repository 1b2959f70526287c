import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/announcer';
import './fee-runs.css';

// The run's progress as the server reports it. Read out at every quarter (and at the end), not at every poll:
// a screen reader would otherwise speak all the time.
export function ProgressBar({
  id,
  label,
  percent,
  detail,
}: {
  id: string;
  label: string;
  percent: number;
  detail: string;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const lastStep = useRef<number | null>(null);
  useEffect(() => {
    const step = Math.floor(percent / 25) * 25;
    if (lastStep.current === null) {
      lastStep.current = step;
      return;
    }
    if (step > lastStep.current) {
      lastStep.current = step;
      announce(step === 100 ? t('feeRuns.progress.done') : t('feeRuns.progress.step', { percent: step }));
    }
  }, [percent, announce, t]);
  return (
    <div className="progress">
      <div id={`${id}-label`} className="progress__label">
        {label}
      </div>
      <div
        className="progress__track"
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-detail`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('feeRuns.progress.valueText', { percent })}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <div id={`${id}-detail`} className="progress__detail">
        {detail}
      </div>
    </div>
  );
}
