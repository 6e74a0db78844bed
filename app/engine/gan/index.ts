/** The GAN lesson's engine: distributions and noise, the two networks, their losses, the trainer, a distance. */
export * from './distributions';
export { slicedWasserstein, modesCovered, SLICES } from './distance';
export { discriminatorLoss, generatorLoss, type GeneratorLoss } from './losses';
export { createGanNets, type GanNets, type GanNetConfig, type GanActivation } from './ganModel';
export * from './ganTrainer';
