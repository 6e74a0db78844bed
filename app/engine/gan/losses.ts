/**
 * The two players' losses, written from D's logits ℓ (D(x) = σ(ℓ)) in the numerically stable form:
 *   log D(x)     = log σ(ℓ)      = −softplus(−ℓ)
 *   log(1 − D(x)) = log σ(−ℓ)    = −softplus(ℓ)
 * so a confident D (σ near 0 or 1) never takes log(0).
 */
import * as tf from '@tensorflow/tfjs';

/** Which loss the generator minimises. */
export type GeneratorLoss = 'nonsaturating' | 'minimax';

/**
 * The discriminator's loss, averaged over the batch:
 *   L_D = −[ mean log D(x) + mean log(1 − D(G(z))) ]
 * (binary cross-entropy with real points labelled 1 and fake points 0).
 *
 * @example
 * const loss = discriminatorLoss(dReal, dFake); // logits, shape [n, 1]
 */
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.add(tf.mean(tf.softplus(tf.neg(realLogits))), tf.mean(tf.softplus(fakeLogits))) as tf.Scalar);
}

/**
 * The generator's loss, averaged over the batch:
 *   non-saturating:  L_G = −mean log D(G(z))
 *   minimax:         L_G =  mean log(1 − D(G(z)))   (the original game's, minus L_D's real term)
 * Both want D(G(z)) near 1. Early on D spots the fakes easily (D(G(z)) ≈ 0); there the minimax loss is flat
 * (its slope in ℓ is −σ(ℓ) ≈ 0) while the non-saturating one's slope is −(1 − σ(ℓ)) ≈ −1, so G still learns.
 *
 * @example
 * const loss = generatorLoss(dFake, 'nonsaturating');
 */
export function generatorLoss(fakeLogits: tf.Tensor, kind: GeneratorLoss): tf.Scalar {
  return tf.tidy(() =>
    kind === 'nonsaturating'
      ? (tf.mean(tf.softplus(tf.neg(fakeLogits))) as tf.Scalar)
      : (tf.neg(tf.mean(tf.softplus(fakeLogits))) as tf.Scalar),
  );
}
