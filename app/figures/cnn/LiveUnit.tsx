/**
 * The chosen unit of the live CNN, recomputed from each view (at most four times a second) so its numbers follow
 * the training. The arithmetic is the engine's (unitMath.ts, proven equal to TF.js's layers).
 */
import { useEffect, useState } from 'react';
import { CNN } from '../../engine/cnn/architectures';
import { explainUnit, type Unit, type UnitAddress } from '../../engine/cnn/unitMath';
import { subscribeModel, useImageSession, type LiveModel } from './imageModels';
import { LAYER_NAMES } from './layers';
import { UnitDetail } from './UnitDetail';

export type Pick = UnitAddress;

const INPUTS = ['the digit', 'Conv 1', 'Pool 1', 'Conv 2', 'Pool 2', 'Pool 2 (flattened)'];

function compute(model: LiveModel, picked: Pick | null): Unit | null {
  const view = model.view;
  const data = useImageSession.getState().data;
  if (!picked || !view || !data) return null;
  const image = Float32Array.from(data.testPixels.subarray(view.probe * 784, (view.probe + 1) * 784), (p) => p / 255);
  return explainUnit(CNN, image, view.maps, view.weights, picked);
}

export function LiveUnit({ model, picked }: { model: LiveModel; picked: Pick | null }) {
  const [unit, setUnit] = useState<Unit | null>(() => compute(model, picked));
  useEffect(() => {
    setUnit(compute(model, picked));
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer = null;
      last = performance.now();
      setUnit(compute(model, picked));
    };
    const off = subscribeModel(model.id, () => {
      if (timer) return;
      timer = setTimeout(refresh, Math.max(0, last + 250 - performance.now()));
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [model, picked]);
  const title = !picked
    ? 'Open a unit'
    : picked.layer === 5
      ? `Output unit for the digit ${picked.channel}`
      : `${LAYER_NAMES[picked.layer]}, map ${picked.channel + 1}, row ${picked.row + 1}, column ${picked.col + 1}`;
  return <UnitDetail unit={unit} title={title} inputName={picked ? INPUTS[picked.layer]! : ''} classIndex={picked?.channel ?? 0} />;
}
