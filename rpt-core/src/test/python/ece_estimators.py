"""How often a perfectly calibrated model passes maxEce = 0.10, by estimator of the calibration error.

The simulated model of DebiasedCalibrationErrorTests: confidence uniform on [0.5, 1], right with exactly that chance
(or that chance less an overconfidence). 2,000 runs per cell, numpy seed 1, exact (Clopper–Pearson) 95% intervals. Run: python3 ece_estimators.py
(numpy and scipy). Not part of the build: it backs the comparison in docs/calibration.md#debiased-ece.
"""
import numpy as np
from scipy.stats import beta, norm

RUNS = 2000


def bins_of(conf, ok, bins=10):
    idx = np.minimum((conf * bins).astype(int), bins - 1)
    for b in range(bins):
        m = idx == b
        if m.sum():
            yield m.sum(), conf[m].mean(), ok[m].mean()


def bias(mu, s):
    return s * np.sqrt(2 / np.pi) * np.exp(-mu * mu / (2 * s * s)) + mu * (1 - 2 * norm.cdf(-mu / s)) - abs(mu)


def binned(conf, ok):
    return sum(c * abs(a - cf) for c, cf, a in bins_of(conf, ok)) / len(conf)


def rpt_debiased(conf, ok):  # what rpt ships (CalibrationError.debiased)
    total = 0.0
    for c, cf, a in bins_of(conf, ok):
        g, s = a - cf, np.sqrt(cf * (1 - cf) / c)
        total += c * (abs(g) - bias(np.sqrt(max(0, g * g - s * s)), s))
    return max(0.0, total / len(conf))


def kumar_l2(conf, ok):  # Kumar, Liang & Ma 2019: debiased squared L2 error, square-rooted
    total = sum(c * ((a - cf) ** 2 - cf * (1 - cf) / c) for c, cf, a in bins_of(conf, ok))
    return np.sqrt(max(0.0, total / len(conf)))


def per_bin_sqrt(conf, ok):
    return sum(c * np.sqrt(max(0, (a - cf) ** 2 - cf * (1 - cf) / c)) for c, cf, a in bins_of(conf, ok)) / len(conf)


def equal_mass_3(conf, ok):
    order = np.argsort(conf)
    total = 0.0
    for part in np.array_split(order, 3):
        c, cf, a = len(part), conf[part].mean(), ok[part].mean()
        g, s = a - cf, np.sqrt(cf * (1 - cf) / c)
        total += c * (abs(g) - bias(np.sqrt(max(0, g * g - s * s)), s))
    return max(0.0, total / len(conf))


def empirical_bayes(conf, ok):  # per-bin gaps shrunk towards 0 by a pooled prior, posterior mean of |gap|
    cells = list(bins_of(conf, ok))
    n = len(conf)
    tau2 = max(0.0, sum(c * ((a - cf) ** 2 - cf * (1 - cf) / c) for c, cf, a in cells) / n)
    if tau2 == 0:
        return 0.0
    total = 0.0
    for c, cf, a in cells:
        s2 = cf * (1 - cf) / c
        k = tau2 / (tau2 + s2)
        m, s = k * (a - cf), np.sqrt(k * s2)
        total += c * (bias(m, s) + abs(m))
    return total / n


T = np.linspace(0, 1, 401)


def smooth(conf, ok):  # Błasiok & Nakkiran 2023: smooth ECE, reflected Gaussian kernel, fixed-point bandwidth
    r = ok - conf

    def at(s):
        def k(x):
            return np.exp(-(T[:, None] - x[None, :]) ** 2 / (2 * s * s)) / (np.sqrt(2 * np.pi) * s)
        kern = k(conf) + k(-conf) + k(2 - conf)
        return np.trapezoid(np.abs((kern * r[None, :]).mean(axis=1)), T)

    lo, hi = 1e-3, 1.0
    for _ in range(25):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if at(mid) > mid else (lo, mid)
    return (lo + hi) / 2


ESTIMATORS = [("binned ECE", binned), ("rpt: debiased ECE", rpt_debiased), ("Kumar et al. debiased L2", kumar_l2),
              ("per-bin √max(0, gap² − σ²)", per_bin_sqrt), ("debiased, 3 equal-mass bins", equal_mass_3),
              ("empirical-Bayes shrunk gaps", empirical_bayes), ("smooth ECE", smooth)]

if __name__ == "__main__":
    print("| estimator | calibrated, 50 cases | calibrated, 100 cases | true ECE 0.20, 50 cases |")
    print("|---|---|---|---|")
    for name, f in ESTIMATORS:
        cells = []
        for n, over in ((50, 0.0), (100, 0.0), (50, 0.2)):
            rng = np.random.default_rng(1)
            passed = 0
            for _ in range(RUNS):
                conf = 0.5 + 0.5 * rng.random(n)
                ok = (rng.random(n) < conf - over).astype(float)
                passed += f(conf, ok) <= 0.10
            lo = 0.0 if passed == 0 else beta.ppf(0.025, passed, RUNS - passed + 1)
            hi = 1.0 if passed == RUNS else beta.ppf(0.975, passed + 1, RUNS - passed)
            cells.append(f"{100 * passed / RUNS:.1f}% ({passed}/{RUNS}) [{100 * lo:.1f}–{100 * hi:.1f}%]")
        print(f"| {name} | " + " | ".join(cells) + " |")
