// Owen's T function, T(h, a) = 1/(2 pi) * integral_0^a exp(-h^2 (1 + x^2) / 2) / (1 + x^2) dx.
// The integral of a circular Gaussian over a triangle with one vertex at the Gaussian's centre is a
// difference of two T values, which makes the subsidence of any polygonal panel exact.
#pragma once

namespace georeserve::subsidence {

// Absolute error below 1e-16 for every h and a (12-point Gauss-Legendre on |a| <= 1, which is at
// machine precision there, and the identity T(h, a) + T(ah, 1/a) = (Phi(h) Q(ah) + Phi(ah) Q(h)) / 2
// beyond). a may be +-infinity: T(h, inf) = Q(h) / 2.
double owens_t(double h, double a);

// Standard normal upper tail Q(x) = 1 - Phi(x), accurate in the tail.
double normal_upper_tail(double x);

}  // namespace georeserve::subsidence
