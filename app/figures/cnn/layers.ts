/** The course CNN's layers as the figures name and lay them out (flatten has no maps of its own). */
import { CNN, layerShapes } from '../../engine/cnn/architectures';

export const SHAPES = layerShapes(CNN);

/** Every layer's name, in spec order. */
export const LAYER_NAMES = ['Conv 1', 'Pool 1', 'Conv 2', 'Pool 2', 'Flatten', 'Output'] as const;

/** The layers drawn as feature maps, with how many maps a row holds. */
export const MAP_LAYERS = [
  { layer: 0, name: LAYER_NAMES[0], columns: 4 },
  { layer: 1, name: LAYER_NAMES[1], columns: 4 },
  { layer: 2, name: LAYER_NAMES[2], columns: 8 },
  { layer: 3, name: LAYER_NAMES[3], columns: 8 },
] as const;
