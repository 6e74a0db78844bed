/**
 * The engine's public surface: models, datasets, the training loop and backend choice, in pure TypeScript over
 * TF.js. Tensors never leave it; it hands out Float32Arrays and plain objects.
 */
export type * from './types';

export { createRng, mixSeed, type Rng } from './rng';
export { createChannel, type Channel } from './channel';
export { createSeries, type Series, type SeriesPoint } from './ringBuffer';
export { createScheduler, type Scheduler } from './scheduler';

export { makePoints2D, BLOB_CENTRES, type Points2DKind, type Points2DOptions } from './data/points2d';
export { createBatcher, type Batcher, type BatchPosition } from './data/batcher';
export { gridPoints } from './data/grid';

export {
  createNeuron,
  neuronForward,
  neuronAccuracy,
  decisionThreshold,
  outputThreshold,
  outputRange,
  neuronParamsFromWeights,
  neuronWeights,
  type NeuronActivation,
  type NeuronParams,
} from './models/neuron';
export { createMlp, type MlpConfig, type MlpActivation } from './models/mlp';

export { readWeights, writeWeights, createVariable } from './weights';
export { createOptimizer, checkHyperparameters, MOMENTUM } from './optimizers';
export { createTrainer } from './trainer';
export { createTrainingWorkload, batchesPerEpoch, type TrainingWorkloadOptions } from './workload';

export {
  getBackendManager,
  createBackendManager,
  rankBackends,
  calibrationCandidates,
  backendLabel,
  type BackendDeps,
  type Ranking,
} from './backend';
export { activationTf } from './activationsTf';
export {
  activationValue,
  activationSlope,
  activationCurve,
  softmax,
  softmaxSlope,
  LEAKY_ALPHA,
  type ScalarActivation,
  type ActivationCurve,
} from './activations';
export { collapseLinearMlp, type AffineMap } from './models/collapse';
export { binaryLoss, softmaxCrossEntropy, type BinaryLossKind, type BinaryLossPoint } from './losses';
export { createLogistic, logisticLossAndGradient } from './models/logistic';
export { mlpLayerOutputs, mlpLayerProbes, mlpForward, mlpSizes, type LayerValues } from './models/mlpLayers';
export {
  createDeepNet,
  isDeepNet,
  layerGradientSizes,
  type DeepNet,
  type DeepNetConfig,
  type DeepActivation,
} from './models/deepNet';
export {
  FEATURES,
  featureValue,
  featureMatrix,
  withFeatures,
  splitDataset,
  type FeatureName,
} from './data/features';
export { createRegMlp, isRegMlp, NO_REGULARIZATION, type RegMlp, type Regularization, type Penalty } from './models/regMlp';
export {
  createFastMlp,
  createFastOptimizer,
  checkSpec,
  paramCount,
  NO_PENALTY,
  ADAM,
  type FastMlp,
  type FastMlpSpec,
  type FastActivation,
  type FastHead,
  type FastOptimizer,
  type WeightPenalty,
  type LayerSlot,
} from './fast/fastMlp';
export { createFastTrainer, type FastTrainer, type FastTrainerOptions, type TrainingPoint } from './fast/fastTrainer';
export { toTfModel, fromTfModel, tfCode } from './fast/tfModel';
export {
  POINTS2D_KINDS,
  GAUSS_BUMPS,
  GAUSS_BUMP_STD,
  planeTarget,
  gaussTarget,
  type Points2DKindInfo,
} from './data/points2d';
export {
  parsePointsCsv,
  CSV_MAX_POINTS,
  CSV_MIN_POINTS,
  CSV_COORD_LIMIT,
  type ParsePointsCsvOptions,
  type ParsedPointsCsv,
} from './data/csv';
export { confusionMatrix, accuracyFrom, rowClass } from './metrics';
export {
  loadImageSet,
  parseImageSet,
  loadMnist,
  parseMnist,
  fnv1a,
  ImageSetFileError,
  MnistFileError,
  IMAGE_SETS,
  DIGIT_CLASS_NAMES,
  FASHION_CLASS_NAMES,
  type ImageSet,
  type ImageSetName,
  type LoadImageSetOptions,
  type MnistData,
} from './data/mnist';
export {
  preprocessDrawing,
  inkBoundingBox,
  centreOfMass,
  inkValues,
  MNIST_SIDE,
  MNIST_BOX,
  MNIST_CENTRE,
  MIN_INK_SHARE,
  MIN_SIDE_SHARE,
  type InkBox,
  type CentreOfMass,
} from './data/drawing';
export { conv2dValid, windowAt, convOutputSize, type Grid, type ConvOutputSize } from './conv';
export { pool2d, poolOutputSize, poolWindow, relu, type PoolMode, type PoolResult } from './pool';
export { receptiveField, unitSpans, type StackLayer, type LayerField, type Span } from './receptiveField';
