/**
 * The later CNN lessons reuse the digit CNN the reader trained in "Train a CNN live". This says how well it is
 * trained and, when it is not (yet), trains it here for two epochs.
 */
import { useEffect, useState } from 'react';
import { CNN_ID } from './CnnTrainerFigure';
import { existingModel, liveModel, modelCommands, subscribeModel, useImageSession } from './imageModels';
import { pct } from './format';
import { cnnSchema } from './schema';

const DIGIT_EPOCHS = 2;

/** The digit CNN's last test accuracy after some training (null: never evaluated after a step). */
export function useDigitCnn(): { accuracy: number | null; training: boolean; train(): void } {
  const read = () => {
    const e = existingModel(CNN_ID)?.evaluations.at(-1);
    // Before any training step the model is evaluated once at step 0: that is not a trained network.
    return e && e.step > 0 ? e.testAccuracy : null;
  };
  const [accuracy, setAccuracy] = useState(read);
  const [training, setTraining] = useState(false);
  const created = useImageSession((s) => Boolean(s.models[CNN_ID]?.created));
  const playing = useImageSession((s) => s.models[CNN_ID]?.status === 'playing');
  useEffect(() => {
    if (!created) return;
    setAccuracy(read());
    return subscribeModel(CNN_ID, (what) => what !== 'view' && setAccuracy(read()));
  }, [created]);

  const train = () => {
    if (!existingModel(CNN_ID)) {
      const d = cnnSchema;
      liveModel(CNN_ID, {
        arch: 'cnn',
        hyper: { learningRate: d.lr.defaultValue, batchSize: Number(d.batch.defaultValue), optimizer: d.opt.defaultValue },
        seed: d.seed.defaultValue,
        probe: 0,
      });
    }
    const startEpoch = existingModel(CNN_ID)?.view?.epoch ?? 0;
    setTraining(true);
    modelCommands(CNN_ID).play();
    const off = subscribeModel(CNN_ID, (what) => {
      const view = existingModel(CNN_ID)?.view;
      if (what !== 'view' || !view || view.epoch < startEpoch + DIGIT_EPOCHS) return;
      off();
      modelCommands(CNN_ID).pause();
      setTraining(false);
    });
  };
  return { accuracy, training: training || playing, train };
}

/** One line on the digit CNN being reused, with a button to train it when it is not trained enough. */
export function DigitCnnSource({ cnn, purpose }: { cnn: ReturnType<typeof useDigitCnn>; purpose: string }) {
  const trained = cnn.accuracy !== null && cnn.accuracy >= 0.9;
  return (
    <p className="transfer-source" data-testid="digit-cnn-source">
      {trained
        ? `Using your digit CNN (${pct(cnn.accuracy!)} on held-out digits) ${purpose}.`
        : cnn.accuracy !== null
          ? `Your digit CNN reads ${pct(cnn.accuracy)} of held-out digits: train it a little more first.`
          : 'This figure uses the CNN trained in “Train a CNN live”, which has not been trained yet in this visit.'}{' '}
      {!trained ? (
        <button type="button" onClick={cnn.train} disabled={cnn.training} data-testid="train-digits">
          {cnn.training ? 'Training on the 8,000 digits…' : `Train it for ${DIGIT_EPOCHS} epochs here`}
        </button>
      ) : null}
    </p>
  );
}
