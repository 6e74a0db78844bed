/**
 * The lab's files: download the trained network as a TF.js model (model.json + weights.bin, through tf.io),
 * load such a model back, and train on your own points from a CSV file. Every failure says what was wrong and
 * leaves the lab as it was.
 */
import * as tf from '@tensorflow/tfjs';
import { useState } from 'react';
import { fromTfModel, parsePointsCsv, toTfModel, type FastMlpSpec, type FeatureName, type WeightPenalty } from '../../engine';
import { ensureBackend } from '../connectBackend';
import type { LabSource } from './PlaygroundFigure';

/** What the lab writes into the model file besides the network, so that loading it restores the inputs too. */
export interface LabModelMeta {
  features: FeatureName[];
}

interface Props {
  /** The network as it is now. */
  current(): { spec: FastMlpSpec; weights: Float32Array[]; penalty: WeightPenalty; features: FeatureName[] } | null;
  /** Puts a loaded network in the lab. */
  onModel(spec: FastMlpSpec, weights: Float32Array[], meta: LabModelMeta | null): string | null;
  onPoints(source: LabSource): void;
  custom: string | undefined;
  onBackToGenerated(): void;
}

export function LabFiles({ current, onModel, onPoints, custom, onBackToGenerated }: Props) {
  const [message, setMessage] = useState<{ text: string; bad?: boolean } | null>(null);

  async function download() {
    const now = current();
    if (!now) return;
    try {
      await ensureBackend();
      const model = toTfModel(now.spec, now.weights, now.penalty);
      model.setUserDefinedMetadata({ lab: { features: now.features } satisfies LabModelMeta });
      await model.save('downloads://lab-network');
      model.dispose();
      setMessage({ text: 'Saved lab-network.json and lab-network.weights.bin (your browser may ask to allow two downloads).' });
    } catch (e) {
      setMessage({ text: `Could not save the model: ${e instanceof Error ? e.message : String(e)}`, bad: true });
    }
  }

  async function load(files: FileList | null) {
    const list = Array.from(files ?? []);
    const json = list.find((f) => f.name.endsWith('.json'));
    const weights = list.filter((f) => f !== json);
    if (!json || weights.length === 0) {
      setMessage({ text: 'Choose both files of a saved model together: the .json file and its .bin weights file.', bad: true });
      return;
    }
    try {
      await ensureBackend();
      const model = await tf.loadLayersModel(tf.io.browserFiles([json, ...weights]));
      const meta = (model.getUserDefinedMetadata() as { lab?: LabModelMeta } | undefined)?.lab ?? null;
      const { spec, weights: values } = fromTfModel(model);
      model.dispose();
      const problem = onModel(spec, values, meta);
      setMessage(problem ? { text: problem, bad: true } : { text: `Loaded ${json.name}: ${spec.sizes.join('-')} network.` });
    } catch (e) {
      setMessage({ text: `Could not load that model: ${e instanceof Error ? e.message : String(e)}`, bad: true });
    }
  }

  async function points(file: File | undefined) {
    if (!file) return;
    const parsed = parsePointsCsv(await file.text());
    if (!parsed.ok) {
      setMessage({ text: `${file.name}: ${parsed.error} Nothing was changed.`, bad: true });
      return;
    }
    const outputDim = parsed.problem === 'regression' || parsed.classes <= 2 ? 1 : 3;
    onPoints({
      raw: parsed.data,
      info: { problem: parsed.problem, classes: parsed.classes, outputDim, label: file.name },
      custom: `${file.name} (${parsed.data.n} points)`,
    });
    setMessage({ text: [`Loaded ${parsed.data.n} points from ${file.name}.`, ...parsed.warnings].join(' ') });
  }

  return (
    <fieldset className="pg-files">
      <legend>Files</legend>
      <div className="pg-files-row">
        <button type="button" className="secondary" onClick={() => void download()} data-testid="export-model">
          Download the model (TF.js)
        </button>
        <label className="pg-file">
          Load a model (.json + .bin)
          <input type="file" accept=".json,.bin" multiple onChange={(e) => void load(e.target.files)} data-testid="import-model" />
        </label>
        <label className="pg-file">
          Your own points (CSV: x₁, x₂, label)
          <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void points(e.target.files?.[0])} data-testid="upload-csv" />
        </label>
      </div>
      {custom ? (
        <p className="pg-note" data-testid="custom-data">
          Training on your points: {custom}. They are not part of the share link.{' '}
          <button type="button" className="linklike" onClick={onBackToGenerated}>
            Back to the generated data
          </button>
        </p>
      ) : null}
      <p className={`pg-note${message?.bad ? ' is-bad' : ''}`} role="status" data-testid="files-message">
        {message?.text ?? ''}
      </p>
    </fieldset>
  );
}
