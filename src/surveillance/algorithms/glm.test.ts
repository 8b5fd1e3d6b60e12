import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coefficientPValue, fitQuasiPoisson, predictLink } from './glm.js';

function close(actual: number, expected: number, tolerance = 1e-10): void {
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} vs ${expected}`);
}

// R: y <- c(2, 0, 3, 5, 4, 7, 6, 9, 8, 12); t <- 1:10; m <- glm(y ~ t, family = quasipoisson)
test('quasi-Poisson fit matches R glm: coefficients, dispersion, p-values, hat values, prediction', () => {
  const y = [2, 0, 3, 5, 4, 7, 6, 9, 8, 12];
  const fit = fitQuasiPoisson({ x: y.map((_, i) => [1, i + 1]), y });
  assert.equal(fit.converged, true);
  assert.equal(fit.iterations, 5);
  close(fit.coefficients[0] as number, 0.38263659283264484);
  close(fit.coefficients[1] as number, 0.21133878335291739);
  close(fit.dispersion, 0.51838329540131622);
  close(coefficientPValue(fit, 0), 0.21224177028420932, 1e-9);
  close(coefficientPValue(fit, 1), 0.00046785788748471713, 1e-12);
  const hat = [
    0.21414344619265036, 0.19719072421928968, 0.17519004612423622, 0.1501850275410444, 0.12627979671779357,
    0.11068838206746391, 0.11520925611178402, 0.15827770007073297, 0.26779947333497955, 0.48503614762002534,
  ];
  hat.forEach((h, i) => close(fit.hat[i] as number, h));
  const p = predictLink(fit, [1, 11]);
  close(p.fit, 2.7073632097147362);
  close(p.se, 0.17344579805231275);
});

test('an all-zero series converges towards log(0) after the same iterations as R', () => {
  const fit = fitQuasiPoisson({ x: [[1], [1], [1], [1], [1], [1]], y: [0, 0, 0, 0, 0, 0] });
  assert.equal(fit.converged, true);
  assert.equal(fit.iterations, 22);
  close(fit.coefficients[0] as number, -24.302585092994072, 1e-8);
});
